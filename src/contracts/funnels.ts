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
  builder_document: z.record(z.string(), z.unknown()).nullable().optional(),
  next_page_id: ZId.nullable().optional(),
  seo_title: z.string().trim().max(70).nullable().optional(),
  seo_description: z.string().trim().max(320).nullable().optional(),
  seo_image_url: ZUrl.nullable().optional(),
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
  /** Orders and revenue arrive with funnels part 2 (payments): 0 and null until then. */
  sales: z.number().int(),
  revenue: z.number().int(),
  average_order_value: z.number().nullable(),
  /** The 50 biggest UTM combinations by unique visitors (all null: direct or untagged traffic). */
  utm: z.array(ZFunnelUtmRow),
  days: z.array(ZFunnelDayStats),
});
export type TFunnelStats = z.infer<typeof ZFunnelStats>;
