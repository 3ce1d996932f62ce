import { asc, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/define-job.js';
import type { Runtime } from '../../../platform/runtime.js';
import { collectLeadEvents, type TCollectedLeadEvent } from './lead-event-scope.js';
import { leadEventOutbox, leadEvents } from './leads.tables.js';

/**
 * What another module does with lead events once committed (automations queue their dispatch, webhooks
 * their deliveries, scoring its debounced rescores). Modules subscribe in modules/index.ts, so the CRM never imports the modules that
 * build on it. Delivery is at least once: a subscriber must tolerate an event twice (automations claim it).
 */
export type TLeadEventSubscriber = (runtime: Runtime, events: TCollectedLeadEvent[]) => Promise<void>;

const subscribers: TLeadEventSubscriber[] = [];

/** Adds a subscriber (once: subscribing the same function again changes nothing). */
export function subscribeToLeadEvents(subscriber: TLeadEventSubscriber): void {
  if (!subscribers.includes(subscriber)) subscribers.push(subscriber);
}

/** Outbox rows handed to the subscribers per round. */
const BATCH = 500;

/**
 * `crm.lead-events.dispatch`: empties the lead-event outbox (lead_event_outbox) in commit order, handing each
 * batch to every subscriber, then deleting it. One runs at a time (stately queue, one key), so batches are not
 * handed out twice concurrently; a crash between the hand-over and the delete hands the batch again (at least
 * once). Nudged after every use case that wrote events, and every minute (cron) for a nudge that never came.
 */
export const dispatchLeadEventsJob = defineJob({
  name: 'crm.lead-events.dispatch',
  schema: z.object({}).passthrough(),
  policy: 'stately',
  cron: '* * * * *',
  handler: async (_payload, runtime) => {
    for (;;) {
      const rows = await runtime.db
        .select({
          id: leadEventOutbox.event_id,
          workspaceId: leadEventOutbox.workspace_id,
          cause: leadEventOutbox.cause,
          rescore: leadEventOutbox.rescore,
          leadId: leadEvents.lead_id,
          type: leadEvents.event_type,
          data: leadEvents.data,
        })
        // eslint-disable-next-line local/tenant-scope -- the outbox dispatcher drains every workspace's events
        .from(leadEventOutbox)
        .innerJoin(leadEvents, sql`${leadEvents.id} = ${leadEventOutbox.event_id}`)
        .orderBy(asc(leadEventOutbox.created_at), asc(leadEventOutbox.event_id))
        .limit(BATCH);
      if (rows.length === 0) return;
      for (const subscriber of subscribers) await subscriber(runtime, rows);
      // eslint-disable-next-line local/tenant-scope -- the outbox rows just dispatched, by id
      await runtime.db.delete(leadEventOutbox).where(
        inArray(
          leadEventOutbox.event_id,
          rows.map((r) => r.id),
        ),
      );
    }
  },
});

/** Asks for a dispatch of the outbox now (a no-op when one is already waiting). */
export async function nudgeLeadEventDispatch(runtime: Runtime): Promise<void> {
  await runtime.queue.send(dispatchLeadEventsJob, {}, { singletonKey: 'outbox' });
}

/**
 * Runs a use case that records lead events and, once it has returned (its transaction committed), nudges
 * the outbox dispatcher so automations start at once. The events are safe in the outbox either way: a
 * caller that does not wrap its use case only waits for the minute's sweep, and a failed nudge loses nothing.
 */
export async function publishLeadEvents<T>(runtime: Runtime, fn: () => Promise<T>): Promise<T> {
  const { result, events } = await collectLeadEvents(fn);
  if (events.length > 0) {
    try {
      await nudgeLeadEventDispatch(runtime);
    } catch (error) {
      // The change and its events are committed: answering 500 would invite the caller to make it twice.
      runtime.log.error({ err: error, events: events.length }, 'the lead-event dispatcher could not be nudged (the minute sweep will)');
    }
  }
  return result;
}
