import { DEFAULT_TIME_ZONE } from '../../../contracts/common.js';
import { sql } from 'drizzle-orm';
import type { TEnrollmentExitReason, TSequenceStep } from '../../../contracts/email-sequences.js';
import type { Db } from '../../../platform/db/database.js';
import { rowsOf } from '../../../platform/db/rows.js';
import { Tenant } from '../../../platform/db/tenant.js';
import type { Runtime } from '../../../platform/runtime.js';
import { leads } from '../../crm/tables.js';
import { workspaces } from '../../workspaces/index.js';
import { campaignSenderJob } from '../email-sending.jobs.js';
import { emailCampaigns, emailSends, emailSuppressions } from '../email.tables.js';
import { sequenceVariantSql } from '../email-ab-variants.js';
import { leadsMatchingRules } from './lead-rules.js';
import { knownTimeZone, nextOccurrence, nextSendTime } from './send-window.js';
import { StepIndex } from './sequence-steps.js';
import { emailSequenceEnrollments, emailSequences } from './sequences.tables.js';
import type { TSequenceRow } from './sequences.service.js';

// The step worker (ARCHITECTURE.md, "Sequences"). Each active enrollment waits at a step with a due time; a worker
// claims due enrollments in batches (FOR UPDATE SKIP LOCKED, so two workers never take the same one), runs one step
// of each and writes where each goes next, the messages of email steps and their senders' jobs, all in the claim's
// transaction: a crash rolls the batch back whole, and nothing is sent twice or skipped. Email steps queue their
// message in email_sends (source `sequence`), which the campaign engine sends with its suppression, throttle,
// tracking and unsubscribe.

/** Enrollments claimed per transaction. */
export const STEP_BATCH = 500;
const MINUTE = 60_000;
const UNIT_MS = { minutes: MINUTE, hours: 60 * MINUTE, days: 24 * 60 * MINUTE } as const;

type TClaimedEnrollment = {
  id: string;
  workspace_id: string;
  sequence_id: string;
  lead_id: string;
  step_id: string | null;
  last_send_id: string | null;
  /** The time anchor waits count from (Date or ISO text, as the driver gives it), and the emails' extra merge fields. */
  anchor_at: Date | string | null;
  merge_data: Record<string, unknown> | null;
  email: string | null;
  lead_timezone: string | null;
  unsubscribed: boolean;
  suppression: string | null;
  opened: boolean;
  clicked: boolean;
};

type TSend = { emailId: string; stepId: string; address: string; leadId: string; workspaceId: string; mergeData: Record<string, unknown> | null };

/** What one claim does to one enrollment (an email step's move or completion carries its message). */
type TMove =
  | { id: string; kind: 'exit'; reason: TEnrollmentExitReason }
  | { id: string; kind: 'complete'; send?: TSend }
  /** Stays at its step until then (an email outside the send window). */
  | { id: string; kind: 'defer'; due: Date }
  | { id: string; kind: 'move'; step: string; due: Date; send?: TSend };

/**
 * Runs due steps until none is due at `now` or `budgetMs` is spent; returns how many enrollments moved. `now` is
 * the sequences' clock (tests and the test-clock endpoint move it on; production passes the real time).
 */
export async function runDueSteps(
  runtime: Runtime,
  options: { now: Date; budgetMs: number; batch?: number; /** The demo sends its messages itself, into the outbox. */ queueSenders?: boolean },
): Promise<number> {
  const until = Date.now() + options.budgetMs;
  let moved = 0;
  for (;;) {
    const count = await runBatch(runtime, options.now, options.batch ?? STEP_BATCH, options.queueSenders ?? true);
    moved += count;
    if (count === 0 || Date.now() > until) return moved;
    // Between batches the rest of the process runs (PGlite settles queries without I/O).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** One claim: up to `limit` due enrollments, one step each, in one transaction. */
async function runBatch(runtime: Runtime, now: Date, limit: number, queueSenders: boolean): Promise<number> {
  return runtime.db.transaction(async (tx) => {
    const claimed = await claimDue(tx, now, limit);
    if (claimed.length === 0) return 0;
    const sequences = await lockSequences(tx, [...new Set(claimed.map((c) => c.sequence_id))]);
    const zones = await workspaceTimeZones(tx, [...new Set(claimed.map((c) => c.workspace_id))]);
    const goals = await goalsReached(tx, claimed, sequences);
    const answers = await conditionAnswers(tx, claimed, sequences);
    const moves = claimed.map((enrollment) => {
      const sequence = sequences.get(enrollment.sequence_id);
      // Paused (or deleted) since the claim's snapshot: left as it is for when it runs again.
      if (!sequence) return null;
      return decide(enrollment, sequence, {
        now,
        workspaceZone: zones.get(enrollment.workspace_id) ?? DEFAULT_TIME_ZONE,
        goalReached: goals.has(enrollment.id),
        answer: answers.get(enrollment.id),
      });
    });
    await write(
      runtime,
      tx,
      now,
      moves.filter((m): m is TMove => m !== null),
      queueSenders,
    );
    return claimed.length;
  });
}

function claimDue(tx: Db, now: Date, limit: number): Promise<TClaimedEnrollment[]> {
  return tx
    .execute(
      sql`
      SELECT e.id, e.workspace_id, e.sequence_id, e.lead_id, e.step_id, e.last_send_id, e.anchor_at, e.merge_data,
        l.email, l.timezone AS lead_timezone, l.unsubscribed_at IS NOT NULL AS unsubscribed,
        (SELECT x.reason FROM ${emailSuppressions} x WHERE x.workspace_id = e.workspace_id AND lower(x.email) = lower(l.email) LIMIT 1) AS suppression,
        coalesce(s.opened_at IS NOT NULL, false) AS opened, coalesce(s.clicked_at IS NOT NULL, false) AS clicked
      FROM ${emailSequenceEnrollments} e
        JOIN ${leads} l ON l.workspace_id = e.workspace_id AND l.id = e.lead_id
        LEFT JOIN ${emailSends} s ON s.id = e.last_send_id
      WHERE e.state = 'active' AND e.due_at <= ${now.toISOString()}::timestamptz
        AND EXISTS (SELECT 1 FROM ${emailSequences} q WHERE q.id = e.sequence_id AND q.status = 'active')
      ORDER BY e.due_at, e.id
      LIMIT ${limit}
      FOR UPDATE OF e SKIP LOCKED`,
    )
    .then((result) => rowsOf<TClaimedEnrollment>(result));
}

/**
 * The claimed enrollments' sequences, held FOR SHARE until the batch commits: an edit (which locks its row FOR
 * UPDATE and moves the leads of removed steps) waits for the batch, or the batch for the edit, never both at once.
 */
async function lockSequences(tx: Db, ids: string[]): Promise<Map<string, TSequenceRow & { index: StepIndex }>> {
  const rows = rowsOf<TSequenceRow>(
    await tx.execute(sql`
      SELECT * FROM ${emailSequences} WHERE id IN (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) AND status = 'active' FOR SHARE`),
  );
  return new Map(rows.map((r) => [r.id, { ...r, index: new StepIndex(r.steps) }]));
}

async function workspaceTimeZones(tx: Db, ids: string[]): Promise<Map<string, string>> {
  const rows = rowsOf<{ id: string; timezone: string }>(
    await tx.execute(
      sql`SELECT id, timezone FROM ${workspaces} WHERE id IN (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    ),
  );
  return new Map(rows.map((r) => [r.id, r.timezone]));
}

/** The enrollments whose lead matches its sequence's goal now (one query per sequence with a goal). */
async function goalsReached(tx: Db, claimed: TClaimedEnrollment[], sequences: Map<string, TSequenceRow>): Promise<Set<string>> {
  const reached = new Set<string>();
  for (const sequence of sequences.values()) {
    if (!sequence.goal_rules) continue;
    const enrollments = claimed.filter((c) => c.sequence_id === sequence.id);
    const matching = await leadsMatchingRules(
      new Tenant(tx, sequence.workspace_id),
      sequence.goal_rules,
      enrollments.map((e) => e.lead_id),
    );
    for (const e of enrollments) if (matching.has(e.lead_id)) reached.add(e.id);
  }
  return reached;
}

/** Yes or no for each enrollment at a condition step (segment conditions: one query per step). */
async function conditionAnswers(
  tx: Db,
  claimed: TClaimedEnrollment[],
  sequences: Map<string, TSequenceRow & { index: StepIndex }>,
): Promise<Map<string, boolean>> {
  const answers = new Map<string, boolean>();
  const bySegmentStep = new Map<string, { tenant: Tenant; step: Extract<TSequenceStep, { type: 'condition' }>; enrollments: TClaimedEnrollment[] }>();
  for (const enrollment of claimed) {
    const step = sequences.get(enrollment.sequence_id)?.index.get(enrollment.step_id);
    if (step?.type !== 'condition') continue;
    if (step.condition.kind === 'opened_previous') answers.set(enrollment.id, enrollment.opened);
    else if (step.condition.kind === 'clicked_previous') answers.set(enrollment.id, enrollment.clicked);
    else {
      const key = `${enrollment.sequence_id}:${step.id}`;
      const group = bySegmentStep.get(key) ?? { tenant: new Tenant(tx, enrollment.workspace_id), step, enrollments: [] };
      group.enrollments.push(enrollment);
      bySegmentStep.set(key, group);
    }
  }
  for (const { tenant, step, enrollments } of bySegmentStep.values()) {
    if (step.condition.kind !== 'segment') continue;
    const matching = await leadsMatchingRules(
      tenant,
      step.condition.rules,
      enrollments.map((e) => e.lead_id),
    );
    for (const e of enrollments) answers.set(e.id, matching.has(e.lead_id));
  }
  return answers;
}

type TDecideContext = { now: Date; workspaceZone: string; goalReached: boolean; answer: boolean | undefined };

/** One step of one enrollment (pure: no database, the batch queries gave it all it needs). */
export function decide(enrollment: TClaimedEnrollment, sequence: TSequenceRow & { index: StepIndex }, ctx: TDecideContext): TMove {
  const { id } = enrollment;
  const exit = exitReason(enrollment, ctx.goalReached);
  if (exit) return { id, kind: 'exit', reason: exit };
  const step = sequence.index.get(enrollment.step_id);
  if (!step) return { id, kind: 'complete' };
  const leadZone = knownTimeZone(enrollment.lead_timezone, ctx.workspaceZone);
  const anchor = enrollment.anchor_at === null ? null : new Date(enrollment.anchor_at);
  const arrive = (next: string | null): Extract<TMove, { kind: 'move' | 'complete' }> => {
    const target = arrival(sequence.index, next, ctx.now, leadZone, anchor);
    if (!target) return { id, kind: 'complete' };
    return { id, kind: 'move', step: target.step.id, due: target.due };
  };
  switch (step.type) {
    case 'email': {
      const zone = sequence.send_window?.timezone === 'lead' ? leadZone : ctx.workspaceZone;
      const at = nextSendTime(ctx.now, sequence.send_window, zone);
      if (at.getTime() > ctx.now.getTime()) return { id, kind: 'defer', due: at };
      const address = (enrollment.email ?? '').trim().toLowerCase();
      if (!address) return { id, kind: 'exit', reason: 'no_email' };
      const send = {
        emailId: step.email_id,
        stepId: step.id,
        address,
        leadId: enrollment.lead_id,
        workspaceId: enrollment.workspace_id,
        mergeData: enrollment.merge_data,
      };
      return { ...arrive(sequence.index.after(step.id)), send };
    }
    case 'wait':
    case 'wait_until':
    case 'wait_anchor':
      // Due: the wait is over.
      return arrive(sequence.index.after(step.id));
    case 'condition':
      return arrive(sequence.index.after(step.id, ctx.answer ? 'yes' : 'no'));
  }
}

/** Why the lead leaves before this step: unsubscribed, suppressed (bounce, complaint), or the goal reached. */
function exitReason(enrollment: TClaimedEnrollment, goalReached: boolean): TEnrollmentExitReason | null {
  if (goalReached) return 'goal';
  if (enrollment.unsubscribed) return 'unsubscribed';
  if (enrollment.suppression === 'complaint') return 'complained';
  if (enrollment.suppression === 'hard_bounce' || enrollment.suppression === 'soft_bounces') return 'bounced';
  if (enrollment.suppression) return 'suppressed';
  return null;
}

/**
 * When a lead arriving at `step` at `now` runs it: after a wait, at a "wait until" time, at the anchor's offset (no
 * anchor: at once), else at once.
 */
export function arrivalDue(step: TSequenceStep, now: Date, leadZone: string, anchor: Date | null = null): Date {
  if (step.type === 'wait') return new Date(now.getTime() + step.amount * UNIT_MS[step.unit]);
  if (step.type === 'wait_until') return nextOccurrence(now, step.weekday, step.time, leadZone);
  if (step.type === 'wait_anchor' && anchor) return new Date(anchor.getTime() + step.offset_minutes * MINUTE);
  return now;
}

/**
 * The step a lead arriving at `id` at `now` waits at, and when it runs (null: the end). An anchor wait whose time has
 * passed is skipped with the steps after it up to the next anchor wait (ARCHITECTURE.md, "Webinars"): someone who
 * registers 30 minutes before a session gets the "starting now" email only, not the day-before one at once.
 */
export function arrival(index: StepIndex, id: string | null, now: Date, leadZone: string, anchor: Date | null): { step: TSequenceStep; due: Date } | null {
  let step = index.get(id);
  while (step && step.type === 'wait_anchor' && anchor && arrivalDue(step, now, leadZone, anchor).getTime() < now.getTime()) {
    let next = index.get(index.after(step.id));
    while (next && next.type !== 'wait_anchor') next = index.get(index.after(next.id));
    step = next;
  }
  return step ? { step, due: arrivalDue(step, now, leadZone, anchor) } : null;
}

/** The batch's messages, moves and senders' jobs, in the claim's transaction. */
async function write(runtime: Runtime, tx: Db, now: Date, moves: TMove[], queueSenders: boolean): Promise<void> {
  if (moves.length === 0) return;
  const sends = moves.flatMap((m) => ('send' in m && m.send ? [{ enrollment: m.id, ...m.send }] : []));
  const sendIds = new Map<string, string>();
  if (sends.length > 0) {
    const inserted = rowsOf<{ id: string; dedupe_key: string }>(
      await tx.execute(sql`
        INSERT INTO ${emailSends} (workspace_id, campaign_id, lead_id, email, source, dedupe_key, variant, merge_data)
        SELECT v.workspace_id, v.email_id, v.lead_id, v.address, 'sequence', v.dedupe_key, ${sequenceVariantSql(sql`v.lead_id`)}, v.merge_data
        FROM (VALUES ${sql.join(
          sends.map(
            (s) =>
              sql`(${s.workspaceId}::uuid, ${s.emailId}::uuid, ${s.leadId}::uuid, ${s.address}::text, ${dedupeKey(s.enrollment, s.stepId)}::text, ${s.mergeData === null ? null : JSON.stringify(s.mergeData)}::jsonb)`,
          ),
          sql`, `,
        )}) AS v(workspace_id, email_id, lead_id, address, dedupe_key, merge_data)
        -- The email row: its A/B test gives each message its variant.
        JOIN ${emailCampaigns} c ON c.id = v.email_id
        ON CONFLICT (workspace_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO UPDATE SET updated_at = ${emailSends.updated_at}
        RETURNING id, dedupe_key`),
    );
    for (const row of inserted) sendIds.set(row.dedupe_key, row.id);
  }
  const values = moves.map((m) => {
    const state = m.kind === 'exit' ? 'exited' : m.kind === 'complete' ? 'completed' : 'active';
    const step = m.kind === 'move' ? m.step : null;
    const due = m.kind === 'move' || m.kind === 'defer' ? m.due : null;
    const send = 'send' in m && m.send ? (sendIds.get(dedupeKey(m.id, m.send.stepId)) ?? null) : null;
    const reason = m.kind === 'exit' ? m.reason : null;
    return sql`(${m.id}::uuid, ${m.kind}, ${state}, ${reason}::text, ${step}::text, ${due?.toISOString() ?? null}::timestamptz, ${send}::uuid)`;
  });
  await tx.execute(sql`
    UPDATE ${emailSequenceEnrollments} e SET
      state = v.state,
      exit_reason = v.reason,
      step_id = CASE WHEN v.kind = 'defer' THEN e.step_id ELSE v.step END,
      due_at = CASE WHEN v.state = 'active' THEN v.due ELSE NULL END,
      last_send_id = coalesce(v.send, e.last_send_id),
      ended_at = CASE WHEN v.state = 'active' THEN NULL ELSE ${now.toISOString()}::timestamptz END,
      updated_at = now()
    FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, kind, state, reason, step, due, send)
    WHERE e.id = v.id`);
  // Each email's sender, in the same transaction: a committed message always has its job.
  if (!queueSenders) return;
  for (const emailId of new Set(sends.map((s) => s.emailId))) {
    await runtime.queue.send(campaignSenderJob, { campaign_id: emailId, slot: 0 }, { singletonKey: `${emailId}:0`, db: tx });
  }
}

/** One message per enrollment and step: a batch retried after a crash finds it already queued. */
function dedupeKey(enrollmentId: string, stepId: string): string {
  return `sequence:${enrollmentId}:${stepId}`;
}
