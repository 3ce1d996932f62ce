import { z } from 'zod';
import { defineJob } from '../jobs/define-job.js';
import { analyzeStaleTables } from './statistics.js';

/** Every 10 minutes on the embedded database: ANALYZE the tables that changed (autovacuum's rule). */
export const analyzeDatabaseJob = defineJob({
  name: 'db.analyze',
  schema: z.object({}),
  cron: '*/10 * * * *',
  retryLimit: 0,
  handler: async (_payload, runtime) => {
    const analyzed = await analyzeStaleTables(runtime.database);
    if (analyzed.length > 0) runtime.log.info({ tables: analyzed }, 'planner statistics refreshed');
  },
});
