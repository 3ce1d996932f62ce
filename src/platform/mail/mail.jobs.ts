import { z } from 'zod';
import { defineJob } from '../jobs/define-job.js';
import type { Runtime } from '../runtime.js';
import type { TOutgoingMail } from './mailer.js';

/** Delivers one outbox message (idempotent: a sent message is never sent again). */
export const deliverMailJob = defineJob({
  name: 'mail.deliver',
  schema: z.object({ outbox_id: z.uuid() }),
  handler: async ({ outbox_id }, runtime) => {
    await runtime.mailer.deliver(outbox_id);
  },
});

/** Stores a mail in the outbox and queues its delivery; the one way modules send mail. */
export async function sendMail(runtime: Pick<Runtime, 'mailer' | 'queue'>, mail: TOutgoingMail): Promise<string> {
  const outboxId = await runtime.mailer.store(mail);
  await runtime.queue.send(deliverMailJob, { outbox_id: outboxId });
  return outboxId;
}
