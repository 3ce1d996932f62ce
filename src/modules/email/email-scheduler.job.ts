import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.js';
import { runEmailScheduler } from './email-send.service.js';

/**
 * Every minute, and when a worker starts: scheduled campaigns whose time has come start, and active ones whose
 * job chain broke (a worker killed mid-slice: its job stays active until it expires) get their senders again.
 */
export const emailSchedulerJob = defineJob({
  name: 'email.campaigns.scheduler',
  schema: z.object({}).passthrough(),
  cron: '* * * * *',
  runAtStart: true,
  retryLimit: 0,
  handler: async (_payload, runtime) => runEmailScheduler(runtime),
});
