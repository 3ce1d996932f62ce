import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { Tenant } from '../../../platform/db/tenant.js';
import { defineJob } from '../../../platform/jobs/define-job.js';
import { leadImports } from './imports.tables.js';
import { abandonLeadImport, runLeadImport } from './lead-import-run.service.js';
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
  // worker's import resumes after this hour. Two imports at once per process: each is one long job.
  expireInSeconds: 3600,
  concurrency: 2,
  handler: async (payload, runtime) => {
    await runLeadImport(runtime.db, payload.workspace_id, payload.import_id, { publish: (fn) => publishLeadEvents(runtime, fn) });
    const tenant = new Tenant(runtime.db, payload.workspace_id);
    const [done] = await runtime.db.select().from(leadImports).where(tenant.byId(leadImports, payload.import_id));
    if (!done || done.created_count + done.updated_count === 0) return;
    const [rule] = await runtime.db.select({ id: scoringRules.id }).from(scoringRules).where(tenant.where(scoringRules, eq(scoringRules.active, true))).limit(1);
    if (rule) await queueScoreRecalculation(runtime.queue, payload.workspace_id, 'import');
  },
  // A lasting failure (not a bad file, which ends the import itself): the import is marked failed, not left "running".
  onFinalFailure: (payload, runtime, error) => abandonLeadImport(runtime.db, payload.workspace_id, payload.import_id, error),
});
