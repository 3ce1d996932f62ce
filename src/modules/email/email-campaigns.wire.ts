import { iso } from '../../contracts/common.js';
import type { TEmailCampaign, TEmailCampaignSummary, TEmailRecipient } from '../../contracts/email-campaigns.js';
import { ZEmailDocument } from '../../contracts/email-document.js';
import type { TEmailCampaignRow } from './email-campaigns.service.js';

/** A campaign on the wire, with its rates: unique opens and clicks over delivered messages, null before any. */
export function campaign(row: TEmailCampaignRow): TEmailCampaign {
  return {
    ...summary(row),
    html_content: row.html_content,
    text_content: row.text_content,
    // Written through ZEmailDocument (email-campaigns.service.ts); a document saved by an API client before the
    // block editor existed is shown as raw HTML mode rather than breaking the response.
    editor_document: ZEmailDocument.safeParse(row.editor_document).data ?? null,
  };
}

export function summary(row: TEmailCampaignRow): TEmailCampaignSummary {
  const rate = (count: number) => (row.total_delivered > 0 ? count / row.total_delivered : null);
  return {
    id: row.id,
    name: row.name,
    subject: row.subject,
    preheader: row.preheader,
    from_name: row.from_name,
    from_email: row.from_email,
    reply_to: row.reply_to,
    status: row.status,
    scheduled_at: iso(row.scheduled_at),
    sent_at: iso(row.sent_at),
    canceled_at: iso(row.canceled_at),
    segment_id: row.segment_id,
    segment_rules: row.segment_rules ?? null,
    total_recipients: row.total_recipients,
    total_sent: row.total_sent,
    total_delivered: row.total_delivered,
    total_opened: row.total_opened,
    total_clicked: row.total_clicked,
    total_bounced: row.total_bounced,
    total_unsubscribed: row.total_unsubscribed,
    total_complained: row.total_complained,
    open_rate: rate(row.total_opened),
    click_rate: rate(row.total_clicked),
    sequence_id: row.sequence_id,
    ab_test: row.ab_test ?? null,
    ab_winner: row.ab_winner,
    ab_decided_at: iso(row.ab_decided_at),
    send_time_optimization: row.send_time_optimization,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

/** One recipient of the report. */
export function recipient(row: {
  id: string;
  lead_id: string;
  email: string;
  status: TEmailRecipient['status'] | 'held';
  sent_at: Date | null;
  opened_at: Date | null;
  clicked_at: Date | null;
  open_count: number;
  click_count: number;
  bounce_type: 'hard' | 'soft' | null;
  unsubscribed_at: Date | null;
  complained_at: Date | null;
  error: string | null;
}): TEmailRecipient {
  return {
    ...row,
    // Outside an A/B test's share, waiting for the winner: queued, as far as a reader is concerned.
    status: row.status === 'held' ? 'queued' : row.status,
    sent_at: iso(row.sent_at),
    opened_at: iso(row.opened_at),
    clicked_at: iso(row.clicked_at),
    unsubscribed_at: iso(row.unsubscribed_at),
    complained_at: iso(row.complained_at),
  };
}
