import { z } from 'zod';
import { ZEmail, ZId, ZTimestamp } from './common.js';
import { ZRuleGroup } from './crm-segments.js';
import { ZEmailDocument } from './email-document.js';

// Email campaigns (spec: EmailCampaign): the wire shapes shared by the API and the web app.

/** draft → scheduled → active (sending) ⇄ paused → completed (also when canceled: `canceled_at` says so). */
export const EMAIL_CAMPAIGN_STATUSES = ['draft', 'scheduled', 'active', 'paused', 'completed'] as const;
export const ZEmailCampaignStatus = z.enum(EMAIL_CAMPAIGN_STATUSES);
export type TEmailCampaignStatus = z.infer<typeof ZEmailCampaignStatus>;

/** Statuses in which the content may still change and the campaign may be deleted: nothing was sent. */
export const EDITABLE_CAMPAIGN_STATUSES: readonly TEmailCampaignStatus[] = ['draft', 'scheduled'];

/**
 * Whether a campaign's content may still change and it may be deleted (the server's rule, shown by the web). A
 * sequence's email stays editable while it sends: later steps send the new version.
 */
export function isCampaignEditable(campaign: { status: TEmailCampaignStatus; total_sent: number; sequence_id?: string | null }): boolean {
  if (campaign.sequence_id) return true;
  return EDITABLE_CAMPAIGN_STATUSES.includes(campaign.status) && campaign.total_sent === 0;
}

/** The metrics' thresholds (spec): an open rate above 20 % and a click rate above 3 % are good. */
export const GOOD_OPEN_RATE = 0.2;
export const GOOD_CLICK_RATE = 0.03;

/** The lead's fields a template may print as `{{ lead.<field> }}` (custom fields are `{{ custom.<key> }}`). */
export const LEAD_MERGE_FIELDS = [
  'id',
  'first_name',
  'last_name',
  'email',
  'phone',
  'company',
  'job_title',
  'status',
  'score',
  'source',
  'tags',
  'estimated_value',
  'utm_source',
  'utm_medium',
  'utm_campaign',
] as const;

/** The workspace's fields a template may print as `{{ workspace.<field> }}`. */
export const WORKSPACE_MERGE_FIELDS = ['name', 'legal_name', 'postal_address'] as const;

/** Longest HTML body accepted (a newsletter with inline styles is tens of kilobytes). */
export const MAX_CAMPAIGN_HTML = 512 * 1024;

const ZOptionalEmail = z.union([z.literal(''), ZEmail]);

/** What a member writes: content, sender and audience. Liquid in subject, preheader and bodies is checked at save. */
const campaignFields = {
  name: z.string().trim().min(1).max(200),
  subject: z.string().trim().max(300),
  preheader: z.string().trim().max(300),
  html_content: z.string().max(MAX_CAMPAIGN_HTML),
  text_content: z.string().max(MAX_CAMPAIGN_HTML),
  /** The block editor's document, from which the server compiles html_content (which is then ignored); null for raw HTML. */
  editor_document: ZEmailDocument.nullable(),
  from_name: z.string().trim().max(200),
  from_email: ZOptionalEmail,
  reply_to: ZOptionalEmail,
  /** A saved segment of the workspace; with segment_rules, a lead must match both. */
  segment_id: ZId.nullable(),
  segment_rules: ZRuleGroup.nullable(),
};

/**
 * What an A/B test compares (spec "A/B testing"): unique opens or unique clicks over delivered messages, or the
 * revenue attributed to the messages (orders net of refunds, won leads' values; see "Conversions") per delivered message.
 */
export const AB_TEST_METRICS = ['open_rate', 'click_rate', 'revenue_per_recipient'] as const;
export type TAbTestMetric = (typeof AB_TEST_METRICS)[number];
/** The decision rule of email A/B tests (modules/experiments): a variant wins at this probability to beat A… */
export const AB_WIN_PROBABILITY = 0.95;
/** …once every variant has at least this many delivered messages. */
export const AB_MIN_DELIVERED = 100;
/** Revenue per recipient also needs this many recipients with revenue in the test (the mean's test is unsound on fewer). */
export const AB_MIN_PAYING = 10;

/** A is the campaign as written (the control); B to E are its variants, in order. */
export const AB_VARIANT_KEYS = ['A', 'B', 'C', 'D', 'E'] as const;
export type TAbVariantKey = (typeof AB_VARIANT_KEYS)[number];

/** What one variant changes from the campaign (at least one field). */
const ZAbVariant = z
  .strictObject({
    subject: campaignFields.subject.min(1).optional(),
    preheader: campaignFields.preheader.optional(),
    from_name: campaignFields.from_name.min(1).optional(),
    /** Another content, in HTML (a variant of a block-editor campaign sends this HTML as it is). */
    html_content: campaignFields.html_content.min(1).optional(),
  })
  .refine((v) => Object.values(v).some((value) => value !== undefined), { error: 'a variant changes at least one field', params: { code: 'variant_empty' } });
export type TAbVariant = z.infer<typeof ZAbVariant>;

/**
 * An A/B test of a campaign: variants B… of its subject, preheader, sender name or content, sent with the control
 * (A) to `test_share` of the recipients, split equally; after `duration_hours` the variant that wins on `metric`
 * (modules/experiments: Bayesian, 95 %) goes to the rest, or `fallback` when there is no clear winner. With a
 * test share of 1 everyone is in the test and there is no rest to send.
 */
export const ZAbTest = z
  .strictObject({
    variants: z.array(ZAbVariant).min(1).max(4),
    test_share: z.number().min(0.02).max(1),
    metric: z.enum(AB_TEST_METRICS),
    duration_hours: z.number().int().min(1).max(168),
    fallback: z.enum(AB_VARIANT_KEYS).default('A'),
  })
  .refine((t) => AB_VARIANT_KEYS.indexOf(t.fallback) <= t.variants.length, {
    path: ['fallback'],
    error: 'must be one of the variants',
    params: { code: 'unknown_variant' },
  });
export type TAbTest = z.infer<typeof ZAbTest>;

export const ZEmailCampaignBody = z.strictObject({
  ...campaignFields,
  subject: campaignFields.subject.default(''),
  preheader: campaignFields.preheader.default(''),
  html_content: campaignFields.html_content.default(''),
  text_content: campaignFields.text_content.default(''),
  editor_document: campaignFields.editor_document.default(null),
  from_name: campaignFields.from_name.default(''),
  from_email: campaignFields.from_email.default(''),
  reply_to: campaignFields.reply_to.default(''),
  segment_id: campaignFields.segment_id.default(null),
  segment_rules: campaignFields.segment_rules.default(null),
  ab_test: ZAbTest.nullable().default(null),
  send_time_optimization: z.boolean().default(false),
});
export type TEmailCampaignBody = z.infer<typeof ZEmailCampaignBody>;

/** Only the fields sent change (no defaults here: a missing field is left as it is). */
export const ZEmailCampaignUpdateBody = z.strictObject({ ...campaignFields, ab_test: ZAbTest.nullable(), send_time_optimization: z.boolean() }).partial();
export type TEmailCampaignUpdateBody = z.infer<typeof ZEmailCampaignUpdateBody>;

/** The copy's name (the web sends it in the reader's language); by default "<name> (copie)". */
export const ZEmailCampaignDuplicateBody = z.strictObject({ name: z.string().trim().min(1).max(200).optional() }).optional();

export const ZEmailCampaign = z.object({
  id: ZId,
  name: z.string(),
  subject: z.string(),
  preheader: z.string(),
  html_content: z.string(),
  text_content: z.string(),
  /** The block editor's document (null: raw HTML). */
  editor_document: ZEmailDocument.nullable(),
  from_name: z.string(),
  from_email: z.string(),
  reply_to: z.string(),
  status: ZEmailCampaignStatus,
  scheduled_at: ZTimestamp.nullable(),
  sent_at: ZTimestamp.nullable(),
  canceled_at: ZTimestamp.nullable(),
  segment_id: ZId.nullable(),
  segment_rules: ZRuleGroup.nullable(),
  total_recipients: z.number().int(),
  total_sent: z.number().int(),
  total_delivered: z.number().int(),
  total_opened: z.number().int(),
  total_clicked: z.number().int(),
  total_bounced: z.number().int(),
  total_unsubscribed: z.number().int(),
  total_complained: z.number().int(),
  /** Unique opens over delivered messages (0 to 1); null before anything is delivered. */
  open_rate: z.number().nullable(),
  /** Unique clicks over delivered messages (0 to 1); null before anything is delivered. */
  click_rate: z.number().nullable(),
  /** Set on a sequence's email (edited here, sent by the sequence's steps; sending it as a campaign is refused). */
  sequence_id: ZId.nullable(),
  ab_test: ZAbTest.nullable(),
  /** The variant sent to the rest once the test was decided (automatically or by a member). */
  ab_winner: z.enum(AB_VARIANT_KEYS).nullable(),
  ab_decided_at: ZTimestamp.nullable(),
  /**
   * Send-time optimisation: each recipient gets the message at their best hour in the 24 hours after the send
   * (learned from their past opens and clicks, else the workspace's), except a 10 % holdout sent at once.
   */
  send_time_optimization: z.boolean(),
  created_at: ZTimestamp,
  updated_at: ZTimestamp,
});
export type TEmailCampaign = z.infer<typeof ZEmailCampaign>;

/** The list leaves out the bodies and the editor document (a page of cards, not of newsletters). */
export const ZEmailCampaignSummary = ZEmailCampaign.omit({ html_content: true, text_content: true, editor_document: true });
export type TEmailCampaignSummary = z.infer<typeof ZEmailCampaignSummary>;

export const ZEmailCampaignList = z.object({ items: z.array(ZEmailCampaignSummary), next_cursor: z.string().nullable() });
export type TEmailCampaignList = z.infer<typeof ZEmailCampaignList>;

export const ZEmailCampaignListQuery = z.object({
  status: ZEmailCampaignStatus.optional(),
  /** Words in the name or the subject. */
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
});
export type TEmailCampaignListQuery = z.infer<typeof ZEmailCampaignListQuery>;

/** Who a campaign would reach now, and who its audience holds that it would not mail (and why). */
export const ZEmailCampaignRecipients = z.object({
  count: z.number().int(),
  excluded: z.object({
    unsubscribed: z.number().int(),
    /** Signed up through a double opt-in form and not confirmed yet. */
    unconfirmed: z.number().int(),
    bounced: z.number().int(),
    complained: z.number().int(),
    suppressed: z.number().int(),
    no_email: z.number().int(),
  }),
});
export type TEmailCampaignRecipients = z.infer<typeof ZEmailCampaignRecipients>;

/** `POST /:id/schedule`: when to send (at least a minute ahead). */
export const ZEmailCampaignScheduleBody = z.strictObject({ scheduled_at: z.iso.datetime({ offset: true }) });

/** `POST /:id/preview`: render as this lead (else a made-up one). */
export const ZEmailCampaignPreviewBody = z.strictObject({ lead_id: ZId.optional() }).optional();
export const ZEmailCampaignPreview = z.object({ subject: z.string(), html: z.string(), text: z.string() });
export type TEmailCampaignPreview = z.infer<typeof ZEmailCampaignPreview>;

/** `POST /:id/test`: real messages to up to 5 addresses, rendered as `lead_id` (else a made-up lead). */
export const ZEmailCampaignTestBody = z.strictObject({ emails: z.array(ZEmail).min(1).max(5), lead_id: ZId.optional() });

const ZCount = z.number().int();

/** An email's conversions by goal (ARCHITECTURE.md, "Conversions"); amounts in the workspace's currency units. */
export const ZConversionTotals = z.object({
  /** Leads won plus orders. */
  count: ZCount,
  /** Won leads' estimated values plus orders' amounts, refunds deducted. */
  revenue: z.number(),
  leads_won: z.object({ count: ZCount, revenue: z.number() }),
  /** Orders paid (one per order, its accepted offers included), their amounts net of refunds, and what was refunded. */
  orders: z.object({ count: ZCount, revenue: z.number(), refunded: z.number() }),
});
export type TConversionTotals = z.infer<typeof ZConversionTotals>;

/** `GET /:id/report`: what the campaign did, rates over delivered messages, machine opens and clicks apart. */
/** The A/B part of a report: each variant's numbers and chances, the rule's decision, and what became of the rest. */
export const ZAbTestReport = z.object({
  metric: z.enum(AB_TEST_METRICS),
  test_share: z.number(),
  duration_hours: z.number().int(),
  fallback: z.enum(AB_VARIANT_KEYS),
  /** When the test ends and the decision is taken (null before the send). */
  ends_at: ZTimestamp.nullable(),
  /** testing (until ends_at), decided (the winner went to the rest), waiting_for_choice (the decision was blocked). */
  state: z.enum(['testing', 'decided', 'waiting_for_choice']),
  winner: z.enum(AB_VARIANT_KEYS).nullable(),
  decided_by: z.enum(['automatic', 'manual']).nullable(),
  decided_at: ZTimestamp.nullable(),
  /** The rule's verdict on the numbers now (during the test) or at the decision. */
  decision: z.object({
    kind: z.enum(['winner', 'no_clear_winner', 'blocked']),
    /** The winner, or the variant kept without one. */
    key: z.enum(AB_VARIANT_KEYS),
    reason: z.enum(['not_enough_data', 'below_threshold', 'sample_ratio_mismatch']).nullable(),
    probability: z.number().nullable(),
  }),
  variants: z.array(
    z.object({
      key: z.enum(AB_VARIANT_KEYS),
      subject: z.string(),
      from_name: z.string(),
      /** Test recipients given this variant. */
      recipients: ZCount,
      delivered: ZCount,
      opened: ZCount,
      clicked: ZCount,
      /** Delivered test recipients with revenue attributed (net of refunds), and that revenue, whatever the metric. */
      paying: ZCount,
      revenue: z.number(),
      /**
       * The metric's rate over delivered messages (revenue_per_recipient: the mean revenue per delivered message), its
       * 95 % interval, and the probability to beat A (null for A).
       */
      rate: z.number(),
      interval: z.tuple([z.number(), z.number()]),
      probability_to_beat_control: z.number().nullable(),
    }),
  ),
  sample_ratio: z.object({ chi_square: z.number(), p_value: z.number(), mismatch: z.boolean() }),
  /** The recipients outside the test: waiting for the decision, then sent the winner. */
  rest: z.object({ waiting: ZCount, sent: ZCount }),
});
export type TAbTestReport = z.infer<typeof ZAbTestReport>;

export const ZAbWinnerBody = z.strictObject({ variant: z.enum(AB_VARIANT_KEYS) });

export const ZEmailCampaignReport = z.object({
  campaign_id: ZId,
  status: ZEmailCampaignStatus,
  canceled: z.boolean(),
  recipients: ZCount,
  /** Waiting to be sent (or being sent). */
  queued: ZCount,
  /** Handed to the SMTP server to the end: delivered, bounced or failed. */
  sent: ZCount,
  delivered: ZCount,
  /** Delivered into the outbox only: no SMTP settings, nothing left the machine. */
  kept_in_outbox: ZCount,
  bounces: z.object({ hard: ZCount, soft: ZCount }),
  /** Temporary failures until the attempts ran out. */
  failed: ZCount,
  /** Unsubscribed or suppressed between the start and their turn. */
  skipped: ZCount,
  /** Not sent because the campaign was canceled first. */
  canceled_messages: ZCount,
  opens: z.object({ unique: ZCount, total: ZCount, machine: ZCount }),
  clicks: z.object({ unique: ZCount, total: ZCount, machine: ZCount }),
  unsubscribed: ZCount,
  complained: ZCount,
  open_rate: z.number().nullable(),
  click_rate: z.number().nullable(),
  links: z.array(z.object({ id: ZId, url: z.string(), clicks: ZCount, unique_clicks: ZCount })),
  /** People's opens and clicks per hour (UTC hours, ISO), from the first. */
  timeline: z.array(z.object({ hour: ZTimestamp, opens: ZCount, clicks: ZCount })),
  /**
   * Leads won and orders paid after clicking in this campaign (the last email they clicked, within the workspace's
   * conversion window): how many (leads won plus orders), over delivered messages, and their revenue (won leads'
   * estimated value plus orders' amounts net of refunds), then each goal apart. A lead won by an order counts once, as the order.
   */
  conversions: ZConversionTotals.extend({ rate: z.number().nullable() }),
  ab_test: ZAbTestReport.nullable(),
  /** Send-time optimisation (null when off): the optimised recipients' unique open rate against the holdout's. */
  send_time: z
    .object({
      optimized: z.object({ recipients: ZCount, delivered: ZCount, opened: ZCount, open_rate: z.number().nullable() }),
      holdout: z.object({ recipients: ZCount, delivered: ZCount, opened: ZCount, open_rate: z.number().nullable() }),
      /** Of the optimised: how many had their own history, how many the workspace's best hour, how many neither (sent at once). */
      basis: z.object({ own_history: ZCount, workspace: ZCount, none: ZCount }),
      /** When the last optimised message is due. */
      last_scheduled_at: ZTimestamp.nullable(),
    })
    .nullable(),
});
export type TEmailCampaignReport = z.infer<typeof ZEmailCampaignReport>;

export const EMAIL_RECIPIENT_STATES = ['queued', 'delivered', 'opened', 'clicked', 'bounced', 'failed', 'unsubscribed', 'complained', 'skipped'] as const;

export const ZEmailRecipientsQuery = z.object({
  state: z.enum(EMAIL_RECIPIENT_STATES).optional(),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TEmailRecipientsQuery = z.infer<typeof ZEmailRecipientsQuery>;

export const ZEmailRecipient = z.object({
  id: ZId,
  lead_id: ZId,
  email: z.string(),
  status: z.enum(['queued', 'sending', 'sent', 'failed', 'bounced', 'skipped', 'canceled']),
  sent_at: ZTimestamp.nullable(),
  opened_at: ZTimestamp.nullable(),
  clicked_at: ZTimestamp.nullable(),
  open_count: ZCount,
  click_count: ZCount,
  bounce_type: z.enum(['hard', 'soft']).nullable(),
  unsubscribed_at: ZTimestamp.nullable(),
  complained_at: ZTimestamp.nullable(),
  error: z.string().nullable(),
});
export type TEmailRecipient = z.infer<typeof ZEmailRecipient>;
export const ZEmailRecipientList = z.object({ items: z.array(ZEmailRecipient), next_cursor: z.string().nullable() });

/** `GET /stats`: the workspace's totals over campaigns that sent, overall rates and per-campaign averages. */
export const ZEmailStats = z.object({
  campaigns_sent: ZCount,
  sent: ZCount,
  delivered: ZCount,
  opened: ZCount,
  clicked: ZCount,
  bounced: ZCount,
  unsubscribed: ZCount,
  complained: ZCount,
  open_rate: z.number().nullable(),
  click_rate: z.number().nullable(),
  average_open_rate: z.number().nullable(),
  average_click_rate: z.number().nullable(),
});
export type TEmailStats = z.infer<typeof ZEmailStats>;

export const EMAIL_SUPPRESSION_REASONS = ['hard_bounce', 'soft_bounces', 'complaint', 'manual'] as const;

/** An address the workspace never mails again, and why. */
export const ZEmailSuppression = z.object({
  id: ZId,
  email: z.string(),
  reason: z.enum(EMAIL_SUPPRESSION_REASONS),
  detail: z.string().nullable(),
  campaign_id: ZId.nullable(),
  created_at: ZTimestamp,
});
export type TEmailSuppression = z.infer<typeof ZEmailSuppression>;

export const ZEmailSuppressionBody = z.strictObject({ email: ZEmail, detail: z.string().trim().max(500).optional() });
export type TEmailSuppressionBody = z.infer<typeof ZEmailSuppressionBody>;

/** `GET /api/marketing/email-subscriptions`: the workspace's leads for email, and its suppressed addresses by reason. */
export const ZEmailSubscriptionSummary = z.object({
  leads: ZCount,
  /** With an email and not unsubscribed (some may still be on the suppression list). */
  subscribed: ZCount,
  unsubscribed: ZCount,
  no_email: ZCount,
  suppressed: z.object({ hard_bounce: ZCount, soft_bounces: ZCount, complaint: ZCount, manual: ZCount }),
});
export type TEmailSubscriptionSummary = z.infer<typeof ZEmailSubscriptionSummary>;

/** `GET/PATCH /api/marketing/email-settings`: the workspace's throttle (null: none), UTM tagging of links, default sender. */
export const ZEmailSettings = z.object({
  max_per_minute: z.number().int().min(1).max(100_000).nullable(),
  max_per_hour: z.number().int().min(1).max(10_000_000).nullable(),
  utm_enabled: z.boolean(),
  /** Days after a click in an email in which a won lead counts as that email's conversion (last click wins). */
  conversion_window_days: z.number().int().min(1).max(90),
  /** The sender of campaigns that name none (empty: the workspace's name, the instance's MAIL_FROM, no reply-to). */
  default_from_name: z.string().trim().max(200),
  default_from_email: ZOptionalEmail,
  default_reply_to: ZOptionalEmail,
});
export type TEmailSettings = z.infer<typeof ZEmailSettings>;
/**
 * The settings as the API shows them, with the server campaign mail goes through: the workspace's own SMTP
 * settings (Settings > Integrations), the instance's SMTP_URL, or none (kept in the outbox).
 */
export const ZEmailSettingsView = ZEmailSettings.extend({
  // Plain strings in a response (no transforms to encode).
  default_from_email: z.string(),
  default_reply_to: z.string(),
  delivery: z.enum(['workspace', 'instance', 'outbox']),
  /** Where Mailgun posts this workspace's bounces and complaints (its webhook settings). */
  mailgun_webhook_url: z.string(),
});
export type TEmailSettingsView = z.infer<typeof ZEmailSettingsView>;
export const ZEmailSettingsBody = z.strictObject(ZEmailSettings.shape).partial();
export type TEmailSettingsBody = z.infer<typeof ZEmailSettingsBody>;
