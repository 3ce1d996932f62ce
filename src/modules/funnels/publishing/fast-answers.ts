import type { TFastRequest, TFastResponder } from '../../../platform/http/public-fast-path.js';
import type { SecretBox } from '../../../platform/crypto/secret-box.js';
import type { TFunnelEvent } from '../analytics/record-funnel-events.js';
import { visitorId } from '../analytics/visitor-id.js';
import { entryForVariantNow, servedEntryNow } from '../ab/page-ab-serving.js';
import { peekDomain, peekPageByAddress, peekPageById, peekPageOnDomain, type TCachedPage } from './live-page-cache.js';
import { answerPage, clickOf } from './page-answer.js';
import { pageUrl } from './public-paths.js';
import { addressOnHost } from './visitor-address.js';

// The funnels' answers on the public server's fast path (platform/http/public-fast-path.ts): a published page's view
// and a next-step click, from the caches the routes of funnels.public-routes.ts fill. Whatever is not cached and fresh
// (a page, its A/B variants, the host's domain, the next step), a member page, or anything unusual in the request is
// left to those routes, which answer it in full; the answer itself is the routes' own (page-answer.ts).

type TDeps = { secrets: SecretBox; publicUrl: string; record: (event: TFunnelEvent) => void };

export function funnelFastAnswers({ secrets, publicUrl, record }: TDeps): TFastResponder[] {
  const visitorOf = (request: TFastRequest, workspaceId: string) => () =>
    visitorId(secrets, { workspaceId, ip: request.ip, userAgent: request.raw.headers['user-agent'] ?? '', now: new Date() });

  const pageView: TFastResponder = (request) => {
    const base = pageAt(request);
    if (!base) return undefined;
    const headers = request.raw.headers;
    const entry = servedEntryNow(secrets, base, { ip: request.ip, userAgent: headers['user-agent'] ?? '' });
    // A member page asks commerce's gate, which reads the orders: always the route's way.
    if (!entry || entry.page.membersOnly) return undefined;
    const query = request.query ? new URLSearchParams(request.query) : undefined;
    const answer = answerPage(entry, {
      method: 'GET',
      visitorId: visitorOf(request, entry.page.workspaceId),
      userAgent: headers['user-agent'] ?? '',
      ifNoneMatch: headers['if-none-match'],
      acceptEncoding: headers['accept-encoding'],
      secPurpose: typeof headers['sec-purpose'] === 'string' ? headers['sec-purpose'] : undefined,
      referer: headers.referer,
      host: headers.host,
      query: { utm_source: query?.get('utm_source'), utm_medium: query?.get('utm_medium'), utm_campaign: query?.get('utm_campaign') },
    });
    const view = answer.view;
    return { status: answer.status, headers: answer.headers, body: answer.body, after: view && (() => record(view)) };
  };

  const nextStep: TFastResponder = (request) => {
    const match = NEXT_PATH.exec(request.path);
    const base = match ? peekPageById(match[1]!) : undefined;
    if (!base) return undefined;
    const variants = request.query ? new URLSearchParams(request.query).getAll('v') : [];
    // The route's schema refuses a repeated or overlong `v` (400): its answer, not ours.
    if (variants.length > 1 || (variants[0]?.length ?? 0) > 64) return undefined;
    const entry = entryForVariantNow(base, variants[0]);
    if (!entry || entry.next === undefined) return undefined;
    const page = entry.page;
    const domain = page.domainId ? peekDomain(request.hostname) : { value: null };
    if (!domain) return undefined;
    const location = addressOnHost(publicUrl, domain.value, page, entry.next ?? pageUrl(publicUrl, page.funnelSlug, page.slug));
    const click = clickOf(page, request.raw.headers['user-agent'] ?? '', visitorOf(request, page.workspaceId));
    return { status: 302, headers: { 'cache-control': 'no-store', location }, body: EMPTY, after: click && (() => record(click)) };
  };

  return [pageView, nextStep];
}

const NEXT_PATH = /^\/p\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/next$/;
const EMPTY = Buffer.alloc(0);
/** ZSlug's pattern (contracts/funnels.ts), or '' for the domain's root. */
const SLUG = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/;

/** The live page at the request's address (routes `/`, `/:funnelSlug`, `/:funnelSlug/:pageSlug`), when cached. */
function pageAt(request: TFastRequest): TCachedPage | undefined {
  const parts = request.path.split('/');
  // Slugs only, as the routes' schemas want them (a cache key of a domain's page starts with '@').
  if (parts.length > 3 || !parts.every((part, i) => i === 0 || SLUG.test(part))) return undefined;
  const domain = peekDomain(request.hostname);
  if (!domain) return undefined;
  const [, first = '', second] = parts;
  if (second === '') return undefined;
  if (second === undefined) {
    if (first === '') return domain.value ? peekPageOnDomain(domain.value.id, null) : undefined;
    return domain.value ? peekPageOnDomain(domain.value.id, first) : peekPageByAddress(first, null);
  }
  const entry = peekPageByAddress(first, second);
  // A workspace's domain shows its own funnels only.
  return domain.value && entry?.page.workspaceId !== domain.value.workspaceId ? undefined : entry;
}
