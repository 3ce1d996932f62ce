import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.js';
import { runEmailScheduler } from './email-send.service.js';

/** Every minute: scheduled campaigns whose time has come start, and active ones whose job chain broke restart. */
export const emailSchedulerJob = defineJob({
  name: 'email.campaigns.scheduler',
  schema: z.object({}).passthrough(),
  cron: '* * * * *',
  retryLimit: 0,
  handler: async (_payload, runtime) => runEmailScheduler(runtime),
});
