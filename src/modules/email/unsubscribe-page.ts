// The unsubscribe page of the public server: plain HTML, no cookie, no script, French or English (the browser's
// Accept-Language). Its buttons post to the message's own unsubscribe URL.

export type TUnsubscribePageState = {
  kind: 'subscribed' | 'unsubscribed' | 'resubscribed' | 'preview';
  workspace: string;
};

const TEXT = {
  fr: {
    title: 'Vos e-mails',
    subscribed: (w: string) => `Vous recevez les e-mails de ${w}.`,
    unsubscribe: 'Me désinscrire de tous les e-mails',
    unsubscribed: (w: string) => `C'est fait : vous ne recevrez plus d'e-mails de ${w}.`,
    resubscribe: 'Me réinscrire',
    changedMind: 'Désinscrit par erreur ?',
    resubscribed: (w: string) => `Vous êtes de nouveau inscrit aux e-mails de ${w}.`,
    preview: 'Aperçu de la page de désinscription : dans un vrai message, ce lien désinscrit le destinataire en un clic.',
  },
  en: {
    title: 'Your emails',
    subscribed: (w: string) => `You receive emails from ${w}.`,
    unsubscribe: 'Unsubscribe from all emails',
    unsubscribed: (w: string) => `Done: you will no longer receive emails from ${w}.`,
    resubscribe: 'Subscribe again',
    changedMind: 'Unsubscribed by mistake?',
    resubscribed: (w: string) => `You are subscribed again to emails from ${w}.`,
    preview: 'Preview of the unsubscribe page: in a real message, this link unsubscribes the recipient in one click.',
  },
};

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function unsubscribePage(options: { lang: 'fr' | 'en'; state: TUnsubscribePageState; action: string }): string {
  const t = TEXT[options.lang];
  const w = escape(options.state.workspace);
  const button = (choice: 'unsubscribe' | 'resubscribe', label: string) =>
    `<form method="post" action="${escape(options.action)}"><input type="hidden" name="choice" value="${choice}"><button type="submit">${label}</button></form>`;
  let body: string;
  switch (options.state.kind) {
    case 'preview':
      body = `<p>${t.preview}</p>`;
      break;
    case 'subscribed':
      body = `<p>${t.subscribed(w)}</p>${button('unsubscribe', t.unsubscribe)}`;
      break;
    case 'unsubscribed':
      body = `<p role="status">${t.unsubscribed(w)}</p><p>${t.changedMind}</p>${button('resubscribe', t.resubscribe)}`;
      break;
    case 'resubscribed':
      body = `<p role="status">${t.resubscribed(w)}</p>${button('unsubscribe', t.unsubscribe)}`;
      break;
  }
  return `<!doctype html><html lang="${options.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${t.title}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1.25rem;color:#1f2328;background:#fff;line-height:1.5}
h1{font-size:1.5rem}button{font:inherit;padding:.6rem 1.1rem;border-radius:.4rem;border:1px solid #1c5fb8;background:#1c5fb8;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #0b3d80;outline-offset:2px}
@media (prefers-color-scheme:dark){body{background:#16181d;color:#e6e8eb}button{background:#3b82f6;border-color:#3b82f6;color:#0b0d10}}
</style></head><body><main><h1>${t.title}</h1>${body}</main></body></html>`;
}
