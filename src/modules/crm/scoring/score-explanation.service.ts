import { desc, eq } from 'drizzle-orm';
import type { TScoreBreakdownEntry, TScoreExplanation } from '../../../contracts/crm-scoring.js';
import { iso } from '../../../contracts/common.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { leads } from '../leads/leads.tables.js';
import { computeLeadScores, loadScoringSetup } from './lead-scoring.service.js';
import { round2 } from './score-calculation.js';
import { leadScoreHistory } from './scoring.tables.js';

/** Scored events listed one by one; older ones are summed in `other_events`. */
const LISTED_EVENTS = 100;
const HISTORY_LENGTH = 20;

/**
 * Why a lead has its score: each fit rule it matches, each scored event with its value now
 * (decayed), and the recent changes of the stored score. Computed at `now` (injectable for tests).
 */
export async function explainScore(tenant: Tenant, leadId: string, now = new Date()): Promise<TScoreExplanation> {
  const lead = await tenant.get(leads, leadId, 'Lead');
  const setup = await loadScoringSetup(tenant);
  const result = (await computeLeadScores(tenant, setup, [leadId], now)).get(leadId)!;
  const fitItems = result.items.filter((item) => item.kind === 'fit');
  const eventItems = result.items.filter((item) => item.kind === 'event');
  const others = eventItems.slice(LISTED_EVENTS);
  const history = await tenant.db
    .select()
    .from(leadScoreHistory)
    .where(tenant.where(leadScoreHistory, eq(leadScoreHistory.lead_id, leadId)))
    .orderBy(desc(leadScoreHistory.created_at), desc(leadScoreHistory.id))
    .limit(HISTORY_LENGTH);
  return {
    lead_id: lead.id,
    score: lead.score,
    computed_score: result.score,
    fit_points: round2(result.fit),
    engagement_points: round2(result.engagement),
    half_life_days: setup.halfLifeDays,
    computed_at: now.toISOString(),
    items: [...fitItems, ...eventItems.slice(0, LISTED_EVENTS)].map((item) => ({ ...item, value: round2(item.value) })),
    other_events: { count: others.length, value: round2(others.reduce((sum, item) => sum + item.value, 0)) },
    history: history.map((row) => ({
      id: row.id,
      score: row.score,
      previous_score: row.previous_score,
      cause: row.cause,
      breakdown: row.breakdown as TScoreBreakdownEntry[],
      created_at: iso(row.created_at),
    })),
  };
}
