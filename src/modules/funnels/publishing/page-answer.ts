import { isbot } from 'isbot';
import { PUBLIC_CSP } from '../../../platform/http/security-headers.js';
import type { TFunnelEvent } from '../analytics/record-funnel-events.js';
import { encodedBody, type TCachedPage } from './live-page-cache.js';
import type { TLivePage } from './live-pages.js';

// What a published page's view and a next-step click answer, decided once for both ways a request arrives: Fastify's
// routes (funnels.public-routes.ts) and the fast path in front of them (fast-answers.ts). Only the I/O differs there.

/** Pages may embed the players our video block writes (privacy-enhanced YouTube, Vimeo) and play files from anywhere. */
const PAGE_DIRECTIVES: Record<string, string[] | null> = {
  ...PUBLIC_CSP,
  'frame-src': ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'],
  'media-src': ["'self'", 'https:'],
};
const cspOf = (directives: Record<string, string[] | null>) =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${(values ?? []).join(' ')}`)
    .join('; ');
const PAGE_CSP = cspOf(PAGE_DIRECTIVES);
/**
 * A page with our checkout blocks also runs Stripe.js, which draws the card fields in its frames, talks to Stripe's
 * API and opens 3-D Secure (Stripe's documented CSP; SECURITY.md). Other pages stay without it.
 */
const CHECKOUT_PAGE_CSP = cspOf({
  ...PAGE_DIRECTIVES,
  'script-src': [...(PAGE_DIRECTIVES['script-src'] ?? []), 'https://js.stripe.com'],
  'frame-src': [...(PAGE_DIRECTIVES['frame-src'] ?? []), 'https://js.stripe.com', 'https://hooks.stripe.com'],
  'connect-src': [...(PAGE_DIRECTIVES['connect-src'] ?? []), 'https://api.stripe.com'],
});

/** isbot's pattern is long: its answer is kept per user agent (browsers send a few dozen distinct ones). */
const botAnswers = new Map<string, boolean>();
export function isBot(userAgent: string): boolean {
  let answer = botAnswers.get(userAgent);
  if (answer === undefined) {
    if (botAnswers.size > 10_000) botAnswers.clear();
    answer = isbot(userAgent);
    botAnswers.set(userAgent, answer);
  }
  return answer;
}

/** A query or form value kept for the analytics (the first of repeated ones, 200 characters at most). */
export function param(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() ? first.trim().slice(0, 200) : null;
}

export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host.slice(0, 200) || null;
  } catch {
    return null;
  }
}

/** The request a page view is answered from (the headers that matter, the query's UTM values). */
export type TPageRequest = {
  method: string;
  visitorId: () => string;
  userAgent: string;
  ifNoneMatch: string | undefined;
  acceptEncoding: string | undefined;
  secPurpose: string | undefined;
  referer: string | undefined;
  host: string | undefined;
  query: { utm_source?: unknown; utm_medium?: unknown; utm_campaign?: unknown };
};

export type TPageAnswer = { status: 200 | 304; headers: Record<string, string>; body?: Buffer; view?: TFunnelEvent };

/** A published page as sent: its ETag (304 when unchanged), its CSP, the body in the best encoding, and its view. */
export function answerPage(entry: TCachedPage, request: TPageRequest): TPageAnswer {
  const page = entry.page;
  // Prefetches and bots are not visitors; a revalidation (304) is a view like any other.
  const counted = request.method === 'GET' && !isBot(request.userAgent) && request.secPurpose !== 'prefetch';
  const view: TFunnelEvent | undefined = counted
    ? {
        workspaceId: page.workspaceId,
        funnelId: page.funnelId,
        pageId: page.id,
        variantId: page.variantId ?? null,
        kind: 'view',
        visitorId: request.visitorId(),
        utmSource: param(request.query.utm_source),
        utmMedium: param(request.query.utm_medium),
        utmCampaign: param(request.query.utm_campaign),
        referrerHost: outsideHost(request.referer, request.host),
        occurredAt: new Date(),
      }
    : undefined;
  const headers: Record<string, string> = {
    etag: page.etag,
    'cache-control': page.membersOnly ? 'private, no-store' : 'no-cache',
    'content-security-policy': page.checkout ? CHECKOUT_PAGE_CSP : PAGE_CSP,
    vary: 'accept-encoding',
  };
  if (request.ifNoneMatch === page.etag) return { status: 304, headers, view };
  const { body, encoding } = encodedBody(entry, request.acceptEncoding);
  if (encoding) headers['content-encoding'] = encoding;
  headers['content-type'] = 'text/html; charset=utf-8';
  return { status: 200, headers, body, view };
}

/** A click on a page's next-step link, counted as the page's conversion (not for bots). */
export function clickOf(page: TLivePage, userAgent: string, visitorId: () => string): TFunnelEvent | undefined {
  if (isBot(userAgent)) return undefined;
  return {
    workspaceId: page.workspaceId,
    funnelId: page.funnelId,
    pageId: page.id,
    variantId: page.variantId ?? null,
    kind: 'click',
    visitorId: visitorId(),
    occurredAt: new Date(),
  };
}

/** The referring site, when it is another one (a link from the funnel's own pages is not a source). */
function outsideHost(referer: string | undefined, host: string | undefined): string | null {
  const referrer = hostOf(referer ?? null);
  return referrer && referrer !== host ? referrer : null;
}
