import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type SQL } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from './database.js';

/**
 * How much database work one HTTP request may cause. Jobs, migrations and boot run outside any
 * request and keep the pool's longer default (JOB_STATEMENT_TIMEOUT_MS): an import batch or a
 * workspace rescoring is bounded by its batch size, not by a stranger's filter.
 *
 * - PostgreSQL: `statement_timeout` (STATEMENT_TIMEOUT_MS) on the connection the request uses;
 *   a query past it is cancelled by the server (SQLSTATE 57014, answered 503 `query_timeout`).
 * - PGlite: no timeout can interrupt it (it runs inside this process and blocks its event loop),
 *   so services call `assertQueryCost` before the queries a user shapes (segment previews and
 *   counts, filtered lists, exports, bulk actions): the planner's estimate is checked against
 *   QUERY_COST_LIMIT and a query over it is refused with 422 `query_too_expensive` before it runs.
 */
export type TQueryLimits = {
  /** PostgreSQL statement_timeout for the request's queries. */
  statementTimeoutMs: number;
  /** Largest planner cost a user-shaped query may have; undefined: no check (PostgreSQL). */
  maxCost: number | undefined;
};

const scope = new AsyncLocalStorage<TQueryLimits>();

/** Runs fn, and every query started from it, under one request's limits. */
export function withQueryLimits<T>(limits: TQueryLimits, fn: () => T): T {
  return scope.run(limits, fn);
}

/** The limits of the request being served, or undefined outside requests (jobs, boot). */
export function currentQueryLimits(): TQueryLimits | undefined {
  return scope.getStore();
}

/**
 * Refuses (422) a user-shaped query whose estimated cost exceeds the request's budget, before
 * it runs. Only inside a request on PGlite; elsewhere it does nothing and costs nothing.
 * Estimates need current statistics: the embedded database is analyzed after bulk writes and
 * by the `db.analyze` job.
 */
export async function assertQueryCost(db: Db, query: SQL | { getSQL(): SQL }): Promise<void> {
  const maxCost = currentQueryLimits()?.maxCost;
  if (maxCost === undefined) return;
  const text = 'getSQL' in query ? query.getSQL() : query;
  const result = (await db.execute(sql`EXPLAIN (FORMAT JSON) ${text}`)) as unknown as { rows: Record<string, unknown>[] };
  const cost = planCost(result.rows[0]);
  if (cost > maxCost) {
    throw new AppError('query_too_expensive', 'This filter would take too long on this workspace: narrow it (fewer conditions, a segment, a date range)', {
      extra: { estimated_cost: Math.round(cost), max_cost: maxCost },
      reason: 'query_too_expensive',
    });
  }
}

/** Total cost of the top plan node of `EXPLAIN (FORMAT JSON)`. */
function planCost(row: Record<string, unknown> | undefined): number {
  const raw = row?.['QUERY PLAN'];
  const plans = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan?: { 'Total Cost'?: number } }[] | undefined;
  return plans?.[0]?.Plan?.['Total Cost'] ?? 0;
}
