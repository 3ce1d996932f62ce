import { createHash } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { Tenant } from '../../platform/db/tenant.js';
import type { Runtime } from '../../platform/runtime.js';
import { findCredential } from '../credentials/index.js';

// Which SMTP server carries a workspace's campaign mail: its own (the `smtp` credential: Brevo, Mailjet, SES, any
// SMTP), else the instance's SMTP_URL, else none (every message is kept rendered in the outbox).

export type TTransportChoice = { transport: Transporter | undefined; via: 'workspace' | 'instance' | 'outbox' };

export async function campaignTransportChoice(runtime: Runtime, tenant: Tenant): Promise<TTransportChoice> {
  const smtp = await findCredential(tenant, runtime.secrets, 'smtp');
  if (smtp) {
    // The pool is made again when the settings change; the key hashes them (the password stays out of memory keys).
    const key = createHash('sha256').update(JSON.stringify(smtp)).digest('hex');
    return { transport: runtime.mailer.workspaceBulkTransport(tenant.workspaceId, key, smtp), via: 'workspace' };
  }
  const instance = runtime.mailer.bulkTransport;
  return instance ? { transport: instance, via: 'instance' } : { transport: undefined, via: 'outbox' };
}

/** The pool a workspace's campaign messages go through; undefined: kept in the outbox. */
export async function campaignTransport(runtime: Runtime, tenant: Tenant): Promise<Transporter | undefined> {
  return (await campaignTransportChoice(runtime, tenant)).transport;
}
