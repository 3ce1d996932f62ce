import type { Runtime } from '../../../platform/runtime.js';
import { collectLeadEvents, type TCollectedLeadEvent } from './lead-event-scope.js';

/**
 * What another module does with the lead events of a use case once its transaction committed
 * (automations queue their dispatch). Modules subscribe in modules/index.ts, so the CRM never
 * imports the modules that build on it.
 */
export type TLeadEventSubscriber = (runtime: Runtime, events: TCollectedLeadEvent[]) => Promise<void>;

const subscribers: TLeadEventSubscriber[] = [];

/** Adds a subscriber (once: subscribing the same function again changes nothing). */
export function subscribeToLeadEvents(subscriber: TLeadEventSubscriber): void {
  if (!subscribers.includes(subscriber)) subscribers.push(subscriber);
}

/**
 * Runs a use case that records lead events, then hands those events to the subscribers (automations'
 * `crm.automations.dispatch` job) once it has returned, i.e. after its transaction committed.
 * Routes and jobs that change leads wrap their service call in it: the API never waits for
 * automations (webhooks included), and a use case that fails publishes nothing.
 */
export async function publishLeadEvents<T>(runtime: Runtime, fn: () => Promise<T>): Promise<T> {
  const { result, events } = await collectLeadEvents(fn);
  for (const subscriber of subscribers) {
    try {
      await subscriber(runtime, events);
    } catch (error) {
      // The change itself is committed: answering 500 would invite the caller to make it twice.
      runtime.log.error({ err: error, events: events.length }, 'lead events could not be handed to a subscriber');
    }
  }
  return result;
}
