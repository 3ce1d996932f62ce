import { z } from 'zod';
import type { Db } from '../db/database.js';
import { defineJob } from '../jobs/define-job.js';
import type { Runtime } from '../runtime.js';
import type { TOutgoingMail } from './mailer.js';

/**
 * Job priorities of mail: a password reset or an invitation overtakes a campaign of
 * 100,000 messages queued before it (higher runs first).
 */
export const MAIL_PRIORITY = { transactional: 10, bulk: 0 } as const;

/** Delivers one outbox message (idempotent: a sent message is never sent again). */
export const deliverMailJob = defineJob({
  name: 'mail.deliver',
  schema: z.object({ outbox_id: z.uuid() }),
  // As many at once as the SMTP pool has connections (nodemailer's default maxConnections).
  concurrency: 5,
  priority: MAIL_PRIORITY.bulk,
  handler: async ({ outbox_id }, runtime) => {
    await runtime.mailer.deliver(outbox_id);
  },
});

/**
 * Stores a mail in the outbox and queues its delivery; the one way modules send mail.
 * Product mail is transactional (sent before bulk mail); a campaign passes `priority: 'bulk'`.
 * `db`: the caller's transaction (`tx`, or a Tenant's db), so the outbox row and its job exist
 * only if the change they belong to commits (an invitation rolled back sends nothing).
 */
export async function sendMail(
  runtime: Pick<Runtime, 'mailer' | 'queue'>,
  mail: TOutgoingMail,
  options: { priority?: keyof typeof MAIL_PRIORITY; db?: Db } = {},
): Promise<string> {
  const outboxId = await runtime.mailer.store(mail, options.db);
  await runtime.queue.send(
    deliverMailJob,
    { outbox_id: outboxId },
    { priority: MAIL_PRIORITY[options.priority ?? 'transactional'], ...(options.db ? { db: options.db } : {}) },
  );
  return outboxId;
}
