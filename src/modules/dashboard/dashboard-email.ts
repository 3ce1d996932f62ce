import { sql } from 'drizzle-orm';
import type { TDashboard } from '../../contracts/dashboard.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { emailSends } from '../email/index.js';
import type { TPeriodBounds } from './dashboard-period.js';
import { inEitherPeriod, rateOf } from './dashboard-sql.js';

/**
 * The email block: messages sent in each period (by their `sent_at`), and how many of them a person opened and
 * clicked, whenever that happened (so a rate is about the period's messages, as in a campaign's report). Every kind
 * of message counts: campaigns, sequence steps, automations' one-offs. Read through the (workspace_id, sent_at) index
 * (migration 0049), so the cost follows the two periods' messages, not the workspace's history.
 */
export async function emailBlock(tenant: Tenant, p: TPeriodBounds): Promise<TDashboard['email']> {
  const sentAt = sql`${emailSends.sent_at}`;
  const isCurrent = sql`${sentAt} >= ${p.start.toISOString()}::timestamptz`;
  const counts = (current: boolean) => {
    const when = current ? isCurrent : sql`not (${isCurrent})`;
    return {
      sent: sql<number>`(count(*) filter (where ${when}))::int`,
      delivered: sql<number>`(count(*) filter (where ${when} and ${emailSends.status} = 'sent'))::int`,
      opens: sql<number>`(count(*) filter (where ${when} and ${emailSends.status} = 'sent' and ${emailSends.opened_at} is not null))::int`,
      clicks: sql<number>`(count(*) filter (where ${when} and ${emailSends.status} = 'sent' and ${emailSends.clicked_at} is not null))::int`,
    };
  };
  const cur = counts(true);
  const prev = counts(false);
  const [row] = await tenant.db
    .select({
      c_sent: cur.sent,
      c_delivered: cur.delivered,
      c_opens: cur.opens,
      c_clicks: cur.clicks,
      p_sent: prev.sent,
      p_delivered: prev.delivered,
      p_opens: prev.opens,
      p_clicks: prev.clicks,
    })
    .from(emailSends)
    .where(tenant.where(emailSends, sql`${sentAt} is not null and ${emailSends.status} in ('sent', 'bounced') and ${inEitherPeriod(sentAt, p)}`));
  const n = (v: number | undefined) => Number(v ?? 0);
  const c = { sent: n(row?.c_sent), delivered: n(row?.c_delivered), opens: n(row?.c_opens), clicks: n(row?.c_clicks) };
  const q = { sent: n(row?.p_sent), delivered: n(row?.p_delivered), opens: n(row?.p_opens), clicks: n(row?.p_clicks) };
  return {
    sent: { current: c.sent, previous: q.sent },
    delivered: { current: c.delivered, previous: q.delivered },
    opens: { current: c.opens, previous: q.opens },
    clicks: { current: c.clicks, previous: q.clicks },
    open_rate: { current: rateOf(c.opens, c.delivered), previous: rateOf(q.opens, q.delivered) },
    click_rate: { current: rateOf(c.clicks, c.delivered), previous: rateOf(q.clicks, q.delivered) },
  };
}
