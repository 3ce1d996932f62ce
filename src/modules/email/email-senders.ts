import addressparser from 'nodemailer/lib/addressparser/index.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { AppError, type TFieldError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import type { TEmailCampaignRow } from './email-campaigns.service.js';
import { dkimKeys, type TDkimKey } from './email-domains.service.js';
import { getEmailSettings } from './email-settings.service.js';

// Who a campaign is from: its own from name and address, else the workspace's default sender (Settings >
// E-mails), else the workspace's name at the instance's MAIL_FROM. A from address must be on a domain the
// product may send for: the instance's (MAIL_FROM's) or one the workspace added (Settings > E-mails > Domaines),
// whose DKIM key then signs every message.

export type TSender = {
  from: { name: string; address: string };
  /** The From header as text (the outbox shows it). */
  header: string;
  replyTo: string | undefined;
  /** The domain of the from address: Message-IDs are written under it. */
  domain: string;
  /** The key that signs messages from a workspace's own domain; none for the instance's. */
  dkim: TDkimKey | undefined;
};

/** What decides a workspace's senders: the instance's address, the workspace's default sender and its domains. */
export type TSenderPolicy = {
  instance: { name: string; address: string };
  defaults: { from_name: string; from_email: string; reply_to: string };
  keys: Map<string, TDkimKey>;
};

export async function senderPolicy(runtime: Pick<Runtime, 'config' | 'secrets'>, tenant: Tenant): Promise<TSenderPolicy> {
  const [settings, keys] = await Promise.all([getEmailSettings(tenant.db, tenant.workspaceId), dkimKeys(runtime, tenant)]);
  return {
    instance: instanceSender(runtime),
    defaults: { from_name: settings.default_from_name, from_email: settings.default_from_email, reply_to: settings.default_reply_to },
    keys,
  };
}

function instanceSender(runtime: Pick<Runtime, 'config'>): { name: string; address: string } {
  const [parsed] = addressparser(runtime.config.mailFrom) as { name: string; address?: string }[];
  return { name: parsed?.name ?? '', address: parsed?.address ?? 'no-reply@localhost' };
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

type TSenderFields = Pick<TEmailCampaignRow, 'from_name' | 'from_email' | 'reply_to'>;

/** The sender of a campaign's messages. */
export function senderOf(policy: TSenderPolicy, campaign: TSenderFields, workspaceName: string): TSender {
  const address = campaign.from_email || policy.defaults.from_email || policy.instance.address;
  const name = campaign.from_name || policy.defaults.from_name || workspaceName || policy.instance.name;
  const quoted = `"${name.replace(/["\\]/g, '')}" <${address}>`;
  const domain = domainOf(address);
  return {
    from: { name, address },
    header: quoted,
    replyTo: campaign.reply_to || policy.defaults.reply_to || undefined,
    domain,
    dkim: policy.keys.get(domain),
  };
}

/** The 400 of a from address (the campaign's, else the default sender's) the workspace may not send from, or null. */
export function senderError(policy: TSenderPolicy, campaign: Pick<TEmailCampaignRow, 'from_email'>): TFieldError | null {
  const address = campaign.from_email || policy.defaults.from_email;
  return address ? domainError(policy, address, campaign.from_email ? 'body.from_email' : 'settings.default_from_email') : null;
}

/** The 400 of an address on a domain that is neither the instance's nor one of the workspace's, or null. */
export function domainError(policy: TSenderPolicy, address: string, path: string): TFieldError | null {
  const domain = domainOf(address);
  if (domain === domainOf(policy.instance.address) || policy.keys.has(domain)) return null;
  return {
    path,
    message: `this workspace may not send from ${domain}: add it in Settings > E-mails (sending domains), or leave the address empty to send as ${policy.instance.address}`,
    code: 'sender_not_allowed',
    params: { domain },
  };
}

/** 400 `sender_not_allowed` when the workspace may not send from `address` (a default sender being saved). */
export async function assertSenderAllowed(runtime: Pick<Runtime, 'config' | 'secrets'>, tenant: Tenant, address: string, path: string): Promise<void> {
  const refused = domainError(await senderPolicy(runtime, tenant), address, path);
  if (refused) throw new AppError('bad_request', refused.message, { errors: [refused] });
}
