import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.js';
import { pruneRateLimits } from '../../platform/http/rate-limit.js';
import { purgeExpiredSessions } from './sessions.service.js';

/** Nightly housekeeping: deletes expired sessions and old rate-limit windows. */
export const purgeSessionsJob = defineJob({
  name: 'accounts.purge-sessions',
  schema: z.object({}).passthrough(),
  cron: '17 3 * * *',
  handler: async (_payload, runtime) => {
    await purgeExpiredSessions(runtime.db, runtime.config);
    await pruneRateLimits(runtime.db);
  },
});
