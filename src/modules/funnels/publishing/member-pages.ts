import { and, asc, eq } from 'drizzle-orm';
import type { TFunnelLanguage } from '../../../contracts/funnels.js';
import type { Db } from '../../../platform/db/database.js';
import { workspaceDomains } from '../../workspaces/index.js';
import { funnelPages, funnels } from '../funnels.tables.js';
import { pageUrl } from './public-paths.js';

// A funnel's member area as the commerce module needs it (sign-in page, access e-mail): the origin its pages answer on
// (the funnel's proved domain, else the public server: a member's cookie belongs to that origin), and its first
// member page. Read across workspaces on purpose (the public server names a funnel by id).

export type TMemberArea = {
  funnelId: string;
  workspaceId: string;
  name: string;
  language: TFunnelLanguage;
  /** Where the member area's sign-in and links live: `https://<domain>` or PUBLIC_URL. */
  origin: string;
  /** The first live member page's address (on `origin`), or null when the funnel has none live. */
  firstPageUrl: string | null;
};

/** The member area of a live funnel that has member pages; undefined otherwise. */
export async function memberAreaOf(db: Db, publicUrl: string, funnelId: string): Promise<TMemberArea | undefined> {
  const [funnel] = await db
    .select({
      id: funnels.id,
      workspaceId: funnels.workspace_id,
      name: funnels.name,
      language: funnels.language,
      slug: funnels.slug,
      active: funnels.is_active,
      hostname: workspaceDomains.hostname,
      verifiedAt: workspaceDomains.verified_at,
    })
    // eslint-disable-next-line local/tenant-scope -- a public member area names its funnel by id
    .from(funnels)
    .leftJoin(workspaceDomains, eq(workspaceDomains.id, funnels.domain_id))
    .where(eq(funnels.id, funnelId));
  if (!funnel?.active) return undefined;
  const [first] = await db
    .select({ slug: funnelPages.slug })
    // eslint-disable-next-line local/tenant-scope -- the pages of that funnel
    .from(funnelPages)
    .where(and(eq(funnelPages.funnel_id, funnelId), eq(funnelPages.members_only, true), eq(funnelPages.is_published, true)))
    .orderBy(asc(funnelPages.position))
    .limit(1);
  if (!first) return undefined;
  const onDomain = funnel.hostname && funnel.verifiedAt;
  return {
    funnelId: funnel.id,
    workspaceId: funnel.workspaceId,
    name: funnel.name,
    language: funnel.language,
    origin: onDomain ? `https://${funnel.hostname}` : publicUrl,
    firstPageUrl: onDomain ? `https://${funnel.hostname}/${first.slug}` : pageUrl(publicUrl, funnel.slug, first.slug),
  };
}
