// Our script on every published funnel page (served from the public server as /p/runtime.js; no build step, written
// for every browser of the last five years). It carries the visit's UTM parameters and first outside referrer from
// page to page (sessionStorage) into the forms' hidden fields, sends forms without leaving the page to show errors
// beside their fields, and runs countdowns and the VSL's delayed blocks. Pages work without it: forms post and
// redirect, delayed blocks show (noscript style).
(function () {
  'use strict';
  // The ad networks' click ids ride along like the UTM parameters (public-paths.ts, CLICK_ID_FIELDS).
  var KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'gclid', 'fbclid', 'li_fat_id'];
  var params = new URLSearchParams(location.search);

  function remember(key, value) {
    try {
      if (value) sessionStorage.setItem('mk_' + key, value);
      return sessionStorage.getItem('mk_' + key) || value || '';
    } catch {
      return value || '';
    }
  }

  var visit = {};
  KEYS.forEach(function (key) {
    visit[key] = remember(key, params.get(key));
  });
  var outside = '';
  try {
    if (document.referrer && new URL(document.referrer).host !== location.host) outside = document.referrer;
  } catch {
    outside = '';
  }
  visit.mk_ref = remember('ref', outside);

  function clearErrors(form) {
    form.querySelectorAll('.mk-field-error').forEach(function (el) {
      el.remove();
    });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) {
      el.removeAttribute('aria-invalid');
    });
    var general = form.querySelector('.mk-form-error');
    if (general) general.hidden = true;
  }

  function showErrors(form, errors) {
    var general = form.querySelector('.mk-form-error');
    errors.forEach(function (error) {
      var input = form.querySelector('[name="' + error.field.replace(/"/g, '') + '"]');
      if (!input) return;
      input.setAttribute('aria-invalid', 'true');
      var note = document.createElement('span');
      note.className = 'mk-field-error';
      note.textContent = error.message;
      var anchor = input.closest('label') || input;
      anchor.insertAdjacentElement('afterend', note);
    });
    if (general && errors.length > 0) {
      general.textContent = errors[0].message;
      general.hidden = false;
    }
  }

  document.querySelectorAll('form[data-mk-form]').forEach(function (form) {
    Object.keys(visit).forEach(function (key) {
      var input = form.querySelector('input[type="hidden"][name="' + key + '"]');
      if (input) input.value = visit[key];
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearErrors(form);
      var button = form.querySelector('[type="submit"], button:not([type])');
      if (button) button.disabled = true;
      fetch(form.action, {
        method: 'POST',
        headers: { accept: 'application/json' },
        body: new URLSearchParams(new FormData(form)),
        credentials: 'same-origin',
      })
        .then(function (response) {
          return response.json();
        })
        .then(function (body) {
          if (body && body.redirect) {
            location.assign(body.redirect);
            return;
          }
          if (button) button.disabled = false;
          showErrors(form, body && body.errors ? body.errors : [{ field: '', message: form.getAttribute('data-msg-error') || '' }]);
          if (!(body && body.errors)) {
            var general = form.querySelector('.mk-form-error');
            if (general) {
              general.textContent = form.getAttribute('data-msg-error') || '';
              general.hidden = false;
            }
          }
        })
        .catch(function () {
          if (button) button.disabled = false;
          var general = form.querySelector('.mk-form-error');
          if (general) {
            general.textContent = form.getAttribute('data-msg-error') || '';
            general.hidden = false;
          }
        });
    });
  });

  // Countdowns: to a fixed time, or evergreen (the visitor's own deadline from their first view, kept in localStorage).
  document.querySelectorAll('[data-mk="countdown"]').forEach(function (block, index) {
    var end;
    if (block.getAttribute('data-mode') === 'evergreen') {
      var key = 'mk_cd_' + location.pathname + '_' + index;
      var minutes = Number(block.getAttribute('data-minutes')) || 15;
      try {
        var saved = Number(localStorage.getItem(key));
        end = saved > 0 ? saved : Date.now() + minutes * 60000;
        localStorage.setItem(key, String(end));
      } catch {
        end = Date.now() + minutes * 60000;
      }
    } else {
      end = Date.parse(block.getAttribute('data-until') || '');
    }
    if (!isFinite(end)) return;
    function tick() {
      var left = Math.max(0, Math.floor((end - Date.now()) / 1000));
      var parts = { days: Math.floor(left / 86400), hours: Math.floor((left % 86400) / 3600), minutes: Math.floor((left % 3600) / 60), seconds: left % 60 };
      block.querySelectorAll('[data-unit]').forEach(function (el) {
        var value = parts[el.getAttribute('data-unit')];
        if (value !== undefined) el.textContent = value < 10 ? '0' + value : String(value);
      });
      if (left === 0) {
        var expired = block.getAttribute('data-expired-text');
        if (expired) block.textContent = expired;
        return;
      }
      setTimeout(tick, 1000);
    }
    tick();
  });

  // Delayed blocks (the VSL's call to action): after the page's video played N seconds, or N seconds on the page for
  // an embedded player (its playing time cannot be read without the provider's script).
  var video = document.querySelector('.mk-video video');
  document.querySelectorAll('[data-mk="reveal"]').forEach(function (block) {
    var after = Number(block.getAttribute('data-after')) || 0;
    function show() {
      block.classList.add('mk-revealed');
    }
    if (after <= 0) return show();
    if (video) {
      video.addEventListener('timeupdate', function () {
        if (video.currentTime >= after) show();
      });
    } else {
      setTimeout(show, after * 1000);
    }
  });
})();
