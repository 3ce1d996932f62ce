import { sql } from 'drizzle-orm';
import { PAGE_AB_MIN_VISITORS, PAGE_AB_WIN_PROBABILITY, PAGE_VARIANT_KEYS, type TPageAbTest } from '../../../contracts/funnels.js';
import type { Db } from '../../../platform/db/database.js';
import { rowsOf } from '../../../platform/db/rows.js';
import { analyzeExperiment } from '../../experiments/index.js';
import { funnelEvents } from '../funnels.tables.js';
import type { funnelPageAbTests, funnelPageVariants } from './page-ab.tables.js';

// A page test's numbers and the experiments module's verdict (the email A/B tests' rule: 95 % to beat the control,
// at least 100 per variant, a sample ratio mismatch blocks any automatic decision). Trials are a variant's unique
// visitors since the test's start, successes those of them who opted in or followed a next-step link on it.

export type TAbTestRow = typeof funnelPageAbTests.$inferSelect;
export type TVariantRow = typeof funnelPageVariants.$inferSelect;
type TCounts = { variant_id: string; visitors: number; conversions: number };

/** Visitors and converted visitors per variant, from the test's events (its variants' ids, from started_at to ended_at). */
async function variantCounts(db: Pick<Db, 'execute'>, workspaceId: string, test: TAbTestRow, variants: TVariantRow[]): Promise<Map<string, TCounts>> {
  if (!test.started_at || variants.length === 0) return new Map();
  const ids = JSON.stringify(variants.map((v) => v.id));
  const until = test.ended_at ? sql`AND occurred_at <= ${test.ended_at.toISOString()}::timestamptz` : sql``;
  const rows = rowsOf<TCounts>(
    await db.execute(sql`
      WITH events AS (
        SELECT variant_id, visitor_id, kind FROM ${funnelEvents}
        WHERE variant_id IN (SELECT value::uuid FROM jsonb_array_elements_text(${ids}::jsonb))
          AND workspace_id = ${workspaceId}::uuid AND occurred_at >= ${test.started_at.toISOString()}::timestamptz ${until}
      ),
      viewers AS (SELECT DISTINCT variant_id, visitor_id FROM events WHERE kind = 'view'),
      converted AS (SELECT DISTINCT variant_id, visitor_id FROM events WHERE kind IN ('optin', 'click', 'purchase'))
      SELECT v.variant_id, count(*)::int AS visitors, count(c.visitor_id)::int AS conversions
      FROM viewers v LEFT JOIN converted c ON c.variant_id = v.variant_id AND c.visitor_id = v.visitor_id
      GROUP BY v.variant_id`),
  );
  return new Map(rows.map((r) => [r.variant_id, r]));
}

/** The results part of a test (null before its first start). Variants in order: the control (A) first. */
export async function abTestResults(db: Pick<Db, 'execute'>, workspaceId: string, test: TAbTestRow, variants: TVariantRow[]): Promise<TPageAbTest['results']> {
  if (!test.started_at || variants.length < 2) return null;
  const counts = await variantCounts(db, workspaceId, test, variants);
  const control = variants[0]!;
  const result = analyzeExperiment(
    variants.map((v) => ({ key: v.id, weight: v.weight, trials: counts.get(v.id)?.visitors ?? 0, successes: counts.get(v.id)?.conversions ?? 0 })),
    { control: control.id, threshold: PAGE_AB_WIN_PROBABILITY, minTrials: PAGE_AB_MIN_VISITORS },
  );
  const keyOf = (id: string) => PAGE_VARIANT_KEYS[variants.findIndex((v) => v.id === id)]!;
  const d = result.decision;
  const decided = d.kind === 'winner' ? d.key : d.keep;
  return {
    variants: result.variants.map((r, i) => ({
      id: r.key,
      key: PAGE_VARIANT_KEYS[i]!,
      name: variants[i]!.name,
      weight: variants[i]!.weight,
      is_control: i === 0,
      visitors: r.trials,
      conversions: r.successes,
      rate: r.rate,
      interval: r.interval,
      probability_to_beat_control: r.probability_to_beat_control,
    })),
    sample_ratio: result.sample_ratio,
    decision: {
      kind: d.kind,
      variant_id: decided,
      key: keyOf(decided),
      reason: d.kind === 'winner' ? null : d.reason,
      probability: d.kind === 'winner' ? d.probability : null,
    },
  };
}
