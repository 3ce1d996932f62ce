import { sql } from 'drizzle-orm';
import type { TAdDaySource } from '../../../contracts/ads.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { adCampaignDays } from '../ads.tables.js';

/** One day's figures of one campaign, as entered, imported or synced. */
export type TAdDayFigures = {
  campaign_id: string;
  date: string;
  impressions: number;
  clicks: number;
  spend: number;
  conversions: number;
  conversion_value: number;
};

/** Rows per INSERT: a report of 50,000 rows is written in bounded statements. */
const BATCH = 1_000;

/**
 * Replaces each given (campaign, day) whole: the manual grid, a re-imported report and a sync (platforms restate
 * recent days) all land here, so writing the same day twice leaves one row with the last figures (idempotent).
 * The campaigns must belong to the tenant (the composite foreign key refuses another workspace's campaign).
 * Returns how many days were written.
 */
export async function replaceAdDays(tenant: Tenant, days: TAdDayFigures[], source: TAdDaySource): Promise<number> {
  let written = 0;
  for (let i = 0; i < days.length; i += BATCH) {
    const batch = days.slice(i, i + BATCH).map((d) => ({ ...d, workspace_id: tenant.workspaceId, source }));
    await tenant.db
      .insert(adCampaignDays)
      .values(batch)
      .onConflictDoUpdate({
        target: [adCampaignDays.campaign_id, adCampaignDays.date],
        set: {
          impressions: sql`excluded.impressions`,
          clicks: sql`excluded.clicks`,
          spend: sql`excluded.spend`,
          conversions: sql`excluded.conversions`,
          conversion_value: sql`excluded.conversion_value`,
          source: sql`excluded.source`,
          updated_at: sql`now()`,
        },
        // A row of another workspace with the same (campaign, date) cannot exist: campaign ids are unique.
      });
    written += batch.length;
  }
  return written;
}
