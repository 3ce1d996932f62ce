import { createHash } from 'node:crypto';
import type { SecretBox } from '../../../platform/crypto/secret-box.js';

// Which variant of a tested page a visitor sees, without a cookie (ARCHITECTURE.md, "Page A/B tests"). A visitor is
// an HMAC of the address and the user agent under the instance's secret; unlike the analytics' visitor id it does not
// change each day, so a person keeps their variant for the whole test. It is computed on each request and never
// stored or sent anywhere: the events keep only the variant's id beside the usual daily visitor id.

const PURPOSE = 'funnel-ab-visitor';

/** The visitor for the A/B split: HMAC(APP_SECRET, address, user agent). */
export function abVisitor(secrets: SecretBox, ip: string, userAgent: string): string {
  return secrets.sign(PURPOSE, `${ip}\n${userAgent}`);
}

/** Where a visitor falls for a page: a hash of the page and the visitor, uniform on [0, 1), the same every time. */
export function bucketOf(pageId: string, visitor: string): number {
  return createHash('sha256').update(`${pageId}\n${visitor}`).digest().readUIntBE(0, 6) / 2 ** 48;
}

/** The item whose share of the total weight contains `u` (items in a fixed order: the control first). */
export function pickByWeight<T extends { weight: number }>(items: readonly T[], u: number): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let rest = u * total;
  for (const item of items) {
    if (rest < item.weight) return item;
    rest -= item.weight;
  }
  return items.at(-1)!;
}
