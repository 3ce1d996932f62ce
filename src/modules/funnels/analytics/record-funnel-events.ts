import { sql } from 'drizzle-orm';
import { v7 as timeOrderedUuid } from 'uuid';
import type { Db } from '../../../platform/db/database.js';
import { rowsOf } from '../../../platform/db/rows.js';
import { funnelEvents, funnelFirsts, funnelPages, funnels, type TFunnelEventKind } from '../funnels.tables.js';

// Writes visitors' events and moves the counters they change, in one transaction: a counter moves only for a first
// time (funnel_firsts), so funnel and page totals count people and always agree with the events.

export type TFunnelEvent = {
  workspaceId: string;
  funnelId: string;
  pageId: string;
  variantId?: string | null;
  kind: TFunnelEventKind;
  visitorId: string;
  leadId?: string | null;
  utmSource?: string | null;
  utmMedium?: string | null;
  utmCampaign?: string | null;
  referrerHost?: string | null;
  occurredAt: Date;
};

type TFirst = { scope: string; kind: 'page_view' | 'page_conversion' | 'funnel_visitor' | 'funnel_lead'; subject: string; workspaceId: string };

/** The first times an event may be (a view: of the page and of the funnel; an opt-in: a page conversion and a funnel lead). */
function firstsOf(event: TFunnelEvent): TFirst[] {
  const base = { workspaceId: event.workspaceId };
  switch (event.kind) {
    case 'view':
      return [
        { ...base, scope: event.pageId, kind: 'page_view', subject: event.visitorId },
        { ...base, scope: event.funnelId, kind: 'funnel_visitor', subject: event.visitorId },
      ];
    case 'optin':
      return [
        { ...base, scope: event.pageId, kind: 'page_conversion', subject: event.visitorId },
        ...(event.leadId ? [{ ...base, scope: event.funnelId, kind: 'funnel_lead' as const, subject: event.leadId }] : []),
      ];
    case 'click':
    case 'purchase':
      return [{ ...base, scope: event.pageId, kind: 'page_conversion', subject: event.visitorId }];
  }
}

/**
 * First times already written, remembered by this process (bounded): a visitor's second view of a page needs no
 * funnel_firsts write at all. Only a hint: a key it forgot or never saw is checked by the database (ON CONFLICT).
 * Remembered once the insert ran; should its transaction roll back, the counter of that first time is simply not
 * moved by a later event of the same person on the same day.
 */
const knownFirsts = new Set<string>();
const MAX_KNOWN_FIRSTS = 200_000;

function remember(keys: Iterable<string>): void {
  for (const key of keys) {
    if (knownFirsts.size >= MAX_KNOWN_FIRSTS) knownFirsts.clear();
    knownFirsts.add(key);
  }
}

/** Writes the events (any workspaces) and moves the counters. `db` may be a transaction (an opt-in's, with its lead). */
export async function recordFunnelEvents(db: Db, events: TFunnelEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.transaction(async (tx) => {
    // One statement and one parameter whatever the batch size: the batch as a JSON array of records.
    // The ids are made here (UUIDv7, the same time order as the column's default): the database's uuid_v7() is SQL
    // and was a third of a row's cost on PGlite (bench:public).
    const rows = events.map((e) => ({
      id: timeOrderedUuid(),
      workspace_id: e.workspaceId,
      funnel_id: e.funnelId,
      page_id: e.pageId,
      variant_id: e.variantId ?? null,
      kind: e.kind,
      visitor_id: e.visitorId,
      lead_id: e.leadId ?? null,
      utm_source: e.utmSource ?? null,
      utm_medium: e.utmMedium ?? null,
      utm_campaign: e.utmCampaign ?? null,
      referrer_host: e.referrerHost ?? null,
      occurred_at: e.occurredAt.toISOString(),
    }));
    await tx.execute(sql`
      INSERT INTO ${funnelEvents} (id, workspace_id, funnel_id, page_id, variant_id, kind, visitor_id, lead_id, utm_source, utm_medium, utm_campaign, referrer_host, occurred_at)
      SELECT r.id, r.workspace_id, r.funnel_id, (SELECT p.id FROM ${funnelPages} p WHERE p.id = r.page_id), r.variant_id, r.kind, r.visitor_id, r.lead_id,
        r.utm_source, r.utm_medium, r.utm_campaign, r.referrer_host, r.occurred_at
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(id uuid, workspace_id uuid, funnel_id uuid, page_id uuid, variant_id uuid,
        kind text, visitor_id text, lead_id uuid, utm_source text, utm_medium text, utm_campaign text, referrer_host text, occurred_at timestamptz)
      -- A funnel deleted since the view (its events went with it): its events are dropped, never the whole batch.
      WHERE EXISTS (SELECT 1 FROM ${funnels} f WHERE f.id = r.funnel_id)`);
    const unique = new Map<string, TFirst>();
    for (const first of events.flatMap(firstsOf)) {
      const key = `${first.scope}|${first.kind}|${first.subject}`;
      if (!knownFirsts.has(key)) unique.set(key, first);
    }
    if (unique.size === 0) return;
    const firsts = [...unique.values()];
    const inserted = rowsOf<{ scope_id: string; kind: TFirst['kind'] }>(
      await tx.execute(sql`
        INSERT INTO ${funnelFirsts} (scope_id, kind, subject, workspace_id)
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(firsts.map((f) => ({ scope_id: f.scope, kind: f.kind, subject: f.subject, workspace_id: f.workspaceId })))}::jsonb)
          AS r(scope_id uuid, kind text, subject text, workspace_id uuid)
        ON CONFLICT DO NOTHING RETURNING scope_id, kind`),
    );
    remember(unique.keys());
    const counts = new Map<string, number>();
    for (const row of inserted) counts.set(`${row.kind}|${row.scope_id}`, (counts.get(`${row.kind}|${row.scope_id}`) ?? 0) + 1);
    // Counters in a fixed order (pages, then funnels, each by id): two flushes never wait on each other in a cycle.
    for (const [key, n] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
      const [kind, scope] = key.split('|') as [TFirst['kind'], string];
      if (kind === 'page_view') await tx.execute(sql`UPDATE ${funnelPages} SET visitors = visitors + ${n}::int WHERE id = ${scope}::uuid`);
      if (kind === 'page_conversion') await tx.execute(sql`UPDATE ${funnelPages} SET conversions = conversions + ${n}::int WHERE id = ${scope}::uuid`);
      if (kind === 'funnel_visitor') await tx.execute(sql`UPDATE ${funnels} SET total_visitors = total_visitors + ${n}::int WHERE id = ${scope}::uuid`);
      if (kind === 'funnel_lead') await tx.execute(sql`UPDATE ${funnels} SET total_leads = total_leads + ${n}::int WHERE id = ${scope}::uuid`);
    }
  });
}
