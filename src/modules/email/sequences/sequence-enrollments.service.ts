import { DEFAULT_TIME_ZONE } from '../../../contracts/common.js';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { TEnrollmentListQuery } from '../../../contracts/email-sequences.js';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../../platform/db/keyset-cursor.js';
import { rowsOf } from '../../../platform/db/rows.js';
import { businessNow } from '../../../platform/clock.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { leads } from '../../crm/tables.js';
import { getLead, type TLeadRow } from '../../crm/index.js';
import { workspaces } from '../../workspaces/index.js';
import { knownTimeZone } from './send-window.js';
import { arrival } from './sequence-engine.js';
import { StepIndex } from './sequence-steps.js';
import { emailSequenceEnrollments } from './sequences.tables.js';
import { getSequence, type TSequenceRow } from './sequences.service.js';

// How leads enter and leave a sequence by hand, through the API, an automation or a segment; the step worker
// (sequence-engine.ts) moves them on.

export type TEnrollmentRow = typeof emailSequenceEnrollments.$inferSelect;

/** Why a lead cannot enter now: already in it, or the re-entry rule says not (yet). */
export type TEnrollRefusal = 'already_enrolled' | 'reentry_not_allowed' | 'sequence_draft';

/**
 * Enrolls a lead at the first step (due at once, or at the end of a first wait). The partial unique index lets one
 * active enrollment per lead and sequence through when two enrollers race; the re-entry rule reads the last one.
 */
export async function enrollLead(
  tenant: Tenant,
  sequence: TSequenceRow,
  leadId: string,
  now: Date,
  /** The time anchor waits count from, and the emails' extra merge fields (a webinar's registration). */
  anchored?: { anchorAt: Date; mergeData: Record<string, unknown> },
): Promise<TEnrollmentRow | TEnrollRefusal> {
  if (sequence.status === 'draft') return 'sequence_draft';
  const [last] = await tenant.db
    .select({ state: emailSequenceEnrollments.state, ended_at: emailSequenceEnrollments.ended_at })
    .from(emailSequenceEnrollments)
    .where(tenant.where(emailSequenceEnrollments, eq(emailSequenceEnrollments.sequence_id, sequence.id), eq(emailSequenceEnrollments.lead_id, leadId)))
    .orderBy(desc(emailSequenceEnrollments.entered_at))
    .limit(1);
  if (last?.state === 'active') return 'already_enrolled';
  if (last) {
    if (sequence.reentry_after_days === null) return 'reentry_not_allowed';
    const allowedAt = (last.ended_at?.getTime() ?? now.getTime()) + sequence.reentry_after_days * 86_400_000;
    if (now.getTime() < allowedAt) return 'reentry_not_allowed';
  }
  const index = new StepIndex(sequence.steps);
  const first = arrival(index, index.first, now, await leadTimeZone(tenant, leadId), anchored?.anchorAt ?? null);
  const [row] = await tenant.db
    .insert(emailSequenceEnrollments)
    .values({
      workspace_id: tenant.workspaceId,
      sequence_id: sequence.id,
      lead_id: leadId,
      step_id: first?.step.id ?? null,
      due_at: first?.due ?? now,
      entered_at: now,
      anchor_at: anchored?.anchorAt ?? null,
      merge_data: anchored?.mergeData ?? null,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? 'already_enrolled';
}

/** The lead's own time zone, else the workspace's (a first "wait until" step's time). */
async function leadTimeZone(tenant: Tenant, leadId: string): Promise<string> {
  const [row] = rowsOf<{ lead: string | null; workspace: string }>(
    await tenant.db.execute(sql`
      SELECT l.timezone AS lead, w.timezone AS workspace FROM ${leads} l JOIN ${workspaces} w ON w.id = l.workspace_id
      WHERE l.workspace_id = ${tenant.workspaceId}::uuid AND l.id = ${leadId}::uuid`),
  );
  return knownTimeZone(row?.lead ?? null, row?.workspace ?? DEFAULT_TIME_ZONE);
}

/** The API's enrollment, with the lead it names: 201, or 409 with the reason. */
export async function enrollByHand(tenant: Tenant, sequenceId: string, leadId: string, now: Date): Promise<{ row: TEnrollmentRow; lead: TLeadRow }> {
  const sequence = await getSequence(tenant, sequenceId);
  const lead = await getLead(tenant, leadId).catch(() => {
    // The sequence (the URL) exists; the body names no lead of this workspace.
    throw new AppError('bad_request', 'No such lead in this workspace', {
      errors: [{ path: 'body.lead_id', message: 'no such lead in this workspace', code: 'unknown_lead' }],
    });
  });
  const outcome = await enrollLead(tenant, sequence, leadId, now);
  if (typeof outcome !== 'string') return { row: outcome, lead };
  const messages: Record<TEnrollRefusal, string> = {
    already_enrolled: 'This lead is already in the sequence',
    reentry_not_allowed: "This sequence's re-entry rule does not let this lead in again (yet)",
    sequence_draft: 'Activate the sequence before enrolling leads',
  };
  throw new AppError('conflict', messages[outcome], { reason: outcome });
}

/** Takes a lead out by hand (exit reason `manual`); 404 when not in it. */
export async function removeEnrollment(tenant: Tenant, sequenceId: string, leadId: string): Promise<void> {
  await getSequence(tenant, sequenceId);
  const rows = await tenant.db
    .update(emailSequenceEnrollments)
    .set({ state: 'exited', exit_reason: 'manual', due_at: null, ended_at: businessNow(), updated_at: new Date() })
    .where(
      tenant.where(
        emailSequenceEnrollments,
        eq(emailSequenceEnrollments.sequence_id, sequenceId),
        eq(emailSequenceEnrollments.lead_id, leadId),
        eq(emailSequenceEnrollments.state, 'active'),
      ),
    )
    .returning({ id: emailSequenceEnrollments.id });
  if (rows.length === 0) throw new AppError('not_found', 'This lead is not in the sequence');
}

/** Ends the active enrollments of these leads, in every sequence of the workspace, with a reason (unsubscribe, bounce…). */
export async function exitLeads(
  tenant: Tenant,
  leadIds: string[],
  reason: 'unsubscribed' | 'bounced' | 'complained' | 'goal',
  sequenceId?: string,
): Promise<number> {
  if (leadIds.length === 0) return 0;
  const rows = await tenant.db
    .update(emailSequenceEnrollments)
    .set({ state: 'exited', exit_reason: reason, due_at: null, ended_at: businessNow(), updated_at: new Date() })
    .where(
      tenant.where(
        emailSequenceEnrollments,
        eq(emailSequenceEnrollments.state, 'active'),
        sql`${emailSequenceEnrollments.lead_id} IN (${sql.join(
          leadIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
        sequenceId ? eq(emailSequenceEnrollments.sequence_id, sequenceId) : undefined,
      ),
    )
    .returning({ id: emailSequenceEnrollments.id });
  return rows.length;
}

/** A sequence's enrollments, newest first, with their lead's name and address. */
export async function listEnrollments(tenant: Tenant, sequenceId: string, query: TEnrollmentListQuery) {
  await getSequence(tenant, sequenceId);
  const after = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
  const conditions: (SQL | undefined)[] = [
    eq(emailSequenceEnrollments.sequence_id, sequenceId),
    query.state ? eq(emailSequenceEnrollments.state, query.state) : undefined,
    after
      ? sql`(${emailSequenceEnrollments.entered_at}, ${emailSequenceEnrollments.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`
      : undefined,
  ];
  const rows = await tenant.db
    .select({
      enrollment: emailSequenceEnrollments,
      lead: { first_name: leads.first_name, last_name: leads.last_name, email: leads.email },
    })
    .from(emailSequenceEnrollments)
    .innerJoin(leads, and(eq(leads.workspace_id, emailSequenceEnrollments.workspace_id), eq(leads.id, emailSequenceEnrollments.lead_id)))
    .where(tenant.where(emailSequenceEnrollments, ...conditions))
    .orderBy(desc(emailSequenceEnrollments.entered_at), desc(emailSequenceEnrollments.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > query.limit && last ? encodeKeysetCursor(last.enrollment.entered_at, last.enrollment.id) : null };
}
