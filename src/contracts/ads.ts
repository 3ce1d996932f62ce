import { z } from 'zod';
import { DEFAULT_CURRENCY, ZCalendarDate, ZCurrency, ZId, ZTimestamp } from './common.js';

// Ad campaigns (issue 14, spec "AdCampaign" and "4. Publicités"): a campaign run on Meta (Facebook, Instagram),
// Google, LinkedIn or elsewhere, its figures per day (entered, imported from the platform's report, or synced by a
// connector), and the leads, won deals and orders it really brought (attributed by UTM).
// Amounts travel in units of the campaign's currency with two decimals (like leads' estimated values), not cents.
// Ratios are computed from the daily figures and are null where their denominator is 0, never a fake 0.

export const AD_PLATFORMS = ['facebook', 'instagram', 'google', 'linkedin', 'tiktok', 'other'] as const;
export const ZAdPlatform = z.enum(AD_PLATFORMS);
export type TAdPlatform = z.infer<typeof ZAdPlatform>;

export const AD_CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'completed'] as const;
export const ZAdCampaignStatus = z.enum(AD_CAMPAIGN_STATUSES);
export type TAdCampaignStatus = z.infer<typeof ZAdCampaignStatus>;

/** Where a day's figures came from: typed in, a report file, or a connector's sync. */
export const AD_DAY_SOURCES = ['manual', 'import', 'sync'] as const;
export type TAdDaySource = (typeof AD_DAY_SOURCES)[number];

/** The ad networks a connector or a report import speaks to (Meta covers Facebook and Instagram). */
export const AD_NETWORKS = ['meta', 'google', 'linkedin'] as const;
export const ZAdNetwork = z.enum(AD_NETWORKS);
export type TAdNetwork = z.infer<typeof ZAdNetwork>;

/** The network a campaign's platform belongs to; null for TikTok and "other" (manual entry only). */
export function networkOf(platform: TAdPlatform): TAdNetwork | null {
  if (platform === 'facebook' || platform === 'instagram') return 'meta';
  if (platform === 'google' || platform === 'linkedin') return platform;
  return null;
}

/** Spec thresholds the screens colour against: CTR above 1 % is good; ROAS at or above 1 pays for itself. */
export const GOOD_CTR = 0.01;
export const BREAK_EVEN_ROAS = 1;

/** Largest money amount of a budget or one day's spend or conversion value (also the columns' precision). */
export const MAX_AD_AMOUNT = 1_000_000_000;
/** Largest impressions or clicks of one day. */
export const MAX_AD_COUNT = 1_000_000_000_000;
/** Most campaigns in a workspace. */
export const MAX_AD_CAMPAIGNS_PER_WORKSPACE = 5_000;
/** Longest range of days one metrics read or one sync covers. */
export const MAX_AD_METRICS_DAYS = 731;
/** Default share above its 7-day average at which a campaign's CPA raises an alert (30 %). */
export const DEFAULT_CPA_ALERT_RISE = 0.3;

const ZAmount = z.number().min(0).max(MAX_AD_AMOUNT);
const ZShortList = (max: number) => z.array(z.string().trim().min(1).max(max)).max(50);

export const AUDIENCE_GENDERS = ['all', 'female', 'male'] as const;

/** Who a campaign targets, structured so the screens and the AI can fill it (spec "target_audience"). */
export const ZTargetAudience = z.strictObject({
  locations: ZShortList(120).default([]),
  age_min: z.number().int().min(13).max(65).nullable().default(null),
  age_max: z.number().int().min(13).max(65).nullable().default(null),
  genders: z.array(z.enum(AUDIENCE_GENDERS)).max(3).default([]),
  interests: ZShortList(120).default([]),
  /** LinkedIn: job titles targeted. */
  job_titles: ZShortList(120).default([]),
  /** Google: search keywords. */
  keywords: ZShortList(120).default([]),
});
export type TTargetAudience = z.infer<typeof ZTargetAudience>;
export const EMPTY_AUDIENCE: TTargetAudience = ZTargetAudience.parse({});

/** Ratios computed from totals; null where the denominator is 0. */
export const ZAdRatios = z.object({
  /** clicks / impressions. */
  ctr: z.number().nullable(),
  /** spend / clicks. */
  cpc: z.number().nullable(),
  /** spend / platform conversions. */
  cpa: z.number().nullable(),
  /** revenue / spend (real revenue, see ZAdResults). */
  roas: z.number().nullable(),
  /** (revenue − spend) / spend. */
  roi: z.number().nullable(),
});

/** What a campaign really brought, attributed by UTM (utm_campaign, and utm_source when the campaign sets one). */
export const ZAdResults = z.object({
  /** Leads created in the range whose utm_campaign is the campaign's. */
  leads: z.number().int(),
  /** Those leads now won (deals). */
  won_deals: z.number().int(),
  /** Orders paid in the range with the campaign's utm_campaign. */
  sales: z.number().int(),
  /**
   * "Revenu réel": those orders net of refunds, plus their renewals paid in the range, plus the estimated value of
   * attributed won leads that have no paid order (a deal closed by hand), in the campaign's currency.
   */
  revenue: z.number(),
  /** spend / leads; null without a lead. */
  cost_per_lead: z.number().nullable(),
  /** spend / (sales + won deals without order); null without one. */
  real_cpa: z.number().nullable(),
  /** revenue / spend; null without spend. */
  real_roas: z.number().nullable(),
});
export type TAdResults = z.infer<typeof ZAdResults>;

/** Totals of daily figures over a range. */
export const ZAdTotals = z.object({
  impressions: z.number().int(),
  clicks: z.number().int(),
  /** "spent" of the spec. */
  spent: z.number(),
  /** Conversions the platform reports. */
  conversions: z.number(),
  /** Value of those conversions as the platform reports it. */
  conversion_value: z.number(),
});

/** Budget pacing: spend so far against the budget of the period, and where it is heading. */
export const ZAdPacing = z.object({
  /** `daily`: yesterday's spend against daily_budget; `total`: spend to date against total_budget over start→end. */
  basis: z.enum(['daily', 'total']),
  budget: z.number(),
  spent: z.number(),
  /** Spend expected by the end at the current rate (total basis), or yesterday's spend (daily basis). */
  projected: z.number(),
  /** `over` when the projection exceeds the budget by more than 10 %, `under` below 70 %, else `on_track`. */
  state: z.enum(['on_track', 'over', 'under']),
});
export type TAdPacing = z.infer<typeof ZAdPacing>;

/** Raised when the last day's CPA is more than `threshold` above its 7-day average (the days before it). */
export const ZAdCpaAlert = z.object({
  date: ZCalendarDate,
  cpa: z.number(),
  average_cpa: z.number(),
  rise: z.number(),
  threshold: z.number(),
});

/** A campaign as the API shows it: its own fields, all-time totals and ratios, real results and warnings. */
export const ZAdCampaign = z.object({
  id: ZId,
  name: z.string(),
  description: z.string().nullable(),
  platform: ZAdPlatform,
  status: ZAdCampaignStatus,
  ad_copy: z.string().nullable(),
  headline: z.string().nullable(),
  image_url: z.string().nullable(),
  video_url: z.string().nullable(),
  target_audience: ZTargetAudience,
  daily_budget: z.number().nullable(),
  total_budget: z.number().nullable(),
  currency: z.string(),
  start_date: ZCalendarDate.nullable(),
  end_date: ZCalendarDate.nullable(),
  /** The campaign's id on its platform (ties report rows and connector data to it). */
  platform_campaign_id: z.string().nullable(),
  /** The utm_campaign value of its ads' links: ties leads and orders to it. */
  utm_campaign: z.string().nullable(),
  /** Optional utm_source it must also match (e.g. `facebook`); null: any source. */
  utm_source: z.string().nullable(),
  /** The connection that syncs it (null: manual entry and imports only). */
  connection_id: ZId.nullable(),
  /** Share above the 7-day average at which a CPA rise is flagged (0.3 = 30 %). */
  cpa_alert_rise: z.number(),
  // All-time totals (spec fields) and their ratios.
  impressions: z.number().int(),
  clicks: z.number().int(),
  conversions: z.number(),
  spent: z.number(),
  conversion_value: z.number(),
  ctr: z.number().nullable(),
  cpc: z.number().nullable(),
  cpa: z.number().nullable(),
  /** Real revenue attributed (ZAdResults.revenue), all time. */
  revenue: z.number(),
  roas: z.number().nullable(),
  roi: z.number().nullable(),
  results: ZAdResults,
  pacing: ZAdPacing.nullable(),
  cpa_alert: ZAdCpaAlert.nullable(),
  /** Last day with figures, and when figures were last written. */
  last_day: ZCalendarDate.nullable(),
  created_at: ZTimestamp,
  updated_at: ZTimestamp,
});
export type TAdCampaign = z.infer<typeof ZAdCampaign>;

export const ZAdCampaignList = z.object({ items: z.array(ZAdCampaign), next_cursor: z.string().nullable() });
export type TAdCampaignList = z.infer<typeof ZAdCampaignList>;

export const ZAdCampaignListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  platform: ZAdPlatform.optional(),
  status: ZAdCampaignStatus.optional(),
  /** Part of the name, any case. */
  q: z.string().trim().max(120).optional(),
});
export type TAdCampaignListQuery = z.infer<typeof ZAdCampaignListQuery>;

const ZUtmValue = z.string().trim().min(1).max(200).regex(/^\S+$/, 'must not contain spaces');

const campaignFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).nullable().optional(),
  platform: ZAdPlatform,
  status: ZAdCampaignStatus.optional(),
  ad_copy: z.string().trim().max(5000).nullable().optional(),
  headline: z.string().trim().max(300).nullable().optional(),
  image_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .optional(),
  video_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .optional(),
  target_audience: ZTargetAudience.optional(),
  daily_budget: ZAmount.nullable().optional(),
  total_budget: ZAmount.nullable().optional(),
  currency: ZCurrency.default(DEFAULT_CURRENCY),
  start_date: ZCalendarDate.nullable().optional(),
  end_date: ZCalendarDate.nullable().optional(),
  platform_campaign_id: z.string().trim().min(1).max(100).nullable().optional(),
  utm_campaign: ZUtmValue.nullable().optional(),
  utm_source: ZUtmValue.nullable().optional(),
  cpa_alert_rise: z.number().min(0.05).max(10).optional(),
};

function checkDates(value: { start_date?: string | null; end_date?: string | null }, ctx: z.RefinementCtx) {
  if (value.start_date && value.end_date && value.end_date < value.start_date)
    ctx.addIssue({ code: 'custom', path: ['end_date'], message: 'must not be before start_date', params: { code: 'end_before_start' } });
}

export const ZAdCampaignCreateBody = z.strictObject(campaignFields).superRefine(checkDates);
export type TAdCampaignCreateBody = z.infer<typeof ZAdCampaignCreateBody>;

/** Every field but the platform and the currency may change (figures stay in the currency they were spent in). */
export const ZAdCampaignUpdateBody = z
  .strictObject(
    Object.fromEntries(Object.entries(campaignFields).filter(([k]) => k !== 'platform' && k !== 'currency')) as Omit<
      typeof campaignFields,
      'platform' | 'currency'
    >,
  )
  .partial()
  .superRefine(checkDates);
export type TAdCampaignUpdateBody = z.infer<typeof ZAdCampaignUpdateBody>;

/** One day's figures, replacing the day (PUT /ad-campaigns/:id/metrics/:date). */
export const ZAdDayBody = z.strictObject({
  impressions: z.number().int().min(0).max(MAX_AD_COUNT),
  clicks: z.number().int().min(0).max(MAX_AD_COUNT),
  spend: ZAmount,
  conversions: z.number().min(0).max(MAX_AD_COUNT).default(0),
  conversion_value: ZAmount.default(0),
});
export type TAdDayBody = z.infer<typeof ZAdDayBody>;

export const ZAdDayParams = z.object({ id: ZId, date: ZCalendarDate });

/** One day of a campaign, with its ratios and the day's real results. */
export const ZAdDay = z.object({
  date: ZCalendarDate,
  impressions: z.number().int(),
  clicks: z.number().int(),
  spend: z.number(),
  conversions: z.number(),
  conversion_value: z.number(),
  source: z.enum(AD_DAY_SOURCES),
  ctr: z.number().nullable(),
  cpc: z.number().nullable(),
  cpa: z.number().nullable(),
  /** Leads created that day and orders paid that day, attributed to the campaign. */
  leads: z.number().int(),
  sales: z.number().int(),
  revenue: z.number(),
});
export type TAdDay = z.infer<typeof ZAdDay>;

export const ZAdMetricsQuery = z
  .object({ from: ZCalendarDate.optional(), to: ZCalendarDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'from must not be after to', params: { code: 'range' }, path: ['from'] });

/** A campaign's days over a range (from/to default to its last 30 days of figures), totals and real results. */
export const ZAdMetrics = z.object({
  campaign_id: ZId,
  from: ZCalendarDate,
  to: ZCalendarDate,
  currency: z.string(),
  /** The days that have figures, oldest first. */
  days: z.array(ZAdDay),
  totals: ZAdTotals.extend(ZAdRatios.shape),
  results: ZAdResults,
});
export type TAdMetrics = z.infer<typeof ZAdMetrics>;

export const ZAdStatsQuery = z
  .object({ from: ZCalendarDate.optional(), to: ZCalendarDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'from must not be after to', params: { code: 'range' }, path: ['from'] });

const ZAdStatsLine = ZAdTotals.extend(ZAdRatios.shape).extend({ campaigns: z.number().int(), results: ZAdResults });

/** Totals per platform and overall over a range (GET /ad-campaigns/stats); amounts in the workspace's currency only. */
export const ZAdStats = z.object({
  from: ZCalendarDate,
  to: ZCalendarDate,
  currency: z.string(),
  /** Campaigns in another currency, left out of the sums. */
  other_currency_campaigns: z.number().int(),
  platforms: z.array(ZAdStatsLine.extend({ platform: ZAdPlatform })),
  overall: ZAdStatsLine,
});
export type TAdStats = z.infer<typeof ZAdStats>;

// ---- Report imports (Meta Ads Manager, Google Ads, LinkedIn Campaign Manager exports) ----

/** Largest report file accepted (CSV or XLSX). */
export const MAX_AD_REPORT_BYTES = 10 * 1024 * 1024;
/** Most data rows in one report. */
export const MAX_AD_REPORT_ROWS = 50_000;

export const ZAdReportImportError = z.object({
  /** 1-based line of the file (the header's line counted). */
  row: z.number().int(),
  reason: z.string(),
  message: z.string(),
});

export const ZAdReportImport = z.object({
  id: ZId,
  file_name: z.string(),
  /** The export recognised from its columns. */
  network: ZAdNetwork,
  language: z.enum(['fr', 'en']),
  rows: z.number().int(),
  days_written: z.number().int(),
  campaigns_matched: z.number().int(),
  campaigns_created: z.number().int(),
  errors: z.array(ZAdReportImportError),
  created_at: ZTimestamp,
});
export type TAdReportImport = z.infer<typeof ZAdReportImport>;

/** The 20 latest imports, newest first. */
export const ZAdReportImportList = z.object({ items: z.array(ZAdReportImport) });

// ---- Connections (OAuth accounts on Meta, Google, LinkedIn) ----

export const AD_CONNECTION_STATUSES = ['active', 'error', 'expired'] as const;

export const ZAdConnection = z.object({
  id: ZId,
  network: ZAdNetwork,
  /** The ad account on the platform (Meta act_…, Google customer id, LinkedIn sponsored account). */
  account_id: z.string(),
  account_name: z.string().nullable(),
  status: z.enum(AD_CONNECTION_STATUSES),
  last_sync_at: ZTimestamp.nullable(),
  /** The last error the platform returned (shown on the connection), null when the last call worked. */
  last_error: z.string().nullable(),
  /** The platform asked us to slow down until then. */
  rate_limited_until: ZTimestamp.nullable(),
  created_at: ZTimestamp,
});
export type TAdConnection = z.infer<typeof ZAdConnection>;

// ---- Offline conversions sent back to the platforms ----

export const AD_CONVERSION_KINDS = ['deal_won', 'order_paid'] as const;
export const AD_UPLOAD_STATUSES = ['sent', 'failed', 'skipped'] as const;

export const ZAdConversionUpload = z.object({
  id: ZId,
  campaign_id: ZId,
  network: ZAdNetwork,
  kind: z.enum(AD_CONVERSION_KINDS),
  lead_id: ZId.nullable(),
  order_id: ZId.nullable(),
  value: z.number().nullable(),
  currency: z.string().nullable(),
  status: z.enum(AD_UPLOAD_STATUSES),
  /** Why it was skipped (no consent, no email, no click id) or failed (the platform's answer). */
  detail: z.string().nullable(),
  created_at: ZTimestamp,
});
export type TAdConversionUpload = z.infer<typeof ZAdConversionUpload>;

/** A campaign's 50 latest uploads, newest first. */
export const ZAdConversionUploadList = z.object({ items: z.array(ZAdConversionUpload) });
