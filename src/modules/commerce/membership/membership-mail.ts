import type { TFunnelLanguage } from '../../../contracts/funnels.js';
import { escapeHtml } from '../../../platform/http/escape-html.js';

// The member's e-mail: the welcome after the first purchase, or the sign-in link they asked for. Plain words, the link
// valid 24 hours, and where to ask for a new one.

export function memberAccessMail(input: { language: TFunnelLanguage; area: string; link: string; signIn: string; kind: 'welcome' | 'sign_in' }) {
  const fr = input.language === 'fr';
  const subject = fr
    ? input.kind === 'welcome'
      ? `Vos accès à l’espace membre – ${input.area}`
      : `Votre lien de connexion – ${input.area}`
    : input.kind === 'welcome'
      ? `Your access to the members' area – ${input.area}`
      : `Your sign-in link – ${input.area}`;
  const intro = fr
    ? input.kind === 'welcome'
      ? 'Merci pour votre achat : votre espace membre est ouvert.'
      : 'Voici le lien de connexion demandé pour votre espace membre.'
    : input.kind === 'welcome'
      ? 'Thank you for your purchase: your members’ area is open.'
      : 'Here is the sign-in link you asked for, for your members’ area.';
  const button = fr ? 'Ouvrir mon espace membre' : 'Open my members’ area';
  const validity = fr
    ? 'Ce lien est valable 24 heures et vous garde connecté(e) 30 jours sur ce navigateur. Pour un nouveau lien :'
    : 'This link is valid for 24 hours and keeps you signed in for 30 days in this browser. For a new link:';
  const text = `${intro}\n\n${button} : ${input.link}\n\n${validity} ${input.signIn}\n`;
  const html =
    `<p>${escapeHtml(intro)}</p>` +
    `<p><a href="${escapeHtml(input.link)}" style="display:inline-block;padding:12px 20px;background:#4338ca;color:#ffffff;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(button)}</a></p>` +
    `<p style="color:#4b5563">${escapeHtml(validity)} <a href="${escapeHtml(input.signIn)}">${escapeHtml(input.signIn)}</a></p>`;
  return { subject, text, html };
}
