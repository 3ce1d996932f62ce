import { sql } from 'drizzle-orm';
import {
  ENROLLMENT_EXIT_REASONS,
  flattenSteps,
  type TEnrollmentExitReason,
  type TSequenceReport,
  type TSequenceTotals,
} from '../../../contracts/email-sequences.js';
import { rowsOf } from '../../../platform/db/rows.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { emailCampaigns } from '../email.tables.js';
import { addConversionTotals, conversionsOf, NO_CONVERSIONS, type TConversionTotals } from '../email-conversions.js';
import { emailSequenceEnrollments } from './sequences.tables.js';
import type { TSequenceRow } from './sequences.service.js';

// A sequence's numbers: its enrollments counted by state, reason and step (one grouped query on the sequence's
// index), and its emails' counters (kept by the sending engine on each email's row, as a campaign's are).

type TCounts = { state: string; exit_reason: string | null; step_id: string | null; n: number };

async function enrollmentCounts(tenant: Tenant, sequenceIds: string[]): Promise<Map<string, TCounts[]>> {
  const byId = new Map<string, TCounts[]>(sequenceIds.map((id) => [id, []]));
  if (sequenceIds.length === 0) return byId;
  const rows = rowsOf<TCounts & { sequence_id: string }>(
    await tenant.db.execute(sql`
      SELECT sequence_id, state, exit_reason, CASE WHEN state = 'active' THEN step_id END AS step_id, count(*)::int AS n
      FROM ${emailSequenceEnrollments}
      WHERE workspace_id = ${tenant.workspaceId}::uuid AND sequence_id IN (${sql.join(
        sequenceIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      GROUP BY 1, 2, 3, 4`),
  );
  for (const row of rows) byId.get(row.sequence_id)?.push(row);
  return byId;
}

type TEmailCounters = Pick<
  typeof emailCampaigns.$inferSelect,
  'id' | 'sequence_id' | 'subject' | 'total_sent' | 'total_delivered' | 'total_opened' | 'total_clicked' | 'total_unsubscribed' | 'total_bounced'
>;

async function emailCounters(tenant: Tenant, sequenceIds: string[]): Promise<TEmailCounters[]> {
  if (sequenceIds.length === 0) return [];
  return rowsOf<TEmailCounters>(
    await tenant.db.execute(sql`
      SELECT id, sequence_id, subject, total_sent, total_delivered, total_opened, total_clicked, total_unsubscribed, total_bounced
      FROM ${emailCampaigns}
      WHERE workspace_id = ${tenant.workspaceId}::uuid AND sequence_id IN (${sql.join(
        sequenceIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`),
  );
}

function totalsOf(counts: TCounts[], emails: TEmailCounters[], conversions: Map<string, TConversionTotals>): TSequenceTotals {
  const count = (predicate: (c: TCounts) => boolean) => counts.filter(predicate).reduce((sum, c) => sum + c.n, 0);
  const sum = (key: keyof TEmailCounters) => emails.reduce((total, e) => total + Number(e[key]), 0);
  const enrolled = count(() => true);
  const goals = count((c) => c.exit_reason === 'goal');
  const attributed = addConversionTotals(emails.map((e) => conversions.get(e.id) ?? NO_CONVERSIONS));
  return {
    enrolled,
    active: count((c) => c.state === 'active'),
    completed: count((c) => c.state === 'completed'),
    exited: count((c) => c.state === 'exited'),
    conversions: goals,
    conversion_rate: enrolled > 0 ? goals / enrolled : null,
    revenue: attributed.revenue,
    orders: attributed.orders,
    sent: sum('total_sent'),
    opened: sum('total_opened'),
    clicked: sum('total_clicked'),
    unsubscribed: sum('total_unsubscribed'),
  };
}

/** The totals of a page of sequences (three queries for the page). */
export async function sequenceTotals(tenant: Tenant, sequenceIds: string[]): Promise<Map<string, TSequenceTotals>> {
  const [counts, emails] = await Promise.all([enrollmentCounts(tenant, sequenceIds), emailCounters(tenant, sequenceIds)]);
  const conversions = await conversionsOf(
    tenant,
    emails.map((e) => e.id),
  );
  return new Map(
    sequenceIds.map((id) => [
      id,
      totalsOf(
        counts.get(id) ?? [],
        emails.filter((e) => e.sequence_id === id),
        conversions,
      ),
    ]),
  );
}

export async function sequenceReport(tenant: Tenant, sequence: TSequenceRow): Promise<TSequenceReport> {
  const counts = (await enrollmentCounts(tenant, [sequence.id])).get(sequence.id) ?? [];
  const emails = await emailCounters(tenant, [sequence.id]);
  const conversions = await conversionsOf(
    tenant,
    emails.map((e) => e.id),
  );
  const byEmail = new Map(emails.map((e) => [e.id, e]));
  const exits = Object.fromEntries(ENROLLMENT_EXIT_REASONS.map((r) => [r, 0])) as Record<TEnrollmentExitReason, number>;
  for (const c of counts) if (c.state === 'exited' && c.exit_reason) exits[c.exit_reason as TEnrollmentExitReason] += c.n;
  return {
    totals: totalsOf(counts, emails, conversions),
    exits,
    steps: flattenSteps(sequence.steps).map(({ step }) => {
      const email = step.type === 'email' ? byEmail.get(step.email_id) : undefined;
      return {
        step_id: step.id,
        type: step.type,
        waiting: counts.filter((c) => c.state === 'active' && c.step_id === step.id).reduce((sum, c) => sum + c.n, 0),
        email: email
          ? {
              email_id: email.id,
              subject: email.subject,
              sent: email.total_sent,
              delivered: email.total_delivered,
              opened: email.total_opened,
              clicked: email.total_clicked,
              unsubscribed: email.total_unsubscribed,
              bounced: email.total_bounced,
              orders: conversions.get(email.id)?.orders.count ?? 0,
              revenue: conversions.get(email.id)?.revenue ?? 0,
            }
          : null,
      };
    }),
  };
}
