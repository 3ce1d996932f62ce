// Our checkout script (served as /p/checkout.js on pages with an order form or offer buttons; no build step, like the
// funnels' page-runtime.js). It draws the order form from the step's offer (GET /p/<page>/offer): the product, the
// order bump, the buyer's e-mail and name, and the card: Stripe's Payment Element when the workspace connected
// Stripe, else the built-in test provider's card fields, labelled as a test. On an upsell or downsell page it turns
// the accept link into one click on the saved card. 3-D Secure: Stripe's own, or the test provider's approval box.
// Every money call goes to the public server, which decides (checkout.public-routes.ts); this only shows it.
(function () {
  'use strict';
  var script = document.querySelector('script[data-page][src="/p/checkout.js"]');
  var pageId = script ? script.getAttribute('data-page') : '';
  if (!pageId) return;
  var lang = (document.documentElement.lang || 'fr').slice(0, 2) === 'en' ? 'en' : 'fr';
  var locale = lang === 'en' ? 'en-GB' : 'fr-FR';
  var T = {
    fr: {
      email: 'Adresse e-mail',
      name: 'Nom complet',
      card: 'Numéro de carte',
      expiry: 'Expiration (MM/AA)',
      cvc: 'Code de sécurité',
      total: 'Total',
      pay: 'Payer ',
      then: ' puis ',
      month: '/mois',
      year: '/an',
      paying: 'Paiement en cours…',
      taxIncluded: 'TTC',
      taxExcluded: 'HT, TVA en sus',
      secure: 'Paiement sécurisé',
      testBadge: 'Paiement de test',
      testHelp:
        'Aucune somme n’est débitée. Carte acceptée : 4242 4242 4242 4242, une date future et un code à 3 chiffres. 4000 0027 6000 3184 demande une authentification 3-D Secure.',
      bumpYes: 'Oui, j’ajoute ',
      badEmail: 'Saisissez une adresse e-mail valide.',
      badCard: 'Complétez les informations de la carte.',
      failedReturn: 'Le paiement n’a pas abouti : rien n’a été débité. Réessayez ou utilisez une autre carte.',
      unavailable: 'Ce produit n’est pas en vente pour le moment.',
      network: 'La connexion a été interrompue. Réessayez.',
      threeDsTitle: 'Authentification 3-D Secure (test)',
      threeDsText: 'Votre banque demande de confirmer ce paiement. En paiement de test, choisissez la réponse de la banque.',
      approve: 'Autoriser le paiement',
      refuse: 'Refuser',
    },
    en: {
      email: 'E-mail address',
      name: 'Full name',
      card: 'Card number',
      expiry: 'Expiry (MM/YY)',
      cvc: 'Security code',
      total: 'Total',
      pay: 'Pay ',
      then: ' then ',
      month: '/month',
      year: '/year',
      paying: 'Processing…',
      taxIncluded: 'VAT included',
      taxExcluded: 'excl. VAT',
      secure: 'Secure payment',
      testBadge: 'Test payment',
      testHelp: 'Nothing is charged. Accepted card: 4242 4242 4242 4242, any future date and a 3-digit code. 4000 0027 6000 3184 asks for 3-D Secure.',
      bumpYes: 'Yes, add ',
      badEmail: 'Enter a valid e-mail address.',
      badCard: 'Complete the card details.',
      failedReturn: 'The payment did not go through: nothing was charged. Try again or use another card.',
      unavailable: 'This product is not for sale at the moment.',
      network: 'The connection was interrupted. Try again.',
      threeDsTitle: '3-D Secure authentication (test)',
      threeDsText: 'Your bank asks you to confirm this payment. In a test payment, choose the bank’s answer.',
      approve: 'Approve the payment',
      refuse: 'Refuse',
    },
  }[lang];

  var CSS = [
    '.mk-co-live{display:block!important;border-style:solid!important;text-align:left!important;background-color:#fff!important}',
    '.mk-co{display:grid;gap:16px;font-size:1rem;color:#111827}',
    '.mk-co-product{display:flex;gap:14px;align-items:center}',
    '.mk-co-product img{width:64px;height:64px;object-fit:cover;border-radius:10px}',
    '.mk-co p.mk-co-name{margin:0;color:#111827;font-weight:800;font-size:1.15rem}',
    '.mk-co p.mk-co-price{margin:2px 0 0;color:#374151}',
    '.mk-co-field{display:grid;gap:6px}',
    '.mk-co-field label{font-weight:600;font-size:.95rem}',
    '.mk-co-row{display:grid;grid-template-columns:1fr 1fr;gap:12px}',
    '.mk-co input[type=text],.mk-co input[type=email]{font:inherit;padding:12px 14px;border:1px solid #9ca3af;border-radius:8px;background:#fff;color:#111827;width:100%;box-sizing:border-box}',
    '.mk-co-bump{padding:14px;border:2px dashed #d97706;border-radius:10px;background:#fffbeb}',
    '.mk-co-bump label{display:flex;gap:10px;align-items:flex-start;font-weight:700;cursor:pointer}',
    '.mk-co-bump input{width:20px;height:20px;margin-top:2px;flex:none}',
    '.mk-co .mk-co-bump p{margin:8px 0 0 30px;color:#374151;font-size:.95rem}',
    '.mk-co-test{padding:12px 14px;border-radius:10px;background:#eef2ff;color:#1e1b4b;font-size:.9rem}',
    '.mk-co-test strong{display:inline-block;margin-right:6px;padding:2px 8px;border-radius:999px;background:#3730a3;color:#fff;font-size:.75rem;text-transform:uppercase;letter-spacing:.04em}',
    '.mk-co-total{display:flex;justify-content:space-between;font-weight:800;font-size:1.1rem;border-top:1px solid #e5e7eb;padding-top:12px}',
    // Our own buttons' look (pages from the builder and from the templates name theirs differently), in the page's
    // accent colour when it sets one.
    '.mk-co-btn{display:inline-block;padding:14px 24px;border:0;border-radius:10px;background-color:var(--mk-accent,#4338ca);color:#fff;font:inherit;font-weight:700;font-size:1.05rem;line-height:1.3;text-align:center;cursor:pointer}',
    '.mk-co-btn:focus-visible{outline:3px solid #111827;outline-offset:2px}',
    '.mk-co-submit{width:100%}',
    '.mk-co-submit[disabled],.mk-co-busy{opacity:.7;cursor:progress}',
    '.mk-co-error,.mk-co p.mk-co-error,.mk-co-live p.mk-co-error{margin:0;color:#b3261e;font-weight:600}',
    '.mk-co p.mk-co-note{margin:0;color:#4b5563;font-size:.85rem;text-align:center}',
    '.mk-co-modal{position:fixed;inset:0;background:rgba(17,24,39,.6);display:flex;align-items:center;justify-content:center;padding:16px;z-index:2147483000}',
    '.mk-co-dialog{background:#fff;color:#111827;border-radius:14px;padding:24px;max-width:420px;width:100%;display:grid;gap:14px}',
    '.mk-co-dialog h2{margin:0;font-size:1.2rem}',
    '.mk-co-dialog p{margin:0;color:#111827}',
    '.mk-co-actions{display:flex;gap:10px;flex-wrap:wrap}',
    '.mk-co-secondary{background:#fff!important;color:#111827!important;border:1px solid #6b7280!important;box-shadow:none!important}',
  ].join('');

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attrs[key];
      else if (key === 'className') node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(child);
    });
    return node;
  }

  function money(cents, currency) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
    } catch {
      return (cents / 100).toFixed(2) + ' ' + currency.toUpperCase();
    }
  }

  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body || {}),
    }).then(function (response) {
      return response.json().then(
        function (json) {
          return json;
        },
        function () {
          return { status: 'failed', message: T.network };
        },
      );
    });
  }

  function newKey() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map
      .call(bytes, function (b) {
        return ('0' + b.toString(16)).slice(-2);
      })
      .join('');
  }

  function utm(key) {
    var value = new URLSearchParams(location.search).get(key);
    try {
      return value || sessionStorage.getItem('mk_' + key) || undefined;
    } catch {
      return value || undefined;
    }
  }

  var stripeLoading = null;
  function loadStripe(publishableKey) {
    if (!stripeLoading) {
      stripeLoading = new Promise(function (resolve, reject) {
        var tag = el('script', { src: 'https://js.stripe.com/v3/' });
        tag.onload = function () {
          resolve(window.Stripe(publishableKey, { locale: lang }));
        };
        tag.onerror = reject;
        document.head.appendChild(tag);
      });
    }
    return stripeLoading;
  }

  /** The test provider's 3-D Secure box: resolves with the server's answer to the buyer's choice. */
  function testAuthentication(clientSecret) {
    return new Promise(function (resolve) {
      var approve = el('button', { type: 'button', className: 'mk-co-btn', text: T.approve });
      var refuse = el('button', { type: 'button', className: 'mk-co-btn mk-co-secondary', text: T.refuse });
      var title = el('h2', { id: 'mk-co-3ds-title', text: T.threeDsTitle });
      var dialog = el('div', { className: 'mk-co-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'mk-co-3ds-title' }, [
        title,
        el('p', { text: T.threeDsText }),
        el('div', { className: 'mk-co-actions' }, [approve, refuse]),
      ]);
      var modal = el('div', { className: 'mk-co-modal' }, [dialog]);
      document.body.appendChild(modal);
      approve.focus();
      function answer(yes) {
        approve.disabled = true;
        refuse.disabled = true;
        post('/p/' + pageId + '/pay/test-authenticate', { client_secret: clientSecret, approve: yes }).then(
          function (result) {
            modal.remove();
            resolve(result);
          },
          function () {
            modal.remove();
            resolve({ status: 'failed', message: T.network });
          },
        );
      }
      approve.addEventListener('click', function () {
        answer(true);
      });
      refuse.addEventListener('click', function () {
        answer(false);
      });
    });
  }

  /** After a payment call: on to the next step, authenticate first, or say why not. */
  function settle(result, offer, showError) {
    if (result.status === 'succeeded' || result.status === 'processing') {
      location.assign(result.redirect);
      return Promise.resolve(true);
    }
    if (result.status === 'requires_action' && result.provider === 'test') {
      return testAuthentication(result.client_secret).then(function (next) {
        return settle(next, offer, showError);
      });
    }
    if (result.status === 'requires_action' && result.provider === 'stripe') {
      return loadStripe(result.publishable_key)
        .then(function (stripe) {
          return stripe.handleNextAction({ clientSecret: result.client_secret });
        })
        .then(function () {
          return post('/p/' + pageId + '/accept/confirm', { payment_id: result.payment_id });
        })
        .then(function (next) {
          return settle(next, offer, showError);
        });
    }
    showError(result.message || T.failedReturn);
    return Promise.resolve(false);
  }

  function field(label, input) {
    var id = 'mk-co-' + input.getAttribute('name') + '-' + Math.random().toString(36).slice(2, 7);
    input.id = id;
    return el('div', { className: 'mk-co-field' }, [el('label', { for: id, text: label }), input]);
  }

  function drawOrderForm(container, offer) {
    container.classList.add('mk-co-live');
    container.textContent = '';
    var currency = offer.price.currency;
    var email = el('input', { type: 'email', name: 'email', required: '', autocomplete: 'email' });
    var name = el('input', { type: 'text', name: 'name', autocomplete: 'name' });
    var bumpBox = el('input', { type: 'checkbox', name: 'bump' });
    var error = el('p', { className: 'mk-co-error', role: 'alert' });
    error.hidden = true;
    var totalValue = el('span');
    var submit = el('button', { type: 'submit', className: 'mk-co-btn mk-co-submit' });
    var payArea = el('div', { className: 'mk-co-pay' });
    var cardNumber, cardExpiry, cardCvc, stripe, elements;
    var key = newKey();

    function total() {
      return offer.price.amount_cents + (offer.bump && bumpBox.checked ? offer.bump.amount_cents : 0);
    }
    // A subscription: the first period is paid now (with the bump), then the price each month or year.
    var per = offer.price.interval === 'month' ? T.month : offer.price.interval === 'year' ? T.year : '';
    var recurring = per ? T.then + money(offer.price.amount_cents, currency) + per : '';
    function refreshTotal() {
      totalValue.textContent = money(total(), currency) + recurring;
      submit.textContent = T.pay + money(total(), currency) + recurring;
      if (elements) elements.update({ amount: total() });
    }
    function showError(message) {
      error.textContent = message;
      error.hidden = false;
    }

    var bump = offer.bump
      ? el('div', { className: 'mk-co-bump' }, [
          el('label', {}, [bumpBox, el('span', { text: T.bumpYes + offer.bump.title + ' (+' + money(offer.bump.amount_cents, currency) + ')' })]),
          offer.bump.pitch ? el('p', { text: offer.bump.pitch }) : null,
        ])
      : null;

    if (offer.provider.kind === 'test') {
      cardNumber = el('input', { type: 'text', name: 'card', inputmode: 'numeric', autocomplete: 'cc-number', placeholder: '4242 4242 4242 4242' });
      cardExpiry = el('input', { type: 'text', name: 'expiry', inputmode: 'numeric', autocomplete: 'cc-exp', placeholder: 'MM/AA' });
      cardCvc = el('input', { type: 'text', name: 'cvc', inputmode: 'numeric', autocomplete: 'cc-csc', placeholder: '123' });
      payArea.appendChild(el('div', { className: 'mk-co-test', role: 'note' }, [el('strong', { text: T.testBadge }), document.createTextNode(T.testHelp)]));
      payArea.appendChild(field(T.card, cardNumber));
      payArea.appendChild(el('div', { className: 'mk-co-row' }, [field(T.expiry, cardExpiry), field(T.cvc, cardCvc)]));
    } else {
      if (offer.provider.test_mode) payArea.appendChild(el('div', { className: 'mk-co-test', role: 'note' }, [el('strong', { text: T.testBadge })]));
      var mount = el('div', { className: 'mk-co-element' });
      payArea.appendChild(mount);
      loadStripe(offer.provider.publishable_key).then(
        function (loaded) {
          stripe = loaded;
          // Stripe's deferred payment: the card is typed before the order exists; the amount follows the bump.
          elements = stripe.elements({ mode: 'payment', amount: total(), currency: currency.toLowerCase(), setupFutureUsage: 'off_session', locale: lang });
          elements.create('payment').mount(mount);
        },
        function () {
          showError(T.network);
        },
      );
    }

    var form = el('form', { className: 'mk-co', novalidate: '' }, [
      el('div', { className: 'mk-co-product' }, [
        offer.product.image_url ? el('img', { src: offer.product.image_url, alt: '' }) : null,
        el('div', {}, [
          el('p', { className: 'mk-co-name', text: offer.product.name }),
          el('p', {
            className: 'mk-co-price',
            text: money(offer.price.amount_cents, currency) + per + ' ' + (offer.price.tax_included ? T.taxIncluded : T.taxExcluded),
          }),
        ]),
      ]),
      field(T.email, email),
      field(T.name, name),
      bump,
      payArea,
      el('div', { className: 'mk-co-total' }, [el('span', { text: T.total }), totalValue]),
      error,
      submit,
      el('p', { className: 'mk-co-note', text: '🔒 ' + T.secure }),
    ]);
    container.appendChild(form);
    refreshTotal();
    // What the buyer changes makes another order: a new key; the same form sent twice keeps the first one's.
    bumpBox.addEventListener('change', function () {
      key = newKey();
      refreshTotal();
    });
    email.addEventListener('change', function () {
      key = newKey();
    });
    if (new URLSearchParams(location.search).get('paiement') === 'echec') showError(T.failedReturn);

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      error.hidden = true;
      if (!email.value.trim() || !email.checkValidity()) {
        showError(T.badEmail);
        email.focus();
        return;
      }
      var card = null;
      if (offer.provider.kind === 'test') {
        var expiry = cardExpiry.value.replace(/\s/g, '').split('/');
        if (!cardNumber.value.trim() || expiry.length !== 2 || !cardCvc.value.trim()) {
          showError(T.badCard);
          cardNumber.focus();
          return;
        }
        card = { number: cardNumber.value.trim(), exp_month: expiry[0], exp_year: expiry[1], cvc: cardCvc.value.trim() };
      }
      submit.disabled = true;
      submit.textContent = T.paying;
      var ready = elements ? elements.submit() : Promise.resolve({});
      ready
        .then(function (checked) {
          if (checked && checked.error) throw { message: checked.error.message };
          return post('/p/' + pageId + '/checkout', {
            email: email.value.trim(),
            name: name.value.trim() || undefined,
            bump: Boolean(offer.bump && bumpBox.checked),
            idempotency_key: key,
            utm_source: utm('utm_source'),
            utm_medium: utm('utm_medium'),
            utm_campaign: utm('utm_campaign'),
          });
        })
        .then(function (started) {
          if (started.status !== 'pay') return settle(started, offer, showError);
          if (started.provider === 'test') {
            return post('/p/' + pageId + '/pay/test-card', { client_secret: started.client_secret, card: card }).then(function (result) {
              return settle(result, offer, showError);
            });
          }
          // Stripe confirms (3-D Secure included) and comes back to the return address, which checks the payment.
          return stripe
            .confirmPayment({ elements: elements, clientSecret: started.client_secret, confirmParams: { return_url: location.origin + started.return_url } })
            .then(function (result) {
              if (result.error) showError(result.error.message || T.failedReturn);
              return false;
            });
        })
        .then(
          function (done) {
            if (!done) {
              submit.disabled = false;
              refreshTotal();
            }
          },
          function (problem) {
            showError((problem && problem.message) || T.network);
            submit.disabled = false;
            refreshTotal();
          },
        );
    });
  }

  function wireOfferLink(link) {
    // A div, not a p: the page's own paragraph styles must not paint the error grey.
    var error = el('div', { className: 'mk-co-error', role: 'alert' });
    error.hidden = true;
    link.parentNode.insertBefore(error, link.nextSibling);
    var busy = false;
    function idle() {
      busy = false;
      link.classList.remove('mk-co-busy');
      link.removeAttribute('aria-busy');
    }
    link.addEventListener('click', function (event) {
      event.preventDefault();
      // One charge per click at most: a second click while the first is on its way does nothing.
      if (busy) return;
      busy = true;
      error.hidden = true;
      link.classList.add('mk-co-busy');
      link.setAttribute('aria-busy', 'true');
      post('/p/' + pageId + '/accept', {})
        .then(function (result) {
          return settle(result, null, function (message) {
            error.textContent = message;
            error.hidden = false;
          });
        })
        .then(
          function (done) {
            if (!done) idle();
          },
          function () {
            idle();
            error.textContent = T.network;
            error.hidden = false;
          },
        );
    });
  }

  document.head.appendChild(el('style', { text: CSS }));
  var orderForms = document.querySelectorAll('[data-mk="order-form"]');
  if (orderForms.length > 0) {
    fetch('/p/' + pageId + '/offer', { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (offer) {
        Array.prototype.forEach.call(orderForms, function (container) {
          if (offer && offer.kind === 'order') drawOrderForm(container, offer);
          else {
            container.textContent = '';
            container.appendChild(el('p', { className: 'mk-co-error', role: 'status', text: T.unavailable }));
          }
        });
      })
      .catch(function () {});
  }
  Array.prototype.forEach.call(document.querySelectorAll('a[data-mk="upsell-accept"]'), wireOfferLink);
})();
