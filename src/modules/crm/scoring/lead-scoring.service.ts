import { asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { SCORE_CHANGED_EVENT } from '../../../contracts/crm-scoring.js';
import type { TRuleCondition } from '../../../contracts/crm-segments.js';
import type { Db } from '../../../platform/db/database.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { readCrmSettings } from '../settings/crm-settings.service.js';
import { leadEvents, leads } from '../leads/leads.tables.js';
import { recordLeadEventRows } from '../leads/lead-event-log.js';
import { breakdownOf, computeScore, type TEventRule, type TFitRule, type TScoreResult, type TScoredEvent } from './score-calculation.js';
import { leadScoreHistory, scoringRules } from './scoring.tables.js';
import { compileLeadRules } from '../../segments/index.js';
import { rowsOf } from '../../../platform/db/rows.js';

// Keeps leads.score current. Fit rules are compiled to SQL by the segment compiler (so a fit rule
// and a segment with the same condition select the same leads); events are scored in
// score-calculation.ts. Each change is written to lead_score_history and as a score_changed event.

/** Leads rescored per transaction by a workspace recalculation. */
const BATCH_SIZE = 500;

type TCompiledFitRule = TFitRule & { sql: SQL };

/** A workspace's active rules, ready to score leads: fit conditions compiled, half-life read. */
export type TScoringSetup = { halfLifeDays: number; eventRules: TEventRule[]; fitRules: TCompiledFitRule[] };

/** Options of a rescore: what caused it (kept in the history) and the time decay is measured at. */
export type TRescoreOptions = { cause: string; now?: Date };

/**
 * The fit condition as SQL over `leads`: the same compiler as segments, on a one-rule group.
 * A bad condition is a 400 whose paths name the condition itself (`body.condition.value`).
 */
export async function compileFitCondition(tenant: Tenant, condition: TRuleCondition, path = 'body.condition'): Promise<SQL> {
  const groupPath = `${path}.group`;
  try {
    return await compileLeadRules(tenant, { op: 'and', rules: [condition] }, groupPath);
  } catch (error) {
    if (!(error instanceof AppError) || !error.errors) throw error;
    const errors = error.errors.map((e) => ({ ...e, path: e.path.replace(`${groupPath}.rules.0`, path) }));
    throw new AppError(error.code, `Invalid condition: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, { errors });
  }
}

/** Loads the workspace's active rules and half-life; a fit rule that no longer compiles scores nothing. */
export async function loadScoringSetup(tenant: Tenant): Promise<TScoringSetup> {
  const rules = await tenant.db
    .select()
    .from(scoringRules)
    .where(tenant.where(scoringRules, eq(scoringRules.active, true)))
    .orderBy(asc(scoringRules.created_at), asc(scoringRules.id));
  const { score_half_life_days: halfLifeDays } = await readCrmSettings(tenant);
  const eventRules: TEventRule[] = [];
  const fitRules: TCompiledFitRule[] = [];
  for (const rule of rules) {
    if (rule.kind === 'event' && rule.event_type) {
      eventRules.push({ id: rule.id, name: rule.name, points: rule.points, event_type: rule.event_type, event_data: rule.condition?.data ?? null });
    } else if (rule.kind === 'fit' && rule.condition) {
      try {
        fitRules.push({ id: rule.id, name: rule.name, points: rule.points, condition: rule.condition, sql: await compileFitCondition(tenant, rule.condition) });
      } catch (error) {
        // E.g. the custom field it tested was deleted: the rule matches no one until it is fixed.
        if (!(error instanceof AppError)) throw error;
      }
    }
  }
  return { halfLifeDays, eventRules, fitRules };
}

/** Recomputes one lead's score now (inside the caller's transaction when given one); returns it. */
export async function rescoreLead(tenant: Tenant, leadId: string, options: TRescoreOptions): Promise<TScoreResult | null> {
  const setup = await loadScoringSetup(tenant);
  const { results } = await rescoreBatch(tenant, setup, { leadId }, options);
  return results.get(leadId) ?? null;
}

/**
 * Recomputes every lead of the workspace in batches of 500, one transaction each, so the API is
 * never held up for long. Returns how many scores changed.
 */
export async function rescoreWorkspace(tenant: Tenant, options: TRescoreOptions): Promise<{ leads: number; changed: number }> {
  const setup = await loadScoringSetup(tenant);
  let afterId: string | undefined;
  let total = 0;
  let changed = 0;
  for (;;) {
    const batch = await rescoreBatch(tenant, setup, { afterId }, options);
    total += batch.results.size;
    changed += batch.changed;
    if (!batch.lastId || batch.results.size < BATCH_SIZE) return { leads: total, changed };
    afterId = batch.lastId;
  }
}

/** The scores of the given leads computed now, without writing anything (for explanations). */
export async function computeLeadScores(tenant: Tenant, setup: TScoringSetup, leadIds: string[], now: Date): Promise<Map<string, TScoreResult>> {
  const rows = await selectFitMatches(tenant, setup, inArray(leads.id, leadIds), leadIds.length, false);
  return scoreRows(tenant, setup, rows, now);
}

type TBatchScope = { leadId?: string; afterId?: string };

async function rescoreBatch(tenant: Tenant, setup: TScoringSetup, scope: TBatchScope, options: TRescoreOptions) {
  const now = options.now ?? new Date();
  const run = async (tx: Db) => {
    const scoped = new Tenant(tx, tenant.workspaceId);
    const where = scope.leadId ? eq(leads.id, scope.leadId) : scope.afterId ? gt(leads.id, scope.afterId) : undefined;
    // Locked until commit, so a concurrent rescore of the same lead waits and then sees this one's result.
    const rows = await selectFitMatches(scoped, setup, where, scope.leadId ? 1 : BATCH_SIZE, true);
    const results = await scoreRows(scoped, setup, rows, now);
    const changes = rows.map((row) => ({ id: row.id, from: row.score, result: results.get(row.id)! })).filter((change) => change.result.score !== change.from);
    await writeChanges(scoped, changes, options.cause, now);
    return { results, changed: changes.length, lastId: rows.at(-1)?.id };
  };
  return tenant.db.transaction(run);
}

type TFitRow = { id: string; score: number; matched: boolean[] };

async function selectFitMatches(tenant: Tenant, setup: TScoringSetup, where: SQL | undefined, limit: number, lock: boolean): Promise<TFitRow[]> {
  const matches = setup.fitRules.map((rule, i) => sql`coalesce((${rule.sql}), false) AS ${sql.raw(`f${i}`)}`);
  const columns = matches.length > 0 ? sql`, ${sql.join(matches, sql`, `)}` : sql``;
  const query = sql`SELECT ${leads.id} AS id, ${leads.score} AS score${columns} FROM ${leads}
    WHERE ${tenant.where(leads, where)} ORDER BY ${leads.id} LIMIT ${limit}${lock ? sql` FOR UPDATE` : sql``}`;
  const rows = rowsOf(await tenant.db.execute(query));
  return rows.map((row) => ({ id: String(row.id), score: Number(row.score), matched: setup.fitRules.map((_, i) => row[`f${i}`] === true) }));
}

async function scoreRows(tenant: Tenant, setup: TScoringSetup, rows: TFitRow[], now: Date): Promise<Map<string, TScoreResult>> {
  const eventsByLead = await loadScoredEvents(
    tenant,
    setup,
    rows.map((row) => row.id),
  );
  const results = new Map<string, TScoreResult>();
  for (const row of rows) {
    results.set(
      row.id,
      computeScore({
        matchedFitRules: setup.fitRules.filter((_, i) => row.matched[i]),
        eventRules: setup.eventRules,
        events: eventsByLead.get(row.id) ?? [],
        halfLifeDays: setup.halfLifeDays,
        now,
      }),
    );
  }
  return results;
}

async function loadScoredEvents(tenant: Tenant, setup: TScoringSetup, leadIds: string[]): Promise<Map<string, TScoredEvent[]>> {
  const types = [...new Set(setup.eventRules.map((rule) => rule.event_type))];
  const byLead = new Map<string, TScoredEvent[]>();
  if (types.length === 0 || leadIds.length === 0) return byLead;
  const rows = await tenant.db
    .select({ id: leadEvents.id, lead_id: leadEvents.lead_id, event_type: leadEvents.event_type, data: leadEvents.data, occurred_at: leadEvents.occurred_at })
    .from(leadEvents)
    .where(tenant.where(leadEvents, inArray(leadEvents.lead_id, leadIds), inArray(leadEvents.event_type, types)));
  for (const row of rows) byLead.set(row.lead_id, [...(byLead.get(row.lead_id) ?? []), row]);
  return byLead;
}

type TChange = { id: string; from: number; result: TScoreResult };

async function writeChanges(tenant: Tenant, changes: TChange[], cause: string, now: Date): Promise<void> {
  if (changes.length === 0) return;
  const values = sql.join(
    changes.map((c) => sql`(${c.id}::uuid, ${c.result.score}::int)`),
    sql`, `,
  );
  // Not a user edit: updated_at stays as it was.
  await tenant.db.execute(sql`UPDATE ${leads} SET score = v.score FROM (VALUES ${values}) AS v(id, score)
    WHERE ${leads.id} = v.id AND ${leads.workspace_id} = ${tenant.workspaceId}`);
  await tenant.db.insert(leadScoreHistory).values(
    changes.map((c) => ({
      workspace_id: tenant.workspaceId,
      lead_id: c.id,
      score: c.result.score,
      previous_score: c.from,
      cause,
      breakdown: breakdownOf(c.result.items),
      created_at: now,
      updated_at: now,
    })),
  );
  // Not through recordLeadEvent: a score change must not trigger a rescore (automations still see it).
  await recordLeadEventRows(
    tenant.db,
    changes.map((c) => ({
      workspace_id: tenant.workspaceId,
      lead_id: c.id,
      event_type: SCORE_CHANGED_EVENT,
      data: { from: c.from, to: c.result.score, cause },
      occurred_at: now,
    })),
  );
}
