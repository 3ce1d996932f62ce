import { defineJob } from '../../../platform/jobs/define-job.js';
import { uploadAdConversion, ZAdConversionJob } from './conversion-upload.js';

export type { TAdConversionJob } from './conversion-upload.js';

/**
 * `ads.conversions.upload`: sends one conversion to one campaign's network (conversion-upload.ts). A rate limit or a
 * platform failure throws after logging the attempt, so pg-boss retries with backoff; a conversion sent or skipped is
 * never sent again (the log's unique row), so a repeated job or a replayed event changes nothing.
 */
export const uploadAdConversionJob = defineJob({
  name: 'ads.conversions.upload',
  schema: ZAdConversionJob,
  // One waiting job per campaign and conversion: a replayed event adds none.
  policy: 'short',
  retryLimit: 5,
  retryDelaySeconds: 60,
  expireInSeconds: 300,
  handler: (payload, runtime) => uploadAdConversion(runtime, payload),
});
