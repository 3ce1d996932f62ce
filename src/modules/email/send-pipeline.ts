// The sender's pipeline: keeps the SMTP pool busy while the database work of other messages goes on, with a hard
// bound on what a crash can duplicate. Three things overlap:
// - claiming: messages are claimed (marked `sending`) ahead, so the next send never waits for a query. A claim
//   takes about a second's worth at the current rate, between a pool's worth and `claimBatch` (one statement per
//   hundred messages at full speed instead of one per ten; a slow server keeps small claims);
// - sending: a message starts only while fewer than `window` messages are started and not yet recorded;
// - recording: finished messages are recorded together in one statement, once half a window has finished (or
//   nothing more can start): one statement per few messages, not one per message.
// A message that reached the SMTP server but was not recorded yet is the only kind a crash sends twice, and there
// are never more than `window` of them (the pool size). Claimed messages never started go back to the queue at
// the end of a slice; after a crash they are claimed again once stale, and sent once. A claimed message that waited
// longer than `maxClaimAgeMs` is given back instead of sent: by then another sender could take it as stale.

/** A finished message waits at most this long for its outcome to be recorded (the progress people watch). */
const RECORD_WITHIN_MS = 250;

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

export type TPipelineOptions = {
  /** Messages started and not yet recorded, at most (what a crash can send twice). */
  window: number;
  /** The largest claim (a fast server); claims are at least `window`. */
  claimBatch: number;
  /** A claimed message waiting longer than this is given back, not sent (keep it well under the stale delay). */
  maxClaimAgeMs: number;
  /** When the slice ends (epoch milliseconds). */
  until: number;
  statusEveryMs: number;
};

export async function runSendPipeline<TMessage, TResult>(steps: TPipelineSteps<TMessage, TResult>, options: TPipelineOptions): Promise<TPipelineOutcome> {
  const ready: { message: TMessage; claimedAt: number }[] = [];
  const finished: TResult[] = [];
  let unrecorded = 0;
  let claiming: Promise<void> | null = null;
  let recording: Promise<void> | null = null;
  let exhausted = false;
  let failure: unknown = null;
  let waiter: (() => void) | null = null;
  /** When each message of the last second started: a claim takes about a second's worth. */
  const starts: number[] = [];
  /** When the oldest result waiting to be recorded finished (a slow server's results are not held long). */
  let finishedSince = 0;
  const releasing: Promise<void>[] = [];
  const notify = () => {
    const wake = waiter;
    waiter = null;
    wake?.();
  };
  const fail = (error: unknown) => {
    failure ??= error;
    notify();
  };
  const sleep = () => new Promise<void>((resolve) => (waiter = resolve));

  const claimMore = () => {
    // About a second's worth at the rate messages start now: a window's worth at first and for a slow server, up to
    // `claimBatch` for a fast one.
    while (starts.length > 0 && starts[0]! < Date.now() - 1000) starts.shift();
    claiming = steps
      .claim(Math.min(options.claimBatch, Math.max(options.window, starts.length)))
      .then((messages) => {
        if (messages.length === 0) exhausted = true;
        const claimedAt = Date.now();
        ready.push(...messages.map((message) => ({ message, claimedAt })));
      }, fail)
      .finally(() => {
        claiming = null;
        notify();
      });
  };

  /** Records what finished when enough has, or when nothing else would make progress (`force`). */
  const maybeRecord = (force: boolean) => {
    if (recording || finished.length === 0) return;
    const enough = finished.length >= Math.ceil(options.window / 2) || Date.now() - finishedSince >= RECORD_WITHIN_MS;
    if (!force && !enough) return;
    const batch = finished.splice(0);
    recording = steps
      .record(batch)
      .then(() => {
        unrecorded -= batch.length;
      }, fail)
      .finally(() => {
        recording = null;
        notify();
      });
  };

  /** Claimed messages that waited too long go back to the queue (in the background: the loop goes on). */
  const releaseStale = () => {
    const oldest = Date.now() - options.maxClaimAgeMs;
    if (ready.length === 0 || ready[0]!.claimedAt >= oldest) return;
    const firstFresh = ready.findIndex((r) => r.claimedAt >= oldest);
    const stale = ready.splice(0, firstFresh === -1 ? ready.length : firstFresh);
    releasing.push(steps.release(stale.map((r) => r.message)).catch(fail));
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
    releaseStale();
    if (ready.length < options.window && !exhausted && !claiming) claimMore();
    if (unrecorded < options.window && ready.length > 0) {
      const { message } = ready.shift()!;
      unrecorded++;
      starts.push(Date.now());
      void steps.send(message).then((result) => {
        if (finished.length === 0) finishedSince = Date.now();
        finished.push(result);
        notify();
      }, fail);
      maybeRecord(false);
      continue;
    }
    // Nothing can start now: what finished is recorded at once.
    maybeRecord(true);
    if (ready.length === 0 && exhausted && !claiming) break;
    await sleep();
  }
  clearInterval(ticker);
  // Let what was started finish and be recorded; give back what was claimed and never started.
  while (unrecorded > 0 && !failure) {
    maybeRecord(true);
    await sleep();
  }
  await claiming;
  await Promise.all(releasing);
  if (ready.length > 0) await steps.release(ready.splice(0).map((r) => r.message));
  if (failure) throw failure;
  return outcome;
}
