import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../../../test/test-database.js';
import { problemErrorHandler } from '../http/problem.js';
import { registerQueryLimits } from '../http/query-limits.js';
import type { Database } from './database.js';
import { assertQueryCost } from './query-limits.js';

// The request limits on the real database: a statement_timeout that PostgreSQL enforces on a
// request's queries only, and on PGlite (which nothing can interrupt) a planner-cost check.

let database: Database;
let app: FastifyInstance;
const HEAVY = sql`SELECT count(*) FROM generate_series(1, 50000000)`;

beforeAll(async () => {
  database = await openTestDatabase();
  app = Fastify();
  app.setErrorHandler(problemErrorHandler);
  registerQueryLimits(app, { config: { statementTimeoutMs: 200, queryCostLimit: 10_000 }, database });
  app.get('/sleep', async () => {
    await database.db.execute(sql`SELECT pg_sleep(1)`);
    return { ok: true };
  });
  app.get('/heavy', async () => {
    await assertQueryCost(database.db, HEAVY);
    return { ok: true };
  });
  app.get('/light', async () => {
    await assertQueryCost(database.db, sql`SELECT 1`);
    const rows = await database.db.transaction(async (tx) => tx.execute(sql`SELECT current_setting('statement_timeout') AS t`));
    return { timeout: (rows as unknown as { rows: { t: string }[] }).rows[0]!.t };
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe.runIf(process.env.TEST_DB === 'postgres')('statement_timeout on PostgreSQL', () => {
  it('cancels a request query past the limit and answers 503 query_timeout', async () => {
    const res = await app.inject({ url: '/sleep' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ type: 'urn:problem:query_timeout', status: 503 });
  });

  it('applies the request limit inside transactions and the long one outside requests', async () => {
    const inRequest = await app.inject({ url: '/light' });
    expect(inRequest.json()).toEqual({ timeout: '200ms' });
    // Outside any request (a job): the pool's default, even on a connection a request used before.
    const results = await Promise.all(
      Array.from({ length: 12 }, () => database.db.execute(sql`SELECT pg_sleep(0.3), current_setting('statement_timeout') AS t`)),
    );
    for (const r of results) expect((r as unknown as { rows: { t: string }[] }).rows[0]!.t).toBe('10min');
  });
});

describe.runIf(process.env.TEST_DB !== 'postgres')('cost check on PGlite', () => {
  it('refuses a query the planner estimates over the budget with 422, before running it', async () => {
    const started = Date.now();
    const res = await app.inject({ url: '/heavy' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ type: 'urn:problem:query_too_expensive', max_cost: 10_000 });
    expect(res.json().estimated_cost).toBeGreaterThan(10_000);
    // It did not run: 50 million rows take PGlite tens of seconds.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('lets cheap queries through, and checks nothing outside requests', async () => {
    expect((await app.inject({ url: '/light' })).statusCode).toBe(200);
    await expect(assertQueryCost(database.db, HEAVY)).resolves.toBeUndefined();
  });
});
