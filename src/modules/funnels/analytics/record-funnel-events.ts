import { sql } from 'drizzle-orm';
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
      return [{ ...base, scope: event.pageId, kind: 'page_conversion', subject: event.visitorId }];
    case 'purchase':
      return [];
  }
}

/** Writes the events (any workspaces) and moves the counters. `db` may be a transaction (an opt-in's, with its lead). */
export async function recordFunnelEvents(db: Db, events: TFunnelEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.insert(funnelEvents).values(
      events.map((e) => ({
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
        occurred_at: e.occurredAt,
      })),
    );
    const unique = new Map<string, TFirst>();
    for (const first of events.flatMap(firstsOf)) unique.set(`${first.scope}|${first.kind}|${first.subject}`, first);
    if (unique.size === 0) return;
    const values = [...unique.values()].map((f) => sql`(${f.scope}::uuid, ${f.kind}, ${f.subject}, ${f.workspaceId}::uuid)`);
    const inserted = rowsOf<{ scope_id: string; kind: TFirst['kind'] }>(
      await tx.execute(sql`
        INSERT INTO ${funnelFirsts} (scope_id, kind, subject, workspace_id) VALUES ${sql.join(values, sql`, `)}
        ON CONFLICT DO NOTHING RETURNING scope_id, kind`),
    );
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
