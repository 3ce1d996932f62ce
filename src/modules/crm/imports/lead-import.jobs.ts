import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { Tenant } from '../../../platform/db/tenant.js';
import { defineJob } from '../../../platform/jobs/define-job.js';
import type { Runtime } from '../../../platform/runtime.js';
import { leadImports } from './imports.tables.js';
import { abandonLeadImport, importWriters, runLeadImport } from './lead-import-run.service.js';
import { publishLeadEvents } from '../leads/publish-lead-events.js';
import { queueScoreRecalculation } from '../scoring/scoring.jobs.js';
import { scoringRules } from '../scoring/scoring.tables.js';

/**
 * Imports an uploaded CSV of leads; safe to run twice (resumes after the last committed batch).
 * Imported leads are written in bulk, without the per-lead rescoring of manual edits: when the
 * workspace scores its leads, one recalculation follows the import.
 */
export const leadImportJob = defineJob({
  name: 'crm.lead-import',
  schema: z.object({ import_id: z.uuid(), workspace_id: z.uuid() }),
  // A million rows take minutes, more on a busy server: past pg-boss's 15-minute default a second run
  // would start beside the first (harmless, it would find its batches superseded, but wasted). A dead
  // worker's import does not wait for this hour: leadImportRecoveryJob re-queues it within a minute or two.
  // Two imports at once per process: each is one long job.
  expireInSeconds: 3600,
  concurrency: 2,
  handler: async (payload, runtime) => {
    await runLeadImport(runtime.db, payload.workspace_id, payload.import_id, {
      writers: importWriters(runtime.database.kind),
      publish: (fn) => publishLeadEvents(runtime, fn),
    });
    const tenant = new Tenant(runtime.db, payload.workspace_id);
    const [done] = await runtime.db.select().from(leadImports).where(tenant.byId(leadImports, payload.import_id));
    if (!done || done.created_count + done.updated_count === 0) return;
    const [rule] = await runtime.db
      .select({ id: scoringRules.id })
      .from(scoringRules)
      .where(tenant.where(scoringRules, eq(scoringRules.active, true)))
      .limit(1);
    if (rule) await queueScoreRecalculation(runtime.queue, payload.workspace_id, 'import');
  },
  // A lasting failure (not a bad file, which ends the import itself): the import is marked failed, not left "running".
  onFinalFailure: (payload, runtime, error) => abandonLeadImport(runtime.db, payload.workspace_id, payload.import_id, error),
});

/** An import whose heartbeat (updated_at, moved by every batch) is older than this has lost its runner. */
export const STALLED_IMPORT_SECONDS = 60;

/**
 * Re-queues the imports left `running` by a worker that died (kill -9, crash): their pg-boss job stays
 * active until it expires (an hour), so without this they would show "running" that long. The heartbeat
 * is moved in the same statement, so the next pass (a minute later) does not queue the import again
 * while its new job waits. A runner that was only slow is safe: the rerun resumes after processed_rows,
 * and of two runners the one whose batch finds processed_rows changed stops (ImportSuperseded).
 * Returns the ids re-queued.
 */
export async function recoverStalledImports(runtime: Runtime): Promise<string[]> {
  const stalled = await runtime.db
    // eslint-disable-next-line local/tenant-scope -- recovery job: the stalled imports of every workspace
    .update(leadImports)
    .set({ updated_at: sql`now()` })
    .where(sql`${leadImports.status} = 'running' AND ${leadImports.updated_at} < now() - make_interval(secs => ${STALLED_IMPORT_SECONDS})`)
    .returning({ id: leadImports.id, workspace_id: leadImports.workspace_id });
  for (const row of stalled) await runtime.queue.send(leadImportJob, { import_id: row.id, workspace_id: row.workspace_id });
  if (stalled.length > 0) runtime.log.warn({ imports: stalled.map((row) => row.id) }, 'stalled imports re-queued');
  return stalled.map((row) => row.id);
}

/** Every minute (worker processes): imports whose runner died resume instead of waiting for the job's expiry. */
export const leadImportRecoveryJob = defineJob({
  name: 'crm.lead-import-recovery',
  schema: z.object({}),
  cron: '* * * * *',
  retryLimit: 0,
  handler: async (_payload, runtime) => {
    await recoverStalledImports(runtime);
  },
});
