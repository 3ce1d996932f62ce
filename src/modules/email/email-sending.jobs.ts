import { z } from 'zod';
import { Tenant } from '../../platform/db/tenant.js';
import { defineJob } from '../../platform/jobs/define-job.js';
import type { Runtime } from '../../platform/runtime.js';
import { RESOLVE_BATCH, resolveRecipientsBatch } from './email-audience.service.js';
import { loadCampaign, runCampaignSender } from './email-sender.js';
import { releaseHeld } from './email-ab-variants.js';

// The two jobs of a campaign's send: resolving its recipients once, then sending. Both run in slices of under a
// minute and queue their own continuation, so pause and cancel are seen quickly, a deploy never waits on a long
// job, and a dead worker's slice comes back (pg-boss expiry) without redoing what was committed.

/** Milliseconds a slice works before it queues its continuation. */
const SLICE_MS = 30_000;

/**
 * Sender jobs per campaign: each slot has its own key, and at most one job waits per key (policy `short`), so a
 * campaign has SENDER_SLOTS senders, in one process or spread over several (the queue's concurrency is 1 per
 * process: one pool's worth in flight each). `short`, not `stately`: a worker killed mid-slice leaves its job
 * active until it expires, and a restarted worker must be able to run the slot's next job at once.
 */
export const SENDER_SLOTS = 2;

/** Resolves a campaign's recipients into email_sends, batch after batch, then starts its senders. */
export const resolveCampaignRecipientsJob = defineJob({
  name: 'email.campaign.resolve',
  schema: z.object({ campaign_id: z.uuid() }),
  policy: 'short',
  expireInSeconds: 300,
  handler: async ({ campaign_id }, runtime) => {
    const until = Date.now() + SLICE_MS;
    for (;;) {
      const campaign = await loadCampaign(runtime, campaign_id);
      if (!campaign || campaign.status !== 'active') return;
      if (campaign.recipients_resolved_at) {
        // A winner picked while recipients were being resolved: the rest resolved since goes with it too.
        if (campaign.ab_winner) await releaseHeld(runtime.db, campaign_id, campaign.ab_winner);
        return startSenders(runtime, campaign_id);
      }
      if (Date.now() > until) {
        await runtime.queue.send(resolveCampaignRecipientsJob, { campaign_id }, { singletonKey: campaign_id });
        return;
      }
      await resolveRecipientsBatch(new Tenant(runtime.db, campaign.workspace_id), campaign, RESOLVE_BATCH[runtime.database.kind]);
      // Between two steps, the rest of the process runs (PGlite's queries settle without I/O: see send-pipeline.ts).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  },
});

/** Sends a campaign's queued messages for one slice; queues the next slice while there is work. */
export const campaignSenderJob = defineJob({
  name: 'email.campaign.send',
  schema: z.object({ campaign_id: z.uuid(), slot: z.number().int().min(0) }),
  policy: 'short',
  expireInSeconds: 300,
  retryDelaySeconds: 10,
  handler: async ({ campaign_id, slot }, runtime) => {
    const outcome = await runCampaignSender(runtime, campaign_id, { budgetMs: SLICE_MS });
    const key = `${campaign_id}:${slot}`;
    if (outcome.kind === 'again') await runtime.queue.send(campaignSenderJob, { campaign_id, slot }, { singletonKey: key });
    if (outcome.kind === 'later') await runtime.queue.send(campaignSenderJob, { campaign_id, slot }, { singletonKey: key, startAfter: outcome.at });
  },
});

/** Queues every sender slot of a campaign (a slot already waiting is not queued twice). */
export async function startSenders(runtime: Pick<Runtime, 'queue'>, campaignId: string): Promise<void> {
  for (let slot = 0; slot < SENDER_SLOTS; slot++) {
    await runtime.queue.send(campaignSenderJob, { campaign_id: campaignId, slot }, { singletonKey: `${campaignId}:${slot}` });
  }
}
