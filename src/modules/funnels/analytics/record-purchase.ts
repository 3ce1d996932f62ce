import type { Runtime } from '../../../platform/runtime.js';
import type { TLivePage } from '../publishing/live-pages.js';
import { recordFunnelEvents } from './record-funnel-events.js';
import { visitorId } from './visitor-id.js';

/**
 * A purchase on a page (the order form's payment, or an accepted offer), told by the checkout: the page's conversion
 * for this visitor (once: funnel_firsts) and a `purchase` event for the stats and the page's A/B test. The amounts are
 * the orders' (commerce); the funnels know only that this visitor bought here.
 */
export async function recordFunnelPurchase(
  runtime: Pick<Runtime, 'db' | 'secrets'>,
  page: TLivePage,
  visitor: { ip: string; userAgent: string; leadId: string | null },
): Promise<void> {
  const now = new Date();
  await recordFunnelEvents(runtime.db, [
    {
      workspaceId: page.workspaceId,
      funnelId: page.funnelId,
      pageId: page.id,
      variantId: page.variantId ?? null,
      kind: 'purchase',
      visitorId: visitorId(runtime.secrets, { workspaceId: page.workspaceId, ip: visitor.ip, userAgent: visitor.userAgent, now }),
      leadId: visitor.leadId,
      occurredAt: now,
    },
  ]);
}
