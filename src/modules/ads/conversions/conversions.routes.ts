import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZAdConversionUploadList, type TAdConversionUpload } from '../../../contracts/ads.js';
import { ZIdParams } from '../../../contracts/common.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { tenantOf } from '../../../platform/http/api-app.js';
import type { Runtime } from '../../../platform/runtime.js';
import { adCampaigns, adConversionUploads } from '../ads.tables.js';

/** The uploads a campaign's page lists (the latest ones; older lines stay in the table for support). */
export const MAX_LISTED_UPLOADS = 50;

/** The offline conversions sent back for a campaign (closed loop): viewers read, as the campaign itself. */
export function adConversionRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/marketing/ad-campaigns/:id/conversions',
    {
      config: { tenant: { table: 'ad_campaigns' } },
      schema: {
        tags: ['ads'],
        summary: `The latest ${MAX_LISTED_UPLOADS} won deals and paid orders sent back to the campaign's network (sent, failed with the platform's answer, or skipped and why)`,
        params: ZIdParams,
        response: { 200: ZAdConversionUploadList },
      },
    },
    async (req) => ({ items: await listConversionUploads(tenantOf(req, runtime), req.params.id) }),
  );
}

/** A campaign's latest uploads, newest first; not found when the campaign is not the tenant's. */
export async function listConversionUploads(tenant: Tenant, campaignId: string): Promise<TAdConversionUpload[]> {
  await tenant.get(adCampaigns, campaignId, 'Ad campaign');
  const rows = await tenant.db
    .select()
    .from(adConversionUploads)
    .where(tenant.where(adConversionUploads, eq(adConversionUploads.campaign_id, campaignId)))
    .orderBy(desc(adConversionUploads.updated_at), desc(adConversionUploads.id))
    .limit(MAX_LISTED_UPLOADS);
  return rows.map((r) => ({
    id: r.id,
    campaign_id: r.campaign_id,
    network: r.network,
    kind: r.kind,
    lead_id: r.lead_id,
    order_id: r.order_id,
    value: r.value,
    currency: r.currency,
    status: r.status,
    detail: r.detail,
    created_at: r.created_at.toISOString(),
  }));
}
