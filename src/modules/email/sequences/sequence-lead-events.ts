import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { businessNow } from '../../../platform/clock.js';
import { Tenant } from '../../../platform/db/tenant.js';
import type { Runtime } from '../../../platform/runtime.js';
import type { TCollectedLeadEvent } from '../../crm/index.js';
import { getSegment } from '../../segments/index.js';
import { leadsMatchingRules } from './lead-rules.js';
import { enrollLead, exitLeads } from './sequence-enrollments.service.js';
import { nudgeSequenceSteps } from './sequence.jobs.js';
import { emailSequenceEnrollments, emailSequences } from './sequences.tables.js';

// What sequences do with committed lead events (subscribed in modules/index.ts): leads who unsubscribe, bounce or
// complain leave at once; leads reaching a sequence's goal leave as conversions; leads entering a sequence's entry
// segment are enrolled. Only the leads of the events are looked at, never the whole segment (no rescan): a lead
// who enters a segment does so through something that happened to them, and that is an event.

const EXITS: Record<string, 'unsubscribed' | 'bounced' | 'complained'> = {
  email_unsubscribed: 'unsubscribed',
  email_complained: 'complained',
};

export async function sequencesOnLeadEvents(runtime: Runtime, events: TCollectedLeadEvent[]): Promise<void> {
  const byWorkspace = new Map<string, TCollectedLeadEvent[]>();
  for (const event of events) {
    if (!event.leadId) continue;
    const list = byWorkspace.get(event.workspaceId) ?? [];
    list.push(event);
    byWorkspace.set(event.workspaceId, list);
  }
  let enrolled = 0;
  for (const [workspaceId, list] of byWorkspace) enrolled += await onWorkspaceEvents(runtime, new Tenant(runtime.db, workspaceId), list);
  if (enrolled > 0) await nudgeSequenceSteps(runtime);
}

async function onWorkspaceEvents(runtime: Runtime, tenant: Tenant, events: TCollectedLeadEvent[]): Promise<number> {
  for (const reason of ['unsubscribed', 'bounced', 'complained'] as const) {
    const ids = events.filter((e) => exitReasonOf(e) === reason).map((e) => e.leadId!);
    await exitLeads(tenant, [...new Set(ids)], reason);
  }
  const sequences = await tenant.db
    .select()
    .from(emailSequences)
    .where(
      tenant.where(emailSequences, eq(emailSequences.status, 'active'), or(isNotNull(emailSequences.entry_segment_id), isNotNull(emailSequences.goal_rules))),
    );
  if (sequences.length === 0) return 0;
  const leadIds = [...new Set(events.map((e) => e.leadId!))];
  let enrolled = 0;
  for (const sequence of sequences) {
    if (sequence.goal_rules) {
      const inside = await enrolledAmong(tenant, sequence.id, leadIds);
      await exitLeads(tenant, [...(await leadsMatchingRules(tenant, sequence.goal_rules, inside))], 'goal', sequence.id);
    }
    if (sequence.entry_segment_id) {
      const segment = await getSegment(tenant, sequence.entry_segment_id);
      const now = businessNow();
      for (const leadId of await leadsMatchingRules(tenant, segment.rules, leadIds)) {
        const outcome = await enrollLead(tenant, sequence, leadId, now);
        if (typeof outcome !== 'string') enrolled++;
      }
    }
  }
  return enrolled;
}

function exitReasonOf(event: TCollectedLeadEvent): 'unsubscribed' | 'bounced' | 'complained' | undefined {
  // A soft bounce is not a reason to stop: the address may work tomorrow (repeated ones suppress it, and the step worker sees that).
  if (event.type === 'email_bounced') return event.data.bounce_type === 'hard' ? 'bounced' : undefined;
  return EXITS[event.type];
}

async function enrolledAmong(tenant: Tenant, sequenceId: string, leadIds: string[]): Promise<string[]> {
  const rows = await tenant.db
    .select({ lead_id: emailSequenceEnrollments.lead_id })
    .from(emailSequenceEnrollments)
    .where(
      tenant.where(
        emailSequenceEnrollments,
        and(
          eq(emailSequenceEnrollments.sequence_id, sequenceId),
          eq(emailSequenceEnrollments.state, 'active'),
          inArray(emailSequenceEnrollments.lead_id, leadIds),
        ),
      ),
    );
  return rows.map((r) => r.lead_id);
}
