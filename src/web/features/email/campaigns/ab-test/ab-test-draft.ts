import { AB_VARIANT_KEYS, type TAbTest, type TAbTestMetric, type TAbVariant, type TAbVariantKey } from '../../../../../contracts/email-campaigns.js';

// The A/B test as the campaign page edits it: one field tested at a time (what Mailchimp and Brevo offer), the
// variants as plain texts, the test share in percent. The API's shape (`ab_test`) allows a variant to change
// several fields; the form keeps to one, which is what people compare in practice and what the report can show.

/** What a variant may change, in the order the form offers them. */
export const AB_TESTED_FIELDS = ['subject', 'from_name', 'preheader', 'html_content'] as const;
export type TAbTestedField = (typeof AB_TESTED_FIELDS)[number];

/** Variants B to E: at most four besides the control. */
export const MAX_AB_VARIANTS = AB_VARIANT_KEYS.length - 1;

export type TAbDraft = {
  enabled: boolean;
  field: TAbTestedField;
  /** The tested field's value in variants B, C… (index 0 is B). */
  variants: string[];
  /** 2 to 100. */
  sharePercent: number | '';
  metric: TAbTestMetric;
  durationHours: number | '';
  fallback: TAbVariantKey;
};

/** What a member starts from: one variant of the subject, 20 % of the recipients, opens over 4 hours. */
export const DEFAULT_AB_DRAFT: TAbDraft = {
  enabled: false,
  field: 'subject',
  variants: [''],
  sharePercent: 20,
  metric: 'open_rate',
  durationHours: 4,
  fallback: 'A',
};

/** The field a saved test changes: the one most of its variants set (the subject when several tie). */
export function testedField(test: TAbTest): TAbTestedField {
  const counts = AB_TESTED_FIELDS.map((field) => test.variants.filter((v) => v[field] !== undefined).length);
  return AB_TESTED_FIELDS[counts.indexOf(Math.max(...counts))] ?? 'subject';
}

/** True when a saved test changes more than one field (made through the API): the form would keep only one. */
export function changesSeveralFields(test: TAbTest): boolean {
  return test.variants.some((v) => AB_TESTED_FIELDS.filter((field) => v[field] !== undefined).length > 1);
}

/** The form's values for a campaign's saved test (or the defaults when it has none). */
export function draftFromTest(test: TAbTest | null): TAbDraft {
  if (!test) return DEFAULT_AB_DRAFT;
  const field = testedField(test);
  return {
    enabled: true,
    field,
    variants: test.variants.map((v) => v[field] ?? ''),
    // 0.1 + 0.2 style noise would show as 30,000000000000004 %.
    sharePercent: Math.round(test.test_share * 10_000) / 100,
    metric: test.metric,
    durationHours: test.duration_hours,
    fallback: test.fallback,
  };
}

/** The PATCH body's `ab_test` for the form's values (null when the test is off). */
export function testFromDraft(draft: TAbDraft): TAbTest | null {
  if (!draft.enabled) return null;
  const field = draft.field;
  // Subject, preheader and sender are trimmed by the server; the HTML is sent as written.
  const variants: TAbVariant[] = draft.variants.map((value) => ({ [field]: field === 'html_content' ? value : value.trim() }));
  return {
    variants,
    test_share: Math.round(Number(draft.sharePercent) * 100) / 10_000,
    metric: draft.metric,
    duration_hours: Number(draft.durationHours),
    fallback: draft.fallback,
  };
}

/** The variant keys in use: A, then B… for each variant. */
export function variantKeys(count: number): TAbVariantKey[] {
  return AB_VARIANT_KEYS.slice(0, count + 1);
}

/** The key of the variant at an index of `variants` (0 → B). */
export function variantKey(index: number): TAbVariantKey {
  return AB_VARIANT_KEYS[index + 1] ?? 'E';
}

/**
 * The form field a server error belongs to: `ab_test.variants.1.subject` (or `ab_test.variants.1`, a variant
 * that changes nothing) → `variants.1`, `ab_test.test_share` → `sharePercent`…; null for anything else.
 */
export function draftFieldOfError(path: string): keyof TAbDraft | `variants.${number}` | null {
  const variant = /^ab_test\.variants\.(\d+)(\.|$)/.exec(path);
  if (variant) return `variants.${Number(variant[1])}`;
  const fields: Record<string, keyof TAbDraft> = {
    'ab_test.variants': 'variants',
    'ab_test.test_share': 'sharePercent',
    'ab_test.metric': 'metric',
    'ab_test.duration_hours': 'durationHours',
    'ab_test.fallback': 'fallback',
  };
  return fields[path] ?? null;
}

/** How the recipients split: each variant's share of them and the rest's, as ratios (0 to 1). */
export function splitShares(sharePercent: number, variantCount: number): { test: number; each: number; rest: number; versions: number } {
  const test = Math.min(Math.max(sharePercent, 0), 100) / 100;
  const versions = variantCount + 1;
  return { test, each: test / versions, rest: 1 - test, versions };
}
