import { z } from 'zod';
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
 */
export async function sendMail(
  runtime: Pick<Runtime, 'mailer' | 'queue'>,
  mail: TOutgoingMail,
  options: { priority?: keyof typeof MAIL_PRIORITY } = {},
): Promise<string> {
  const outboxId = await runtime.mailer.store(mail);
  await runtime.queue.send(deliverMailJob, { outbox_id: outboxId }, { priority: MAIL_PRIORITY[options.priority ?? 'transactional'] });
  return outboxId;
}
