import type { TFunnelLanguage, TFunnelPageType, TFunnelType } from '../../../contracts/funnels.js';

/** One page of a built-in template: what a new funnel's page starts with (the builder opens it from its HTML and CSS). */
export type TTemplatePage = {
  name: string;
  page_type: TFunnelPageType;
  slug: string;
  /** Body markup only (no <html>, <head> or <body>), using the blocks of contracts/funnel-blocks.ts. */
  html: string;
  css: string;
  seo_title: string;
  seo_description: string;
  /** A member page: only the funnel's buyers open it. */
  members_only?: boolean;
};

/** A built-in funnel template: one per funnel type and language at least (templates/index.ts lists them). */
export type TFunnelTemplateDefinition = {
  /** Stable id, e.g. `lead-magnet-fr` (from-template takes it). */
  id: string;
  name: string;
  description: string;
  funnel_type: TFunnelType;
  language: TFunnelLanguage;
  pages: TTemplatePage[];
};
