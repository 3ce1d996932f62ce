import { and, eq, inArray, sql } from 'drizzle-orm';
import { Tenant } from '../../platform/db/tenant.js';
import { AppError, type TFieldError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { customFieldsByKey } from '../crm/index.js';
import { getWorkspace } from '../workspaces/index.js';
import { getCampaign, type TEmailCampaignRow } from './email-campaigns.service.js';
import { liquidSyntaxErrors, mentions, unknownMergeFields } from './email-merge-fields.js';
import { senderError, senderPolicy } from './email-senders.js';
import { resolveCampaignRecipientsJob, startSenders } from './email-sending.jobs.js';
import { queueAbDecision } from './email-ab-test.js';
import { variantSendErrors } from './email-ab-variants.js';
import { emailCampaigns, emailSends } from './email.tables.js';

// The campaign's life after its draft: send now, schedule, pause, resume, cancel. Each is one conditional UPDATE
// (`WHERE status IN (…)`), so two clicks at once, or a click racing the scheduler, move it once; the loser gets 409.

/**
 * What a send requires beyond a save (issue 10 and the law on marketing email): a subject and a body, known merge
 * fields only, an unsubscribe link, the workspace's postal address set and printed, an allowed sender. One 400
 * names every missing piece.
 */
export async function assertSendable(runtime: Runtime, tenant: Tenant, campaign: TEmailCampaignRow): Promise<void> {
  const errors: TFieldError[] = [];
  if (!campaign.subject.trim()) errors.push({ path: 'body.subject', message: 'a campaign needs a subject', code: 'required' });
  if (!campaign.html_content.trim()) errors.push({ path: 'body.html_content', message: 'a campaign needs content', code: 'required' });
  errors.push(...liquidSyntaxErrors(campaign));
  if (errors.length === 0) {
    const customKeys = new Set((await customFieldsByKey(tenant.db, tenant.workspaceId)).keys());
    errors.push(...unknownMergeFields(campaign, customKeys));
    if (campaign.html_content.trim() && !mentions(campaign.html_content, ['unsubscribe_url'])) {
      errors.push({ path: 'body.html_content', message: 'the content needs an unsubscribe link ({{ unsubscribe_url }})', code: 'unsubscribe_link_missing' });
    }
    const workspace = await getWorkspace(tenant.db, tenant.workspaceId);
    if (!workspace.postal_address.trim()) {
      errors.push({
        path: 'workspace.postal_address',
        message: "set the workspace's postal address (Settings) before a first send",
        code: 'postal_address_missing',
      });
    } else if (
      campaign.html_content.trim() &&
      !mentions(campaign.html_content, ['workspace', 'postal_address']) &&
      !campaign.html_content.includes(workspace.postal_address.trim())
    ) {
      errors.push({
        path: 'body.html_content',
        message: 'the content must show the postal address ({{ workspace.postal_address }})',
        code: 'postal_address_not_shown',
      });
    }
  }
  const sender = senderError(await senderPolicy(runtime, tenant), campaign);
  if (sender) errors.push(sender);
  if (campaign.ab_test && campaign.send_time_optimization) {
    // The test's rest would go when the test ends, not at each one's best hour: one or the other.
    errors.push({ path: 'body.send_time_optimization', message: 'an A/B test and send-time optimisation cannot be combined', code: 'sto_with_ab_test' });
  }
  if (campaign.ab_test && errors.length === 0) {
    const customKeys = new Set((await customFieldsByKey(tenant.db, tenant.workspaceId)).keys());
    errors.push(...variantSendErrors(campaign, customKeys, (await getWorkspace(tenant.db, tenant.workspaceId)).postal_address));
  }
  if (errors.length > 0) throw new AppError('bad_request', `This campaign cannot be sent yet: ${errors.map((e) => e.path).join(', ')}`, { errors });
}

/** A sequence's email is sent by its sequence's steps, never to an audience of its own. */
export function notSequenceEmail(campaign: TEmailCampaignRow): TEmailCampaignRow {
  if (campaign.sequence_id === null) return campaign;
  throw new AppError('conflict', 'This email belongs to a sequence: its steps send it (it has no audience of its own)', {
    reason: 'sequence_email',
    params: { sequence_id: campaign.sequence_id },
  });
}

function conflict(campaign: TEmailCampaignRow, action: string): AppError {
  return new AppError('conflict', `This campaign is ${campaign.status}${campaign.canceled_at ? ' (canceled)' : ''}: it cannot be ${action}`, {
    reason: 'campaign_status',
    params: { status: campaign.status },
  });
}

/** Moves a campaign from one of `from` to `status` with `set`; the row, or 409 when another change came first. */
async function transition(tenant: Tenant, campaign: TEmailCampaignRow, from: TEmailCampaignRow['status'][], set: Partial<TEmailCampaignRow>, action: string) {
  const [row] = await tenant.db
    .update(emailCampaigns)
    .set({ ...set, updated_at: new Date() })
    .where(tenant.where(emailCampaigns, eq(emailCampaigns.id, campaign.id), inArray(emailCampaigns.status, from)))
    .returning();
  if (!row) throw conflict(await getCampaign(tenant, campaign.id), action);
  return row;
}

/** Sends now: `active`, recipients resolved in the background, then the senders start. */
export async function sendCampaign(runtime: Runtime, tenant: Tenant, id: string): Promise<TEmailCampaignRow> {
  const campaign = notSequenceEmail(await getCampaign(tenant, id));
  if (campaign.status !== 'draft' && campaign.status !== 'scheduled') throw conflict(campaign, 'sent');
  await assertSendable(runtime, tenant, campaign);
  return startCampaign(runtime, tenant, campaign, ['draft', 'scheduled']);
}

/** The move to `active` and the resolution job, in one transaction: a started campaign always has its job. */
async function startCampaign(runtime: Runtime, tenant: Tenant, campaign: TEmailCampaignRow, from: TEmailCampaignRow['status'][]) {
  return tenant.db.transaction(async (tx) => {
    const scoped = new Tenant(tx, tenant.workspaceId);
    const row = await transition(scoped, campaign, from, { status: 'active', sent_at: new Date() }, 'sent');
    await runtime.queue.send(resolveCampaignRecipientsJob, { campaign_id: row.id }, { singletonKey: row.id, db: tx });
    // An A/B test: its decision at the test's end, queued with the start.
    await queueAbDecision(runtime, row, { db: tx });
    return row;
  });
}

/** Schedules a draft (or moves a scheduled one); checked now as a send is, so the scheduled minute finds nothing wrong. */
export async function scheduleCampaign(runtime: Runtime, tenant: Tenant, id: string, at: Date): Promise<TEmailCampaignRow> {
  const campaign = notSequenceEmail(await getCampaign(tenant, id));
  if (campaign.status !== 'draft' && campaign.status !== 'scheduled') throw conflict(campaign, 'scheduled');
  if (at.getTime() < Date.now() + 60_000) {
    throw new AppError('bad_request', 'Schedule a send at least a minute ahead (or send it now)', {
      errors: [{ path: 'body.scheduled_at', message: 'must be at least one minute in the future', code: 'too_soon' }],
    });
  }
  await assertSendable(runtime, tenant, campaign);
  return transition(tenant, campaign, ['draft', 'scheduled'], { status: 'scheduled', scheduled_at: at }, 'scheduled');
}

/** Back to a draft: a scheduled campaign is unscheduled. */
export async function unscheduleCampaign(tenant: Tenant, id: string): Promise<TEmailCampaignRow> {
  const campaign = await getCampaign(tenant, id);
  return transition(tenant, campaign, ['scheduled'], { status: 'draft', scheduled_at: null }, 'unscheduled');
}

/** Stops the senders within a second or two; messages in flight finish and are recorded. */
export async function pauseCampaign(tenant: Tenant, id: string): Promise<TEmailCampaignRow> {
  return transition(tenant, await getCampaign(tenant, id), ['active'], { status: 'paused' }, 'paused');
}

export async function resumeCampaign(runtime: Runtime, tenant: Tenant, id: string): Promise<TEmailCampaignRow> {
  const row = await transition(tenant, await getCampaign(tenant, id), ['paused'], { status: 'active' }, 'resumed');
  if (row.recipients_resolved_at) await startSenders(runtime, row.id);
  else await runtime.queue.send(resolveCampaignRecipientsJob, { campaign_id: row.id }, { singletonKey: row.id });
  return row;
}

/**
 * Stops for good: what was sent stays (with its report), the rest is marked canceled. The campaign shows as
 * completed with `canceled_at`. A scheduled campaign canceled before its minute sent nothing.
 */
export async function cancelCampaign(tenant: Tenant, id: string): Promise<TEmailCampaignRow> {
  const campaign = await getCampaign(tenant, id);
  return tenant.db.transaction(async (tx) => {
    const scoped = new Tenant(tx, tenant.workspaceId);
    const row = await transition(scoped, campaign, ['scheduled', 'active', 'paused'], { status: 'completed', canceled_at: new Date() }, 'canceled');
    await tx
      .update(emailSends)
      .set({ status: 'canceled', updated_at: new Date() })
      .where(scoped.where(emailSends, eq(emailSends.campaign_id, row.id), inArray(emailSends.status, ['queued', 'held'])));
    return row;
  });
}

/**
 * The scheduler's minute: starts every scheduled campaign whose time has come, and restarts the senders of active
 * campaigns that have work but whose job chain broke (a job that spent its retries).
 */
export async function runEmailScheduler(runtime: Runtime): Promise<void> {
  const due = await runtime.db
    .select()
    // eslint-disable-next-line local/tenant-scope -- the scheduler looks at every workspace's due campaigns
    .from(emailCampaigns)
    .where(and(eq(emailCampaigns.status, 'scheduled'), sql`${emailCampaigns.scheduled_at} <= now()`))
    .limit(100);
  for (const campaign of due) {
    const tenant = new Tenant(runtime.db, campaign.workspace_id);
    try {
      await assertSendable(runtime, tenant, campaign);
      await startCampaign(runtime, tenant, campaign, ['scheduled']);
    } catch (error) {
      // Changed since it was scheduled (the postal address removed…): it goes back to draft, with the reason logged.
      runtime.log.warn({ campaign_id: campaign.id, err: error }, 'scheduled campaign could not start: back to draft');
      await tenant.db
        .update(emailCampaigns)
        .set({ status: 'draft', updated_at: new Date() })
        .where(tenant.where(emailCampaigns, eq(emailCampaigns.id, campaign.id), eq(emailCampaigns.status, 'scheduled')));
    }
  }
  const active = await runtime.db
    .select({ id: emailCampaigns.id, resolved: emailCampaigns.recipients_resolved_at })
    // eslint-disable-next-line local/tenant-scope -- the scheduler looks at every workspace's active campaigns
    .from(emailCampaigns)
    .where(eq(emailCampaigns.status, 'active'));
  for (const campaign of active) {
    if (campaign.resolved) await startSenders(runtime, campaign.id);
    else await runtime.queue.send(resolveCampaignRecipientsJob, { campaign_id: campaign.id }, { singletonKey: campaign.id });
  }
}
