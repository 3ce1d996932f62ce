import type { TSmtpTestResult } from '../../contracts/email-domains.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { findCredential } from '../credentials/index.js';
import { getWorkspace } from '../workspaces/index.js';
import { senderOf, senderPolicy } from './email-senders.js';
import { reachable } from './email-transports.js';

/**
 * The settings' "send a test": one message from the workspace's default sender through the server its campaigns
 * would use, on a connection of its own, answered with the server's exact words when it refuses (a 535 for a
 * wrong password, a 550 for a sender the provider has not validated). 400 `smtp_not_configured` without any server;
 * a workspace server on a private address is refused before any connection (`error_code: private_address`).
 */
export async function trySmtp(runtime: Runtime, tenant: Tenant, to: string): Promise<TSmtpTestResult> {
  const smtp = await findCredential(tenant, runtime.secrets, 'smtp');
  if (!smtp && !runtime.mailer.delivers) {
    throw new AppError('bad_request', 'No SMTP server: add yours in Settings > Integrations, or set SMTP_URL', {
      errors: [{ path: 'smtp', message: 'no SMTP server is configured', code: 'smtp_not_configured' }],
    });
  }
  const workspace = await getWorkspace(tenant.db, tenant.workspaceId);
  const sender = senderOf(await senderPolicy(runtime, tenant), { from_name: '', from_email: '', reply_to: '' }, workspace.name);
  let server = smtp;
  try {
    if (smtp) server = await reachable(runtime, smtp);
  } catch (error) {
    const e = error as Error & { code?: string };
    return { ok: false, via: 'workspace', response_code: null, error: e.message, error_code: e.code === 'private_address' ? 'private_address' : null };
  }
  const trial = await runtime.mailer.tryServer(server, {
    from: sender.header,
    to,
    subject: `Test SMTP – ${workspace.name}`,
    text: `Ce message confirme que ${workspace.name} peut envoyer des e-mails par ce serveur.\n\nThis message confirms that ${workspace.name} can send mail through this server.`,
  });
  return { ok: trial.ok, via: smtp ? 'workspace' : 'instance', response_code: trial.responseCode, error: trial.error, error_code: null };
}
