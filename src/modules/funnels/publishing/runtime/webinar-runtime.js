// Our webinar script (served as /p/webinar.js on pages with webinar blocks; no build step, like page-runtime.js).
// Registration forms get the sessions offered now (GET /p/<page>/sessions, per visit: the page itself is cached);
// watch pages and confirmation pages read the state of the visitor's registration from their link's token
// (GET /p/<page>/webinar?t=<token>): the state block to show (before: start time and countdown; live; replay; ended;
// invalid), the player while it plays, and the watch link. The countdown's markup is the countdown block's.
(function () {
  'use strict';
  var script = document.querySelector('script[data-page][src="/p/webinar.js"]');
  var pageId = script ? script.getAttribute('data-page') : '';
  if (!pageId) return;
  var lang = (document.documentElement.lang || 'fr').slice(0, 2);
  var TEXT = {
    fr: { session: 'Choisissez votre session', none: 'Aucune session n’est proposée pour le moment.' },
    en: { session: 'Choose your session', none: 'No session is available at the moment.' },
  }[lang === 'en' ? 'en' : 'fr'];

  function byKind(kind, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll('[data-mk="' + kind + '"]'));
  }

  // Registration forms: the session list, filled with what is offered now.
  var forms = byKind('webinar-form').filter(function (el) {
    return el.tagName === 'FORM';
  });
  if (forms.length > 0) {
    fetch('/p/' + pageId + '/sessions', { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (body) {
        // No webinar settings yet: the form stays a plain opt-in.
        if (!body) return;
        forms.forEach(function (form) {
          fillSessions(form, body.sessions || []);
        });
      })
      .catch(function () {});
  }

  function fillSessions(form, sessions) {
    var select = form.querySelector('select[name="session"]');
    if (!select) {
      var field = document.createElement('div');
      field.className = 'mk-field';
      var id = 'mk-session-' + Math.random().toString(36).slice(2, 8);
      var label = document.createElement('label');
      label.setAttribute('for', id);
      label.textContent = form.getAttribute('data-mk-session-label') || TEXT.session;
      select = document.createElement('select');
      select.className = 'mk-input';
      select.id = id;
      select.name = 'session';
      field.appendChild(label);
      field.appendChild(select);
      var fields = form.querySelectorAll('.mk-field');
      var last = fields.length > 0 ? fields[fields.length - 1] : null;
      if (last && last.parentNode) last.parentNode.insertBefore(field, last.nextSibling);
      else form.insertBefore(field, form.firstChild);
    }
    select.required = true;
    select.innerHTML = '';
    var formatter = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    sessions.forEach(function (session) {
      var option = document.createElement('option');
      option.value = session.starts_at;
      // In the visitor's own time zone (the server's label is in the webinar's).
      option.textContent = formatter.format(new Date(session.starts_at));
      select.appendChild(option);
    });
    if (sessions.length === 0) {
      var button = form.querySelector('[type="submit"], button:not([type])');
      if (button) button.disabled = true;
      var general = form.querySelector('.mk-form-error');
      if (general) {
        general.textContent = TEXT.none;
        general.hidden = false;
      }
    }
  }

  // Watch and confirmation pages: the visitor's registration, from their link's token.
  var states = byKind('webinar-state');
  var links = byKind('webinar-link');
  var fields = byKind('webinar-field');
  if (states.length === 0 && links.length === 0 && fields.length === 0) return;
  var params = new URLSearchParams(location.search);
  var token = params.get('t') || '';
  try {
    if (token) sessionStorage.setItem('mk_webinar_t', token);
    else token = sessionStorage.getItem('mk_webinar_t') || '';
  } catch {
    // Storage refused (private mode): the link's token only.
  }
  links.forEach(function (link) {
    if (link.getAttribute('data-link') !== 'register') link.hidden = true;
  });

  function show(state) {
    states.forEach(function (block) {
      block.classList.toggle('mk-webinar-shown', block.getAttribute('data-state') === state);
    });
  }

  function player(video) {
    var el;
    if (video.provider === 'youtube') {
      el = document.createElement('iframe');
      el.src = 'https://www.youtube-nocookie.com/embed/' + encodeURIComponent(video.video) + '?rel=0&autoplay=1';
    } else if (video.provider === 'vimeo') {
      el = document.createElement('iframe');
      el.src = 'https://player.vimeo.com/video/' + encodeURIComponent(video.video) + '?dnt=1&autoplay=1';
    } else {
      el = document.createElement('video');
      el.src = video.video;
      el.controls = true;
      el.setAttribute('playsinline', '');
    }
    if (el.tagName === 'IFRAME') {
      el.title = 'Webinar';
      el.setAttribute('allow', 'autoplay; fullscreen; picture-in-picture');
    }
    return el;
  }

  function countdowns(until) {
    states.forEach(function (block) {
      byKind('webinar-countdown', block).forEach(function (el) {
        function tick() {
          var left = Math.max(0, Math.floor((until - Date.now()) / 1000));
          var parts = { days: Math.floor(left / 86400), hours: Math.floor((left % 86400) / 3600), minutes: Math.floor((left % 3600) / 60), seconds: left % 60 };
          el.querySelectorAll('[data-unit]').forEach(function (unit) {
            var value = parts[unit.getAttribute('data-unit')];
            if (value !== undefined) unit.textContent = value < 10 ? '0' + value : String(value);
          });
          if (left > 0) setTimeout(tick, 1000);
        }
        tick();
      });
    });
  }

  function load() {
    fetch('/p/' + pageId + '/webinar?t=' + encodeURIComponent(token), { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok, body: body || {} };
        });
      })
      .then(function (answer) {
        var body = answer.body;
        links.forEach(function (link) {
          var target = link.getAttribute('data-link') === 'register' ? body.register_url : answer.ok ? body.watch_url : null;
          if (target) {
            link.href = target;
            link.hidden = false;
          }
        });
        if (!answer.ok) return show('invalid');
        fields.forEach(function (field) {
          var value = body[field.getAttribute('data-field') + '_text'];
          if (value) field.textContent = value;
        });
        show(body.state);
        var serverSkew = Date.parse(body.now) - Date.now();
        var start = Date.parse(body.starts_at) - serverSkew;
        if (body.state === 'before') countdowns(start);
        states.forEach(function (block) {
          byKind('webinar-video', block).forEach(function (slot) {
            var playing = block.getAttribute('data-state') === body.state && body.video;
            if (!playing) {
              slot.querySelectorAll('iframe, video').forEach(function (el) {
                el.remove();
              });
              return;
            }
            if (slot.querySelector('iframe, video')) return;
            slot.innerHTML = '';
            slot.classList.add('mk-video');
            slot.appendChild(player(body.video));
          });
        });
        // The next change of state: the start, the end, the replay's end.
        var next = [body.starts_at, body.ends_at, body.replay_until]
          .map(function (at) {
            return at ? Date.parse(at) - serverSkew : NaN;
          })
          .filter(function (at) {
            return isFinite(at) && at > Date.now();
          })
          .sort(function (a, b) {
            return a - b;
          })[0];
        // One pending reload at a time: only this answer schedules the next.
        if (next && next - Date.now() < 2147483647) setTimeout(load, next - Date.now() + 1000);
      })
      .catch(function () {});
  }
  load();
})();
