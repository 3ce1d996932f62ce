import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openTestDatabase } from '../../../test/test-database.js';
import type { Database } from '../db/database.js';
import { createLogger } from '../log.js';
import type { Runtime } from '../runtime.js';
import { defineJob, type JobDefinition } from './define-job.js';
import { JobQueue } from './queue.js';

// Each run uses its own queue names: test:pg shares one PostgreSQL database between test files.
const RUN = `${Date.now().toString(36)}-${process.pid}`;
const log = createLogger('silent');
const payload = z.object({ n: z.number().int() });

let database: Database;
const queues: JobQueue[] = [];

/** A started queue with these definitions on the test database (no worker until work()). */
async function queueWith(...jobs: JobDefinition[]): Promise<JobQueue> {
  const queue = new JobQueue(database, log, { supervise: false });
  queue.register(...jobs);
  await queue.start({ database, db: database.db, log } as unknown as Runtime);
  queues.push(queue);
  return queue;
}

/** A job that records the `n` of each payload it runs, in order. */
function recordingJob(label: string, options: Partial<JobDefinition<typeof payload>> = {}) {
  const ran: number[] = [];
  const job = defineJob({
    name: `test.${label}.${RUN}`,
    schema: payload,
    handler: async ({ n }) => {
      ran.push(n);
    },
    ...options,
  });
  return { job, ran };
}

/** Resolves when check() is true, or fails after timeoutMs. */
async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(async () => {
  for (const queue of queues) await queue.stop();
  await database.close();
});

describe('job worker', () => {
  it('fetches again at once while jobs wait, instead of one fetch per polling interval', async () => {
    const { job, ran } = recordingJob('eager', { pollingIntervalSeconds: 5 });
    const queue = await queueWith(job);
    for (let n = 0; n < 20; n++) await queue.send(job, { n });
    const started = Date.now();
    await queue.work();
    await until(() => ran.length === 20, 4_000);
    // pg-boss's own work() would have slept 5 s after each of the 20 fetches.
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('runs at most `concurrency` jobs of a queue at the same time, and uses them all', async () => {
    let running = 0;
    let most = 0;
    let done = 0;
    const job = defineJob({
      name: `test.concurrency.${RUN}`,
      schema: payload,
      concurrency: 3,
      handler: async () => {
        running++;
        most = Math.max(most, running);
        await sleep(150);
        running--;
        done++;
      },
    });
    const queue = await queueWith(job);
    for (let n = 0; n < 9; n++) await queue.send(job, { n });
    await queue.work();
    await until(() => done === 9);
    expect(most).toBe(3);
  });

  it('a job that fails in a batch is failed alone; its batch-mates complete', async () => {
    const job = defineJob({
      name: `test.batch.${RUN}`,
      schema: payload,
      batchSize: 5,
      retryLimit: 0,
      handler: async ({ n }) => {
        if (n === 2) throw new Error('boom');
      },
    });
    const queue = await queueWith(job);
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) ids.push((await queue.send(job, { n }))!);
    await queue.work();
    await until(async () => (await queue.getJob(job, ids[4]!))?.state === 'completed' && (await queue.getJob(job, ids[2]!))?.state === 'failed');
    const states = await Promise.all(ids.map(async (id) => (await queue.getJob(job, id))?.state));
    expect(states).toEqual(['completed', 'completed', 'failed', 'completed', 'completed']);
    expect((await queue.getJob(job, ids[2]!))?.output).toMatchObject({ message: 'boom' });
  });

  it('retries a failing job, then calls onFinalFailure once after the last attempt', async () => {
    let attempts = 0;
    const finalFailures: number[] = [];
    const job = defineJob({
      name: `test.retry.${RUN}`,
      schema: payload,
      retryLimit: 2,
      retryDelaySeconds: 0,
      retryBackoff: false,
      handler: async () => {
        attempts++;
        throw new Error('still down');
      },
      onFinalFailure: async ({ n }) => {
        finalFailures.push(n);
      },
    });
    const queue = await queueWith(job);
    const id = (await queue.send(job, { n: 7 }))!;
    await queue.work();
    await until(async () => (await queue.getJob(job, id))?.state === 'failed');
    expect(attempts).toBe(3);
    expect(finalFailures).toEqual([7]);
  });

  it('refuses a payload that does not match the schema, before anything is stored', async () => {
    const { job } = recordingJob('invalid');
    const queue = await queueWith(job);
    await expect(queue.send(job, { n: 'x' } as unknown as { n: number })).rejects.toThrow();
    await expect(queue.insert(job, [{ data: { n: 1 } }, { data: { n: 1.5 } }])).rejects.toThrow();
    expect(await queue.drain()).toBe(0);
  });
});

describe('send options', () => {
  it('a job queued in a transaction that rolls back never runs; one that commits does', async () => {
    const { job, ran } = recordingJob('tx');
    const queue = await queueWith(job);
    await expect(
      database.db.transaction(async (tx) => {
        await queue.send(job, { n: 1 }, { db: tx });
        await queue.insert(job, [{ data: { n: 2 } }, { data: { n: 3 } }], { db: tx });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await queue.drain()).toBe(0);

    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await queue.send(job, { n: 4 }, { db: tx });
      await queue.insert(job, [{ data: { n: 5 } }], { db: tx });
    });
    await queue.drain();
    expect(ran.sort()).toEqual([4, 5]);
  });

  it('singletonKey: a `short` queue keeps one waiting job per key; it queues again once that one ran', async () => {
    const { job, ran } = recordingJob('short', { policy: 'short' });
    const queue = await queueWith(job);
    expect(await queue.send(job, { n: 1 }, { singletonKey: 'workspace-a' })).not.toBeNull();
    expect(await queue.send(job, { n: 2 }, { singletonKey: 'workspace-a' })).toBeNull();
    expect(await queue.send(job, { n: 3 }, { singletonKey: 'workspace-b' })).not.toBeNull();
    await queue.insert(job, [{ data: { n: 4 }, singletonKey: 'workspace-a' }]);
    expect(await queue.drain()).toBe(2);
    expect(ran.sort()).toEqual([1, 3]);
    expect(await queue.send(job, { n: 5 }, { singletonKey: 'workspace-a' })).not.toBeNull();
  });

  it('singletonKey with singletonSeconds dedupes on a standard queue', async () => {
    const { job } = recordingJob('throttle');
    const queue = await queueWith(job);
    expect(await queue.send(job, { n: 1 }, { singletonKey: 'k', singletonSeconds: 60 })).not.toBeNull();
    expect(await queue.send(job, { n: 2 }, { singletonKey: 'k', singletonSeconds: 60 })).toBeNull();
    expect(await queue.send(job, { n: 3 }, { singletonKey: 'other', singletonSeconds: 60 })).not.toBeNull();
  });

  it('startAfter delays a job (seconds or a date)', async () => {
    const { job, ran } = recordingJob('later');
    const queue = await queueWith(job);
    const id = (await queue.send(job, { n: 1 }, { startAfter: 1 }))!;
    await queue.send(job, { n: 2 }, { startAfter: new Date(Date.now() + 3_600_000) });
    await queue.insert(job, [{ data: { n: 3 }, startAfter: 3600 }]);
    expect(await queue.drain()).toBe(0);
    const stored = await queue.getJob(job, id);
    expect(new Date(stored!.startAfter).getTime()).toBeGreaterThan(Date.now() + 200);
    await sleep(1_300);
    expect(await queue.drain()).toBe(1);
    expect(ran).toEqual([1]);
  });

  it('priority: higher first, in drain and in the worker (batches included); the definition gives the default', async () => {
    const { job, ran } = recordingJob('priority', { batchSize: 10, priority: 5 });
    const queue = await queueWith(job);
    await queue.send(job, { n: 1 }, { priority: 1 });
    await queue.send(job, { n: 2 }, { priority: 0 });
    await queue.send(job, { n: 3 }); // definition's 5
    await queue.insert(job, [{ data: { n: 4 }, priority: 10 }]);
    await queue.work();
    await until(() => ran.length === 4);
    expect(ran).toEqual([4, 3, 1, 2]);

    const other = recordingJob('priority-drain');
    const drained = await queueWith(other.job);
    await drained.send(other.job, { n: 1 });
    await drained.send(other.job, { n: 2 }, { priority: 1 });
    await drained.drain();
    expect(other.ran).toEqual([2, 1]);
  });

  it('expireInSeconds: a dead worker’s job comes back after it; a longer one lets a long job live', async () => {
    const definition = { name: `test.expire.${RUN}`, schema: payload, expireInSeconds: 1, retryDelaySeconds: 0, retryBackoff: false };
    const { job, ran } = recordingJob('unused', definition);
    // Worker B claims both jobs and never finishes them, as if its process had died.
    let release: () => void = () => {};
    const hung = new Promise<void>((resolve) => (release = resolve));
    const dead = defineJob({ ...definition, concurrency: 2, handler: () => hung });
    const queueB = await queueWith(dead);
    const queueA = await queueWith(job);
    const short = (await queueA.send(job, { n: 1 }))!;
    const long = (await queueA.send(job, { n: 2 }, { expireInSeconds: 120 }))!;
    await queueB.work();
    await until(async () => (await queueA.getJob(job, long))?.state === 'active' && (await queueA.getJob(job, short))?.state === 'active');

    await sleep(1_500);
    await queueA.expireNow();
    expect((await queueA.getJob(job, short))?.state).toBe('retry');
    expect((await queueA.getJob(job, long))?.state).toBe('active');
    const stopped = queueB.stop(); // stops fetching at once, then waits for its handlers
    release();
    await stopped;
    expect(await queueA.drain()).toBe(1);
    expect(ran).toEqual([1]);
  });
});
