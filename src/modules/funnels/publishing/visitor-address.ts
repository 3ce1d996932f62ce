import type { Db } from '../../../platform/db/database.js';
import { cachedDomain } from './live-page-cache.js';
import type { TLivePage } from './live-pages.js';

/**
 * A page's address as the visitor should see it: on the funnel's own domain (the request's host), `/<page slug>`;
 * else the full public address. Used for every redirect to a page (next steps, forms, the checkout).
 */
export async function visitorAddress(db: Db, publicUrl: string, hostname: string, page: TLivePage, url: string): Promise<string> {
  const domain = page.domainId ? await cachedDomain(db, hostname.toLowerCase().replace(/\.$/, '')) : null;
  return addressOnHost(publicUrl, domain, page, url);
}

/** visitorAddress once the request's host is known: `domain` is the proved domain it is, or null. */
export function addressOnHost(publicUrl: string, domain: { id: string } | null, page: TLivePage, url: string): string {
  const prefix = `${publicUrl}/${page.funnelSlug}/`;
  return page.domainId && domain?.id === page.domainId && url.startsWith(prefix) ? `/${url.slice(prefix.length)}` : url;
}
