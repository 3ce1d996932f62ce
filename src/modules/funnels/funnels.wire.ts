import { BLOCK_ATTRIBUTE, BLOCK_KINDS } from '../../contracts/funnel-blocks.js';
import { iso } from '../../contracts/common.js';
import type { TFunnel, TFunnelPage, TFunnelPageSummary } from '../../contracts/funnels.js';
import type { TFunnelExtras, TFunnelPageRow, TFunnelRow } from './funnels.service.js';
import { pageUrl } from './publishing/public-paths.js';
import { rate } from './analytics/rate.js';

/** The order form or an offer's accept button in a page's markup (the checkout's blocks, contracts/funnel-blocks.ts). */
const CHECKOUT_BLOCKS = new RegExp(`${BLOCK_ATTRIBUTE}=["'](${BLOCK_KINDS.orderForm}|${BLOCK_KINDS.upsellAccept})["']`);

export function funnel(row: TFunnelRow, extras: TFunnelExtras | undefined, publicUrl: string): TFunnel {
  const first = row.is_active ? (extras?.firstPublishedSlug ?? null) : null;
  const domain = extras?.domain ?? null;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    funnel_type: row.funnel_type,
    slug: row.slug,
    language: row.language,
    is_active: row.is_active,
    is_template: row.is_template,
    double_optin: row.double_optin,
    total_visitors: row.total_visitors,
    total_leads: row.total_leads,
    total_sales: row.total_sales,
    total_revenue: row.total_revenue,
    conversion_rate: rate(row.total_leads, row.total_visitors),
    page_count: extras?.pageCount ?? 0,
    public_url: first ? pageUrl(publicUrl, row.slug, first) : null,
    domain_id: row.domain_id,
    domain_hostname: domain?.hostname ?? null,
    domain_url: first && domain?.verified ? `https://${domain.hostname}/${first}` : null,
    published_at: iso(row.published_at),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

export function pageSummary(row: TFunnelPageRow, owner: TFunnelRow, publicUrl: string): TFunnelPageSummary {
  return {
    id: row.id,
    funnel_id: row.funnel_id,
    name: row.name,
    page_type: row.page_type,
    slug: row.slug,
    order: row.position,
    next_page_id: row.next_page_id,
    seo_title: row.seo_title,
    seo_description: row.seo_description,
    seo_image_url: row.seo_image_url,
    is_published: row.is_published,
    members_only: row.members_only,
    has_checkout_blocks: CHECKOUT_BLOCKS.test(row.html_content),
    has_unpublished_changes: row.is_published && row.published_at !== null && row.content_updated_at > row.published_at,
    visitors: row.visitors,
    conversions: row.conversions,
    conversion_rate: rate(row.conversions, row.visitors),
    public_url: owner.is_active && row.is_published ? pageUrl(publicUrl, owner.slug, row.slug) : null,
    published_at: iso(row.published_at),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

export function page(row: TFunnelPageRow, owner: TFunnelRow, publicUrl: string): TFunnelPage {
  return {
    ...pageSummary(row, owner, publicUrl),
    html_content: row.html_content,
    css_content: row.css_content,
    js_content: row.js_content,
    builder_document: row.builder_document ?? null,
  };
}
