import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { EMAIL_AUTOMATION_ACTIONS } from '../../contracts/email.js';
import { defineJob } from '../../platform/jobs/define-job.js';
import { AppError } from '../../platform/errors.js';
import { ActionFailure, registerAutomationAction, type TActionContext } from '../automations/index.js';
import { getLead, isSuppressed } from '../crm/index.js';
import { getCampaign } from './email-campaigns.service.js';
import { assertSendable } from './email-send.service.js';
import { sendOneOff } from './email-sender.js';
import { emailSends, emailSuppressions } from './email.tables.js';

// The automations' "send an email" action: the content of a chosen campaign, to the lead, as a one-off message
// (`email_sends.source = 'automation'`) sent by the engine's own claim, render, transport and record, with its
// tracking; the campaign's own counters do not move. A retried run of the same step on the same event sends once
// (its dedupe key).

/** Sends one queued one-off; queues itself again at the retry time after a temporary failure. */
export const sendOneOffJob = defineJob({
  name: 'email.one-off.send',
  schema: z.object({ send_id: z.uuid() }),
  concurrency: 2,
  handler: async ({ send_id }, runtime) => {
    const retryAt = await sendOneOff(runtime, send_id);
    if (retryAt) await runtime.queue.send(sendOneOffJob, { send_id }, { startAfter: retryAt });
  },
});

registerAutomationAction({
  type: 'send_email',
  params: EMAIL_AUTOMATION_ACTIONS.send_email.params,
  run: async (ctx, params) => {
    const campaign = await getCampaign(ctx.tenant, params.campaign_id).catch(() => {
      throw new ActionFailure('the campaign of this action no longer exists', 'campaign_not_found', {});
    });
    try {
      await assertSendable(ctx.runtime, ctx.tenant, campaign);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const fields = (error.errors ?? []).map((e) => e.code ?? e.path).join(', ');
      throw new ActionFailure(`the campaign "${campaign.name}" cannot be sent as it is (${fields})`, 'campaign_not_ready', { campaign: campaign.name });
    }
    const lead = await getLead(ctx.tenant, ctx.leadId);
    const email = (lead.email ?? '').trim().toLowerCase();
    const reason = !email
      ? 'no_email'
      : lead.unsubscribed_at
        ? 'unsubscribed'
        : lead.optin_pending_at
          ? 'unconfirmed'
          : (await isSuppressed(ctx.tenant, email)) || (await onSuppressionList(ctx, email))
            ? 'suppressed'
            : null;
    if (reason) throw new ActionFailure(`this lead is not mailed (${reason})`, 'email_not_mailable', { reason });
    const [inserted] = await ctx.tenant.db
      .insert(emailSends)
      .values({
        workspace_id: ctx.tenant.workspaceId,
        campaign_id: campaign.id,
        lead_id: lead.id,
        email,
        source: 'automation',
        dedupe_key: `automation:${ctx.automation.id}:${ctx.event.id}:${ctx.stepIndex}`,
      })
      .onConflictDoNothing()
      .returning({ id: emailSends.id });
    // Already queued by an earlier try of this run: its job sends it.
    if (inserted) await ctx.runtime.queue.send(sendOneOffJob, { send_id: inserted.id }, { db: ctx.tenant.db });
    return { detail: campaign.name, statusCode: null };
  },
});

async function onSuppressionList(ctx: TActionContext, email: string): Promise<boolean> {
  const [row] = await ctx.tenant.db
    .select({ id: emailSuppressions.id })
    .from(emailSuppressions)
    .where(ctx.tenant.where(emailSuppressions, sql`lower(${emailSuppressions.email}) = ${email}`))
    .limit(1);
  return row !== undefined;
}
