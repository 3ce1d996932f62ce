import { sendMail } from '../../platform/mail/mail.jobs.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { getLead } from '../crm/index.js';
import { getWorkspace } from '../workspaces/index.js';
import type { TEmailCampaignRow } from './email-campaigns.service.js';
import { leadContext, SAMPLE_LEAD, sampleWebinar } from './email-merge-fields.js';
import { compileCampaign, renderMessage, type TRenderedMessage } from './email-render.js';
import { senderOf, senderPolicy } from './email-senders.js';

// The preview and the test send: the campaign rendered by the engine's own renderMessage for a chosen lead (or a
// made-up one), so what a member sees is what recipients get, less tracking (the links stay as written).

/** The unsubscribe URL of a preview: the public server shows its page and changes nothing. */
export function previewUnsubscribeUrl(publicUrl: string): string {
  return `${publicUrl}/e/u/preview`;
}

/** The campaign as `leadId` (or the sample lead) would receive it. */
export async function previewCampaign(runtime: Runtime, tenant: Tenant, campaign: TEmailCampaignRow, leadId?: string): Promise<TRenderedMessage> {
  const lead = leadId ? await getLead(tenant, leadId) : SAMPLE_LEAD;
  const workspace = await getWorkspace(tenant.db, tenant.workspaceId);
  try {
    return await renderMessage(compileCampaign(campaign), {
      // A sequence's email may name its enrollment's webinar session (funnels' reminders): a sample one here.
      ...(campaign.sequence_id ? { webinar: sampleWebinar(runtime.config.publicUrl) } : {}),
      ...leadContext(lead as Record<string, unknown>),
      workspace: { name: workspace.name, legal_name: workspace.legal_name, postal_address: workspace.postal_address },
      campaign: { name: campaign.name },
      unsubscribe_url: previewUnsubscribeUrl(runtime.config.publicUrl),
    });
  } catch (error) {
    throw new AppError('bad_request', `The campaign does not render: ${(error as Error).message}`, {
      errors: [{ path: 'body.html_content', message: (error as Error).message, code: 'render_failed' }],
    });
  }
}

/** Real messages to up to 5 addresses, marked "[Test]", through the outbox (transactional priority: they arrive now). */
export async function sendTestMessages(runtime: Runtime, tenant: Tenant, campaign: TEmailCampaignRow, emails: string[], leadId?: string): Promise<void> {
  if (!campaign.subject.trim() || !campaign.html_content.trim()) {
    throw new AppError('bad_request', 'Write a subject and content before a test send', {
      errors: [{ path: campaign.subject.trim() ? 'body.html_content' : 'body.subject', message: 'required before a test send', code: 'required' }],
    });
  }
  const rendered = await previewCampaign(runtime, tenant, campaign, leadId);
  const workspace = await getWorkspace(tenant.db, tenant.workspaceId);
  const sender = senderOf(await senderPolicy(runtime, tenant), campaign, workspace.name);
  for (const to of emails) {
    await sendMail(runtime, {
      workspaceId: tenant.workspaceId,
      category: 'campaign_test',
      to,
      subject: `[Test] ${rendered.subject}`,
      text: rendered.text,
      html: rendered.html,
      from: sender.header,
    });
  }
}
