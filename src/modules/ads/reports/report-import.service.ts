import { desc, eq, inArray, sql } from 'drizzle-orm';
import { EMPTY_AUDIENCE, MAX_AD_AMOUNT, MAX_AD_CAMPAIGNS_PER_WORKSPACE, MAX_AD_COUNT, type TAdNetwork, type TAdPlatform } from '../../../contracts/ads.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { workspaces } from '../../workspaces/tables.js';
import { adCampaigns, adReportImports } from '../ads.tables.js';
import { replaceAdDays, type TAdDayFigures } from '../campaigns/ad-days.service.js';
import { parseReport, type TReportRecord, type TReportRowError } from './report-parse.js';
import { readReportFile } from './report-read.js';
import { analyzeTables } from '../../../platform/db/statistics.js';
import { round } from '../campaigns/ad-ratios.js';

export type TAdReportImportRow = typeof adReportImports.$inferSelect;
type TCampaignRow = typeof adCampaigns.$inferSelect;

/** Errors kept with an import (the table's bound); the counts stay exact. */
const MAX_STORED_ERRORS = 500;
/** Imports the list shows. */
const LIST_LIMIT = 20;

/** The platforms a network's campaigns may have, the first being the one a created campaign gets. */
const PLATFORMS: Record<TAdNetwork, TAdPlatform[]> = { meta: ['facebook', 'instagram'], google: ['google'], linkedin: ['linkedin'] };

/**
 * Imports a Meta Ads Manager, Google Ads or LinkedIn Campaign Manager report: recognises it, matches each row's
 * campaign (by the platform's id, else by name in the same network; creates the missing ones), sums rows of the same
 * campaign and day (exports at ad set or ad level), and replaces those days (a re-import of the same file writes the
 * same days again: idempotent). Rows with errors are listed, the others written.
 */
export async function importAdReport(tenant: Tenant, userId: string | null, file: { fileName: string; bytes: Buffer }): Promise<TAdReportImportRow> {
  const parsed = parseReport(await readReportFile(file.bytes));
  const errors: TReportRowError[] = [...parsed.errors];

  // 1. Campaigns found or created, and the rows summed per (campaign, day): one short transaction under the lock.
  const { written, resolver } = await tenant.db.transaction(async (tx) => {
    const scoped = new Tenant(tx, tenant.workspaceId);
    // Imports and campaign creations of a workspace take turns: the cap stays exact and two imports of one new
    // campaign create it once.
    await scoped.lockForTransaction('ad_campaigns');
    const resolver = await campaignResolver(scoped, parsed.network);

    const days = new Map<string, TAdDayFigures & { lines: number[] }>();
    for (const record of parsed.records) {
      const campaign = await resolver.resolve(record);
      if (record.currency && record.currency !== campaign.currency) {
        errors.push({
          row: record.line,
          reason: 'ad_row_currency_mismatch',
          message: `The row is in ${record.currency}, the campaign "${campaign.name}" in ${campaign.currency}`,
        });
        continue;
      }
      const key = `${campaign.id}|${record.date}`;
      const day = days.get(key) ?? {
        campaign_id: campaign.id,
        date: record.date,
        impressions: 0,
        clicks: 0,
        spend: 0,
        conversions: 0,
        conversion_value: 0,
        lines: [],
      };
      day.impressions += record.impressions;
      day.clicks += record.clicks;
      day.spend = round(day.spend + record.spend);
      day.conversions = round(day.conversions + record.conversions);
      day.conversion_value = round(day.conversion_value + record.conversion_value);
      day.lines.push(record.line);
      days.set(key, day);
    }

    const written: TAdDayFigures[] = [];
    for (const { lines, ...day } of days.values()) {
      // Rows of one day summed past the bounds (the columns' precision) are refused together.
      if (
        day.impressions > MAX_AD_COUNT ||
        day.clicks > MAX_AD_COUNT ||
        day.conversions > MAX_AD_COUNT ||
        day.spend > MAX_AD_AMOUNT ||
        day.conversion_value > MAX_AD_AMOUNT
      ) {
        for (const row of lines) errors.push({ row, reason: 'ad_row_too_large', message: `The rows of ${day.date} add up to more than a day can hold` });
        continue;
      }
      written.push(day);
    }
    return { written, resolver };
  });

  // 2. The days, in slices of their own transactions with a turn of the event loop between them: on the embedded
  // PGlite every query of the server waits for a running transaction, and one transaction of 50,000 days held the
  // health check for 12 s (bench/ads.bench.ts). Bad rows were refused before anything was written; a crash between
  // two slices leaves days replaced by the file's own figures, and importing the file again completes it (each day
  // is replaced whole). The import's record is written last, with the last slice.
  let daysWritten = 0;
  const last = Math.max(0, Math.ceil(written.length / DAYS_PER_TRANSACTION) - 1);
  let imported: TAdReportImportRow | undefined;
  for (let slice = 0; slice <= last; slice++) {
    if (slice > 0) await new Promise((resolve) => setImmediate(resolve));
    imported = await tenant.db.transaction(async (tx) => {
      const scoped = new Tenant(tx, tenant.workspaceId);
      daysWritten += await replaceAdDays(scoped, written.slice(slice * DAYS_PER_TRANSACTION, (slice + 1) * DAYS_PER_TRANSACTION), 'import');
      if (slice < last) return undefined;
      errors.sort((a, b) => a.row - b.row);
      return scoped.insert(adReportImports, {
        file_name: file.fileName.slice(0, 255) || 'report',
        network: parsed.network,
        language: parsed.language,
        rows: parsed.rows,
        days_written: daysWritten,
        campaigns_matched: resolver.matched.size,
        campaigns_created: resolver.created,
        errors: errors.slice(0, MAX_STORED_ERRORS),
        created_by: userId,
      });
    });
  }
  // A big report changes the days table faster than PGlite's planner notices (it has no autovacuum): with its old
  // row counts it read the whole workspace's days once per campaign of the /ads page (measured: bench/ads.bench.ts).
  if (daysWritten >= ANALYZE_AFTER_DAYS) await analyzeTables(tenant.db, ['ad_campaign_days', 'ad_campaigns']);
  return imported!;
}

/** Days written per transaction (a slice takes about a quarter of a second on PGlite here). */
const DAYS_PER_TRANSACTION = 1_000;

/** Days written from which an import refreshes the planner's statistics (as the CRM's bulk writers do). */
const ANALYZE_AFTER_DAYS = 1_000;

/**
 * Finds each row's campaign among the network's: by the platform's campaign id, else by name (any case) among
 * campaigns without an id (the id is then recorded: the next report matches by id), else creates it.
 */
async function campaignResolver(tenant: Tenant, network: TAdNetwork) {
  const platforms = PLATFORMS[network];
  const existing = await tenant.db
    .select()
    .from(adCampaigns)
    .where(tenant.where(adCampaigns, inArray(adCampaigns.platform, platforms)))
    .orderBy(adCampaigns.created_at);
  const byId = new Map<string, TCampaignRow>();
  const byName = new Map<string, TCampaignRow[]>();
  const index = (row: TCampaignRow) => {
    if (row.platform_campaign_id) byId.set(row.platform_campaign_id, row);
    const name = row.name.trim().toLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), row]);
  };
  existing.forEach(index);
  const matched = new Set<string>();
  const createdIds = new Set<string>();
  const resolved = new Map<string, TCampaignRow>();
  let workspaceCurrency: string | null = null;
  let campaignCount: number | null = null;

  async function create(record: TReportRecord): Promise<TCampaignRow> {
    campaignCount ??= await countCampaigns(tenant);
    if (campaignCount >= MAX_AD_CAMPAIGNS_PER_WORKSPACE)
      throw new AppError('conflict', `A workspace has at most ${MAX_AD_CAMPAIGNS_PER_WORKSPACE} ad campaigns`, {
        reason: 'ad_campaigns_limit',
        params: { limit: MAX_AD_CAMPAIGNS_PER_WORKSPACE },
      });
    workspaceCurrency ??= await currencyOf(tenant);
    const row = await tenant.insert(adCampaigns, {
      name: record.campaign_name ?? `Campagne ${record.campaign_id}`,
      platform: platforms[0]!,
      status: 'active',
      target_audience: EMPTY_AUDIENCE,
      currency: record.currency ?? workspaceCurrency,
      platform_campaign_id: record.campaign_id,
    });
    campaignCount += 1;
    createdIds.add(row.id);
    return row;
  }

  async function find(record: TReportRecord): Promise<TCampaignRow> {
    if (record.campaign_id) {
      const same = byId.get(record.campaign_id);
      if (same) return same;
    }
    const named = record.campaign_name ? (byName.get(record.campaign_name.toLowerCase()) ?? []) : [];
    const candidate = record.campaign_id ? named.find((row) => !row.platform_campaign_id) : named[0];
    if (!candidate) {
      const row = await create(record);
      index(row);
      return row;
    }
    if (record.campaign_id && !candidate.platform_campaign_id) {
      const [updated] = await tenant.db
        .update(adCampaigns)
        .set({ platform_campaign_id: record.campaign_id, updated_at: sql`now()` })
        .where(tenant.byId(adCampaigns, candidate.id))
        .returning();
      Object.assign(candidate, updated);
      byId.set(record.campaign_id, candidate);
    }
    return candidate;
  }

  return {
    matched,
    get created() {
      return createdIds.size;
    },
    async resolve(record: TReportRecord): Promise<TCampaignRow> {
      const key = record.campaign_id ? `id:${record.campaign_id}` : `name:${record.campaign_name!.toLowerCase()}`;
      let row = resolved.get(key);
      if (!row) {
        row = await find(record);
        resolved.set(key, row);
      }
      if (!createdIds.has(row.id)) matched.add(row.id);
      return row;
    },
  };
}

async function countCampaigns(tenant: Tenant): Promise<number> {
  const [row] = await tenant.db
    .select({ n: sql<number>`count(*)::int` })
    .from(adCampaigns)
    .where(tenant.where(adCampaigns));
  return row?.n ?? 0;
}

async function currencyOf(tenant: Tenant): Promise<string> {
  const [row] = await tenant.db.select({ currency: workspaces.currency }).from(workspaces).where(eq(workspaces.id, tenant.workspaceId));
  return row?.currency ?? 'EUR';
}

/** The latest imports, newest first. */
export async function listAdReportImports(tenant: Tenant): Promise<TAdReportImportRow[]> {
  return tenant.db
    .select()
    .from(adReportImports)
    .where(tenant.where(adReportImports))
    .orderBy(desc(adReportImports.created_at), desc(adReportImports.id))
    .limit(LIST_LIMIT);
}
