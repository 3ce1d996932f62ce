// The sender's pipeline: keeps the SMTP pool busy while the database work of other messages goes on, with a hard
// bound on what a crash can duplicate. Three things overlap:
// - claiming: a batch of messages is claimed (marked `sending`) ahead, so the next send never waits for a query;
// - sending: a message starts only while fewer than `window` messages are started and not yet recorded;
// - recording: finished messages are recorded together, as many as finished while the previous record ran.
// A message that reached the SMTP server but was not recorded yet is the only kind a crash sends twice, and there
// are never more than `window` of them (the pool size). Claimed messages never started go back to the queue at
// the end of a slice; after a crash they are claimed again once stale, and sent once.

export type TPipelineOutcome = 'empty' | 'budget' | 'stopped';

export type TPipelineSteps<TMessage, TResult> = {
  /** Claims up to `limit` messages (none: nothing claimable now). */
  claim: (limit: number) => Promise<TMessage[]>;
  /** Renders and sends one message; never throws (its outcome is a result). */
  send: (message: TMessage) => Promise<TResult>;
  /** Records finished messages in one go. */
  record: (results: TResult[]) => Promise<void>;
  /** Gives claimed messages that were never started back to the queue. */
  release: (messages: TMessage[]) => Promise<void>;
  /** Whether sending should go on (the campaign is still active); asked every `statusEveryMs`. */
  stillActive: () => Promise<boolean>;
};

export async function runSendPipeline<TMessage, TResult>(
  steps: TPipelineSteps<TMessage, TResult>,
  options: { window: number; until: number; statusEveryMs: number },
): Promise<TPipelineOutcome> {
  const ready: TMessage[] = [];
  const finished: TResult[] = [];
  let unrecorded = 0;
  let claiming: Promise<void> | null = null;
  let recording: Promise<void> | null = null;
  let exhausted = false;
  let failure: unknown = null;
  let waiter: (() => void) | null = null;
  const notify = () => {
    const wake = waiter;
    waiter = null;
    wake?.();
  };
  const fail = (error: unknown) => {
    failure ??= error;
    notify();
  };

  const claimMore = () => {
    claiming = steps
      .claim(options.window)
      .then((messages) => {
        if (messages.length === 0) exhausted = true;
        ready.push(...messages);
      }, fail)
      .finally(() => {
        claiming = null;
        notify();
      });
  };

  const recordFinished = () => {
    recording ??= (async () => {
      while (finished.length > 0) {
        const batch = finished.splice(0);
        await steps.record(batch);
        unrecorded -= batch.length;
        notify();
      }
    })()
      .catch(fail)
      .finally(() => {
        recording = null;
        notify();
      });
  };

  let outcome: TPipelineOutcome = 'empty';
  let statusAt = Date.now();
  // A status check is due even when nothing else happens (a paused campaign must stop within seconds).
  const ticker = setInterval(notify, options.statusEveryMs);
  for (;;) {
    // Let the rest of the process run between two steps: on PGlite every query settles without I/O, and a slice
    // made only of promises would hold the event loop (HTTP requests, timers) until it ends.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (failure) break;
    if (Date.now() >= options.until) {
      outcome = 'budget';
      break;
    }
    if (Date.now() - statusAt >= options.statusEveryMs) {
      statusAt = Date.now();
      if (!(await steps.stillActive())) {
        outcome = 'stopped';
        break;
      }
    }
    if (ready.length < options.window && !exhausted && !claiming) claimMore();
    if (unrecorded < options.window && ready.length > 0) {
      const message = ready.shift()!;
      unrecorded++;
      void steps.send(message).then((result) => {
        finished.push(result);
        recordFinished();
      }, fail);
      continue;
    }
    if (ready.length === 0 && exhausted && !claiming) break;
    await new Promise<void>((resolve) => (waiter = resolve));
  }
  clearInterval(ticker);
  // Let what was started finish and be recorded; give back what was claimed and never started.
  while (unrecorded > 0 && !failure) await new Promise<void>((resolve) => (waiter = resolve));
  await claiming;
  if (ready.length > 0) await steps.release(ready.splice(0));
  if (failure) throw failure;
  return outcome;
}
