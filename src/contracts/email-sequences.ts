import { z } from 'zod';
import { ZId, ZTimestamp } from './common.js';
import { ZRuleGroup } from './crm-segments.js';

// Email sequences (drips): an ordered list of steps a lead goes through one after the other, with waits and
// yes/no branches; the wire shapes shared by the API and the web app. How enrollments move is in ARCHITECTURE.md
// ("Sequences").

/** draft (being written, nobody enrolled) → active (steps run) ⇄ paused (nothing runs; enrollments wait). */
export const SEQUENCE_STATUSES = ['draft', 'active', 'paused'] as const;
export const ZSequenceStatus = z.enum(SEQUENCE_STATUSES);
export type TSequenceStatus = z.infer<typeof ZSequenceStatus>;

/** An enrollment runs its steps (active), reached the end (completed) or left before (exited, with a reason). */
export const ENROLLMENT_STATES = ['active', 'completed', 'exited'] as const;
export type TEnrollmentState = (typeof ENROLLMENT_STATES)[number];

/**
 * Why an enrollment left before the end: the goal was reached (a conversion), the lead unsubscribed, bounced,
 * complained or was suppressed, had no address at an email step, or a member (or the API) removed them.
 */
export const ENROLLMENT_EXIT_REASONS = ['goal', 'unsubscribed', 'bounced', 'complained', 'suppressed', 'no_email', 'manual'] as const;
export type TEnrollmentExitReason = (typeof ENROLLMENT_EXIT_REASONS)[number];

/** The most steps in a sequence, branches included (a user-built tree is bounded like a rule tree). */
export const MAX_SEQUENCE_STEPS = 50;
/** The deepest nesting of conditions. */
export const MAX_SEQUENCE_DEPTH = 5;

export const WAIT_UNITS = ['minutes', 'hours', 'days'] as const;
export type TWaitUnit = (typeof WAIT_UNITS)[number];

/** A step's id, chosen by the client (kept across edits: enrollments point at it). */
const ZStepId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: 'must be 1 to 40 letters, digits, - or _' })
  .describe('Step id, unique in the sequence');

/** "HH:MM", 24-hour clock. */
export const ZClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time HH:MM (24 h)' });

/** ISO weekday: 1 Monday … 7 Sunday. */
const ZWeekday = z.number().int().min(1).max(7);

const ZEmailStep = z.strictObject({
  id: ZStepId,
  type: z.literal('email'),
  /** The sequence's email sent at this step (POST /sequences/:id/emails creates one; edited like a campaign). */
  email_id: ZId,
});

const ZWaitStep = z.strictObject({
  id: ZStepId,
  type: z.literal('wait'),
  amount: z.number().int().min(1).max(1000),
  unit: z.enum(WAIT_UNITS),
});

const ZWaitUntilStep = z.strictObject({
  id: ZStepId,
  type: z.literal('wait_until'),
  /** The next such weekday (1 Monday … 7 Sunday), or null: the next day at that time (today if still ahead). */
  weekday: ZWeekday.nullable(),
  time: ZClockTime,
});

/** The most an anchor wait may be before or after the anchor: 30 days, in minutes. */
export const MAX_ANCHOR_OFFSET_MINUTES = 43_200;

/**
 * Waits until `offset_minutes` before (negative) or after the enrollment's anchor (a webinar session's start: the
 * funnels' webinars enroll with one). A lead reaching it when that time has passed skips it and the steps after it
 * up to the next anchor wait (a late registrant gets only the reminders still ahead); without an anchor it does not wait.
 */
const ZWaitAnchorStep = z.strictObject({
  id: ZStepId,
  type: z.literal('wait_anchor'),
  offset_minutes: z.number().int().min(-MAX_ANCHOR_OFFSET_MINUTES).max(MAX_ANCHOR_OFFSET_MINUTES),
});

/** A yes/no question about the lead when it reaches the step. */
export const ZSequenceCondition = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('segment'), rules: ZRuleGroup }),
  /** The last email this enrollment was sent (the closest email step before) was opened / clicked. */
  z.strictObject({ kind: z.literal('opened_previous') }),
  z.strictObject({ kind: z.literal('clicked_previous') }),
]);
export type TSequenceCondition = z.infer<typeof ZSequenceCondition>;

export type TSequenceStep =
  | z.infer<typeof ZEmailStep>
  | z.infer<typeof ZWaitStep>
  | z.infer<typeof ZWaitUntilStep>
  | z.infer<typeof ZWaitAnchorStep>
  | { id: string; type: 'condition'; condition: TSequenceCondition; yes: TSequenceStep[]; no: TSequenceStep[] };

const ZConditionStep: z.ZodType<Extract<TSequenceStep, { type: 'condition' }>> = z.strictObject({
  id: ZStepId,
  type: z.literal('condition'),
  condition: ZSequenceCondition,
  /** Steps for a lead that matches, then the steps after the condition (branches join again). */
  get yes() {
    return z.array(ZSequenceStep);
  },
  /** Steps for a lead that does not match, then the steps after the condition. */
  get no() {
    return z.array(ZSequenceStep);
  },
});

export const ZSequenceStep: z.ZodType<TSequenceStep> = z.lazy(() => z.union([ZEmailStep, ZWaitStep, ZWaitUntilStep, ZWaitAnchorStep, ZConditionStep]));

/** Every step of a tree, depth-first in reading order (a condition, then its yes branch, then its no branch). */
export function flattenSteps(steps: readonly TSequenceStep[], depth = 0): { step: TSequenceStep; depth: number }[] {
  return steps.flatMap((step) => [
    { step, depth },
    ...(step.type === 'condition' ? [...flattenSteps(step.yes, depth + 1), ...flattenSteps(step.no, depth + 1)] : []),
  ]);
}

/** The steps: ids unique, at most MAX_SEQUENCE_STEPS, conditions nested at most MAX_SEQUENCE_DEPTH deep. */
export const ZSequenceSteps = z.array(ZSequenceStep).superRefine((steps, ctx) => {
  const all = flattenSteps(steps);
  if (all.length > MAX_SEQUENCE_STEPS)
    ctx.addIssue({ code: 'custom', message: `at most ${MAX_SEQUENCE_STEPS} steps`, params: { code: 'too_many_steps', max: MAX_SEQUENCE_STEPS } });
  if (all.some((s) => s.depth >= MAX_SEQUENCE_DEPTH))
    ctx.addIssue({ code: 'custom', message: `conditions nest at most ${MAX_SEQUENCE_DEPTH} deep`, params: { code: 'too_deep', max: MAX_SEQUENCE_DEPTH } });
  const seen = new Set<string>();
  for (const { step } of all) {
    if (seen.has(step.id)) ctx.addIssue({ code: 'custom', message: `step id "${step.id}" is used twice`, params: { code: 'duplicate_step_id' } });
    seen.add(step.id);
  }
});

/**
 * When email steps may send: these weekdays, between `start` and `end` (end excluded), in the workspace's time zone
 * or the lead's own (`timezone` lead field, else the workspace's). An email step due outside waits for the next
 * opening; waits and conditions run at any time.
 */
export const ZSendWindow = z
  .strictObject({
    days: z.array(ZWeekday).min(1).max(7),
    start: ZClockTime,
    end: ZClockTime,
    timezone: z.enum(['workspace', 'lead']),
  })
  .refine((w) => w.start < w.end, { path: ['end'], error: 'must be after start', params: { code: 'window_end' } });
export type TSendWindow = z.infer<typeof ZSendWindow>;

const sequenceFields = {
  name: z.string().trim().min(1).max(200),
  steps: ZSequenceSteps,
  /** null: emails go at any time. */
  send_window: ZSendWindow.nullable(),
  /** A saved segment: leads entering it are enrolled (checked when their events happen); null: none. */
  entry_segment_id: ZId.nullable(),
  /** null: a lead enters once; N: may enter again N days after their last enrollment ended. */
  reentry_after_days: z.number().int().min(1).max(3650).nullable(),
  /** The goal: a lead matching this rule tree leaves the sequence as a conversion; null: no goal. */
  goal_rules: ZRuleGroup.nullable(),
};

export const ZSequenceCreateBody = z.strictObject({
  name: sequenceFields.name,
  steps: sequenceFields.steps.default([]),
  send_window: sequenceFields.send_window.default(null),
  entry_segment_id: sequenceFields.entry_segment_id.default(null),
  reentry_after_days: sequenceFields.reentry_after_days.default(null),
  goal_rules: sequenceFields.goal_rules.default(null),
});
export type TSequenceCreateBody = z.infer<typeof ZSequenceCreateBody>;

/** Only the fields sent change. On a live sequence, leads on a removed step move on (ARCHITECTURE.md, "Sequences"). */
export const ZSequenceUpdateBody = z.strictObject({
  name: sequenceFields.name.optional(),
  steps: z.optional(sequenceFields.steps),
  send_window: sequenceFields.send_window.optional(),
  entry_segment_id: sequenceFields.entry_segment_id.optional(),
  reentry_after_days: sequenceFields.reentry_after_days.optional(),
  goal_rules: sequenceFields.goal_rules.optional(),
});
export type TSequenceUpdateBody = z.infer<typeof ZSequenceUpdateBody>;

/** Counts of a sequence's enrollments and of its emails. */
export const ZSequenceTotals = z.object({
  enrolled: z.number().int(),
  active: z.number().int(),
  completed: z.number().int(),
  exited: z.number().int(),
  /** Goal reached (exit reason `goal`). */
  conversions: z.number().int(),
  /** Conversions over enrolled (null before any enrollment). */
  conversion_rate: z.number().nullable(),
  /**
   * The revenue of its emails (campaign attribution, same window): leads won after clicking in one of them last (their
   * estimated value) and orders paid (their amounts net of refunds).
   */
  revenue: z.number(),
  /** Orders attributed to its emails, their amounts net of refunds, and what was refunded. */
  orders: z.object({ count: z.number().int(), revenue: z.number(), refunded: z.number() }),
  sent: z.number().int(),
  opened: z.number().int(),
  clicked: z.number().int(),
  unsubscribed: z.number().int(),
});
export type TSequenceTotals = z.infer<typeof ZSequenceTotals>;

export const ZSequence = z.object({
  id: ZId,
  name: z.string(),
  status: ZSequenceStatus,
  steps: z.array(ZSequenceStep),
  send_window: ZSendWindow.nullable(),
  entry_segment_id: ZId.nullable(),
  reentry_after_days: z.number().int().nullable(),
  goal_rules: ZRuleGroup.nullable(),
  activated_at: ZTimestamp.nullable(),
  totals: ZSequenceTotals,
  created_at: ZTimestamp,
  updated_at: ZTimestamp,
});
export type TSequence = z.infer<typeof ZSequence>;

export const ZSequenceList = z.object({ items: z.array(ZSequence), next_cursor: z.string().nullable() });
export type TSequenceList = z.infer<typeof ZSequenceList>;

export const ZSequenceListQuery = z.object({
  status: ZSequenceStatus.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
});
export type TSequenceListQuery = z.infer<typeof ZSequenceListQuery>;

/** A new email of the sequence (a draft edited in the campaign editor, never sent as a campaign). */
export const ZSequenceEmailBody = z.strictObject({ name: z.string().trim().min(1).max(200).optional() }).optional();

export const ZEnrollBody = z.strictObject({ lead_id: ZId });

export const ZEnrollment = z.object({
  id: ZId,
  lead_id: ZId,
  lead: z.object({ first_name: z.string().nullable(), last_name: z.string().nullable(), email: z.string().nullable() }),
  state: z.enum(ENROLLMENT_STATES),
  exit_reason: z.enum(ENROLLMENT_EXIT_REASONS).nullable(),
  /** The step the lead is at (null once ended). */
  step_id: z.string().nullable(),
  /** When that step runs (a wait's end, a send window's opening), null once ended. */
  due_at: ZTimestamp.nullable(),
  entered_at: ZTimestamp,
  ended_at: ZTimestamp.nullable(),
});
export type TEnrollment = z.infer<typeof ZEnrollment>;

export const ZEnrollmentList = z.object({ items: z.array(ZEnrollment), next_cursor: z.string().nullable() });
export type TEnrollmentList = z.infer<typeof ZEnrollmentList>;

export const ZEnrollmentListQuery = z.object({
  state: z.enum(ENROLLMENT_STATES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type TEnrollmentListQuery = z.infer<typeof ZEnrollmentListQuery>;

export const ZEnrollmentParams = z.object({ id: ZId, lead_id: ZId });

/** The report: totals, exits by reason, and per step the leads waiting there and, for emails, their numbers. */
export const ZSequenceReport = z.object({
  totals: ZSequenceTotals,
  exits: z.record(z.enum(ENROLLMENT_EXIT_REASONS), z.number().int()),
  steps: z.array(
    z.object({
      step_id: z.string(),
      type: z.enum(['email', 'wait', 'wait_until', 'wait_anchor', 'condition']),
      /** Active enrollments at this step now. */
      waiting: z.number().int(),
      /** Email steps: the email's subject and numbers (null for other steps). */
      email: z
        .object({
          email_id: ZId,
          subject: z.string(),
          sent: z.number().int(),
          delivered: z.number().int(),
          opened: z.number().int(),
          clicked: z.number().int(),
          unsubscribed: z.number().int(),
          bounced: z.number().int(),
          /** Orders attributed to this email and its revenue (won leads' values and orders net of refunds). */
          orders: z.number().int(),
          revenue: z.number(),
        })
        .nullable(),
    }),
  ),
});
export type TSequenceReport = z.infer<typeof ZSequenceReport>;
