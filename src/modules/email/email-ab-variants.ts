import { sql, type SQL } from 'drizzle-orm';
import { AB_VARIANT_KEYS, type TAbTest, type TAbVariantKey } from '../../contracts/email-campaigns.js';
import type { Db } from '../../platform/db/database.js';
import type { TFieldError } from '../../platform/errors.js';
import { liquidSyntaxErrors, mentions, unknownMergeFields } from './email-merge-fields.js';
import { emailSends, type emailCampaigns } from './email.tables.js';

/** A campaign row (email-campaigns.service.ts imports this file: the type is taken from the table, not from it). */
type TEmailCampaignRow = typeof emailCampaigns.$inferSelect;

// An A/B test's variants as the engine sees them (no jobs here: resolution, the sender and the decision use it):
// which content each sends, where each recipient falls, and the rest released with the winner.

/** The test's variant keys: A (the campaign) then one per variant. */
export function variantKeys(test: TAbTest): TAbVariantKey[] {
  return AB_VARIANT_KEYS.slice(0, test.variants.length + 1);
}

/** The campaign as variant `key` sends it (A: as written). */
export function variantCampaign(campaign: TEmailCampaignRow, key: string | null): TEmailCampaignRow {
  const index = key ? AB_VARIANT_KEYS.indexOf(key as TAbVariantKey) : 0;
  const override = index > 0 ? campaign.ab_test?.variants[index - 1] : undefined;
  return override ? { ...campaign, ...definedOnly(override) } : campaign;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Where a lead falls for this campaign: a hash of campaign and lead, uniform on [0, 1), the same every time. A
 * `salt` gives another draw for another purpose (send-time optimisation's holdout is independent of the A/B split).
 */
export function bucketSql(campaignId: SQL, leadId: SQL, salt = ''): SQL {
  return sql`((('x' || substr(md5(${salt}::text || ${campaignId}::text || ${leadId}::text), 1, 8))::bit(32)::bigint)::float8 / 4294967296.0)`;
}

/**
 * Whether a message row counts in the test's numbers: a campaign's recipient in the test share (whatever it was
 * sent since); a sequence email's message sent before the decision (all of them are in the test until then).
 */
export function inTestSql(campaign: TEmailCampaignRow): SQL {
  if (campaign.sequence_id !== null) {
    // A test changed since the email first sent starts its numbers again (email-campaigns.service.ts).
    const startedAt = (campaign.ab_decision as { started_at?: string } | null)?.started_at;
    const from = startedAt ? sql`created_at >= ${startedAt}::timestamptz` : sql`true`;
    return campaign.ab_decided_at ? sql`${from} AND created_at <= ${campaign.ab_decided_at.toISOString()}::timestamptz` : from;
  }
  return sql`${bucketSql(sql`${campaign.id}::uuid`, sql`lead_id`)} < ${campaign.ab_test!.test_share}::float8`;
}

/**
 * The variant of a sequence email's message (SQL over the email row `c` and the lead id): none without a test, the
 * winner once decided, else an equal split by the same hash (every message is in the test until it is decided).
 */
export function sequenceVariantSql(leadId: SQL): SQL {
  const keys = sql.join(
    AB_VARIANT_KEYS.map((k) => sql`${k}::text`),
    sql`, `,
  );
  return sql`CASE WHEN c.ab_test IS NULL THEN NULL WHEN c.ab_winner IS NOT NULL THEN c.ab_winner
    ELSE (ARRAY[${keys}])[1 + floor(${bucketSql(sql`c.id`, leadId)} * (jsonb_array_length(c.ab_test -> 'variants') + 1))::int] END`;
}

/**
 * The variant and status columns of a resolved recipient (SQL over `lead_id`): the same lead always falls in the
 * same place; in the test, variants share it equally.
 */
export function assignmentSql(campaign: TEmailCampaignRow, leadId: SQL): { variant: SQL; status: SQL } {
  const test = campaign.ab_test;
  if (!test) return { variant: sql`NULL::text`, status: sql`'queued'` };
  const keys = variantKeys(test);
  const u = bucketSql(sql`${campaign.id}::uuid`, leadId);
  const pick = sql`(ARRAY[${sql.join(
    keys.map((k) => sql`${k}::text`),
    sql`, `,
  )}])[1 + floor(${u} / ${test.test_share}::float8 * ${keys.length})::int]`;
  // Decided already (a member picked a winner while recipients were being resolved): the rest goes with it.
  const rest = campaign.ab_winner ? sql`${campaign.ab_winner}::text` : sql`NULL::text`;
  return {
    variant: sql`CASE WHEN ${u} < ${test.test_share}::float8 THEN ${pick} ELSE ${rest} END`,
    status: sql`CASE WHEN ${u} < ${test.test_share}::float8 OR ${rest} IS NOT NULL THEN 'queued' ELSE 'held' END`,
  };
}

/** The rest of the recipients, queued with the winner (also run when a resolution ends after a decision). */
export async function releaseHeld(db: Pick<Db, 'execute'>, campaignId: string, key: string): Promise<void> {
  await db.execute(sql`
    UPDATE ${emailSends} SET variant = ${key}, status = 'queued', next_attempt_at = now(), updated_at = now()
    WHERE campaign_id = ${campaignId}::uuid AND source = 'campaign' AND status = 'held'`);
}

/** Liquid syntax of every variant's templates (at save), with the variant's path. */
export function variantSyntaxErrors(test: TAbTest | null | undefined): TFieldError[] {
  return (test?.variants ?? []).flatMap((variant, i) =>
    liquidSyntaxErrors(variant).map((e) => ({ ...e, path: e.path.replace(/^body\./, `body.ab_test.variants.${i}.`) })),
  );
}

/** What a send requires of each variant, as of the campaign: known merge fields, and a content variant's unsubscribe link and address. */
export function variantSendErrors(campaign: TEmailCampaignRow, customKeys: ReadonlySet<string>, postalAddress: string): TFieldError[] {
  const errors: TFieldError[] = [];
  campaign.ab_test?.variants.forEach((variant, i) => {
    const path = (e: TFieldError) => ({ ...e, path: e.path.replace(/^body\./, `body.ab_test.variants.${i}.`) });
    const content = variantCampaign(campaign, AB_VARIANT_KEYS[i + 1]!);
    errors.push(...liquidSyntaxErrors(variant).map(path));
    errors.push(
      ...unknownMergeFields(content, customKeys)
        .filter((e) => e.path.replace(/^body\./, '') in variant)
        .map(path),
    );
    if (variant.html_content !== undefined) {
      if (!mentions(variant.html_content, ['unsubscribe_url'])) {
        errors.push(
          path({ path: 'body.html_content', message: 'the content needs an unsubscribe link ({{ unsubscribe_url }})', code: 'unsubscribe_link_missing' }),
        );
      }
      if (!mentions(variant.html_content, ['workspace', 'postal_address']) && !variant.html_content.includes(postalAddress.trim())) {
        errors.push(
          path({
            path: 'body.html_content',
            message: 'the content must show the postal address ({{ workspace.postal_address }})',
            code: 'postal_address_not_shown',
          }),
        );
      }
    }
  });
  return errors;
}
