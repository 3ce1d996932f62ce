import { and, asc, desc, eq, gt, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import type { TEmailCampaignReport, TEmailRecipientsQuery, TEmailStats } from '../../contracts/email-campaigns.js';
import { rowsOf } from '../../platform/db/rows.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { AppError } from '../../platform/errors.js';
import type { TEmailCampaignRow } from './email-campaigns.service.js';
import { abTestReport } from './email-ab-test.js';
import { conversionsOf, NO_CONVERSIONS } from './email-conversions.js';
import { sendTimeReport } from './email-send-time.js';
import { emailCampaigns, emailLinks, emailSends, emailTrackingEvents } from './email.tables.js';

// The campaign report, read from the module's own tables: email_sends (one row per recipient, with its counters),
// email_links (per-link clicks) and email_tracking_events (the hourly charts). Machine opens and clicks (privacy
// prefetch, link scanners) are counted apart and never in the unique rates.

/** Hours the report's chart covers from the first send: a newsletter's opens come in the first days. */
const TIMELINE_HOURS = 24 * 14;

function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

export async function campaignReport(tenant: Tenant, campaign: TEmailCampaignRow): Promise<TEmailCampaignReport> {
  const [counts] = rowsOf<Record<string, number>>(
    await tenant.db.execute(sql`
      SELECT
        count(*) FILTER (WHERE status IN ('queued', 'held'))::int AS queued,
        count(*) FILTER (WHERE status = 'sending')::int AS sending,
        count(*) FILTER (WHERE status = 'sent')::int AS delivered,
        count(*) FILTER (WHERE status = 'bounced' AND bounce_type = 'hard')::int AS hard_bounces,
        count(*) FILTER (WHERE bounce_type = 'soft')::int AS soft_bounces,
        count(*) FILTER (WHERE status = 'failed')::int AS failed,
        count(*) FILTER (WHERE status = 'skipped')::int AS skipped,
        count(*) FILTER (WHERE status = 'canceled')::int AS canceled,
        count(*) FILTER (WHERE status IN ('sent', 'bounced', 'failed'))::int AS sent,
        count(*) FILTER (WHERE delivery = 'outbox')::int AS kept_in_outbox,
        count(*) FILTER (WHERE opened_at IS NOT NULL)::int AS unique_opens,
        coalesce(sum(open_count), 0)::int AS total_opens,
        coalesce(sum(machine_open_count), 0)::int AS machine_opens,
        count(*) FILTER (WHERE clicked_at IS NOT NULL)::int AS unique_clicks,
        coalesce(sum(click_count), 0)::int AS total_clicks,
        coalesce(sum(machine_click_count), 0)::int AS machine_clicks,
        count(*) FILTER (WHERE unsubscribed_at IS NOT NULL)::int AS unsubscribed,
        count(*) FILTER (WHERE complained_at IS NOT NULL)::int AS complained
      FROM ${emailSends} WHERE workspace_id = ${tenant.workspaceId}::uuid AND campaign_id = ${campaign.id}::uuid AND source <> 'automation'`),
  );
  const c = counts ?? {};
  const n = (key: string) => Number(c[key] ?? 0);
  const links = await tenant.db
    .select({ id: emailLinks.id, url: emailLinks.url, clicks: emailLinks.click_count, unique_clicks: emailLinks.unique_click_count })
    .from(emailLinks)
    .where(tenant.where(emailLinks, eq(emailLinks.campaign_id, campaign.id)))
    .orderBy(desc(emailLinks.unique_click_count), asc(emailLinks.url))
    .limit(100);
  const timeline = rowsOf<{ hour: Date; opens: number; clicks: number }>(
    await tenant.db.execute(sql`
      SELECT date_trunc('hour', occurred_at) AS hour,
        count(*) FILTER (WHERE kind = 'open')::int AS opens, count(*) FILTER (WHERE kind = 'click')::int AS clicks
      FROM ${emailTrackingEvents} e
      WHERE e.workspace_id = ${tenant.workspaceId}::uuid AND e.campaign_id = ${campaign.id}::uuid AND NOT e.machine
        AND EXISTS (SELECT 1 FROM ${emailSends} s WHERE s.id = e.send_id AND s.source <> 'automation')
      GROUP BY 1 ORDER BY 1 LIMIT ${TIMELINE_HOURS}`),
  );
  const delivered = n('delivered');
  const converted = (await conversionsOf(tenant, [campaign.id])).get(campaign.id) ?? NO_CONVERSIONS;
  return {
    campaign_id: campaign.id,
    status: campaign.status,
    canceled: campaign.canceled_at !== null,
    recipients: campaign.total_recipients,
    queued: n('queued') + n('sending'),
    sent: n('sent'),
    delivered,
    kept_in_outbox: n('kept_in_outbox'),
    bounces: { hard: n('hard_bounces'), soft: n('soft_bounces') },
    failed: n('failed'),
    skipped: n('skipped'),
    canceled_messages: n('canceled'),
    opens: { unique: n('unique_opens'), total: n('total_opens'), machine: n('machine_opens') },
    clicks: { unique: n('unique_clicks'), total: n('total_clicks'), machine: n('machine_clicks') },
    unsubscribed: n('unsubscribed'),
    complained: n('complained'),
    open_rate: rate(n('unique_opens'), delivered),
    click_rate: rate(n('unique_clicks'), delivered),
    links,
    timeline: timeline.map((t) => ({ hour: new Date(t.hour).toISOString(), opens: t.opens, clicks: t.clicks })),
    conversions: { ...converted, rate: rate(converted.count, delivered) },
    ab_test: await abTestReport(tenant, campaign),
    send_time: await sendTimeReport(tenant, campaign),
  };
}

const STATE_CONDITIONS: Record<NonNullable<TEmailRecipientsQuery['state']>, SQL> = {
  queued: sql`${emailSends.status} IN ('queued', 'held', 'sending')`,
  delivered: sql`${emailSends.status} = 'sent'`,
  opened: sql`${emailSends.opened_at} IS NOT NULL`,
  clicked: sql`${emailSends.clicked_at} IS NOT NULL`,
  bounced: sql`${emailSends.status} = 'bounced'`,
  failed: sql`${emailSends.status} = 'failed'`,
  unsubscribed: sql`${emailSends.unsubscribed_at} IS NOT NULL`,
  complained: sql`${emailSends.complained_at} IS NOT NULL`,
  skipped: sql`${emailSends.status} IN ('skipped', 'canceled')`,
};

/** The recipients of a campaign with their state, by state, in keyset pages (ids are in time order). */
export async function campaignRecipientsReport(tenant: Tenant, campaign: TEmailCampaignRow, query: TEmailRecipientsQuery) {
  if (query.cursor && !/^[0-9a-f-]{36}$/.test(query.cursor)) {
    throw new AppError('bad_request', 'Invalid cursor', {
      errors: [{ path: 'querystring.cursor', message: 'not a cursor of this list', code: 'invalid_cursor' }],
    });
  }
  const rows = await tenant.db
    .select({
      id: emailSends.id,
      lead_id: emailSends.lead_id,
      email: emailSends.email,
      status: emailSends.status,
      sent_at: emailSends.sent_at,
      opened_at: emailSends.opened_at,
      clicked_at: emailSends.clicked_at,
      open_count: emailSends.open_count,
      click_count: emailSends.click_count,
      bounce_type: emailSends.bounce_type,
      unsubscribed_at: emailSends.unsubscribed_at,
      complained_at: emailSends.complained_at,
      error: emailSends.error,
    })
    .from(emailSends)
    .where(
      tenant.where(
        emailSends,
        eq(emailSends.campaign_id, campaign.id),
        ne(emailSends.source, 'automation'),
        query.state ? STATE_CONDITIONS[query.state] : undefined,
        query.cursor ? gt(emailSends.id, query.cursor) : undefined,
      ),
    )
    .orderBy(asc(emailSends.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return { rows: page, nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
}

/** The workspace's email totals and averages over the campaigns that have sent. */
export async function workspaceEmailStats(tenant: Tenant): Promise<TEmailStats> {
  const [row] = await tenant.db
    .select({
      campaigns_sent: sql<number>`count(*)::int`,
      sent: sql<number>`coalesce(sum(${emailCampaigns.total_sent}), 0)::int`,
      delivered: sql<number>`coalesce(sum(${emailCampaigns.total_delivered}), 0)::int`,
      opened: sql<number>`coalesce(sum(${emailCampaigns.total_opened}), 0)::int`,
      clicked: sql<number>`coalesce(sum(${emailCampaigns.total_clicked}), 0)::int`,
      bounced: sql<number>`coalesce(sum(${emailCampaigns.total_bounced}), 0)::int`,
      unsubscribed: sql<number>`coalesce(sum(${emailCampaigns.total_unsubscribed}), 0)::int`,
      complained: sql<number>`coalesce(sum(${emailCampaigns.total_complained}), 0)::int`,
      average_open_rate: sql<number | null>`avg(${emailCampaigns.total_opened}::float / nullif(${emailCampaigns.total_delivered}, 0))`,
      average_click_rate: sql<number | null>`avg(${emailCampaigns.total_clicked}::float / nullif(${emailCampaigns.total_delivered}, 0))`,
    })
    .from(emailCampaigns)
    .where(tenant.where(emailCampaigns, isNotNull(emailCampaigns.sent_at), and(gt(emailCampaigns.total_sent, 0))));
  const r = row!;
  const round = (v: number | null) => (v === null ? null : Math.round(Number(v) * 10_000) / 10_000);
  return {
    campaigns_sent: r.campaigns_sent,
    sent: r.sent,
    delivered: r.delivered,
    opened: r.opened,
    clicked: r.clicked,
    bounced: r.bounced,
    unsubscribed: r.unsubscribed,
    complained: r.complained,
    open_rate: rate(r.opened, r.delivered),
    click_rate: rate(r.clicked, r.delivered),
    average_open_rate: round(r.average_open_rate),
    average_click_rate: round(r.average_click_rate),
  };
}
