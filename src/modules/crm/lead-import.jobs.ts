import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.js';
import { runLeadImport } from './lead-import-run.service.js';
import { publishLeadEvents } from './publish-lead-events.js';

/** Imports an uploaded CSV of leads; safe to run twice (resumes after the last committed batch). */
export const leadImportJob = defineJob({
  name: 'crm.lead-import',
  schema: z.object({ import_id: z.uuid(), workspace_id: z.uuid() }),
  handler: (payload, runtime) =>
    runLeadImport(runtime.db, payload.workspace_id, payload.import_id, { publish: (fn) => publishLeadEvents(runtime, fn) }),
});
