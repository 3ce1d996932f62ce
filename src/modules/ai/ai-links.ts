import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { Tenant } from '../../platform/db/tenant.js';
import type { Runtime } from '../../platform/runtime.js';
import { funnelPages, funnels, pageUrl } from '../funnels/index.js';
import { workspaceDomains } from '../workspaces/index.js';

// Generated links go to the workspace's own pages only (issue 15, "Safety"): a writer never returns a URL (the copy
// schemas have no link field); the member may name one, which must be on the public server under one of the
// workspace's funnels or on one of its proved domains; otherwise the workspace's last published page is used.

/** Whether `url` is one of the workspace's own addresses. */
export async function isWorkspaceLink(runtime: Runtime, tenant: Tenant, url: string): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  const host = parsed.hostname.toLowerCase();
  const domains = await tenant.db
    .select({ hostname: workspaceDomains.hostname })
    .from(workspaceDomains)
    .where(tenant.where(workspaceDomains, isNotNull(workspaceDomains.verified_at)));
  if (domains.some((d) => d.hostname === host)) return true;
  const publicUrl = new URL(runtime.config.publicUrl);
  if (host !== publicUrl.hostname.toLowerCase() || parsed.port !== publicUrl.port) return false;
  const slug = decodeURIComponent(parsed.pathname.split('/')[1] ?? '');
  if (!slug) return false;
  const [own] = await tenant.db
    .select({ id: funnels.id })
    .from(funnels)
    .where(tenant.where(funnels, eq(funnels.slug, slug)))
    .limit(1);
  return own !== undefined;
}

/** The address of the workspace's most recently published funnel's first page, or null when nothing is published. */
export async function defaultWorkspaceLink(runtime: Runtime, tenant: Tenant): Promise<string | null> {
  const [funnel] = await tenant.db
    .select({ id: funnels.id, slug: funnels.slug })
    .from(funnels)
    .where(tenant.where(funnels, isNotNull(funnels.published_at)))
    .orderBy(desc(funnels.published_at))
    .limit(1);
  if (!funnel) return null;
  const [page] = await tenant.db
    .select({ slug: funnelPages.slug })
    .from(funnelPages)
    .where(tenant.where(funnelPages, and(eq(funnelPages.funnel_id, funnel.id), eq(funnelPages.is_published, true))))
    .orderBy(asc(funnelPages.position))
    .limit(1);
  return page ? pageUrl(runtime.config.publicUrl, funnel.slug, page.slug) : null;
}
