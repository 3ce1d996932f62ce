import addressparser from 'nodemailer/lib/addressparser/index.js';
import type { TFieldError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import type { TEmailCampaignRow } from './email-campaigns.service.js';

// Who a campaign is from. Without its own from address, a campaign is sent as the instance's MAIL_FROM under the
// campaign's (or the workspace's) name. A from address of its own must be on a domain the product may send for:
// for now the domain of MAIL_FROM (the operator's); a workspace's own sending domains, with their DKIM key and DNS
// records, are the next step of issue 10 and will extend `allowedDomains`.

export type TSender = {
  from: { name: string; address: string };
  /** The From header as text (the outbox shows it). */
  header: string;
  replyTo: string | undefined;
  /** The domain of the from address: Message-IDs are written under it. */
  domain: string;
};

function instanceSender(runtime: Pick<Runtime, 'config'>): { name: string; address: string } {
  const [parsed] = addressparser(runtime.config.mailFrom) as { name: string; address?: string }[];
  return { name: parsed?.name ?? '', address: parsed?.address ?? 'no-reply@localhost' };
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** The domains a workspace may send from. */
function allowedDomains(runtime: Pick<Runtime, 'config'>): string[] {
  return [domainOf(instanceSender(runtime).address)];
}

/** The sender of a campaign's messages. */
export function senderOf(
  runtime: Pick<Runtime, 'config'>,
  campaign: Pick<TEmailCampaignRow, 'from_name' | 'from_email' | 'reply_to'>,
  workspaceName: string,
): TSender {
  const instance = instanceSender(runtime);
  const address = campaign.from_email || instance.address;
  const name = campaign.from_name || workspaceName || instance.name;
  const quoted = `"${name.replace(/["\\]/g, '')}" <${address}>`;
  return { from: { name, address }, header: quoted, replyTo: campaign.reply_to || undefined, domain: domainOf(address) };
}

/** The 400 of a from address the workspace may not send from, or null. */
export function senderError(runtime: Pick<Runtime, 'config'>, campaign: Pick<TEmailCampaignRow, 'from_email'>): TFieldError | null {
  if (!campaign.from_email) return null;
  const domain = domainOf(campaign.from_email);
  if (allowedDomains(runtime).includes(domain)) return null;
  return {
    path: 'body.from_email',
    message: `this workspace may not send from ${domain}: leave the address empty to send as ${instanceSender(runtime).address}`,
    code: 'sender_not_allowed',
    params: { domain },
  };
}
