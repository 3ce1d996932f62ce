import type { Runtime } from '../../platform/runtime.js';
import { enqueueAutomationDispatch } from './automations.jobs.js';
import { collectLeadEvents } from './lead-event-scope.js';

/**
 * Runs a use case that records lead events, then hands those events to automations (the
 * `crm.automations.dispatch` job) once it has returned, i.e. after its transaction committed.
 * Routes and jobs that change leads wrap their service call in it: the API never waits for
 * automations (webhooks included), and a use case that fails publishes nothing.
 */
export async function publishLeadEvents<T>(runtime: Runtime, fn: () => Promise<T>): Promise<T> {
  const { result, events } = await collectLeadEvents(fn);
  try {
    await enqueueAutomationDispatch(runtime, events, { depth: 0, chain: [] });
  } catch (error) {
    // The change itself is committed: answering 500 would invite the caller to make it twice.
    runtime.log.error({ err: error, events: events.length }, 'lead events could not be handed to automations');
  }
  return result;
}
