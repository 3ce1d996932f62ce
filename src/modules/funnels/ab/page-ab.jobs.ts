import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { defineJob } from '../../../platform/jobs/define-job.js';
import type { Runtime } from '../../../platform/runtime.js';
import { abTestResults } from './page-ab-results.js';
import { applyWinner } from './page-ab.service.js';
import { funnelPageAbTests, funnelPageVariants } from './page-ab.tables.js';

// Automatic decisions of page tests with `auto_apply`: a periodic check rather than a check at stats read time, so a
// winner is applied when nobody looks (and a read never republishes a page). Like a sequence email's test, a running
// page test has no end date: the first time the rule finds a clear winner (95 %, at least 100 visitors per variant,
// no sample ratio mismatch) it is applied; "no clear winner" and a blocked verdict leave the test running.

/** Tests looked at per run, least recently checked first (updated_at moves at each check). */
const BATCH = 200;

export async function decidePageAbTests(runtime: Runtime): Promise<number> {
  const tests = await runtime.db
    .select()
    // eslint-disable-next-line local/tenant-scope -- the job checks the running tests of every workspace
    .from(funnelPageAbTests)
    .where(and(eq(funnelPageAbTests.status, 'running'), eq(funnelPageAbTests.auto_apply, true)))
    .orderBy(asc(funnelPageAbTests.updated_at))
    .limit(BATCH);
  let applied = 0;
  for (const test of tests) {
    const tenant = new Tenant(runtime.db, test.workspace_id);
    const variants = await tenant.db
      .select()
      .from(funnelPageVariants)
      .where(tenant.where(funnelPageVariants, eq(funnelPageVariants.test_id, test.id)))
      .orderBy(asc(funnelPageVariants.position));
    const results = await abTestResults(tenant.db, tenant.workspaceId, test, variants);
    await tenant.db.execute(sql`UPDATE ${funnelPageAbTests} SET updated_at = now() WHERE id = ${test.id}::uuid AND workspace_id = ${test.workspace_id}::uuid`);
    if (results?.decision.kind !== 'winner') continue;
    try {
      await applyWinner(runtime, tenant, test.funnel_id, test.page_id, results.decision.variant_id, 'automatic');
      applied++;
    } catch (err) {
      // A member decided, stopped or deleted the test meanwhile: nothing to do.
      if (!(err instanceof AppError) || !['conflict', 'not_found'].includes(err.code)) throw err;
    }
  }
  return applied;
}

export const decidePageAbTestsJob = defineJob({
  name: 'funnels.page-ab-tests.decide',
  schema: z.object({}).passthrough(),
  policy: 'singleton',
  cron: '*/15 * * * *',
  handler: async (_payload, runtime) => {
    await decidePageAbTests(runtime);
  },
});
