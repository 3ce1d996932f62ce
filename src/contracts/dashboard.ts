import { z } from 'zod';
import { ZId, ZTimestamp } from './common.js';
import { ZLeadStatus } from './crm.js';

// Wire shape of the dashboard (/api/marketing/dashboard): the numbers a user reads every morning,
// computed from the data that exists now (leads, lead events, tasks, interactions, orders). The email,
// funnels and ads modules add their own blocks beside these when they exist. Amounts are in units of the
// workspace's currency (orders' cents divided by 100), like the leads' estimated values.

/** Periods of the selector: rolling 7/30/90 days, or the calendar month / quarter so far. */
export const DASHBOARD_PERIODS = ['7d', '30d', '90d', 'month', 'quarter'] as const;
export const ZDashboardPeriod = z.enum(DASHBOARD_PERIODS);
export type TDashboardPeriod = z.infer<typeof ZDashboardPeriod>;

export const ZDashboardQuery = z.object({ period: ZDashboardPeriod.default('30d') });
export type TDashboardQuery = z.infer<typeof ZDashboardQuery>;

/** A number this period and the same number over the previous period of the same length. */
const ZCompared = z.object({ current: z.number(), previous: z.number() });
export type TCompared = z.infer<typeof ZCompared>;

/** Win rate (won / (won + lost) among leads closed in the period); null when nothing was closed. */
const ZRate = z.object({ current: z.number().nullable(), previous: z.number().nullable() });

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
