import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../../../platform/db/database.js';
import type { Log } from '../../../platform/log.js';
import { recordFunnelEvents, type TFunnelEvent } from './record-funnel-events.js';

/** Events kept before a write (or a second, whichever comes first); past MAX_PENDING new ones are dropped and logged. */
const BATCH = 500;
const INTERVAL_MS = 1000;
const MAX_PENDING = 50_000;

/**
 * Page views and clicks are collected in memory and written in batches (one transaction per batch), so a page view
 * costs the public server no database round trip. Flushed every second, at BATCH events, and when the server closes.
 * A crash loses at most the last second's views; opt-ins are never buffered (they are written with their lead).
 */
export class FunnelEventBuffer {
  private pending: TFunnelEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private dropped = 0;
  /**
   * Runs a function in the context the buffer was made in (the server's start), not the request that pushed the event:
   * a write must not inherit that request's statement timeout or any other per-request scope.
   */
  private readonly outsideRequests = AsyncLocalStorage.bind(<T>(fn: () => T): T => fn());

  constructor(
    private readonly db: Db,
    private readonly log: Log,
  ) {}

  push(event: TFunnelEvent): void {
    if (this.pending.length >= MAX_PENDING) {
      this.dropped++;
      return;
    }
    this.pending.push(event);
    if (this.pending.length >= BATCH) void this.outsideRequests(() => this.flush());
    else this.timer ??= this.outsideRequests(() => setTimeout(() => void this.flush(), INTERVAL_MS));
  }

  /** Writes what is pending (after any write under way); resolves when it is written. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.flushing.then(async () => {
      if (this.dropped > 0) {
        this.log.warn({ dropped: this.dropped }, 'funnel events dropped: the database did not keep up');
        this.dropped = 0;
      }
      for (let i = 0; i < batch.length; i += BATCH) {
        const part = batch.slice(i, i + BATCH);
        try {
          await recordFunnelEvents(this.db, part);
        } catch (err) {
          this.log.error({ err, events: part.length }, 'funnel events could not be written');
        }
      }
    });
    return this.flushing;
  }
}
