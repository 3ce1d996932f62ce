import { ZSlug } from '../../contracts/funnels.js';

/**
 * Funnel slugs the public server uses for its own paths (tracking, files, forms, webhooks): a funnel cannot take them,
 * or its pages would hide (or be hidden by) those routes.
 */
export const RESERVED_FUNNEL_SLUGS = new Set(['api', 'e', 'f', 'p', 'files', 'webhooks', 'assets', 'static', 'health', 'admin', 'login']);

/** A slug from free text: accents dropped, lower-case, runs of other characters as one hyphen, at most 50 characters. */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return ZSlug.safeParse(slug).success && slug.length > 0 ? slug : fallback;
}

/** The first of `base`, `base-2`, `base-3`… that `taken` does not hold (and that is not reserved). */
export function firstFreeSlug(base: string, taken: Set<string>, reserved: Set<string> = new Set()): string {
  if (!taken.has(base) && !reserved.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 56)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
