// The public server's paths for funnels, in one place: the page addresses (PUBLIC_URL/<funnel slug>/<page slug>) and
// the `/p/` paths our pages call (forms, next-step links, scripts). `p` is a reserved funnel slug (slugs.ts).

export const RUNTIME_SCRIPT_PATH = '/p/runtime.js';
/** The checkout script (commerce's): pages with an order form or offer buttons load it. */
export const CHECKOUT_SCRIPT_PATH = '/p/checkout.js';

/** The hidden form fields our runtime script fills from the page's address and referrer. */
export const UTM_FIELDS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'mk_ref'] as const;
/**
 * The ad networks' click ids our runtime script also copies from the landing address (Google `gclid`, Meta `fbclid`,
 * LinkedIn `li_fat_id`): kept in the `funnel_optin` event so a won deal goes back to the network as an offline
 * conversion matched on the click (modules/ads/conversions).
 */
export const CLICK_ID_FIELDS = ['gclid', 'fbclid', 'li_fat_id'] as const;

/** The honeypot: a field people never see; a bot that fills it gets a success page and nothing is recorded. */
export const HONEYPOT_FIELD = 'website';

/** A page's paths; an A/B test variant's forms and next-step link name it (`?v=`), so they count and check as that variant. */
export function pagePaths(pageId: string, variantId?: string) {
  const v = variantId ? `?v=${variantId}` : '';
  return {
    form: (index: number) => `/p/${pageId}/form/${index}${v}`,
    next: `/p/${pageId}/next${v}`,
    script: (hash: string) => `/p/${pageId}/${hash}.js`,
    /** An upsell or downsell page's buttons (commerce's checkout routes answer them). */
    accept: `/p/${pageId}/accept`,
    decline: `/p/${pageId}/decline`,
  };
}

/** A page's public address. */
export function pageUrl(publicUrl: string, funnelSlug: string, pageSlug: string): string {
  return `${publicUrl}/${funnelSlug}/${pageSlug}`;
}
