import { z } from 'zod';
import { ZCalendarDate, ZId, ZTimestamp } from './common.js';
import { defineAutomationTriggers, defineLeadEventTypes } from './lead-event-definitions.js';

// Sales funnels: a funnel is an ordered list of pages (opt-in, sales, thank-you…) published on the public server.
// The wire shapes shared by the API and the web app, and what the module adds to the lead-event registry and the
// automation catalog. How pages are published and visits counted is in ARCHITECTURE.md ("Funnels").

const funnels = 'funnels';

export const FUNNEL_TYPES = ['webinar', 'product', 'service', 'lead_magnet', 'membership'] as const;
export const ZFunnelType = z.enum(FUNNEL_TYPES);
export type TFunnelType = z.infer<typeof ZFunnelType>;

export const FUNNEL_PAGE_TYPES = ['optin', 'vsl', 'sales', 'upsell', 'downsell', 'thank_you', 'webinar'] as const;
export const ZFunnelPageType = z.enum(FUNNEL_PAGE_TYPES);
export type TFunnelPageType = z.infer<typeof ZFunnelPageType>;

/** The languages templates are written in (and a funnel's public pages are labelled with). */
export const FUNNEL_LANGUAGES = ['fr', 'en'] as const;
export const ZFunnelLanguage = z.enum(FUNNEL_LANGUAGES);
export type TFunnelLanguage = z.infer<typeof ZFunnelLanguage>;

/** Most pages in one funnel (a user-built list is bounded; the longest template has 5). */
export const MAX_FUNNEL_PAGES = 20;
/** Most funnels in a workspace. */
export const MAX_FUNNELS_PER_WORKSPACE = 200;
/** The builder's HTML, CSS and JS of one page, each (the renderer and the editor load them whole). */
export const MAX_PAGE_HTML_CHARS = 500_000;
export const MAX_PAGE_CSS_CHARS = 200_000;
export const MAX_PAGE_JS_CHARS = 100_000;
/** The builder's project document (GrapesJS project data), serialized. */
export const MAX_PAGE_DOCUMENT_CHARS = 1_500_000;
/**
 * The request body of a page's content (the four parts at their limits, with room for JSON escapes and UTF-8): the
 * page routes accept this much, above the server's general BODY_LIMIT_BYTES.
 */
export const PAGE_CONTENT_BODY_LIMIT_BYTES = 6 * 1_048_576;
/** The builder's document, refused past MAX_PAGE_DOCUMENT_CHARS once serialized (the editor checks it too). */
export const ZBuilderDocument = z.record(z.string(), z.unknown()).refine((doc) => JSON.stringify(doc).length <= MAX_PAGE_DOCUMENT_CHARS, {
  error: 'the builder document is too large',
  params: { code: 'document_too_large' },
});

/**
 * A slug: lower-case letters, digits and single hyphens, 1 to 60 characters. Funnel slugs are unique in the whole
 * instance (they are the first segment of a public address), page slugs within their funnel.
 */
export const ZSlug = z
  .string()
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lower-case letters, digits and single hyphens' });

const ZName = z.string().trim().min(1).max(120);
const ZDescription = z.string().trim().max(2000);

/** A funnel as the API shows it. Totals come from its events (visits, opt-ins) and, in part 2, its orders. */
export const ZFunnel = z.object({
  id: ZId,
  name: z.string(),
  description: z.string().nullable(),
  funnel_type: ZFunnelType,
  slug: z.string(),
  language: ZFunnelLanguage,
  /** Published: its published pages answer on the public server. */
  is_active: z.boolean(),
  /** Shown in the Templates tab of the workspace (and usable with from-template). */
  is_template: z.boolean(),
  /** The lead is mailable only after clicking the confirmation mail (double opt-in). */
  double_optin: z.boolean(),
  total_visitors: z.number().int(),
  total_leads: z.number().int(),
  total_sales: z.number().int(),
  /** In cents of the workspace's currency (orders arrive with funnels part 2). */
  total_revenue: z.number().int(),
  /** Leads / visitors, 0 to 1; null before the first visitor. */
  conversion_rate: z.number().nullable(),
  page_count: z.number().int(),
  /** The first page's public address while published, else null. */
  public_url: z.string().nullable(),
  /** The workspace's own domain it answers on at `/` and `/<page slug>` (Settings > Domaines), or null. */
  domain_id: ZId.nullable(),
  domain_hostname: z.string().nullable(),
  /** The first page's address on that domain while published and the domain proved (https assumed), else null. */
  domain_url: z.string().nullable(),
  published_at: ZTimestamp.nullable(),
  created_at: ZTimestamp,
  updated_at: ZTimestamp,
});
export type TFunnel = z.infer<typeof ZFunnel>;

export const ZFunnelList = z.object({ items: z.array(ZFunnel), next_cursor: z.string().nullable() });
export type TFunnelList = z.infer<typeof ZFunnelList>;

export const ZFunnelListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
  funnel_type: ZFunnelType.optional(),
  is_template: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type TFunnelListQuery = z.infer<typeof ZFunnelListQuery>;

export const ZFunnelCreateBody = z.strictObject({
  name: ZName,
  description: ZDescription.nullable().optional(),
  funnel_type: ZFunnelType,
  /** Chosen from the name when absent (and made unique). */
  slug: ZSlug.optional(),
  language: ZFunnelLanguage.optional(),
  is_template: z.boolean().optional(),
  double_optin: z.boolean().optional(),
  /** A domain of the workspace's (one funnel per domain); null stops answering on it. */
  domain_id: ZId.nullable().optional(),
});
export type TFunnelCreateBody = z.infer<typeof ZFunnelCreateBody>;

export const ZFunnelUpdateBody = ZFunnelCreateBody.partial();
export type TFunnelUpdateBody = z.infer<typeof ZFunnelUpdateBody>;

export const ZFunnelDuplicateBody = z.strictObject({ name: ZName.optional() });

/** One page of a funnel as the API shows it. */
export const ZFunnelPage = z.object({
  id: ZId,
  funnel_id: ZId,
  name: z.string(),
  page_type: ZFunnelPageType,
  slug: z.string(),
  html_content: z.string(),
  css_content: z.string(),
  js_content: z.string(),
  /** The builder's project (GrapesJS project data); null for a page written as HTML only. */
  builder_document: z.record(z.string(), z.unknown()).nullable(),
  order: z.number().int(),
  /** Where "next step" buttons and forms go; null: the next page in order (none after the last). */
  next_page_id: ZId.nullable(),
  seo_title: z.string().nullable(),
  seo_description: z.string().nullable(),
  seo_image_url: z.string().nullable(),
  is_published: z.boolean(),
  /** A member page: only the funnel's buyers open it, signed in by an e-mailed link (membership funnels). */
  members_only: z.boolean(),
  /** Its markup has the order form or an offer's accept button (what it sells is the step's offer). */
  has_checkout_blocks: z.boolean(),
  /** The page changed since it was published (the public page shows the published version). */
  has_unpublished_changes: z.boolean(),
  visitors: z.number().int(),
  conversions: z.number().int(),
  /** Conversions / visitors, 0 to 1; null before the first visitor. */
  conversion_rate: z.number().nullable(),
  /** The public address while the page and its funnel are published, else null. */
  public_url: z.string().nullable(),
  published_at: ZTimestamp.nullable(),
  created_at: ZTimestamp,
  updated_at: ZTimestamp,
});
export type TFunnelPage = z.infer<typeof ZFunnelPage>;

/** Pages in order; the list carries no HTML (the builder reads one page at a time). */
export const ZFunnelPageSummary = ZFunnelPage.omit({ html_content: true, css_content: true, js_content: true, builder_document: true });
export type TFunnelPageSummary = z.infer<typeof ZFunnelPageSummary>;
export const ZFunnelPageList = z.object({ items: z.array(ZFunnelPageSummary) });

const ZUrl = z.url({ protocol: /^https?$/ }).max(2000);

export const ZFunnelPageCreateBody = z.strictObject({
  name: ZName,
  page_type: ZFunnelPageType,
  slug: ZSlug.optional(),
  html_content: z.string().max(MAX_PAGE_HTML_CHARS).optional(),
  css_content: z.string().max(MAX_PAGE_CSS_CHARS).optional(),
  js_content: z.string().max(MAX_PAGE_JS_CHARS).optional(),
  builder_document: ZBuilderDocument.nullable().optional(),
  next_page_id: ZId.nullable().optional(),
  seo_title: z.string().trim().max(70).nullable().optional(),
  seo_description: z.string().trim().max(320).nullable().optional(),
  seo_image_url: ZUrl.nullable().optional(),
  members_only: z.boolean().optional(),
  /** Where to insert it (0-based); at the end when absent. */
  order: z.number().int().min(0).max(MAX_FUNNEL_PAGES).optional(),
});
export type TFunnelPageCreateBody = z.infer<typeof ZFunnelPageCreateBody>;

export const ZFunnelPageUpdateBody = ZFunnelPageCreateBody.omit({ order: true }).partial().extend({
  /**
   * false takes this page off the public server (and keeps it off when the funnel is published again); true publishes
   * its current version, live once the funnel is published.
   */
  is_published: z.boolean().optional(),
});
export type TFunnelPageUpdateBody = z.infer<typeof ZFunnelPageUpdateBody>;

export const ZFunnelPageParams = z.object({ id: ZId, pageId: ZId });

/** Every page id of the funnel, in the new order. */
export const ZFunnelPageReorderBody = z.strictObject({ page_ids: z.array(ZId).min(1).max(MAX_FUNNEL_PAGES) });

/** A ready-made funnel offered in the Templates tab (built in, or a workspace funnel marked as a template). */
export const ZFunnelTemplate = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  funnel_type: ZFunnelType,
  language: ZFunnelLanguage,
  /** built_in ships with the product; workspace is one of the workspace's funnels with is_template. */
  source: z.enum(['built_in', 'workspace']),
  pages: z.array(z.object({ name: z.string(), page_type: ZFunnelPageType })),
  /** A small picture of the first page (an address served by the admin app), or null. */
  thumbnail_url: z.string().nullable(),
});
export type TFunnelTemplate = z.infer<typeof ZFunnelTemplate>;
export const ZFunnelTemplateList = z.object({ items: z.array(ZFunnelTemplate) });
export const ZFunnelTemplateListQuery = z.object({ language: ZFunnelLanguage.optional(), funnel_type: ZFunnelType.optional() });

export const ZFunnelFromTemplateBody = z.strictObject({ template_id: z.string().min(1).max(80), name: ZName });

export const FUNNEL_LEAD_EVENT_TYPES = defineLeadEventTypes({
  form_submitted: {
    module: funnels,
    scorable: true,
    segmentable: true,
    trigger: 'form_submitted',
    data: z.looseObject({ form_id: z.string().optional(), page_id: z.string().optional() }),
  },
  page_visited: {
    module: funnels,
    scorable: true,
    segmentable: true,
    trigger: null,
    data: z.looseObject({ page_id: z.string().optional(), url: z.string().optional() }),
  },
  /** A visitor opted in on a funnel page: the lead was created or updated from the form. */
  funnel_optin: {
    module: funnels,
    scorable: true,
    segmentable: true,
    trigger: 'funnel_optin',
    data: z.looseObject({
      funnel_id: z.string(),
      page_id: z.string(),
      utm_source: z.string().optional(),
      utm_medium: z.string().optional(),
      utm_campaign: z.string().optional(),
    }),
  },
});

/** "Form submitted" (generic forms) and "opted in on a funnel" (optionally one funnel). */
export const FUNNEL_AUTOMATION_TRIGGERS = defineAutomationTriggers({
  form_submitted: { module: funnels, params: {} },
  funnel_optin: { module: funnels, params: { funnel_id: z.uuid().optional() } },
});

/** The longest range of a stats request, in days (the events of a year, read through the funnel's time index). */
export const MAX_FUNNEL_STATS_DAYS = 366;

/** A range of days in the workspace's time zone, both included; the last 30 days by default. */
export const ZFunnelStatsQuery = z.object({ from: ZCalendarDate.optional(), to: ZCalendarDate.optional() });
export type TFunnelStatsQuery = z.infer<typeof ZFunnelStatsQuery>;

const ZRate = z.number().nullable();

/** One step (page) of the funnel over the range. */
export const ZFunnelStepStats = z.object({
  page_id: ZId,
  name: z.string(),
  page_type: ZFunnelPageType,
  order: z.number().int(),
  /** Page views (bots left out). */
  visitors: z.number().int(),
  /** Distinct visitors (a visitor is one per day: see ARCHITECTURE.md, "Funnels"). */
  unique_visitors: z.number().int(),
  /** Distinct visitors who opted in or followed a next-step link on this page. */
  conversions: z.number().int(),
  /** conversions / unique_visitors; null without visitors. */
  conversion_rate: ZRate,
  /** Share of the previous step's unique visitors who did not reach this one; null for the first step. */
  drop_off: ZRate,
});

export const ZFunnelUtmRow = z.object({
  utm_source: z.string().nullable(),
  utm_medium: z.string().nullable(),
  utm_campaign: z.string().nullable(),
  unique_visitors: z.number().int(),
  leads: z.number().int(),
  conversion_rate: ZRate,
});

export const ZFunnelDayStats = z.object({ date: z.string(), visitors: z.number().int(), unique_visitors: z.number().int(), leads: z.number().int() });

export const ZFunnelStats = z.object({
  from: z.string(),
  to: z.string(),
  time_zone: z.string(),
  steps: z.array(ZFunnelStepStats),
  /** Distinct visitors of any page, leads (distinct people who opted in), their ratio. */
  unique_visitors: z.number().int(),
  leads: z.number().int(),
  conversion_rate: ZRate,
  /** The 50 biggest UTM combinations by unique visitors (all null: direct or untagged traffic). */
  utm: z.array(ZFunnelUtmRow),
  days: z.array(ZFunnelDayStats),
});
export type TFunnelStats = z.infer<typeof ZFunnelStats>;

// ---------------------------------------------------------------------------------------------------------------------
// Page A/B tests (ARCHITECTURE.md, "Funnels" > "Page A/B tests"). The page itself is variant A (the control); B to E
// are variants of its content with their own builder document, HTML, CSS and JS. Each visitor sticks to one variant
// (a hash, no cookie); the experiments module's rule decides, as for email A/B tests.
// ---------------------------------------------------------------------------------------------------------------------

/** Variants of a page test, the control included (A, then B to E). */
export const MIN_PAGE_VARIANTS = 2;
export const MAX_PAGE_VARIANTS = 5;
export const PAGE_VARIANT_KEYS = ['A', 'B', 'C', 'D', 'E'] as const;
export type TPageVariantKey = (typeof PAGE_VARIANT_KEYS)[number];
/** The decision rule (the email tests' values): a variant wins at this probability to beat A… */
export const PAGE_AB_WIN_PROBABILITY = 0.95;
/** …once every variant has at least this many unique visitors. */
export const PAGE_AB_MIN_VISITORS = 100;

export const PAGE_AB_TEST_STATUSES = ['draft', 'running', 'ended'] as const;
export type TPageAbTestStatus = (typeof PAGE_AB_TEST_STATUSES)[number];

/** A share of the traffic, relative to the others' (they need not sum to 100: normalized when serving). */
const ZVariantWeight = z.number().int().min(1).max(100);

/** One variant as the test's list shows it (no content). */
export const ZPageVariantSummary = z.object({
  id: ZId,
  key: z.enum(PAGE_VARIANT_KEYS),
  name: z.string(),
  weight: z.number().int(),
  /** The control is the page itself: its content is the page's. */
  is_control: z.boolean(),
  /** The variant's content changed since it was last published (with the page, or at the test's start). */
  has_unpublished_changes: z.boolean(),
  published_at: ZTimestamp.nullable(),
});
export type TPageVariantSummary = z.infer<typeof ZPageVariantSummary>;

/** A variant with its content (the builder's shape: a variant is edited like a page). */
export const ZPageVariant = ZPageVariantSummary.extend({
  page_id: ZId,
  funnel_id: ZId,
  html_content: z.string(),
  css_content: z.string(),
  js_content: z.string(),
  builder_document: z.record(z.string(), z.unknown()).nullable(),
});
export type TPageVariant = z.infer<typeof ZPageVariant>;

/** One variant's numbers since the test started (unique visitors are one per day, as in the funnel stats). */
export const ZPageVariantResult = z.object({
  id: ZId,
  key: z.enum(PAGE_VARIANT_KEYS),
  name: z.string(),
  weight: z.number().int(),
  is_control: z.boolean(),
  visitors: z.number().int(),
  /** Of those visitors, the ones who opted in or followed a next-step link. */
  conversions: z.number().int(),
  rate: z.number(),
  /** The 95 % credible interval of the rate. */
  interval: z.tuple([z.number(), z.number()]),
  /** Null for the control. */
  probability_to_beat_control: z.number().nullable(),
});
export type TPageVariantResult = z.infer<typeof ZPageVariantResult>;

/** A page's A/B test: its settings, variants and (once started) each variant's numbers and the rule's verdict. */
export const ZPageAbTest = z.object({
  id: ZId,
  page_id: ZId,
  funnel_id: ZId,
  status: z.enum(PAGE_AB_TEST_STATUSES),
  /** Apply a clear winner on its own (checked every 15 minutes while the test runs). */
  auto_apply: z.boolean(),
  started_at: ZTimestamp.nullable(),
  ended_at: ZTimestamp.nullable(),
  /** The variant applied to the page (null: none; the control when it was kept). */
  winner_variant_id: ZId.nullable(),
  decided_by: z.enum(['automatic', 'manual']).nullable(),
  variants: z.array(ZPageVariantSummary),
  /** Null before the first start. */
  results: z
    .object({
      variants: z.array(ZPageVariantResult),
      sample_ratio: z.object({ chi_square: z.number(), p_value: z.number(), mismatch: z.boolean() }),
      decision: z.object({
        kind: z.enum(['winner', 'no_clear_winner', 'blocked']),
        /** The winner, or the variant kept without one (the control). */
        variant_id: ZId,
        key: z.enum(PAGE_VARIANT_KEYS),
        reason: z.enum(['not_enough_data', 'below_threshold', 'sample_ratio_mismatch']).nullable(),
        probability: z.number().nullable(),
      }),
    })
    .nullable(),
});
export type TPageAbTest = z.infer<typeof ZPageAbTest>;

export const ZPageAbTestState = z.object({ ab_test: ZPageAbTest.nullable() });
export type TPageAbTestState = z.infer<typeof ZPageAbTestState>;

export const ZPageAbTestUpdateBody = z.strictObject({ auto_apply: z.boolean() });

/** A new variant: a copy of the page's current content, named, with its weight (50 by default). */
export const ZPageVariantCreateBody = z.strictObject({ name: ZName.optional(), weight: ZVariantWeight.optional() });
export type TPageVariantCreateBody = z.infer<typeof ZPageVariantCreateBody>;

/** Name and weight (the control's too); the content of B to E (what the builder saves). */
export const ZPageVariantUpdateBody = z.strictObject({
  name: ZName.optional(),
  weight: ZVariantWeight.optional(),
  html_content: z.string().max(MAX_PAGE_HTML_CHARS).optional(),
  css_content: z.string().max(MAX_PAGE_CSS_CHARS).optional(),
  js_content: z.string().max(MAX_PAGE_JS_CHARS).optional(),
  builder_document: ZBuilderDocument.nullable().optional(),
});
export type TPageVariantUpdateBody = z.infer<typeof ZPageVariantUpdateBody>;

export const ZPageAbTestParams = z.object({ id: ZId, pageId: ZId });
export const ZPageVariantParams = z.object({ id: ZId, pageId: ZId, variantId: ZId });

/** The variant whose content becomes the page's (the control: the page stays as it is). */
export const ZPageAbApplyWinnerBody = z.strictObject({ variant_id: ZId });

// ---------------------------------------------------------------------------------------------------------------
// Webinars (issue 12 part 3): a webinar funnel's sessions, video, replay and reminders, and its registrations
// (ARCHITECTURE.md, "Funnels" > "Webinars").

export const WEBINAR_MODES = ['fixed', 'evergreen'] as const;
/** At most this many dated sessions (fixed mode). */
export const MAX_WEBINAR_FIXED_SESSIONS = 10;
/** Evergreen: at most 7 weekdays × 6 times of day. */
export const MAX_WEBINAR_TIMES_PER_DAY = 6;
/** The replay window, in hours from the session's start (0: no replay). */
export const MAX_WEBINAR_REPLAY_HOURS = 720;
/** Upcoming sessions offered at once (evergreen). */
export const MAX_WEBINAR_SLOTS_OFFERED = 10;

const ZWebinarClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time HH:MM (24 h)' });

export const ZWebinarSettingsBody = z
  .strictObject({
    mode: z.enum(WEBINAR_MODES),
    /** Fixed: the sessions' starts (ISO 8601 with an offset), at most MAX_WEBINAR_FIXED_SESSIONS. */
    sessions: z
      .array(z.iso.datetime({ offset: true }))
      .max(MAX_WEBINAR_FIXED_SESSIONS)
      .default([]),
    /** Evergreen: ISO weekdays (1 Monday … 7 Sunday) and times of day, in `timezone`. */
    schedule_days: z.array(z.number().int().min(1).max(7)).max(7).default([]),
    schedule_times: z.array(ZWebinarClock).max(MAX_WEBINAR_TIMES_PER_DAY).default([]),
    /** IANA zone of the schedule; null: the workspace's. */
    timezone: z
      .string()
      .max(64)
      .refine((value) => isKnownZone(value), { error: 'must be an IANA time zone such as Europe/Paris', params: { code: 'time_zone' } })
      .nullable()
      .default(null),
    /** Evergreen: a slot is offered only this long before it starts, at least. */
    min_delay_minutes: z.number().int().min(0).max(10_080).default(15),
    /** Evergreen: how many upcoming slots the form offers. */
    slots_offered: z.number().int().min(1).max(MAX_WEBINAR_SLOTS_OFFERED).default(3),
    /** YouTube, Vimeo or an MP4 file (https); null: none yet. */
    video_url: z.string().trim().max(2000).nullable().default(null),
    duration_minutes: z.number().int().min(1).max(600).default(60),
    replay_hours: z.number().int().min(0).max(MAX_WEBINAR_REPLAY_HOURS).default(48),
    /** The sequence that sends the confirmation and reminders (its `wait_anchor` steps count from the session). */
    reminder_sequence_id: ZId.nullable().default(null),
  })
  .superRefine((body, ctx) => {
    if (body.mode === 'fixed' && body.sessions.length === 0)
      ctx.addIssue({ code: 'custom', path: ['sessions'], message: 'at least one session', params: { code: 'webinar_no_session' } });
    if (body.mode === 'evergreen' && (body.schedule_days.length === 0 || body.schedule_times.length === 0))
      ctx.addIssue({ code: 'custom', path: ['schedule_times'], message: 'at least one weekday and one time', params: { code: 'webinar_no_session' } });
    if (new Set(body.sessions.map((s) => Date.parse(s))).size !== body.sessions.length)
      ctx.addIssue({ code: 'custom', path: ['sessions'], message: 'a session is listed twice', params: { code: 'webinar_duplicate_session' } });
    if (body.video_url && !webinarVideoOf(body.video_url))
      ctx.addIssue({ code: 'custom', path: ['video_url'], message: 'must be a YouTube, Vimeo or https MP4 address', params: { code: 'webinar_video_url' } });
  });
export type TWebinarSettingsBody = z.infer<typeof ZWebinarSettingsBody>;

export const ZWebinarSessionCount = z.object({ starts_at: ZTimestamp, registrations: z.number().int(), offered: z.boolean() });

export const ZWebinarSettings = z.object({
  /** null: not set up yet (GET on a webinar funnel without settings). */
  settings: z
    .object({
      mode: z.enum(WEBINAR_MODES),
      sessions: z.array(ZTimestamp),
      schedule_days: z.array(z.number().int()),
      schedule_times: z.array(z.string()),
      timezone: z.string().nullable(),
      min_delay_minutes: z.number().int(),
      slots_offered: z.number().int(),
      video_url: z.string().nullable(),
      duration_minutes: z.number().int(),
      replay_hours: z.number().int(),
      reminder_sequence_id: ZId.nullable(),
      updated_at: ZTimestamp,
    })
    .nullable(),
  /** The time zone sessions are shown in (the schedule's, else the workspace's). */
  time_zone: z.string(),
  /** The sessions offered now, then the last 20 sessions that have registrations, with their counts. */
  sessions: z.array(ZWebinarSessionCount),
  /** The workspace's sequences, for the reminder choice. */
  sequences: z.array(z.object({ id: ZId, name: z.string(), status: z.string() })),
});
export type TWebinarSettings = z.infer<typeof ZWebinarSettings>;

export const ZWebinarRegistration = z.object({
  id: ZId,
  lead_id: ZId,
  lead: z.object({ first_name: z.string().nullable(), last_name: z.string().nullable(), email: z.string().nullable() }),
  session_at: ZTimestamp,
  created_at: ZTimestamp,
});
export const ZWebinarRegistrationList = z.object({ items: z.array(ZWebinarRegistration), next_cursor: z.string().nullable() });
export type TWebinarRegistrationList = z.infer<typeof ZWebinarRegistrationList>;
export const ZWebinarRegistrationQuery = z.object({
  /** Only this session's registrations (ISO start). */
  session_at: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** A webinar's video as the players need it: a YouTube or Vimeo id, or an MP4 file's https address. */
export type TWebinarVideo = { provider: 'youtube' | 'vimeo' | 'file'; video: string };

export function webinarVideoOf(url: string): TWebinarVideo | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.replace(/^(www|m)\./, '');
  const youtubeId = (id: string | null | undefined) => (id && /^[A-Za-z0-9_-]{6,20}$/.test(id) ? { provider: 'youtube' as const, video: id } : null);
  if (host === 'youtu.be') return youtubeId(parsed.pathname.split('/')[1]);
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    if (parsed.pathname === '/watch') return youtubeId(parsed.searchParams.get('v'));
    const [, kind, id] = parsed.pathname.split('/');
    return kind === 'embed' || kind === 'live' || kind === 'shorts' ? youtubeId(id) : null;
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = parsed.pathname.split('/').find((part) => /^\d{3,15}$/.test(part));
    return id ? { provider: 'vimeo', video: id } : null;
  }
  if (/\.mp4$/i.test(parsed.pathname) && !/[\s"'<>]/.test(url)) return { provider: 'file', video: parsed.toString() };
  return null;
}

function isKnownZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
