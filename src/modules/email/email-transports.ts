import { createHash } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { Tenant } from '../../platform/db/tenant.js';
import { publicAddressOf } from '../../platform/http/outbound-webhook.js';
import type { TSmtpServer } from '../../platform/mail/mailer.js';
import type { Runtime } from '../../platform/runtime.js';
import { findCredential } from '../credentials/index.js';

// Which SMTP server carries a workspace's campaign mail: its own (the `smtp` credential: Brevo, Mailjet, SES, any
// SMTP), else the instance's SMTP_URL, else none (every message is kept rendered in the outbox).
//
// A workspace's server is reached at the public address its name resolves to, checked first: unless
// WEBHOOK_ALLOW_PRIVATE_ADDRESSES is on, a member cannot make the server talk SMTP to its own network (and read
// the answers in the "send a test" result). The certificate is still checked against the name.

export type TTransportChoice =
  | { transport: Transporter; via: 'workspace' | 'instance'; error?: undefined }
  | { transport: undefined; via: 'outbox'; error?: undefined }
  | { transport: undefined; via: 'workspace'; error: Error };

export async function campaignTransportChoice(runtime: Runtime, tenant: Tenant): Promise<TTransportChoice> {
  const smtp = await findCredential(tenant, runtime.secrets, 'smtp');
  if (smtp) {
    let server: TSmtpServer;
    try {
      server = await reachable(runtime, smtp);
    } catch (error) {
      return { transport: undefined, via: 'workspace', error: error as Error };
    }
    // The pool is made again when the settings (or the address) change; the key hashes them.
    const key = createHash('sha256').update(JSON.stringify(server)).digest('hex');
    return { transport: runtime.mailer.workspaceBulkTransport(tenant.workspaceId, key, server), via: 'workspace' };
  }
  const instance = runtime.mailer.bulkTransport;
  return instance ? { transport: instance, via: 'instance' } : { transport: undefined, via: 'outbox' };
}

/** The workspace's server with its host replaced by the public address it resolves to (throws for a private one). */
export async function reachable(runtime: Pick<Runtime, 'config'>, smtp: TSmtpServer): Promise<TSmtpServer> {
  if (runtime.config.webhookAllowPrivateAddresses) return smtp;
  return { ...smtp, host: await publicAddressOf(smtp.host), servername: smtp.host };
}
