// npm run bench:jobs — prints numbers, never pass/fail.
// No-op jobs per second through defineJob + JobQueue.work() against a bare pg-boss fetch/complete loop
// with the same concurrency and batch size on the same database, then the latency from send to start.
// Runs on PGlite (in-memory) and on PostgreSQL (DATABASE_URL; skipped without it) in one run.
// Each throughput figure is the best of two 4 s runs (BENCH_WINDOW_MS) on a queue filled beforehand
// (BENCH_JOBS, default 500 at batch 1 and 3,000 at batch 20 on PGlite, ten times that on PostgreSQL).
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import { z } from 'zod';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { defineJob, type JobDefinition } from '../src/platform/jobs/define-job.js';
import { JobQueue } from '../src/platform/jobs/queue.js';
import { createLogger } from '../src/platform/log.js';
import type { Runtime } from '../src/platform/runtime.js';

const log = createLogger('warn');
const RUN = `${Date.now().toString(36)}${process.pid}`;
const SHAPES = [
  { concurrency: 1, batchSize: 1 },
  { concurrency: 4, batchSize: 1 },
  { concurrency: 4, batchSize: 20 },
];
const LATENCY_SAMPLES = 100;

type TRow = { database: string; what: string; ours: number; bare: number };
type TLatency = { database: string; what: string; p50: number; p95: number };

/** pg-boss on this database, the way JobQueue connects it. */
function bareBoss(database: Database): PgBoss {
  const db = {
    executeSql: (text: string, values?: unknown[]) => (values && values.length > 0 ? database.raw.query(text, values) : database.raw.exec(text)),
  };
  return new PgBoss({ db, schema: 'pgboss', supervise: false, schedule: false, migrate: true });
}

/** Drops a bench queue and its jobs (pg-boss refuses to delete a queue that still has jobs). */
async function dropQueue(boss: PgBoss, database: Database, name: string): Promise<void> {
  await database.raw.query('DELETE FROM pgboss.job WHERE name = $1', [name]);
  await boss.deleteQueue(name);
}

async function fill(boss: PgBoss, name: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1000) {
    const jobs = Array.from({ length: Math.min(1000, count - i) }, (_, k) => ({ name, data: { n: i + k } }));
    await boss.insert(jobs);
  }
}

/** Each throughput run lasts this long (or until its queue is empty): the machine's load varies. */
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 4_000);

/** Jobs queued before a run: more than the run can take at batch 1, plenty at batch 20. */
function fillCount(database: Database, shape: (typeof SHAPES)[number]): number {
  const fast = database.kind === 'postgres' ? 10 : 1;
  return Number(process.env.BENCH_JOBS ?? (shape.batchSize > 1 ? 3_000 : 500) * fast);
}

/** The ceiling: `concurrency` loops of fetch(batchSize) + complete(ids), nothing else. */
async function bareRate(database: Database, boss: PgBoss, shape: (typeof SHAPES)[number]): Promise<number> {
  const name = `bench.bare.${shape.concurrency}x${shape.batchSize}.${RUN}`;
  await boss.createQueue(name, { name, retryLimit: 3, retryBackoff: true, retryDelay: 5 });
  await fill(boss, name, fillCount(database, shape));
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: shape.concurrency }, async () => {
      while (performance.now() - started < WINDOW_MS) {
        const jobs = await boss.fetch(name, { batchSize: shape.batchSize });
        if (jobs.length === 0) return;
        await boss.complete(
          name,
          jobs.map((job) => job.id),
        );
        done += jobs.length;
      }
    }),
  );
  const rate = done / ((performance.now() - started) / 1000);
  await dropQueue(boss, database, name);
  return rate;
}

/** The product's path: defineJob (zod payload) run by JobQueue.work()'s fetch loops. */
async function oursRate(database: Database, boss: PgBoss, shape: (typeof SHAPES)[number]): Promise<number> {
  let done = 0;
  const job = defineJob({
    name: `bench.ours.${shape.concurrency}x${shape.batchSize}.${RUN}`,
    schema: z.object({ n: z.number().int() }),
    ...shape,
    handler: async () => {
      done++;
    },
  });
  const count = fillCount(database, shape);
  const queue = await startQueue(database, job);
  await fill(boss, job.name, count);
  const started = performance.now();
  await queue.work();
  while (done < count && performance.now() - started < WINDOW_MS) await sleep(2);
  // stop() lets running batches finish and complete, like the bare loop's last round.
  await queue.stop();
  const rate = done / ((performance.now() - started) / 1000);
  await dropQueue(boss, database, job.name);
  return rate;
}

/** What the code did before: pg-boss work() with batchSize 1 and a 1 s interval, for 3 s. */
async function workRate(database: Database, boss: PgBoss): Promise<number> {
  const name = `bench.work.${RUN}`;
  await boss.createQueue(name, { name });
  await fill(boss, name, 100);
  let done = 0;
  await boss.work(name, { batchSize: 1, pollingIntervalSeconds: 1 }, async () => {
    done++;
  });
  await sleep(3_000);
  await boss.offWork(name);
  await dropQueue(boss, database, name);
  return done / 3;
}

/** Send-to-start latency of `samples` jobs sent one at a time to an idle worker. */
async function latency(database: Database, sameProcess: boolean): Promise<{ p50: number; p95: number }> {
  const waits: number[] = [];
  const job = defineJob({
    name: `bench.latency.${sameProcess ? 'local' : 'remote'}.${RUN}`,
    schema: z.object({ sent: z.number() }),
    handler: async ({ sent }) => {
      waits.push(Date.now() - sent);
    },
  });
  const worker = await startQueue(database, job);
  await worker.work();
  // Another JobQueue stands for an API process: its sends cannot wake this process's worker.
  const sender = sameProcess ? worker : await startQueue(database, job);
  const samples = sameProcess ? LATENCY_SAMPLES : 20;
  for (let i = 0; i < samples; i++) {
    await sender.send(job, { sent: Date.now() });
    while (waits.length <= i) await sleep(1);
    await sleep(sameProcess ? 5 : Math.random() * 1000);
  }
  if (sender !== worker) await sender.stop();
  await worker.stop();
  waits.sort((a, b) => a - b);
  return { p50: waits[Math.floor(waits.length * 0.5)]!, p95: waits[Math.min(waits.length - 1, Math.floor(waits.length * 0.95))]! };
}

async function startQueue(database: Database, ...jobs: JobDefinition[]): Promise<JobQueue> {
  const queue = new JobQueue(database, log, { supervise: false });
  queue.register(...jobs);
  await queue.start({ database, db: database.db, log } as unknown as Runtime);
  return queue;
}

async function benchDatabase(label: string, database: Database, rows: TRow[], latencies: TLatency[]): Promise<void> {
  const boss = bareBoss(database);
  boss.on('error', (error: Error) => log.error({ err: error }, 'bench pg-boss error'));
  await boss.start();
  rows.push({ database: label, what: 'pg-boss work() as before (1 x 1, 1 s interval)', ours: Number.NaN, bare: await workRate(database, boss) });
  for (const shape of SHAPES) {
    // Alternate, twice, and keep the best of each: other processes share the machine.
    let bare = 0;
    let ours = 0;
    for (let round = 0; round < 2; round++) {
      bare = Math.max(bare, await bareRate(database, boss, shape));
      ours = Math.max(ours, await oursRate(database, boss, shape));
    }
    rows.push({ database: label, what: `no-op jobs, concurrency ${shape.concurrency}, batch ${shape.batchSize}`, ours, bare });
    console.log(`${label} ${shape.concurrency} x ${shape.batchSize}: ours ${Math.round(ours)}/s, bare ${Math.round(bare)}/s`);
  }
  const local = await latency(database, true);
  latencies.push({ database: label, what: 'send in the worker process (wakes it)', ...local });
  const remote = await latency(database, false);
  latencies.push({ database: label, what: 'send from another process (polling 1 s)', ...remote });
  await boss.stop({ graceful: false, close: false });
}

const rows: TRow[] = [];
const latencies: TLatency[] = [];
const pglite = await openDatabase({});
await benchDatabase('PGlite', pglite, rows, latencies);
await pglite.close();
if (process.env.DATABASE_URL) {
  const postgres = await openDatabase({ url: process.env.DATABASE_URL });
  await benchDatabase('PostgreSQL', postgres, rows, latencies);
  await postgres.close();
} else {
  console.log('PostgreSQL skipped: set DATABASE_URL=postgres://… (a database the bench may write to)');
}

const fmt = (n: number) => (Number.isNaN(n) ? '—' : Math.round(n).toLocaleString('en'));
console.log('\njobs per second (defineJob + JobQueue.work vs a bare pg-boss fetch/complete loop; target >= 80 %)');
console.table(
  rows.map((r) => ({
    database: r.database,
    run: r.what,
    'ours jobs/s': fmt(r.ours),
    'bare jobs/s': fmt(r.bare),
    'ours / bare': Number.isNaN(r.ours) ? '—' : `${Math.round((100 * r.ours) / r.bare)} %`,
  })),
);
console.log('send -> handler start latency (ms)');
console.table(latencies.map((l) => ({ database: l.database, send: l.what, p50: l.p50, p95: l.p95 })));
process.exit(0);
