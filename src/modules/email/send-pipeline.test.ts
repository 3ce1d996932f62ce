import { describe, expect, it } from 'vitest';
import { runSendPipeline, type TPipelineOptions } from './send-pipeline.js';

// The pipeline's own rules, without a database or SMTP: the bound on messages sent and not recorded (what a crash
// can duplicate), claims that grow with a fast server, batched records, and claimed messages given back rather
// than sent late. The sender's behaviour with PostgreSQL and a real SMTP server is in email-sending.test.ts.

type TRun = {
  claims: number[];
  records: number[][];
  released: number[];
  sent: number[];
  maxUnrecorded: number;
  /** How long each released message had waited since its claim. */
  releasedAfterMs: number[];
};

function queue(total: number, options: Partial<TPipelineOptions> & { sendMs?: number | ((id: number) => number); active?: () => boolean }) {
  const run: TRun = { claims: [], records: [], released: [], sent: [], maxUnrecorded: 0, releasedAfterMs: [] };
  const claimedAt = new Map<number, number>();
  let next = 0;
  let unrecorded = 0;
  const outcome = runSendPipeline<number, number>(
    {
      claim: async (limit) => {
        run.claims.push(limit);
        const batch = Array.from({ length: Math.min(limit, total - next) }, (_, i) => next + i);
        next += batch.length;
        for (const id of batch) claimedAt.set(id, Date.now());
        return batch;
      },
      send: async (id) => {
        unrecorded++;
        run.maxUnrecorded = Math.max(run.maxUnrecorded, unrecorded);
        const ms = typeof options.sendMs === 'function' ? options.sendMs(id) : (options.sendMs ?? 0);
        await new Promise((resolve) => setTimeout(resolve, ms));
        run.sent.push(id);
        return id;
      },
      record: async (ids) => {
        run.records.push(ids);
        await new Promise((resolve) => setTimeout(resolve, 2));
        unrecorded -= ids.length;
      },
      release: async (ids) => {
        run.released.push(...ids);
        run.releasedAfterMs.push(...ids.map((id) => Date.now() - claimedAt.get(id)!));
      },
      stillActive: async () => options.active?.() ?? true,
    },
    { window: 10, claimBatch: 100, maxClaimAgeMs: 60_000, until: Date.now() + 30_000, statusEveryMs: 1000, ...options },
  );
  return { run, outcome };
}

describe('the send pipeline', () => {
  it('sends and records every message once, never more than a window started and not recorded', async () => {
    const { run, outcome } = queue(1000, {});
    expect(await outcome).toBe('empty');
    expect([...run.sent].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(run.records.flat().sort((a, b) => a - b)).toEqual(run.sent.sort((a, b) => a - b));
    expect(run.maxUnrecorded).toBeLessThanOrEqual(10);
    expect(run.released).toEqual([]);
    // A fast server: claims grow to the batch (a statement per hundred messages), records take several at once.
    expect(Math.max(...run.claims)).toBe(100);
    expect(run.records.length).toBeLessThan(1000 / 3);
  });

  it('keeps small claims for a slow server', async () => {
    // Two at a time, 250 ms each: eight a second, so claims stay at the window's size or about a second's worth.
    const { run, outcome } = queue(16, { window: 2, sendMs: 250 });
    expect(await outcome).toBe('empty');
    expect(Math.max(...run.claims)).toBeLessThanOrEqual(10);
    expect(run.sent).toHaveLength(16);
  });

  it('gives back claimed messages that waited too long instead of sending them', async () => {
    // Three at a time, 40 to 130 ms each: claims pile up behind slow sends and some wait past 100 ms, while
    // later claims (waiting less) sit behind them.
    const { run, outcome } = queue(60, { window: 3, claimBatch: 30, maxClaimAgeMs: 100, sendMs: (id) => 40 + (id % 4) * 30 });
    expect(await outcome).toBe('empty');
    expect(run.released.length).toBeGreaterThan(0);
    // Only those that waited too long: a message claimed since stays to be sent.
    expect(Math.min(...run.releasedAfterMs)).toBeGreaterThanOrEqual(100);
    expect(run.sent.filter((id) => run.released.includes(id))).toEqual([]);
    expect(run.sent.length + run.released.length).toBe(60);
  });

  it('ends at its time budget, and when the campaign stops, giving back what it did not start', async () => {
    const budget = queue(10_000, { sendMs: 5, until: Date.now() + 150 });
    expect(await budget.outcome).toBe('budget');
    expect(budget.run.sent.length).toBeGreaterThan(0);
    expect(budget.run.records.flat()).toHaveLength(budget.run.sent.length);
    expect(budget.run.sent.length + budget.run.released.length).toBe(
      Math.min(
        10_000,
        budget.run.claims.reduce((a, b) => a + b, 0),
      ),
    );

    let active = true;
    setTimeout(() => (active = false), 100);
    const stopped = queue(10_000, { sendMs: 5, statusEveryMs: 20, active: () => active });
    expect(await stopped.outcome).toBe('stopped');
    expect(stopped.run.records.flat()).toHaveLength(stopped.run.sent.length);
  });
});
