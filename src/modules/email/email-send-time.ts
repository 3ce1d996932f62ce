import { TZDate } from '@date-fns/tz';
import { sql, type SQL } from 'drizzle-orm';
import type { TEmailCampaignReport } from '../../contracts/email-campaigns.js';
import type { Db } from '../../platform/db/database.js';
import { rowsOf } from '../../platform/db/rows.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { leads } from '../crm/tables.js';
import { getWorkspace } from '../workspaces/index.js';
import { knownTimeZone } from './sequences/send-window.js';
import { bucketSql } from './email-ab-variants.js';
import { emailCampaigns, emailSends } from './email.tables.js';

// Send-time optimisation (ARCHITECTURE.md, "Send-time optimisation"). At resolution, a recipient falls by a hash in
// the holdout (10 %, sent at once: the comparison) or is optimised: its message is due at the hour, in the 24
// hours after the send, whose hour of the week (in the lead's time zone) had most of their opens and clicks; when
// their own history has none in those 24 hours, the workspace's best such hour; with neither, at once.

type TEmailCampaignRow = typeof emailCampaigns.$inferSelect;

/** The share sent at once whatever the history, against which the optimised share is compared. */
export const HOLDOUT_SHARE = 0.1;
const HOUR_MS = 3_600_000;
/** How far back a lead's own opens and clicks are read. */
const OWN_HISTORY_DAYS = 180;
/** How far back, and how many of, the workspace's opens and clicks make its profile. */
const WORKSPACE_HISTORY_DAYS = 90;
const WORKSPACE_HISTORY_ROWS = 100_000;

/** Hour of the week of an instant in a zone: 0 is Monday 00:00–00:59, 167 Sunday 23:00–23:59. */
export function hourOfWeek(at: Date, timeZone: string): number {
  const local = new TZDate(at.getTime(), timeZone);
  const isoDay = local.getDay() === 0 ? 7 : local.getDay();
  return (isoDay - 1) * 24 + local.getHours();
}

/** Engagement counts per hour of the week (168) of these instants, each in its zone. */
export function profileOf(events: readonly { at: Date; timeZone: string }[]): number[] {
  const counts = new Array<number>(168).fill(0);
  for (const e of events) counts[hourOfWeek(e.at, e.timeZone)]!++;
  return counts;
}

/**
 * The best moment in the 24 hours from `start` for this profile: `start` itself or one of the full hours after
 * it, whose hour of the week (in `timeZone`) counts most; the earliest on a tie. Null when none of those hours has
 * any engagement (the profile says nothing about the next 24 hours: the caller falls back).
 */
export function bestSendTime(profile: readonly number[], start: Date, timeZone: string): Date | null {
  let best = start;
  let bestScore = profile[hourOfWeek(start, timeZone)]!;
  const end = start.getTime() + 24 * HOUR_MS;
  for (let t = Math.ceil(start.getTime() / HOUR_MS) * HOUR_MS; t < end; t += HOUR_MS) {
    if (t === start.getTime()) continue;
    const score = profile[hourOfWeek(new Date(t), timeZone)]!;
    if (score > bestScore) [best, bestScore] = [new Date(t), score];
  }
  return bestScore > 0 ? best : null;
}

/** The send_time and next_attempt_at of a resolved recipient: holdout at once, or `pending` until scheduled in the same transaction. */
export function sendTimeSql(campaign: TEmailCampaignRow, leadId: SQL): { group: SQL; dueAt: SQL } {
  if (!campaign.send_time_optimization) return { group: sql`NULL::text`, dueAt: sql`now()` };
  // Its own salt: the holdout is drawn independently of an A/B test's split.
  const holdout = sql`${bucketSql(sql`${campaign.id}::uuid`, leadId, 'send-time:')} < ${HOLDOUT_SHARE}::float8`;
  return {
    group: sql`CASE WHEN ${holdout} THEN 'holdout' ELSE 'pending' END`,
    // Never claimed before its time is chosen (the same transaction chooses it).
    dueAt: sql`CASE WHEN ${holdout} THEN now() ELSE 'infinity'::timestamptz END`,
  };
}

/**
 * Chooses the time of the campaign's `pending` recipients (those the resolution batch just wrote, in its
 * transaction): the lead's own best hour, else the workspace's, else at once.
 */
export async function scheduleOptimized(db: Db, campaign: TEmailCampaignRow): Promise<void> {
  const pending = rowsOf<{ id: string; lead_id: string; timezone: string | null }>(
    await db.execute(sql`
      SELECT s.id, s.lead_id, l.timezone FROM ${emailSends} s JOIN ${leads} l ON l.workspace_id = s.workspace_id AND l.id = s.lead_id
      WHERE s.campaign_id = ${campaign.id}::uuid AND s.source = 'campaign' AND s.send_time = 'pending'`),
  );
  if (pending.length === 0) return;
  const workspace = await getWorkspace(db, campaign.workspace_id);
  const zoneOf = (lead: { timezone: string | null }) => knownTimeZone(lead.timezone, workspace.timezone);
  const workspaceProfile = campaign.send_time_profile ?? (await storeWorkspaceProfile(db, campaign, workspace.timezone));
  const own = await ownHistory(
    db,
    campaign.workspace_id,
    pending.map((p) => p.lead_id),
  );
  const start = campaign.sent_at ?? new Date();
  const values = pending.map((p) => {
    const zone = zoneOf(p);
    const history = own.get(p.lead_id);
    const mine = history ? bestSendTime(profileOf(history.map((at) => ({ at, timeZone: zone }))), start, zone) : null;
    const theirs = mine ? null : bestSendTime(workspaceProfile, start, zone);
    const [at, basis] = mine ? [mine, 'own_history'] : theirs ? [theirs, 'workspace'] : [start, 'none'];
    return sql`(${p.id}::uuid, ${at.toISOString()}::timestamptz, ${basis}::text)`;
  });
  await db.execute(sql`
    UPDATE ${emailSends} s SET next_attempt_at = v.at, send_time = v.basis
    FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, at, basis) WHERE s.id = v.id`);
}

/** The leads' own first opens and clicks over the last months, by lead. */
async function ownHistory(db: Db, workspaceId: string, leadIds: string[]): Promise<Map<string, Date[]>> {
  const rows = rowsOf<{ lead_id: string; opened_at: Date | null; clicked_at: Date | null }>(
    await db.execute(sql`
      SELECT lead_id, opened_at, clicked_at FROM ${emailSends}
      WHERE workspace_id = ${workspaceId}::uuid AND lead_id IN (${sql.join(
        leadIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
        AND (opened_at IS NOT NULL OR clicked_at IS NOT NULL) AND created_at > now() - make_interval(days => ${OWN_HISTORY_DAYS})`),
  );
  const byLead = new Map<string, Date[]>();
  for (const r of rows) {
    const list = byLead.get(r.lead_id) ?? [];
    for (const at of [r.opened_at, r.clicked_at]) if (at) list.push(new Date(at));
    byLead.set(r.lead_id, list);
  }
  return byLead;
}

/** The workspace's profile (its readers' first opens and clicks, each in its reader's zone), kept on the campaign. */
async function storeWorkspaceProfile(db: Db, campaign: TEmailCampaignRow, workspaceZone: string): Promise<number[]> {
  const rows = rowsOf<{ opened_at: Date | null; clicked_at: Date | null; timezone: string | null }>(
    await db.execute(sql`
      SELECT s.opened_at, s.clicked_at, l.timezone FROM ${emailSends} s
        JOIN ${leads} l ON l.workspace_id = s.workspace_id AND l.id = s.lead_id
      WHERE s.workspace_id = ${campaign.workspace_id}::uuid AND s.claimed_at > now() - make_interval(days => ${WORKSPACE_HISTORY_DAYS})
        AND (s.opened_at IS NOT NULL OR s.clicked_at IS NOT NULL)
      LIMIT ${WORKSPACE_HISTORY_ROWS}`),
  );
  const profile = profileOf(
    rows.flatMap((r) =>
      [r.opened_at, r.clicked_at]
        .filter((at): at is Date => at !== null)
        .map((at) => ({ at: new Date(at), timeZone: knownTimeZone(r.timezone, workspaceZone) })),
    ),
  );
  await db.execute(sql`UPDATE ${emailCampaigns} SET send_time_profile = ${JSON.stringify(profile)}::jsonb WHERE id = ${campaign.id}::uuid`);
  campaign.send_time_profile = profile;
  return profile;
}

/** The report's comparison: the optimised recipients' unique open rate against the holdout's. */
export async function sendTimeReport(tenant: Tenant, campaign: TEmailCampaignRow): Promise<TEmailCampaignReport['send_time']> {
  if (!campaign.send_time_optimization) return null;
  const rows = rowsOf<{ send_time: string; recipients: number; delivered: number; opened: number; last_at: Date | null }>(
    await tenant.db.execute(sql`
      SELECT send_time, count(*)::int AS recipients, count(*) FILTER (WHERE status = 'sent')::int AS delivered,
        count(*) FILTER (WHERE status = 'sent' AND opened_at IS NOT NULL)::int AS opened, max(next_attempt_at) AS last_at
      FROM ${emailSends}
      WHERE workspace_id = ${tenant.workspaceId}::uuid AND campaign_id = ${campaign.id}::uuid AND source = 'campaign' AND send_time IS NOT NULL
      GROUP BY send_time`),
  );
  const group = (names: string[]) => {
    const picked = rows.filter((r) => names.includes(r.send_time));
    const sum = (key: 'recipients' | 'delivered' | 'opened') => picked.reduce((total, r) => total + r[key], 0);
    return {
      recipients: sum('recipients'),
      delivered: sum('delivered'),
      opened: sum('opened'),
      open_rate: sum('delivered') > 0 ? sum('opened') / sum('delivered') : null,
    };
  };
  const count = (name: string) => rows.find((r) => r.send_time === name)?.recipients ?? 0;
  const optimized = rows.filter((r) => r.send_time !== 'holdout' && r.last_at);
  const last = optimized.reduce<Date | null>((max, r) => (max && max > new Date(r.last_at!) ? max : new Date(r.last_at!)), null);
  return {
    optimized: group(['own_history', 'workspace', 'none', 'pending']),
    holdout: group(['holdout']),
    basis: { own_history: count('own_history'), workspace: count('workspace'), none: count('none') },
    last_scheduled_at: last && Number.isFinite(last.getTime()) ? last.toISOString() : null,
  };
}
