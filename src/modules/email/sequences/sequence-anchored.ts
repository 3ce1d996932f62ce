import { and, eq } from 'drizzle-orm';
import type { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { arrival } from './sequence-engine.js';
import { enrollLead } from './sequence-enrollments.service.js';
import { StepIndex } from './sequence-steps.js';
import { emailSequenceEnrollments, emailSequences } from './sequences.tables.js';
import { getSequence } from './sequences.service.js';
import { DEFAULT_TIME_ZONE } from '../../../contracts/common.js';

// Enrollment with an anchor (a webinar registration: the session's start), for other modules through email's
// index.ts. A lead already in the sequence is moved to the new anchor (their latest registration's reminders), from
// the first step; a draft sequence, a deleted one or the re-entry rule enrolls nobody, and says why.

export type TAnchoredOutcome = 'enrolled' | 'moved' | 'no_sequence' | 'sequence_draft' | 'reentry_not_allowed';

export async function enrollWithAnchor(
  tenant: Tenant,
  input: { sequenceId: string; leadId: string; now: Date; anchorAt: Date; mergeData: Record<string, unknown>; leadTimeZone?: string | null },
): Promise<TAnchoredOutcome> {
  const sequence = await getSequence(tenant, input.sequenceId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  });
  if (!sequence) return 'no_sequence';
  const anchored = { anchorAt: input.anchorAt, mergeData: input.mergeData };
  const outcome = await enrollLead(tenant, sequence, input.leadId, input.now, anchored);
  if (typeof outcome !== 'string') return 'enrolled';
  if (outcome !== 'already_enrolled') return outcome;
  const index = new StepIndex(sequence.steps);
  const first = arrival(index, index.first, input.now, input.leadTimeZone ?? DEFAULT_TIME_ZONE, input.anchorAt);
  await tenant.db
    .update(emailSequenceEnrollments)
    .set({
      anchor_at: input.anchorAt,
      merge_data: input.mergeData,
      step_id: first?.step.id ?? null,
      due_at: first?.due ?? input.now,
      updated_at: new Date(),
    })
    .where(
      tenant.where(
        emailSequenceEnrollments,
        and(
          eq(emailSequenceEnrollments.sequence_id, sequence.id),
          eq(emailSequenceEnrollments.lead_id, input.leadId),
          eq(emailSequenceEnrollments.state, 'active'),
        ),
      ),
    );
  return 'moved';
}

/** The workspace's sequences a webinar may send its reminders with (id, name, status), for the funnel's settings. */
export async function listSequenceChoices(tenant: Tenant): Promise<{ id: string; name: string; status: string }[]> {
  return tenant.db
    .select({ id: emailSequences.id, name: emailSequences.name, status: emailSequences.status })
    .from(emailSequences)
    .where(tenant.where(emailSequences))
    .orderBy(emailSequences.name)
    .limit(200);
}
