import type { FastifyInstance } from 'fastify';
import { withQueryLimits, type TQueryLimits } from '../db/query-limits.js';
import type { TConfig } from '../config.js';
import type { Database } from '../db/database.js';

/**
 * Runs each request's handler under the request limits (platform/db/query-limits.ts): PostgreSQL's
 * STATEMENT_TIMEOUT_MS, or PGlite's QUERY_COST_LIMIT. Entered in preHandler, after authentication
 * and validation, so the handler and everything it awaits (streamed exports included) run inside it.
 */
export function registerQueryLimits(
  app: FastifyInstance,
  runtime: { config: Pick<TConfig, 'statementTimeoutMs' | 'queryCostLimit'>; database: Pick<Database, 'kind'> },
): void {
  const limits: TQueryLimits = {
    statementTimeoutMs: runtime.config.statementTimeoutMs,
    maxCost: runtime.database.kind === 'pglite' ? runtime.config.queryCostLimit : undefined,
  };
  app.addHook('preHandler', (_request, _reply, done) => withQueryLimits(limits, done));
}
