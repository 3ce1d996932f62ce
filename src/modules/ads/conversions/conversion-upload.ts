import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TAdNetwork } from '../../../contracts/ads.js';
import { rowsOf } from '../../../platform/db/rows.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { leadEvents, leads } from '../../crm/tables.js';
import { workspaces } from '../../workspaces/tables.js';
import { adCampaigns, adConnections, adConversionUploads } from '../ads.tables.js';
import { AdPlatformError, type TOfflineConversion } from '../connectors/ad-connector.js';
import { useConnection } from '../connectors/connection-tokens.js';
import { hashEmail } from './hash-identifiers.js';

// Closed loop, step 2: one conversion sent to one campaign's network, and its line in `ad_conversion_uploads`.
// Only for a person who gave consent (a form's consent or a confirmed double opt-in), is still subscribed and was not
// erased; otherwise the line says `skipped` and why. The line is unique per (campaign, kind, lead or order): a
// conversion sent or skipped is final; a failed one is tried again by the job's retries or a replayed event, each try
// counted in `attempts`, the platform's answer kept in `detail`.

export const ZAdConversionJob = z.object({
  workspace_id: z.uuid(),
  campaign_id: z.uuid(),
  /** The lead event that is the conversion (a lead won, an order paid). */
  event_id: z.uuid(),
  lead_id: z.uuid(),
  /** Set for an order's payment (kind `order_paid`), null for a won deal. */
  order_id: z.uuid().nullable(),
});
export type TAdConversionJob = z.infer<typeof ZAdConversionJob>;

/** Why a conversion was not sent (the log's `detail`; the screen translates these codes). */
export const SKIP_REASONS = ['no_consent', 'unsubscribed', 'lead_erased', 'no_email'] as const;
type TSkipReason = (typeof SKIP_REASONS)[number];

/** Tries of one conversion after which a replayed event no longer sends it (the job's own retries are fewer). */
const MAX_ATTEMPTS = 10;

/** The click id each network matches a conversion on, as captured in `funnel_optin` events. */
const CLICK_ID: Record<TAdNetwork, 'gclid' | 'fbclid' | 'li_fat_id'> = { google: 'gclid', meta: 'fbclid', linkedin: 'li_fat_id' };

type TLogLine = {
  status: 'sent' | 'failed' | 'skipped';
  detail: string | null;
  value: number | null;
  currency: string | null;
  payload: Record<string, unknown> | null;
};

/** Sends the conversion of the job's event to its campaign's network, once; logs the outcome. */
export async function uploadAdConversion(runtime: Runtime, job: TAdConversionJob): Promise<void> {
  const tenant = new Tenant(runtime.db, job.workspace_id);
  const kind = job.order_id ? ('order_paid' as const) : ('deal_won' as const);
  const key = { campaign_id: job.campaign_id, kind, source_key: job.order_id ? `order:${job.order_id}` : `lead:${job.lead_id}` };
  const [campaign] = await tenant.db
    .select({ connection_id: adCampaigns.connection_id, platform_campaign_id: adCampaigns.platform_campaign_id, network: adConnections.network })
    .from(adCampaigns)
    .innerJoin(adConnections, and(eq(adConnections.workspace_id, adCampaigns.workspace_id), eq(adConnections.id, adCampaigns.connection_id)))
    .where(tenant.where(adCampaigns, eq(adCampaigns.id, job.campaign_id)));
  // The campaign or its connection was removed since: nothing to send it to.
  if (!campaign?.connection_id) return;
  const [logged] = await tenant.db
    .select({ status: adConversionUploads.status, attempts: adConversionUploads.attempts })
    .from(adConversionUploads)
    .where(
      tenant.where(
        adConversionUploads,
        eq(adConversionUploads.campaign_id, key.campaign_id),
        eq(adConversionUploads.kind, kind),
        eq(adConversionUploads.source_key, key.source_key),
      ),
    );
  if (logged && (logged.status !== 'failed' || logged.attempts >= MAX_ATTEMPTS)) return;

  const prepared = await prepareConversion(tenant, job, kind, campaign.network, campaign.platform_campaign_id);
  if ('skip' in prepared) {
    await log(tenant, job, key, campaign.network, { status: 'skipped', detail: prepared.skip, value: null, currency: null, payload: null });
    return;
  }
  const { conversion, payload } = prepared;
  const line = { value: conversion.value, currency: conversion.currency, payload };
  let answer: string | null;
  try {
    const answers = await useConnection(runtime, tenant, campaign.connection_id, (connector, tokens, accountId) =>
      connector.uploadConversions(tokens, accountId, [conversion]),
    );
    answer = answers.get(conversion.event_id) ?? null;
  } catch (err) {
    if (!(err instanceof AdPlatformError) && !(err instanceof AppError)) throw err;
    await log(tenant, job, key, campaign.network, { ...line, status: 'failed', detail: err.message.slice(0, 1_000) });
    // A rate limit or the platform's failure passes: the job's retry sends it later. A refused consent (auth) or a
    // network no longer configured needs a person first: the next event replays it.
    if (err instanceof AdPlatformError && err.kind !== 'auth') throw err;
    return;
  }
  await log(tenant, job, key, campaign.network, { ...line, status: answer === null ? 'sent' : 'failed', detail: answer });
}

/** The conversion to send, or why not: consent, e-mail, value (order amount or deal value) and captured click ids. */
async function prepareConversion(
  tenant: Tenant,
  job: TAdConversionJob,
  kind: TOfflineConversion['kind'],
  network: TAdNetwork,
  platformCampaignId: string | null,
): Promise<{ skip: TSkipReason } | { conversion: TOfflineConversion; payload: Record<string, unknown> }> {
  const [lead] = await tenant.db
    .select({
      email: leads.email,
      phone: leads.phone,
      estimated_value: leads.estimated_value,
      consent_at: leads.consent_at,
      optin_confirmed_at: leads.optin_confirmed_at,
      unsubscribed_at: leads.unsubscribed_at,
    })
    .from(leads)
    .where(tenant.byId(leads, job.lead_id));
  if (!lead) return { skip: 'lead_erased' };
  if (!lead.consent_at && !lead.optin_confirmed_at) return { skip: 'no_consent' };
  if (lead.unsubscribed_at) return { skip: 'unsubscribed' };
  if (!lead.email) return { skip: 'no_email' };

  const [event] = await tenant.db
    .select({ occurred_at: leadEvents.occurred_at, data: leadEvents.data })
    .from(leadEvents)
    .where(tenant.where(leadEvents, eq(leadEvents.id, job.event_id)));
  const occurredAt = event?.occurred_at ?? new Date();
  let value: number | null;
  let currency: string | null;
  if (kind === 'order_paid') {
    const cents = event?.data.amount_cents;
    value = typeof cents === 'number' && Number.isInteger(cents) ? cents / 100 : null;
    currency = typeof event?.data.currency === 'string' ? event.data.currency.toUpperCase() : null;
  } else {
    // A won deal is worth its estimated value, in the workspace's currency (as the real results count it).
    value = lead.estimated_value;
    const [workspace] = await tenant.db.select({ currency: workspaces.currency }).from(workspaces).where(eq(workspaces.id, tenant.workspaceId));
    currency = value === null ? null : (workspace?.currency ?? null);
  }
  const clickIds = await capturedClickIds(tenant, job.lead_id);
  const clickKey = CLICK_ID[network];
  const conversion: TOfflineConversion = {
    event_id: job.order_id ? `order:${job.order_id}` : `lead:${job.lead_id}`,
    kind,
    occurred_at: occurredAt,
    value,
    currency,
    email: lead.email,
    phone: lead.phone,
    gclid: clickIds.gclid,
    fbclid: clickIds.fbclid,
    li_fat_id: clickIds.li_fat_id,
    platform_campaign_id: platformCampaignId,
  };
  // What the log keeps for support: the e-mail only as its hash, the click id this network matches on.
  const payload = {
    event_id: conversion.event_id,
    occurred_at: occurredAt.toISOString(),
    email_sha256: hashEmail(lead.email),
    [clickKey]: clickIds[clickKey],
    platform_campaign_id: platformCampaignId,
  };
  return { conversion, payload };
}

/** The click ids of the lead's latest opt-ins that captured one (each id from the latest opt-in that had it). */
async function capturedClickIds(tenant: Tenant, leadId: string): Promise<Record<'gclid' | 'fbclid' | 'li_fat_id', string | null>> {
  const latest = (key: string) => sql`(SELECT data ->> ${key} FROM ${leadEvents}
    WHERE workspace_id = ${tenant.workspaceId}::uuid AND lead_id = ${leadId}::uuid AND event_type = 'funnel_optin' AND data ? ${key}
    ORDER BY occurred_at DESC LIMIT 1)`;
  const [row] = rowsOf<{ gclid: string | null; fbclid: string | null; li_fat_id: string | null }>(
    await tenant.db.execute(sql`SELECT ${latest('gclid')} AS gclid, ${latest('fbclid')} AS fbclid, ${latest('li_fat_id')} AS li_fat_id`),
  );
  return { gclid: row?.gclid ?? null, fbclid: row?.fbclid ?? null, li_fat_id: row?.li_fat_id ?? null };
}

/** Writes the outcome: a new line, or the next try of a failed one (never over a line sent or skipped). */
async function log(
  tenant: Tenant,
  job: TAdConversionJob,
  key: { campaign_id: string; kind: 'deal_won' | 'order_paid'; source_key: string },
  network: TAdNetwork,
  line: TLogLine,
): Promise<void> {
  const tried = line.status === 'skipped' ? 0 : 1;
  await tenant.db
    .insert(adConversionUploads)
    // An erased lead is gone: its line names no lead (the foreign key refuses the id of a deleted one).
    .values({
      workspace_id: tenant.workspaceId,
      ...key,
      network,
      lead_id: line.status === 'skipped' && line.detail === 'lead_erased' ? null : job.lead_id,
      order_id: job.order_id,
      ...line,
      attempts: tried,
    })
    .onConflictDoUpdate({
      target: [adConversionUploads.workspace_id, adConversionUploads.campaign_id, adConversionUploads.kind, adConversionUploads.source_key],
      set: { ...line, attempts: sql`${adConversionUploads.attempts} + ${tried}`, updated_at: sql`now()` },
      setWhere: sql`${adConversionUploads.status} = 'failed'`,
    });
}
