import { sql, type SQL } from 'drizzle-orm';
import type { TEmailCampaignRecipients } from '../../contracts/email-campaigns.js';
import { assertQueryCost } from '../../platform/db/query-limits.js';
import { rowsOf } from '../../platform/db/rows.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { leads, leadSuppressions } from '../crm/tables.js';
import { compileLeadRules, getSegment } from '../segments/index.js';
import type { TEmailCampaignRow } from './email-campaigns.service.js';
import { assignmentSql } from './email-ab-variants.js';
import { scheduleOptimized, sendTimeSql } from './email-send-time.js';
import { emailCampaigns, emailSends, emailSuppressions } from './email.tables.js';

/**
 * Leads looked at per resolution statement: one keyset step over the workspace's leads in id order, whatever share
 * of them the audience takes, so every statement is short (the health check and other requests keep answering).
 * PGlite runs a statement inside the process, holding its event loop: smaller steps there.
 */
export const RESOLVE_BATCH = { postgres: 2000, pglite: 500 } as const;

/**
 * The conditions of a campaign's audience, shared by the count (`campaignRecipients`) and the resolution
 * (`resolveRecipientsBatch`): the leads of its saved segment and its own rules (both when both are set, every lead
 * when neither), and why a lead of it is not mailed: no email, unsubscribed, erased (the CRM's hashed suppression
 * list), or an address this module suppressed (hard bounce, complaint, repeated soft bounces, a member's choice).
 */
async function audienceOf(tenant: Tenant, campaign: Pick<TEmailCampaignRow, 'segment_id' | 'segment_rules'>) {
  const audience: SQL[] = [];
  if (campaign.segment_id) audience.push(await compileLeadRules(tenant, (await getSegment(tenant, campaign.segment_id)).rules));
  if (campaign.segment_rules) audience.push(await compileLeadRules(tenant, campaign.segment_rules));
  const hasEmail = sql`coalesce(${leads.email}, '') <> ''`;
  // A double opt-in still unconfirmed is not subscribed yet.
  const unconfirmed = sql`(${leads.unsubscribed_at} IS NULL AND ${leads.optin_pending_at} IS NOT NULL)`;
  const subscribed = sql`(${leads.unsubscribed_at} IS NULL AND ${leads.optin_pending_at} IS NULL)`;
  // The CRM's list keeps SHA-256 of the trimmed, lower-cased address (emailHash), computed here in SQL.
  const erased = sql`EXISTS (SELECT 1 FROM ${leadSuppressions} s WHERE s.workspace_id = ${leads.workspace_id}
    AND s.email_hash = encode(sha256(convert_to(lower(trim(${leads.email})), 'UTF8')), 'hex'))`;
  const suppressedFor = (reasons: SQL) => sql`EXISTS (SELECT 1 FROM ${emailSuppressions} x WHERE x.workspace_id = ${leads.workspace_id}
    AND lower(x.email) = lower(trim(${leads.email})) AND x.reason IN ${reasons})`;
  const bounced = suppressedFor(sql`('hard_bounce', 'soft_bounces')`);
  const complained = suppressedFor(sql`('complaint')`);
  const manual = suppressedFor(sql`('manual')`);
  // One probe of the list for the send (the count above tells the reasons apart).
  const anySuppression = sql`EXISTS (SELECT 1 FROM ${emailSuppressions} x WHERE x.workspace_id = ${leads.workspace_id}
    AND lower(x.email) = lower(trim(${leads.email})))`;
  const mailable = sql`${hasEmail} AND ${subscribed} AND NOT ${erased} AND NOT ${anySuppression}`;
  return { audience, hasEmail, subscribed, unconfirmed, erased, bounced, complained, manual, mailable };
}

/**
 * Who the campaign would reach now, and why the rest of its audience would not be mailed (each lead counted under
 * the first reason that applies: no email, unsubscribed or unconfirmed, bounced, complained, suppressed). One counting query.
 */
export async function campaignRecipients(tenant: Tenant, campaign: TEmailCampaignRow): Promise<TEmailCampaignRecipients> {
  const a = await audienceOf(tenant, campaign);
  const ok = sql`${a.hasEmail} AND ${a.subscribed}`;
  const query = tenant.db
    .select({
      count: sql<number>`count(*) FILTER (WHERE ${a.mailable})::int`,
      no_email: sql<number>`count(*) FILTER (WHERE NOT ${a.hasEmail})::int`,
      unsubscribed: sql<number>`count(*) FILTER (WHERE ${a.hasEmail} AND NOT ${a.subscribed} AND NOT ${a.unconfirmed})::int`,
      unconfirmed: sql<number>`count(*) FILTER (WHERE ${a.hasEmail} AND ${a.unconfirmed})::int`,
      bounced: sql<number>`count(*) FILTER (WHERE ${ok} AND ${a.bounced})::int`,
      complained: sql<number>`count(*) FILTER (WHERE ${ok} AND NOT ${a.bounced} AND ${a.complained})::int`,
      suppressed: sql<number>`count(*) FILTER (WHERE ${ok} AND NOT ${a.bounced} AND NOT ${a.complained} AND (${a.erased} OR ${a.manual}))::int`,
    })
    .from(leads)
    .where(tenant.where(leads, ...a.audience));
  await assertQueryCost(tenant.db, query);
  const [row] = await query;
  return {
    count: row?.count ?? 0,
    excluded: {
      unsubscribed: row?.unsubscribed ?? 0,
      unconfirmed: row?.unconfirmed ?? 0,
      bounced: row?.bounced ?? 0,
      complained: row?.complained ?? 0,
      suppressed: row?.suppressed ?? 0,
      no_email: row?.no_email ?? 0,
    },
  };
}

/**
 * Resolves the next keyset step of a campaign's recipients into email_sends: the next leads of the
 * workspace after `resolve_cursor` (`step` of them, id order, read through the (workspace_id, id) index), of which the mailable
 * ones in the audience get a row. One statement moves the cursor and the recipient count with the rows, so a crash
 * between two steps resumes exactly after the last committed one; the step that finds fewer than `step`
 * leads ends the resolution. Returns how many leads the step looked at (0: resolution is complete).
 */
export async function resolveRecipientsBatch(tenant: Tenant, campaign: TEmailCampaignRow, step: number): Promise<number> {
  const a = await audienceOf(tenant, campaign);
  // An A/B test: each recipient's variant, or `held` for the rest (email-ab-test.ts).
  const ab = assignmentSql(campaign, sql`lead_id`);
  // Send-time optimisation: the holdout at once, the others `pending` until scheduled below (email-send-time.ts).
  const sendTime = sendTimeSql(campaign, sql`lead_id`);
  const after = campaign.resolve_cursor ? sql`AND ${leads.id} > ${campaign.resolve_cursor}::uuid` : sql``;
  const conditions = a.audience.length > 0 ? sql`AND ${sql.join(a.audience, sql` AND `)}` : sql``;
  const statement = sql`
    WITH step AS (
      SELECT ${leads.id} AS id FROM ${leads}
      WHERE ${leads.workspace_id} = ${tenant.workspaceId}::uuid ${after}
      ORDER BY ${leads.workspace_id}, ${leads.id} LIMIT ${step}
    ), batch AS (
      SELECT ${leads.id} AS lead_id, lower(trim(${leads.email})) AS email FROM ${leads}
      WHERE ${leads.workspace_id} = ${tenant.workspaceId}::uuid AND ${leads.id} IN (SELECT id FROM step) AND ${a.mailable} ${conditions}
    ), inserted AS (
      INSERT INTO ${emailSends} (workspace_id, campaign_id, lead_id, email, variant, status, send_time, next_attempt_at)
      SELECT ${tenant.workspaceId}::uuid, ${campaign.id}::uuid, lead_id, email, ${ab.variant}, ${ab.status}, ${sendTime.group}, ${sendTime.dueAt} FROM batch
      ON CONFLICT (campaign_id, lead_id) WHERE source = 'campaign' DO NOTHING
      RETURNING 1
    )
    UPDATE ${emailCampaigns} SET
      resolve_cursor = coalesce((SELECT max(id::text)::uuid FROM step), resolve_cursor),
      total_recipients = total_recipients + (SELECT count(*) FROM inserted),
      recipients_resolved_at = CASE WHEN (SELECT count(*) FROM step) < ${step} THEN now() ELSE NULL END
    WHERE id = ${campaign.id}::uuid AND workspace_id = ${tenant.workspaceId}::uuid AND recipients_resolved_at IS NULL
    RETURNING (SELECT count(*) FROM step)::int AS taken`;
  if (!campaign.send_time_optimization) return rowsOf<{ taken: number }>(await tenant.db.execute(statement))[0]?.taken ?? 0;
  // The batch and its times in one transaction: a `pending` row is never left unscheduled.
  return tenant.db.transaction(async (tx) => {
    const taken = rowsOf<{ taken: number }>(await tx.execute(statement))[0]?.taken ?? 0;
    await scheduleOptimized(tx, campaign);
    return taken;
  });
}
