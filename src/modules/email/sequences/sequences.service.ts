import { desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { flattenSteps, type TSequenceCreateBody, type TSequenceListQuery, type TSequenceUpdateBody } from '../../../contracts/email-sequences.js';
import type { TAuth } from '../../../platform/auth/access.js';
import { decodeKeysetCursor, encodeKeysetCursor, olderThan } from '../../../platform/db/keyset-cursor.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError, type TFieldError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { compileLeadRules, getSegment } from '../../segments/index.js';
import type { TEmailCampaignRow } from '../email-campaigns.service.js';
import { assertSendable } from '../email-send.service.js';
import { emailCampaigns } from '../email.tables.js';
import { emailIdsOf, relocationsOf } from './sequence-steps.js';
import { emailSequenceEnrollments, emailSequences } from './sequences.tables.js';

// A sequence's life: written as a draft, activated (checked like a send), paused and resumed; edited at any time,
// a live edit moving the leads of removed steps on (sequence-steps.ts, relocationsOf).

export type TSequenceRow = typeof emailSequences.$inferSelect;

export async function createSequence(tenant: Tenant, actor: TAuth, body: TSequenceCreateBody): Promise<TSequenceRow> {
  await checkSequence(tenant, null, body);
  return tenant.insert(emailSequences, { ...body, status: 'draft', created_by: actor.user_id });
}

export function getSequence(tenant: Tenant, id: string): Promise<TSequenceRow> {
  return tenant.get(emailSequences, id, 'Sequence');
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listSequences(tenant: Tenant, query: TSequenceListQuery) {
  const after = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
  const conditions: (SQL | undefined)[] = [
    query.status ? eq(emailSequences.status, query.status) : undefined,
    after ? olderThan(emailSequences.created_at, emailSequences.id, after) : undefined,
  ];
  const rows = await tenant.db
    .select()
    .from(emailSequences)
    .where(tenant.where(emailSequences, ...conditions))
    .orderBy(desc(emailSequences.created_at), desc(emailSequences.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > query.limit && last ? encodeKeysetCursor(last.created_at, last.id) : null };
}

/**
 * Changes a sequence. New steps take effect for every enrolled lead at its next step; a lead at a removed step moves
 * on in the same transaction, the sequence row locked so the step worker (which holds it FOR SHARE while it moves
 * leads) never moves one with the old tree after this commit.
 */
export async function updateSequence(tenant: Tenant, id: string, body: TSequenceUpdateBody): Promise<TSequenceRow> {
  return tenant.db.transaction(async (tx) => {
    const scoped = new Tenant(tx, tenant.workspaceId);
    const [current] = await tx
      .select()
      .from(emailSequences)
      .where(scoped.where(emailSequences, eq(emailSequences.id, id)))
      .for('update');
    if (!current) throw new AppError('not_found', 'Sequence not found');
    await checkSequence(scoped, current, body);
    const row = await scoped.update(emailSequences, id, body, 'Sequence');
    if (body.steps) await relocate(scoped, id, relocationsOf(current.steps, body.steps));
    return row;
  });
}

/** Moves the active enrollments of removed steps (null: to the end, where the next claim completes them). */
async function relocate(tenant: Tenant, sequenceId: string, moves: Map<string, string | null>): Promise<void> {
  if (moves.size === 0) return;
  const cases = [...moves].map(([from, to]) => sql`WHEN ${from}::text THEN ${to}::text`);
  await tenant.db.execute(sql`
    UPDATE ${emailSequenceEnrollments} SET step_id = CASE step_id ${sql.join(cases, sql` `)} END, due_at = now(), updated_at = now()
    WHERE workspace_id = ${tenant.workspaceId}::uuid AND sequence_id = ${sequenceId}::uuid AND state = 'active'
      AND step_id IN (${sql.join(
        [...moves.keys()].map((k) => sql`${k}::text`),
        sql`, `,
      )})`);
}

/** Deletes a sequence that does not run (its emails and enrollments go with it). */
export async function deleteSequence(tenant: Tenant, id: string): Promise<void> {
  const current = await getSequence(tenant, id);
  if (current.status === 'active') throw new AppError('conflict', 'Pause this sequence before deleting it', { reason: 'sequence_active' });
  await tenant.delete(emailSequences, id, 'Sequence');
}

/** A new email of the sequence: a draft in the campaign editor, sent only by the steps that name it. */
export async function createSequenceEmail(tenant: Tenant, actor: TAuth, sequenceId: string, name?: string): Promise<TEmailCampaignRow> {
  const sequence = await getSequence(tenant, sequenceId);
  return tenant.insert(emailCampaigns, { name: name ?? `${sequence.name} – e-mail`.slice(0, 200), sequence_id: sequence.id, created_by: actor.user_id });
}

/** The sequence's emails by id. */
export async function sequenceEmails(tenant: Tenant, sequenceId: string): Promise<Map<string, TEmailCampaignRow>> {
  const rows = await tenant.db
    .select()
    .from(emailCampaigns)
    .where(tenant.where(emailCampaigns, eq(emailCampaigns.sequence_id, sequenceId)));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Starts (or resumes) the steps. Checked as a send is: some steps, and each email sendable (subject, content,
 * unsubscribe link, postal address, sender); one 400 names every step that is not ready.
 */
export async function activateSequence(runtime: Runtime, tenant: Tenant, id: string): Promise<TSequenceRow> {
  const sequence = await getSequence(tenant, id);
  const errors: TFieldError[] = [];
  if (sequence.steps.length === 0) errors.push({ path: 'steps', message: 'a sequence needs at least one step', code: 'no_steps' });
  const emails = await sequenceEmails(tenant, id);
  for (const { step } of flattenSteps(sequence.steps)) {
    if (step.type !== 'email') continue;
    const email = emails.get(step.email_id);
    if (!email) {
      errors.push({ path: `steps.${step.id}`, message: 'this step names no email of the sequence', code: 'unknown_email', params: { step_id: step.id } });
      continue;
    }
    try {
      await assertSendable(runtime, tenant, email);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // What is missing, in words a client can translate: the field for a required one (subject, html_content), else the code.
      const fields = (error.errors ?? []).map((e) => (e.code === 'required' || !e.code ? e.path.replace(/^body\./, '') : e.code));
      errors.push({
        path: `steps.${step.id}`,
        message: `the email "${email.name}" cannot be sent yet (${fields.join(', ')})`,
        code: 'email_not_ready',
        params: { step_id: step.id, email_id: email.id, fields },
      });
    }
  }
  if (errors.length > 0) throw new AppError('bad_request', 'This sequence cannot start yet', { errors });
  return transition(tenant, sequence, ['draft', 'paused', 'active'], { status: 'active', activated_at: sequence.activated_at ?? new Date() }, 'activated');
}

/** Stops the steps: enrolled leads stay where they are until it is activated again. */
export async function pauseSequence(tenant: Tenant, id: string): Promise<TSequenceRow> {
  return transition(tenant, await getSequence(tenant, id), ['active'], { status: 'paused' }, 'paused');
}

async function transition(tenant: Tenant, sequence: TSequenceRow, from: TSequenceRow['status'][], set: Partial<TSequenceRow>, action: string) {
  const [row] = await tenant.db
    .update(emailSequences)
    .set({ ...set, updated_at: new Date() })
    .where(tenant.where(emailSequences, eq(emailSequences.id, sequence.id), inArray(emailSequences.status, from)))
    .returning();
  if (!row) {
    throw new AppError('conflict', `This sequence is ${sequence.status}: it cannot be ${action}`, {
      reason: 'sequence_status',
      params: { status: sequence.status },
    });
  }
  return row;
}

/** What a save checks beyond the schema: each email step names one of this sequence's emails, rules compile, the segment exists. */
async function checkSequence(tenant: Tenant, current: TSequenceRow | null, body: TSequenceUpdateBody): Promise<void> {
  const errors: TFieldError[] = [];
  if (body.steps) {
    const emails = current ? await sequenceEmails(tenant, current.id) : new Map();
    for (const emailId of emailIdsOf(body.steps)) {
      if (!emails.has(emailId)) {
        errors.push({ path: 'body.steps', message: `email ${emailId} is not an email of this sequence`, code: 'unknown_email', params: { email_id: emailId } });
      }
    }
    for (const { step } of flattenSteps(body.steps)) {
      if (step.type === 'condition' && step.condition.kind === 'segment')
        await compileLeadRules(tenant, step.condition.rules, `body.steps.${step.id}.condition.rules`);
    }
  }
  if (body.entry_segment_id) {
    try {
      await getSegment(tenant, body.entry_segment_id);
    } catch {
      errors.push({ path: 'body.entry_segment_id', message: 'no such segment in this workspace', code: 'unknown_segment' });
    }
  }
  if (errors.length > 0) throw new AppError('bad_request', `Invalid sequence: ${errors.map((e) => e.path).join(', ')}`, { errors });
  if (body.goal_rules) await compileLeadRules(tenant, body.goal_rules, 'body.goal_rules');
}
