import { z } from 'zod';
import { ZId, ZTimestamp } from './common.js';
import { ZLeadStatus } from './crm.js';

// Wire shape of the dashboard (/api/marketing/dashboard): the numbers a user reads every morning,
// computed from every module's own data: leads, lead events, tasks, interactions (CRM), orders (commerce), page views
// and opt-ins (funnels), messages and their opens and clicks (email), ad spend and attributed revenue (ads). Amounts
// are in units of the workspace's currency (orders' cents divided by 100), like the leads' estimated values.

/** Periods of the selector: rolling 7/30/90 days, or the calendar month / quarter so far. */
export const DASHBOARD_PERIODS = ['7d', '30d', '90d', 'month', 'quarter'] as const;
export const ZDashboardPeriod = z.enum(DASHBOARD_PERIODS);
export type TDashboardPeriod = z.infer<typeof ZDashboardPeriod>;

export const ZDashboardQuery = z.object({ period: ZDashboardPeriod.default('30d') });
export type TDashboardQuery = z.infer<typeof ZDashboardQuery>;

/** A number this period and the same number over the previous period of the same length. */
const ZCompared = z.object({ current: z.number(), previous: z.number() });
export type TCompared = z.infer<typeof ZCompared>;

/** A ratio this period and over the previous one; null (never 0) where its denominator is 0. */
const ZRate = z.object({ current: z.number().nullable(), previous: z.number().nullable() });
export type TComparedRate = z.infer<typeof ZRate>;

/**
 * Funnels: what visitors did on the published pages (funnel_events, read per funnel and period). A visitor id is a
 * hash renewed every day (no cookie: ARCHITECTURE.md, "Funnels"), so someone back on another day counts again.
 */
const ZDashboardFunnels = z.object({
  /** Distinct visitors who viewed a page of any funnel. */
  visitors: ZCompared,
  /** Distinct leads who opted in through a funnel page. */
  optins: ZCompared,
  /** opt-ins / visitors. */
  optin_rate: ZRate,
  /** Orders paid in the period (their first payment) that came from a funnel, in any currency. */
  sales: ZCompared,
});

/**
 * Email: the messages that left in the period (campaigns, sequences and automations' one-offs), and among them those
 * opened and clicked by a person at least once (unique; machine opens and link scanners never count).
 */
const ZDashboardEmail = z.object({
  /** Messages handed to the server or kept in the outbox in the period (bounced ones included). */
  sent: ZCompared,
  /** Those not bounced: the rates' denominator, as in a campaign's report. */
  delivered: ZCompared,
  opens: ZCompared,
  clicks: ZCompared,
  /** opens / delivered. */
  open_rate: ZRate,
  /** clicks / delivered. */
  click_rate: ZRate,
});

/**
 * Ads: the campaigns' daily figures over the period's calendar days (in the workspace's zone), in the workspace's
 * currency only (the ads module's GET /ad-campaigns/stats over the same days).
 */
const ZDashboardAds = z.object({
  /** Campaigns the workspace has, whatever their figures (0: the empty state that says how to get data). */
  campaigns: z.number().int(),
  /** Campaigns in another currency, left out of the sums. */
  other_currency_campaigns: z.number().int(),
  spend: ZCompared,
  /** Conversions the platforms report. */
  conversions: ZCompared,
  /** "Revenu réel": orders and won deals attributed to the campaigns by UTM (the ads module's ZAdResults.revenue). */
  revenue: ZCompared,
  /** revenue / spend. */
  roas: ZRate,
});

const ZTaskCounts = z.object({
  /** Open tasks whose due time has passed. */
  overdue: z.number().int(),
  /** Open tasks due later today (in the workspace's time zone). */
  due_today: z.number().int(),
  /** Open tasks due in the next 7 days, after today. */
  upcoming: z.number().int(),
});

export const ZDashboard = z.object({
  period: z.object({
    key: ZDashboardPeriod,
    /** [start, end): the current period; end is the time of the request. */
    start: ZTimestamp,
    end: ZTimestamp,
    /** [previous_start, previous_end): the period compared with, of the same length. */
    previous_start: ZTimestamp,
    previous_end: ZTimestamp,
    /** Width of a time-series bucket. */
    bucket: z.enum(['day', 'week']),
    time_zone: z.string(),
  }),
  /** Leads created in the period. */
  new_leads: ZCompared,
  /** Sources of the period's new leads, most frequent first (null: no source given). */
  sources: z.array(z.object({ source: z.string().nullable(), count: z.number().int() })),
  /** Leads whose (latest) move to "won" falls in the period and that are still won. */
  won_count: ZCompared,
  /** Sum of estimated_value over those won leads ("Pipeline gagné": deals, not money received; see `revenue`). */
  won_revenue: ZCompared,
  /** Orders paid in the period (their first payment), in the workspace's currency; refunded ones still count. */
  sales: ZCompared,
  /** "Revenus générés": those orders' totals net of refunds (refunds made since included). */
  revenue: ZCompared,
  /** Orders paid in the current period in another currency, left out of `sales` and `revenue`. */
  other_currency_sales: z.number().int(),
  /** Won over closed (won + lost) among leads closed in the period. */
  win_rate: ZRate,
  /** Interactions (calls, emails, meetings, notes) logged in the period. */
  interactions: ZCompared,
  funnels: ZDashboardFunnels,
  email: ZDashboardEmail,
  ads: ZDashboardAds,
  /** One point per bucket of the current period. */
  series: z.array(
    z.object({
      start: ZTimestamp,
      new_leads: z.number().int(),
      won_count: z.number().int(),
      won_revenue: z.number(),
      lost_count: z.number().int(),
      /** Orders paid in the bucket and their revenue, as `sales` and `revenue`. */
      sales: z.number().int(),
      revenue: z.number(),
      /** Funnel visitors and opt-ins in the bucket, as `funnels` counts them (a visitor counts once per bucket). */
      visitors: z.number().int(),
      optins: z.number().int(),
      /** Ad spend of the bucket's days, as `ads.spend`. */
      ad_spend: z.number(),
    }),
  ),
  /** Open leads per stage now (not period-bound), with the stage's win probability. */
  pipeline: z.array(z.object({ status: ZLeadStatus, count: z.number().int(), value: z.number(), probability: z.number() })),
  /** Sum of estimated_value over open leads (not won, not lost). */
  pipeline_value: z.number(),
  /** Open leads' value weighted by each stage's probability. */
  weighted_pipeline_value: z.number(),
  tasks: z.object({ mine: ZTaskCounts, team: ZTaskCounts }),
  /** The latest lead events of the workspace, newest first. */
  recent_activity: z.array(
    z.object({
      id: ZId,
      event_type: z.string(),
      occurred_at: ZTimestamp,
      lead_id: ZId,
      lead_name: z.string(),
      actor_name: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  /** What a new workspace has done yet (the onboarding checklist). */
  onboarding: z.object({
    total_leads: z.number().int(),
    /** Members besides the first one, or pending invitations. */
    team_invited: z.boolean(),
    /** A campaign went out, a funnel was published. */
    campaign_sent: z.boolean(),
    funnel_published: z.boolean(),
  }),
});
export type TDashboard = z.infer<typeof ZDashboard>;
