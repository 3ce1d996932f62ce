import { z } from 'zod';
import { ZAdCampaign, ZTargetAudience } from './ads.js';
import { ZCalendarDate, ZCurrency, ZId, ZTimestamp } from './common.js';
import { ZRuleGroup } from './crm-segments.js';
import { ZEmailCampaign } from './email-campaigns.js';
import { ZFunnel, ZFunnelLanguage, ZFunnelPage, ZFunnelType, type TFunnelPageType, type TFunnelType } from './funnels.js';

// AI generation (spec "GÉNÉRATION IA", issue 15): the three endpoints' bodies, the copy a writer produces (the
// built-in generator and a model produce the same shapes, checked by the same schemas), the brand kit and the
// settings. Writers return plain text only: no HTML, no links. Our renderers escape it and place it in our own
// blocks, and every link is decided by the server (the workspace's own pages), so an answer cannot inject markup,
// scripts or foreign links.

/** The languages we write in (the funnels' languages). */
export const ZAiLanguage = ZFunnelLanguage;
export type TAiLanguage = z.infer<typeof ZAiLanguage>;

/** Tones, with the French words a member may type (the spec's example sends "professionnel"). */
export const AI_TONES = ['professional', 'friendly', 'enthusiastic', 'inspiring', 'direct', 'playful'] as const;
export type TAiTone = (typeof AI_TONES)[number];
const FRENCH_TONES: Record<string, TAiTone> = {
  professionnel: 'professional',
  amical: 'friendly',
  chaleureux: 'friendly',
  enthousiaste: 'enthusiastic',
  inspirant: 'inspiring',
  ludique: 'playful',
  humoristique: 'playful',
};
export const ZAiTone = z.preprocess(
  (value) => (typeof value === 'string' ? (FRENCH_TONES[value.trim().toLowerCase()] ?? value.trim().toLowerCase()) : value),
  z.enum(AI_TONES),
);

/** A free text of the brief: data for the writer, never instructions (prompts keep it in a delimited field). */
const briefText = (max: number) => z.string().trim().min(2).max(max);

// ---------------------------------------------------------------------------------------------------------------
// Funnels

/** What each page of a generated funnel is for, in order, per funnel type (a webinar funnel has 7). */
export const FUNNEL_PAGE_ROLES = [
  'registration',
  'confirmation',
  'replay',
  'optin',
  'vsl',
  'sales',
  'upsell',
  'downsell',
  'thank_you',
  'application',
  'member_welcome',
] as const;
export type TFunnelPageRole = (typeof FUNNEL_PAGE_ROLES)[number];
export const ZFunnelPageRole = z.enum(FUNNEL_PAGE_ROLES);

export const GENERATED_FUNNEL_PAGES: Record<TFunnelType, TFunnelPageRole[]> = {
  webinar: ['registration', 'confirmation', 'replay', 'sales', 'upsell', 'downsell', 'thank_you'],
  product: ['vsl', 'sales', 'upsell', 'downsell', 'thank_you'],
  service: ['optin', 'application', 'thank_you'],
  lead_magnet: ['optin', 'thank_you', 'sales'],
  membership: ['sales', 'thank_you', 'member_welcome'],
};

/** The funnel page type (contracts/funnels.ts) each role is saved as. */
export const PAGE_TYPE_OF_ROLE: Record<TFunnelPageRole, TFunnelPageType> = {
  registration: 'optin',
  confirmation: 'thank_you',
  replay: 'webinar',
  optin: 'optin',
  vsl: 'vsl',
  sales: 'sales',
  upsell: 'upsell',
  downsell: 'downsell',
  thank_you: 'thank_you',
  application: 'optin',
  member_welcome: 'thank_you',
};

export const ZFunnelGenerateBody = z.strictObject({
  type: ZFunnelType,
  topic: briefText(200),
  /** The main offer's price in the workspace's currency (0: free). */
  product_price: z.number().min(0).max(1_000_000),
  target_audience: briefText(300),
  language: ZAiLanguage.optional(),
  tone: ZAiTone.optional(),
  /** What the offer contains, its bonuses, its guarantee… in the member's words. */
  offer_details: z.string().trim().max(2000).optional(),
  /** The new funnel's name (a funnel's name is at most 120 characters); by default one written from the topic. */
  name: z.string().trim().min(1).max(120).optional(),
});
export type TFunnelGenerateBody = z.infer<typeof ZFunnelGenerateBody>;

const line = (max: number) => z.string().trim().min(2).max(max);

/** The copy of one page: what every page role needs; the renderer uses what its role shows. */
export const ZPageCopy = z.strictObject({
  role: ZFunnelPageRole,
  name: line(80),
  seo_title: line(70),
  seo_description: line(160),
  eyebrow: line(60),
  headline: line(120),
  /** The promise under the headline. */
  promise: line(300),
  /** 3 to 6 benefits. */
  bullets: z.array(line(160)).min(3).max(6),
  /** Two to four blocks of persuasion (problem, method, proof of the method, who it is for…). */
  sections: z
    .array(z.strictObject({ title: line(90), text: line(600) }))
    .min(2)
    .max(4),
  /** Objections answered, shown as a FAQ. */
  faq: z
    .array(z.strictObject({ question: line(150), answer: line(500) }))
    .min(3)
    .max(6),
  cta_label: line(50),
  /** A line under the call to action (scarcity, reassurance). */
  cta_note: line(160),
  guarantee: line(300),
});
export type TPageCopy = z.infer<typeof ZPageCopy>;

export const ZFunnelCopy = z.strictObject({
  funnel_name: line(120),
  description: line(400),
  pages: z.array(ZPageCopy).min(1).max(10),
});
export type TFunnelCopy = z.infer<typeof ZFunnelCopy>;

// ---------------------------------------------------------------------------------------------------------------
// Email campaigns

export const EMAIL_GENERATION_TYPES = ['newsletter', 'promotion', 'welcome', 'product_launch', 'event_invitation', 're_engagement', 'follow_up'] as const;
export type TEmailGenerationType = (typeof EMAIL_GENERATION_TYPES)[number];
export const ZEmailGenerationType = z.enum(EMAIL_GENERATION_TYPES);

export const ZEmailGenerateBody = z.strictObject({
  type: ZEmailGenerationType,
  topic: briefText(200),
  audience: briefText(300),
  tone: ZAiTone.default('professional'),
  language: ZAiLanguage.optional(),
  /** Where the call to action leads: one of the workspace's own published pages or domains; by default its main page. */
  link_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  name: z.string().trim().min(1).max(200).optional(),
});
export type TEmailGenerateBody = z.infer<typeof ZEmailGenerateBody>;

/** The copy of an email: plain text; the renderer adds the greeting's Liquid, the button's link and the footer. */
export const ZEmailCopy = z.strictObject({
  name: line(120),
  subject: line(90),
  /** Three other subjects, ready for an A/B test. */
  subject_alternatives: z.array(line(90)).length(3),
  preheader: line(140),
  /** Opening line after "Bonjour {{ prénom }}," */
  intro: line(400),
  sections: z
    .array(z.strictObject({ title: line(90), paragraphs: z.array(line(700)).min(1).max(3), bullets: z.array(line(160)).max(5) }))
    .min(1)
    .max(4),
  cta_label: line(50),
  closing: line(300),
  /** A post-scriptum (one more reason to click). */
  ps: line(300),
});
export type TEmailCopy = z.infer<typeof ZEmailCopy>;

/** The segment suggested with a generated email: a rule tree over the workspace's real fields and events, with its count. */
export const ZSuggestedSegment = z.object({
  description: z.string(),
  rules: ZRuleGroup,
  /** Leads matching now (the segments' preview count). */
  count: z.number().int(),
});
export type TSuggestedSegment = z.infer<typeof ZSuggestedSegment>;

// ---------------------------------------------------------------------------------------------------------------
// Ads

/** The ad platforms a creative can be written for (a campaign's platform; TikTok and "other" have no generator). */
export const AD_GENERATION_PLATFORMS = ['facebook', 'instagram', 'google', 'linkedin'] as const;
export type TAdGenerationPlatform = (typeof AD_GENERATION_PLATFORMS)[number];
export const ZAdGenerationPlatform = z.enum(AD_GENERATION_PLATFORMS);

export const AD_OBJECTIVES = ['conversions', 'leads', 'traffic', 'awareness', 'engagement'] as const;
export type TAdObjective = (typeof AD_OBJECTIVES)[number];

/** The platforms' character limits (Meta's recommended lengths; Google responsive search ads; LinkedIn single image). */
export const AD_TEXT_LIMITS = {
  meta: { primary_text: 125, headline: 40, description: 30 },
  google: { headline: 30, headlines: 15, description: 90, descriptions: 4 },
  linkedin: { intro_text: 150, headline: 70 },
} as const;

export const ZMetaAdVariant = z.strictObject({
  primary_text: line(AD_TEXT_LIMITS.meta.primary_text),
  headline: line(AD_TEXT_LIMITS.meta.headline),
  description: line(AD_TEXT_LIMITS.meta.description),
});
export const ZGoogleAdVariant = z.strictObject({
  headlines: z.array(line(AD_TEXT_LIMITS.google.headline)).min(3).max(AD_TEXT_LIMITS.google.headlines),
  descriptions: z.array(line(AD_TEXT_LIMITS.google.description)).min(2).max(AD_TEXT_LIMITS.google.descriptions),
});
export const ZLinkedInAdVariant = z.strictObject({
  intro_text: line(AD_TEXT_LIMITS.linkedin.intro_text),
  headline: line(AD_TEXT_LIMITS.linkedin.headline),
});
export type TMetaAdVariant = z.infer<typeof ZMetaAdVariant>;
export type TGoogleAdVariant = z.infer<typeof ZGoogleAdVariant>;
export type TLinkedInAdVariant = z.infer<typeof ZLinkedInAdVariant>;
export type TAdVariant = TMetaAdVariant | TGoogleAdVariant | TLinkedInAdVariant;

/** The variant schema of a platform. */
export function adVariantSchema(platform: TAdGenerationPlatform) {
  if (platform === 'google') return ZGoogleAdVariant;
  if (platform === 'linkedin') return ZLinkedInAdVariant;
  return ZMetaAdVariant;
}

/** A suggested audience in the platform's targeting terms (ads' own structured audience), with why. */
export const ZSuggestedAudience = z.strictObject({
  name: line(80),
  rationale: line(300),
  targeting: ZTargetAudience,
});
export type TSuggestedAudience = z.infer<typeof ZSuggestedAudience>;

/** The copy of an ad campaign (variants are checked against the platform's schema apart). */
export const ZAdCopy = z.strictObject({
  campaign_name: line(120),
  variants: z.array(z.unknown()).length(5),
  audiences: z.array(ZSuggestedAudience).min(2).max(4),
  /** The texts of the 3 visuals: a short headline and a line under it. */
  visual_texts: z.array(z.strictObject({ headline: line(60), subline: line(90) })).length(3),
});
export type TAdCopy = Omit<z.infer<typeof ZAdCopy>, 'variants'> & { variants: TAdVariant[] };

export const AD_VISUAL_FORMATS = ['1:1', '1.91:1', '9:16'] as const;
export type TAdVisualFormat = (typeof AD_VISUAL_FORMATS)[number];
/** Pixel sizes of each format (Meta and LinkedIn's recommended sizes). */
export const AD_VISUAL_SIZES: Record<TAdVisualFormat, { width: number; height: number }> = {
  '1:1': { width: 1080, height: 1080 },
  '1.91:1': { width: 1200, height: 628 },
  '9:16': { width: 1080, height: 1920 },
};
export const ZAdVisual = z.object({
  format: z.enum(AD_VISUAL_FORMATS),
  url: z.string(),
  file_id: ZId,
  /** `composition`: drawn on the server from the brand kit; `model`: an image model's. */
  source: z.enum(['composition', 'model']),
});
export type TAdVisual = z.infer<typeof ZAdVisual>;

/** One period of the budget plan: a test phase then a scale phase, by default. */
export const ZBudgetPlanPhase = z.object({
  phase: z.enum(['test', 'scale']),
  from: ZCalendarDate,
  to: ZCalendarDate,
  amount: z.number(),
  daily: z.number(),
  note: z.string(),
});
export type TBudgetPlanPhase = z.infer<typeof ZBudgetPlanPhase>;

export const ZAdGenerateBody = z
  .strictObject({
    platform: z.preprocess((value) => (value === 'meta' ? 'facebook' : value), ZAdGenerationPlatform),
    product: briefText(200),
    objective: z.enum(AD_OBJECTIVES),
    /** The campaign's whole budget over the period, in `currency`. */
    budget: z.number().min(1).max(10_000_000),
    currency: ZCurrency.optional(),
    /** The period; by default 30 days from tomorrow. */
    start_date: ZCalendarDate.optional(),
    end_date: ZCalendarDate.optional(),
    language: ZAiLanguage.optional(),
    tone: ZAiTone.optional(),
    /** Who it is for, in the member's words (else the brand kit's audience). */
    audience: z.string().trim().max(300).optional(),
    /** Where the ads lead: one of the workspace's own published pages or domains. */
    landing_url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
  })
  .refine((b) => !b.start_date || !b.end_date || b.end_date >= b.start_date, {
    path: ['end_date'],
    error: 'must not be before start_date',
    params: { code: 'end_before_start' },
  });
export type TAdGenerateBody = z.infer<typeof ZAdGenerateBody>;

/** What POST /ads/generate adds to the campaign it returns (also kept on the generation, see ZAiGeneration). */
export const ZAdCreativeSet = z.object({
  generation_id: ZId,
  variants: z.array(z.record(z.string(), z.unknown())),
  visuals: z.array(ZAdVisual),
  audiences: z.array(ZSuggestedAudience),
  budget_plan: z.array(ZBudgetPlanPhase),
});
export type TAdCreativeSet = z.infer<typeof ZAdCreativeSet>;

// ---------------------------------------------------------------------------------------------------------------
// Rewrite (the editors' "on a selected text")

export const REWRITE_ACTIONS = ['rewrite', 'shorten', 'lengthen', 'change_tone', 'translate'] as const;
export const ZRewriteBody = z.strictObject({
  text: z.string().trim().min(1).max(4000),
  action: z.enum(REWRITE_ACTIONS),
  /** For change_tone. */
  tone: ZAiTone.optional(),
  /** The text's language; translate goes to the other one. */
  language: ZAiLanguage.default('fr'),
});
export type TRewriteBody = z.infer<typeof ZRewriteBody>;
export const ZRewriteResult = z.object({ text: z.string(), writer: z.enum(['builtin', 'model']) });

// ---------------------------------------------------------------------------------------------------------------
// Brand kit, settings, usage

const ZHexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #1c5fb8');

export const ZBrandKit = z.object({
  brand_name: z.string(),
  tone: z.enum(AI_TONES),
  primary_color: z.string(),
  secondary_color: z.string(),
  /** A file of the media library (its public URL is `logo_url`). */
  logo_file_id: ZId.nullable(),
  logo_url: z.string().nullable(),
  main_offer: z.string(),
  audience: z.string(),
  words_to_avoid: z.array(z.string()),
  language: ZAiLanguage,
  updated_at: ZTimestamp.nullable(),
});
export type TBrandKit = z.infer<typeof ZBrandKit>;

export const ZBrandKitBody = z
  .strictObject({
    brand_name: z.string().trim().max(120),
    tone: ZAiTone,
    primary_color: ZHexColor,
    secondary_color: ZHexColor,
    logo_file_id: ZId.nullable(),
    main_offer: z.string().trim().max(500),
    audience: z.string().trim().max(300),
    words_to_avoid: z.array(z.string().trim().min(1).max(60)).max(50),
    language: ZAiLanguage,
  })
  .partial();
export type TBrandKitBody = z.infer<typeof ZBrandKitBody>;

/** Which writer the workspace's generations use, where its settings come from, and this month's usage. */
export const ZAiStatus = z.object({
  writer: z.enum(['builtin', 'model']),
  /** `workspace`: its own credential (settings); `environment`: the installation's AI_* variables; null: built-in. */
  source: z.enum(['workspace', 'environment']).nullable(),
  model: z.string().nullable(),
  image_model: z.string().nullable(),
  usage: z.object({
    month: z.string(),
    requests: z.number().int(),
    input_tokens: z.number().int(),
    output_tokens: z.number().int(),
    images: z.number().int(),
    /** In US dollars (providers bill in dollars); 0 when no price is configured. */
    cost: z.number(),
    /** The month's cap in dollars; null: none. */
    cost_cap: z.number().nullable(),
    token_cap: z.number().int().nullable(),
  }),
});
export type TAiStatus = z.infer<typeof ZAiStatus>;

export const AI_GENERATION_KINDS = ['funnel', 'email', 'ad', 'rewrite'] as const;
/** One generation, kept so a page, an email or a variant can be regenerated and the ads page shows its creatives. */
export const ZAiGeneration = z.object({
  id: ZId,
  kind: z.enum(AI_GENERATION_KINDS),
  writer: z.enum(['builtin', 'model']),
  model: z.string().nullable(),
  /** The funnel, email campaign or ad campaign made. */
  target_id: ZId.nullable(),
  brief: z.record(z.string(), z.unknown()),
  output: z.record(z.string(), z.unknown()),
  created_at: ZTimestamp,
});
export type TAiGeneration = z.infer<typeof ZAiGeneration>;

/** The progress events of a streamed generation (`Accept: text/event-stream`), then `result` or `error`. */
export const ZAiProgressEvent = z.object({
  step: z.string(),
  done: z.number().int(),
  total: z.number().int(),
});
export type TAiProgressEvent = z.infer<typeof ZAiProgressEvent>;

// ---------------------------------------------------------------------------------------------------------------
// What the endpoints answer

/** POST /funnels/generate: the draft funnel as the funnels API shows it, with its pages. */
export const ZGeneratedFunnel = ZFunnel.extend({ pages: z.array(ZFunnelPage), generation_id: ZId });
export type TGeneratedFunnel = z.infer<typeof ZGeneratedFunnel>;

/** POST /email-campaigns/generate: the draft campaign, its three other subjects and the suggested segment. */
export const ZGeneratedEmailCampaign = ZEmailCampaign.extend({
  generation_id: ZId,
  subject_alternatives: z.array(z.string()),
  suggested_segment: ZSuggestedSegment,
});
export type TGeneratedEmailCampaign = z.infer<typeof ZGeneratedEmailCampaign>;

/** POST /ads/generate: the draft ad campaign and its creatives. */
export const ZGeneratedAdCampaign = ZAdCampaign.extend(ZAdCreativeSet.shape);
export type TGeneratedAdCampaign = z.infer<typeof ZGeneratedAdCampaign>;

/** Regenerate one part of a generation: a funnel's page, the email, or an ad variant (by index, from 0). */
export const ZRegenerateBody = z.discriminatedUnion('part', [
  z.strictObject({ part: z.literal('page'), index: z.number().int().min(0).max(20) }),
  z.strictObject({ part: z.literal('email') }),
  z.strictObject({ part: z.literal('variant'), index: z.number().int().min(0).max(4) }),
]);
export type TRegenerateBody = z.infer<typeof ZRegenerateBody>;

export const ZRegenerateResult = z.object({
  generation: ZAiGeneration,
  page: ZFunnelPage.optional(),
  campaign: ZEmailCampaign.optional(),
  variant: z.record(z.string(), z.unknown()).optional(),
});
export type TRegenerateResult = z.infer<typeof ZRegenerateResult>;

export const ZAiGenerationListQuery = z.object({ target_id: ZId });
export const ZAiGenerationList = z.object({ items: z.array(ZAiGeneration) });
