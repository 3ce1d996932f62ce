import { sql, type SQL } from 'drizzle-orm';
import type { TEmailCampaignRecipients } from '../../contracts/email-campaigns.js';
import { assertQueryCost } from '../../platform/db/query-limits.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { leads, leadSuppressions } from '../crm/tables.js';
import { compileLeadRules, getSegment } from '../segments/index.js';
import type { TEmailCampaignRow } from './email-campaigns.service.js';

/**
 * Who the campaign would reach now: the leads of its saved segment and its own rules (both when both are set,
 * every lead when neither), one message per address (emails are unique per workspace), less those without an
 * email, who unsubscribed, or whose address is on the suppression list (erased people). One counting query.
 * Bounces and complaints are recorded by the sending engine, which is not built yet: until then no lead has any,
 * and they count as 0.
 */
export async function campaignRecipients(tenant: Tenant, campaign: TEmailCampaignRow): Promise<TEmailCampaignRecipients> {
  const audience: SQL[] = [];
  if (campaign.segment_id) audience.push(await compileLeadRules(tenant, (await getSegment(tenant, campaign.segment_id)).rules));
  if (campaign.segment_rules) audience.push(await compileLeadRules(tenant, campaign.segment_rules));
  const hasEmail = sql`coalesce(${leads.email}, '') <> ''`;
  const subscribed = sql`${leads.unsubscribed_at} IS NULL`;
  // The suppression list keeps SHA-256 of the trimmed, lower-cased address (emailHash), computed here in SQL.
  const suppressed = sql`EXISTS (SELECT 1 FROM ${leadSuppressions} s WHERE s.workspace_id = ${leads.workspace_id}
    AND s.email_hash = encode(sha256(convert_to(lower(trim(${leads.email})), 'UTF8')), 'hex'))`;
  const query = tenant.db
    .select({
      count: sql<number>`count(*) FILTER (WHERE ${hasEmail} AND ${subscribed} AND NOT ${suppressed})::int`,
      no_email: sql<number>`count(*) FILTER (WHERE NOT ${hasEmail})::int`,
      unsubscribed: sql<number>`count(*) FILTER (WHERE ${hasEmail} AND NOT ${subscribed})::int`,
      suppressed: sql<number>`count(*) FILTER (WHERE ${hasEmail} AND ${subscribed} AND ${suppressed})::int`,
    })
    .from(leads)
    .where(tenant.where(leads, ...audience));
  await assertQueryCost(tenant.db, query);
  const [row] = await query;
  return {
    count: row?.count ?? 0,
    excluded: { unsubscribed: row?.unsubscribed ?? 0, bounced: 0, complained: 0, suppressed: row?.suppressed ?? 0, no_email: row?.no_email ?? 0 },
  };
}
