import type { SecretBox } from '../../../platform/crypto/secret-box.js';
import type { Db } from '../../../platform/db/database.js';
import { sendMail } from '../../../platform/mail/mail.jobs.js';
import type { Runtime } from '../../../platform/runtime.js';
import type { TFunnelLanguage } from '../../../contracts/funnels.js';
import { escapeAttribute } from './html-escape.js';

// Double opt-in: a funnel that asks for it mails each new sign-up a link; the lead is mailable once the link is
// clicked. The link carries a signed token (workspace, lead, issue time), so nothing is stored for it; it is valid for
// CONFIRM_LINK_TTL_MS and only confirms a lead still waiting (lead-capture.service.ts, confirmOptin).

const PURPOSE = 'funnel-optin-confirm';
export const CONFIRM_LINK_TTL_MS = 30 * 24 * 3600_000;
export const CONFIRM_PATH_PREFIX = '/p/confirm/';

export type TConfirmation = { workspaceId: string; leadId: string };

export function confirmationToken(secrets: SecretBox, target: TConfirmation, issuedAt: Date): string {
  const value = `${target.workspaceId}.${target.leadId}.${issuedAt.getTime().toString(36)}`;
  return `${value}.${secrets.sign(PURPOSE, value)}`;
}

/** The workspace and lead a token names, when it is ours and recent enough; undefined otherwise. */
export function readConfirmationToken(secrets: SecretBox, token: string, now: Date): TConfirmation | undefined {
  const parts = token.split('.');
  if (parts.length !== 4) return undefined;
  const [workspaceId, leadId, issued, signature] = parts as [string, string, string, string];
  if (!UUID.test(workspaceId) || !UUID.test(leadId) || !/^[0-9a-z]{1,12}$/.test(issued)) return undefined;
  if (!secrets.verify(PURPOSE, `${workspaceId}.${leadId}.${issued}`, signature)) return undefined;
  const age = now.getTime() - parseInt(issued, 36);
  return age >= 0 && age <= CONFIRM_LINK_TTL_MS ? { workspaceId, leadId } : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Queues the confirmation mail in the opt-in's transaction (no mail for a rolled-back sign-up). */
export async function sendConfirmationMail(
  runtime: Pick<Runtime, 'mailer' | 'queue' | 'secrets' | 'config'>,
  db: Db,
  input: TConfirmation & { email: string; firstName: string | null; funnelName: string; language: TFunnelLanguage },
): Promise<void> {
  const link = `${runtime.config.publicUrl}${CONFIRM_PATH_PREFIX}${confirmationToken(runtime.secrets, input, new Date())}`;
  await sendMail(
    runtime,
    { workspaceId: input.workspaceId, category: 'funnel_optin_confirmation', to: input.email, ...confirmationMail({ ...input, link }) },
    { db },
  );
}

function confirmationMail(input: { firstName: string | null; funnelName: string; language: TFunnelLanguage; link: string }) {
  const fr = input.language === 'fr';
  const hello = fr ? `Bonjour${input.firstName ? ` ${input.firstName}` : ''},` : `Hello${input.firstName ? ` ${input.firstName}` : ''},`;
  const body = fr
    ? `Vous venez de vous inscrire sur « ${input.funnelName} ». Pour confirmer votre adresse e-mail et recevoir nos messages, cliquez sur ce lien :`
    : `You just signed up on “${input.funnelName}”. To confirm your email address and receive our messages, open this link:`;
  const button = fr ? 'Je confirme mon adresse' : 'Confirm my address';
  const ignore = fr
    ? "Si vous n'êtes pas à l'origine de cette inscription, ignorez ce message : vous ne recevrez rien d'autre."
    : 'If you did not sign up, ignore this mail: you will receive nothing else.';
  const subject = fr ? `Confirmez votre inscription : ${input.funnelName}` : `Confirm your sign-up: ${input.funnelName}`;
  const html = `<!doctype html><html lang="${input.language}"><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a">
<p>${escapeAttribute(hello)}</p><p>${escapeAttribute(body)}</p>
<p><a href="${escapeAttribute(input.link)}" style="display:inline-block;background:#1c4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${button}</a></p>
<p style="font-size:13px;color:#4a4a4a">${escapeAttribute(ignore)}</p></body></html>`;
  return { subject, text: `${hello}\n\n${body}\n${input.link}\n\n${ignore}`, html };
}

/**
 * The pages of a confirmation link. The link opens a page with a button that posts the confirmation: mail scanners
 * that open every link (GET) do not confirm on the person's behalf.
 */
export function confirmationPage(language: TFunnelLanguage, state: 'ask' | 'confirmed' | 'invalid', action = ''): string {
  const fr = language === 'fr';
  const texts = {
    ask: fr
      ? ['Confirmez votre inscription', 'Un clic pour confirmer votre adresse e-mail.']
      : ['Confirm your sign-up', 'One click to confirm your email address.'],
    confirmed: fr
      ? ['Adresse confirmée', 'Merci ! Votre inscription est confirmée : vous recevrez nos prochains messages.']
      : ['Address confirmed', 'Thank you! Your sign-up is confirmed: you will receive our next messages.'],
    invalid: fr
      ? ['Lien expiré ou invalide', "Ce lien de confirmation n'est plus valable. Inscrivez-vous à nouveau pour en recevoir un autre."]
      : ['Link expired or invalid', 'This confirmation link is no longer valid. Sign up again to receive a new one.'],
  } as const;
  const [title, text] = texts[state];
  const button = fr ? 'Je confirme mon adresse' : 'Confirm my address';
  const form =
    state === 'ask'
      ? `<form method="post" action="${escapeAttribute(action)}"><button type="submit" style="font:inherit;background:#1c4ed8;color:#fff;border:0;border-radius:6px;padding:12px 20px;font-weight:600;cursor:pointer">${button}</button></form>`
      : '';
  return `<!doctype html><html lang="${language}"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title><body style="font-family:system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem"><h1>${title}</h1><p>${text}</p>${form}</body></html>`;
}
