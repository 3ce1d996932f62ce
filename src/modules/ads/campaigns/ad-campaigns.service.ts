import { count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import {
  EMPTY_AUDIENCE,
  MAX_AD_CAMPAIGNS_PER_WORKSPACE,
  type TAdCampaignCreateBody,
  type TAdCampaignListQuery,
  type TAdCampaignUpdateBody,
} from '../../../contracts/ads.js';
import { decodeKeysetCursor, encodeKeysetCursor, olderThan } from '../../../platform/db/keyset-cursor.js';
import { pgConstraint, pgErrorCode } from '../../../platform/db/pg-error.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { adCampaigns } from '../ads.tables.js';
import { setRemoteCampaignStatus } from '../connectors/remote-status.js';
import { describeCampaigns, type TAdCampaignRow, type TAdCampaignView } from './ad-campaign-view.js';

// A campaign's life: created (by hand, by a report import or a connector), edited, paused and resumed (on its
// platform too when a connection syncs it), deleted with its days. Its figures are written in ad-metrics.service.ts.

/** Campaigns of a page, newest first (keyset on created_at, id), each with its totals, results and warnings. */
export async function listAdCampaigns(tenant: Tenant, query: TAdCampaignListQuery, now = new Date()) {
  const after = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
  const conditions: (SQL | undefined)[] = [
    query.platform ? eq(adCampaigns.platform, query.platform) : undefined,
    query.status ? eq(adCampaigns.status, query.status) : undefined,
    query.q ? ilike(adCampaigns.name, `%${query.q.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
    after ? olderThan(adCampaigns.created_at, adCampaigns.id, after) : undefined,
  ];
  const rows = await tenant.db
    .select()
    .from(adCampaigns)
    .where(tenant.where(adCampaigns, ...conditions))
    .orderBy(desc(adCampaigns.created_at), desc(adCampaigns.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await describeCampaigns(tenant, page, now),
    nextCursor: rows.length > query.limit && last ? encodeKeysetCursor(last.created_at, last.id) : null,
  };
}

/** One campaign's row, or a 404 (also for another workspace's). */
export function adCampaignRow(tenant: Tenant, id: string): Promise<TAdCampaignRow> {
  return tenant.get(adCampaigns, id, 'Ad campaign');
}

/** One campaign with its totals, results and warnings. */
export async function getAdCampaign(tenant: Tenant, id: string, now = new Date()): Promise<TAdCampaignView> {
  const [view] = await describeCampaigns(tenant, [await adCampaignRow(tenant, id)], now);
  return view!;
}

/** Creates a campaign (the workspace's cap is exact under concurrency). */
export async function createAdCampaign(tenant: Tenant, body: TAdCampaignCreateBody): Promise<TAdCampaignView> {
  const row = await uniquePlatformId(() =>
    tenant.db.transaction(async (db) => {
      const tx = new Tenant(db, tenant.workspaceId);
      await tx.lockForTransaction('ad_campaigns');
      const [{ value } = { value: 0 }] = await tx.db.select({ value: count() }).from(adCampaigns).where(tx.where(adCampaigns));
      if (value >= MAX_AD_CAMPAIGNS_PER_WORKSPACE) {
        throw new AppError('conflict', `A workspace has at most ${MAX_AD_CAMPAIGNS_PER_WORKSPACE} ad campaigns: delete one first`, {
          reason: 'ad_campaigns_limit',
          params: { limit: MAX_AD_CAMPAIGNS_PER_WORKSPACE },
        });
      }
      return tx.insert(adCampaigns, {
        name: body.name,
        description: body.description ?? null,
        platform: body.platform,
        status: body.status ?? 'draft',
        ad_copy: body.ad_copy ?? null,
        headline: body.headline ?? null,
        image_url: body.image_url ?? null,
        video_url: body.video_url ?? null,
        target_audience: body.target_audience ?? EMPTY_AUDIENCE,
        daily_budget: body.daily_budget ?? null,
        total_budget: body.total_budget ?? null,
        currency: body.currency,
        start_date: body.start_date ?? null,
        end_date: body.end_date ?? null,
        platform_campaign_id: body.platform_campaign_id ?? null,
        utm_campaign: body.utm_campaign ?? null,
        utm_source: body.utm_source ?? null,
        cpa_alert_rise: body.cpa_alert_rise ?? undefined,
      });
    }),
  );
  return (await describeCampaigns(tenant, [row]))[0]!;
}

/**
 * Changes a campaign. A status change between active and paused of a campaign a connection syncs is made on the
 * platform first: when the platform refuses, its problem is returned and nothing changes here.
 */
export async function updateAdCampaign(runtime: Runtime, tenant: Tenant, id: string, body: TAdCampaignUpdateBody): Promise<TAdCampaignView> {
  const current = await adCampaignRow(tenant, id);
  const start = body.start_date === undefined ? current.start_date : body.start_date;
  const end = body.end_date === undefined ? current.end_date : body.end_date;
  // The body's own dates were checked together; one changed alone is checked against the stored other.
  if (start && end && end < start) {
    throw new AppError('bad_request', 'end_date must not be before start_date', {
      errors: [{ path: 'body.end_date', message: 'must not be before start_date', code: 'end_before_start' }],
    });
  }
  const status = body.status;
  if (status && status !== current.status && isPauseOrResume(current.status, status)) {
    await setRemoteCampaignStatus(runtime, tenant, current, status);
  }
  await uniquePlatformId(() => tenant.update(adCampaigns, id, body, 'Ad campaign'));
  return getAdCampaign(tenant, id);
}

/** POST /pause and /resume: the cards' button. */
export function setAdCampaignStatus(runtime: Runtime, tenant: Tenant, id: string, status: 'active' | 'paused'): Promise<TAdCampaignView> {
  return updateAdCampaign(runtime, tenant, id, { status });
}

/** Deletes a campaign with its days and upload log (cascade); nothing changes on its platform. */
export async function deleteAdCampaign(tenant: Tenant, id: string): Promise<void> {
  await tenant.delete(adCampaigns, id, 'Ad campaign');
}

function isPauseOrResume(from: string, to: string): to is 'active' | 'paused' {
  return (from === 'active' && to === 'paused') || (from === 'paused' && to === 'active');
}

/** Runs a write; a platform campaign id already used by another campaign of the platform is a 409. */
async function uniquePlatformId<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (pgErrorCode(error) === '23505' && pgConstraint(error) === 'ad_campaigns_platform_id_uq') {
      throw new AppError('conflict', 'Another campaign of this platform already has this platform campaign id', {
        reason: 'ad_campaign_id_taken',
        errors: [{ path: 'body.platform_campaign_id', message: 'already used by another campaign', code: 'ad_campaign_id_taken' }],
      });
    }
    throw error;
  }
}
