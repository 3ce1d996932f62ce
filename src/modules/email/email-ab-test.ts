import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { AB_MIN_DELIVERED, AB_MIN_PAYING, AB_WIN_PROBABILITY, type TAbTestReport, type TAbVariantKey } from '../../contracts/email-campaigns.js';
import { iso } from '../../contracts/common.js';
import { rowsOf } from '../../platform/db/rows.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { AppError } from '../../platform/errors.js';
import { defineJob } from '../../platform/jobs/define-job.js';
import type { TSendOptions } from '../../platform/jobs/queue.js';
import type { Runtime } from '../../platform/runtime.js';
import { analyzeExperiment, analyzeMeanExperiment, type TExperimentResult } from '../experiments/index.js';
import type { TEmailCampaignRow } from './email-campaigns.service.js';
import { startSenders } from './email-sending.jobs.js';
import { inTestSql, releaseHeld, variantCampaign, variantKeys } from './email-ab-variants.js';
import { loadCampaign } from './email-sender.js';
import { emailCampaigns, emailConversions, emailSends } from './email.tables.js';

// A/B tests of campaigns (ARCHITECTURE.md, "A/B tests"). At resolution each recipient falls, by a hash of the
// campaign and the lead, in the test (a variant, queued) or in the rest (`held`, no variant yet); when the test's
// time is up `email.campaign.ab-decide` runs the experiments module's rule on the test's numbers and queues the rest
// with the winner, or with the fallback when there is no clear winner; a sample ratio mismatch blocks it until a
// member picks one (POST /:id/ab-test/winner, also possible before the end). The metric is a rate (opens, clicks:
// beta-binomial) or the revenue per delivered message (each message's conversions net of refunds: Welch's t, once
// AB_MIN_PAYING recipients brought revenue).

const HOUR_MS = 3_600_000;

/** At the test's end: decides, and sends the winner to the rest. */
export const abDecideJob = defineJob({
  name: 'email.campaign.ab-decide',
  schema: z.object({ campaign_id: z.uuid() }),
  policy: 'short',
  retryDelaySeconds: 60,
  handler: async ({ campaign_id }, runtime) => {
    const campaign = await loadCampaign(runtime, campaign_id);
    if (!campaign?.ab_test || campaign.ab_winner || campaign.ab_decision || !['active', 'paused'].includes(campaign.status)) return;
    const result = analyze(campaign, await variantCounts(runtime.db, campaign));
    if (result.decision.kind === 'blocked') {
      // No automatic decision: the report asks a member to choose.
      await runtime.db.execute(sql`
        UPDATE ${emailCampaigns} SET ab_decision = ${JSON.stringify({ by: 'automatic', decision: result.decision })}::jsonb, updated_at = now()
        WHERE id = ${campaign.id}::uuid AND ab_winner IS NULL`);
      return;
    }
    const winner = result.decision.kind === 'winner' ? result.decision.key : result.decision.keep;
    await settleWinner(runtime, campaign, winner as TAbVariantKey, { by: 'automatic', decision: result.decision });
  },
});

/**
 * A sequence email's test has no end: it runs while leads reach the step, and the first time the rule finds a
 * winner (95 %, at least 100 delivered per variant) later messages all get it. Checked by the sequences' step job.
 */
export async function decideSequenceEmailTests(runtime: Runtime): Promise<void> {
  const emails = rowsOf<{ id: string }>(
    await runtime.db.execute(sql`
      SELECT id FROM ${emailCampaigns} WHERE sequence_id IS NOT NULL AND ab_test IS NOT NULL AND ab_winner IS NULL LIMIT 100`),
  );
  for (const { id } of emails) {
    const campaign = await loadCampaign(runtime, id);
    if (!campaign?.ab_test) continue;
    const result = analyze(campaign, await variantCounts(runtime.db, campaign));
    if (result.decision.kind !== 'winner') continue;
    await runtime.db.execute(sql`
      UPDATE ${emailCampaigns} SET ab_winner = ${result.decision.key}, ab_decided_at = now(),
        ab_decision = coalesce(ab_decision, '{}'::jsonb) || ${JSON.stringify({ by: 'automatic', decision: result.decision })}::jsonb, updated_at = now()
      WHERE id = ${id}::uuid AND ab_winner IS NULL`);
  }
}

/** Queued with the send: the decision at the test's end. */
export async function queueAbDecision(runtime: Pick<Runtime, 'queue'>, campaign: TEmailCampaignRow, options: TSendOptions): Promise<void> {
  if (!campaign.ab_test || !campaign.sent_at) return;
  const at = new Date(campaign.sent_at.getTime() + campaign.ab_test.duration_hours * HOUR_MS);
  await runtime.queue.send(abDecideJob, { campaign_id: campaign.id }, { ...options, singletonKey: campaign.id, startAfter: at });
}

/** A member's choice (during the test, or after a blocked decision): the winner goes to the rest at once. */
export async function pickWinner(runtime: Runtime, campaign: TEmailCampaignRow, key: TAbVariantKey): Promise<TEmailCampaignRow> {
  if (!campaign.ab_test) throw new AppError('conflict', 'This campaign has no A/B test', { reason: 'no_ab_test' });
  if (!variantKeys(campaign.ab_test).includes(key)) {
    throw new AppError('bad_request', 'No such variant in this test', {
      errors: [{ path: 'body.variant', message: 'not a variant of this test', code: 'unknown_variant' }],
    });
  }
  if (!['active', 'paused'].includes(campaign.status)) {
    throw new AppError('conflict', `This campaign is ${campaign.status}: its test cannot be decided`, {
      reason: 'campaign_status',
      params: { status: campaign.status },
    });
  }
  const row = await settleWinner(runtime, campaign, key, { by: 'manual', decision: null });
  if (!row) throw new AppError('conflict', 'This A/B test has already been decided', { reason: 'ab_test_decided' });
  return row;
}

/** Records the winner once (the first decision wins) and queues the rest with it; null when already decided. */
async function settleWinner(
  runtime: Runtime,
  campaign: TEmailCampaignRow,
  key: TAbVariantKey,
  how: { by: 'automatic' | 'manual'; decision: unknown },
): Promise<TEmailCampaignRow | null> {
  const row = await runtime.db.transaction(async (tx) => {
    const [updated] = rowsOf<TEmailCampaignRow>(
      await tx.execute(sql`
        UPDATE ${emailCampaigns} SET ab_winner = ${key}, ab_decided_at = now(), ab_decision = ${JSON.stringify(how)}::jsonb, updated_at = now()
        WHERE id = ${campaign.id}::uuid AND ab_winner IS NULL
        RETURNING id`),
    );
    if (!updated) return null;
    await releaseHeld(tx, campaign.id, key);
    return updated;
  });
  if (!row) return null;
  await startSenders(runtime, campaign.id);
  return (await loadCampaign(runtime, campaign.id)) ?? null;
}

type TVariantCounts = {
  variant: string;
  recipients: number;
  delivered: number;
  opened: number;
  clicked: number;
  /** Delivered messages' attributed revenue (net of refunds): its sum, sum of squares, and how many brought some. */
  revenue: number;
  revenue_squares: number;
  paying: number;
};

/** The test's numbers per variant: its recipients (the rest excluded, even once it got the winner). */
async function variantCounts(db: Pick<Runtime['db'], 'execute'>, campaign: TEmailCampaignRow): Promise<TVariantCounts[]> {
  // The test's recipients are those the hash put in it; once the rest gets the winner, its rows carry a variant too.
  const test = campaign.ab_test!;
  const inTest = inTestSql(campaign);
  const rows = rowsOf<TVariantCounts>(
    await db.execute(sql`
      SELECT variant, count(*)::int AS recipients,
        count(*) FILTER (WHERE status = 'sent')::int AS delivered,
        count(*) FILTER (WHERE status = 'sent' AND opened_at IS NOT NULL)::int AS opened,
        count(*) FILTER (WHERE status = 'sent' AND clicked_at IS NOT NULL)::int AS clicked,
        coalesce(sum(r.net) FILTER (WHERE status = 'sent'), 0)::float8 AS revenue,
        coalesce(sum(r.net * r.net) FILTER (WHERE status = 'sent'), 0)::float8 AS revenue_squares,
        count(*) FILTER (WHERE status = 'sent' AND r.net > 0)::int AS paying
      FROM ${emailSends}
        LEFT JOIN (SELECT send_id, sum(revenue) AS net FROM ${emailConversions} WHERE campaign_id = ${campaign.id}::uuid GROUP BY send_id) r
          ON r.send_id = ${emailSends}.id
      WHERE campaign_id = ${campaign.id}::uuid AND source = ${campaign.sequence_id === null ? 'campaign' : 'sequence'} AND variant IS NOT NULL AND ${inTest}
      GROUP BY variant`),
  );
  const none = { recipients: 0, delivered: 0, opened: 0, clicked: 0, revenue: 0, revenue_squares: 0, paying: 0 };
  return variantKeys(test).map((key) => rows.find((r) => r.variant === key) ?? { variant: key, ...none });
}

function analyze(campaign: TEmailCampaignRow, counts: TVariantCounts[]): TExperimentResult {
  const test = campaign.ab_test!;
  const rule = { control: 'A', fallback: test.fallback, threshold: AB_WIN_PROBABILITY, minTrials: AB_MIN_DELIVERED };
  if (test.metric === 'revenue_per_recipient') {
    return analyzeMeanExperiment(
      counts.map((c) => ({ key: c.variant, weight: 1, trials: c.delivered, sum: c.revenue, sumOfSquares: c.revenue_squares, nonZero: c.paying })),
      { ...rule, minNonZero: AB_MIN_PAYING },
    );
  }
  return analyzeExperiment(
    counts.map((c) => ({ key: c.variant, weight: 1, trials: c.delivered, successes: test.metric === 'open_rate' ? c.opened : c.clicked })),
    rule,
  );
}

/** The report's A/B part (null without a test): the numbers now, the rule's verdict, and the decision taken. */
export async function abTestReport(tenant: Tenant, campaign: TEmailCampaignRow): Promise<TAbTestReport | null> {
  const test = campaign.ab_test;
  if (!test) return null;
  const counts = await variantCounts(tenant.db, campaign);
  const result = analyze(campaign, counts);
  const [rest] = rowsOf<{ waiting: number; sent: number }>(
    await tenant.db.execute(sql`
      SELECT count(*) FILTER (WHERE status = 'held')::int AS waiting,
        count(*) FILTER (WHERE status IN ('sent', 'bounced', 'failed') AND variant IS NOT NULL AND NOT (${inTestSql(campaign)}))::int AS sent
      FROM ${emailSends} WHERE workspace_id = ${tenant.workspaceId}::uuid AND campaign_id = ${campaign.id}::uuid AND source = 'campaign'`),
  );
  const stored = campaign.ab_decision as { by?: 'automatic' | 'manual'; decision?: { kind: string } | null } | null;
  const state = campaign.ab_winner ? 'decided' : stored?.decision?.kind === 'blocked' ? 'waiting_for_choice' : 'testing';
  const d = result.decision;
  return {
    metric: test.metric,
    test_share: test.test_share,
    duration_hours: test.duration_hours,
    fallback: test.fallback,
    ends_at: campaign.sent_at ? new Date(campaign.sent_at.getTime() + test.duration_hours * HOUR_MS).toISOString() : null,
    state,
    winner: campaign.ab_winner,
    decided_by: campaign.ab_winner ? (stored?.by ?? null) : null,
    decided_at: iso(campaign.ab_decided_at),
    decision: {
      kind: d.kind,
      key: (d.kind === 'winner' ? d.key : d.keep) as TAbVariantKey,
      reason: d.kind === 'winner' ? null : d.reason,
      probability: d.kind === 'winner' ? d.probability : null,
    },
    variants: result.variants.map((v, i) => {
      const content = variantCampaign(campaign, v.key);
      const c = counts[i]!;
      return {
        key: v.key as TAbVariantKey,
        subject: content.subject,
        from_name: content.from_name,
        recipients: c.recipients,
        delivered: c.delivered,
        opened: c.opened,
        clicked: c.clicked,
        paying: c.paying,
        revenue: Math.round(c.revenue * 100) / 100,
        rate: v.rate,
        interval: v.interval,
        probability_to_beat_control: v.probability_to_beat_control,
      };
    }),
    sample_ratio: result.sample_ratio,
    rest: { waiting: rest?.waiting ?? 0, sent: rest?.sent ?? 0 },
  };
}
