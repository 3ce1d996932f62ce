import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TFunnelTemplate, TFunnelLanguage, TFunnelType } from '../../contracts/funnels.js';
import type { TAuth } from '../../platform/auth/access.js';
import { Tenant, isUuid } from '../../platform/db/tenant.js';
import { AppError } from '../../platform/errors.js';
import { insertPageSeeds, seedOf } from './funnel-copy.service.js';
import { funnelPages, funnels } from './funnels.tables.js';
import { createFunnel, getFunnel, type TFunnelRow } from './funnels.service.js';
import { BUILT_IN_TEMPLATES, builtInTemplate, type TTemplatePage } from './templates/index.js';

// The Templates tab: the templates that ship with the product (templates/), and the workspace's own funnels marked
// as templates (`workspace:<funnel id>`). A funnel made from either is a normal draft with copies of its pages.

const WORKSPACE_PREFIX = 'workspace:';

export async function listTemplates(tenant: Tenant, filter: { language?: TFunnelLanguage; funnel_type?: TFunnelType }): Promise<TFunnelTemplate[]> {
  const builtIn: TFunnelTemplate[] = BUILT_IN_TEMPLATES.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    funnel_type: t.funnel_type,
    language: t.language,
    source: 'built_in',
    pages: t.pages.map((p) => ({ name: p.name, page_type: p.page_type })),
    thumbnail_url: previewPath(t.id),
  }));
  const own = await tenant.db
    .select()
    .from(funnels)
    .where(tenant.where(funnels, eq(funnels.is_template, true)))
    .orderBy(asc(funnels.name))
    .limit(100);
  const pages = own.length
    ? await tenant.db
        .select({ funnel_id: funnelPages.funnel_id, name: funnelPages.name, page_type: funnelPages.page_type })
        .from(funnelPages)
        .where(
          tenant.where(
            funnelPages,
            inArray(
              funnelPages.funnel_id,
              own.map((f) => f.id),
            ),
          ),
        )
        .orderBy(asc(funnelPages.position))
    : [];
  const workspace: TFunnelTemplate[] = own.map((f) => ({
    id: `${WORKSPACE_PREFIX}${f.id}`,
    name: f.name,
    description: f.description ?? '',
    funnel_type: f.funnel_type,
    language: f.language,
    source: 'workspace',
    pages: pages.filter((p) => p.funnel_id === f.id).map((p) => ({ name: p.name, page_type: p.page_type })),
    thumbnail_url: previewPath(`${WORKSPACE_PREFIX}${f.id}`),
  }));
  return [...workspace, ...builtIn].filter(
    (t) => (!filter.language || t.language === filter.language) && (!filter.funnel_type || t.funnel_type === filter.funnel_type),
  );
}

/** Where the Templates tab reads a template's picture: its first page, rendered (funnels.routes.ts). */
const previewPath = (id: string) => `/api/marketing/funnel-templates/${encodeURIComponent(id)}/preview`;

/** The workspace's funnel a `workspace:<id>` template id names, while it is marked as a template; else undefined. */
async function workspaceTemplate(tenant: Tenant, templateId: string): Promise<TFunnelRow | undefined> {
  const sourceId = templateId.slice(WORKSPACE_PREFIX.length);
  const source = isUuid(sourceId) ? await getFunnel(tenant, sourceId).catch(() => undefined) : undefined;
  return source?.is_template ? source : undefined;
}

/** A template's first page as the builder holds it (HTML, CSS, language), or undefined for an unknown template. */
export async function templateFirstPage(
  tenant: Tenant,
  templateId: string,
): Promise<{ html: string; css: string; language: TFunnelLanguage; title: string } | undefined> {
  if (templateId.startsWith(WORKSPACE_PREFIX)) {
    const source = await workspaceTemplate(tenant, templateId);
    if (!source) return undefined;
    const [first] = await tenant.db
      .select()
      .from(funnelPages)
      .where(tenant.where(funnelPages, eq(funnelPages.funnel_id, source.id)))
      .orderBy(asc(funnelPages.position))
      .limit(1);
    return first ? { html: first.html_content, css: first.css_content, language: source.language, title: first.name } : undefined;
  }
  const template = builtInTemplate(templateId);
  const first = template?.pages[0];
  return template && first ? { html: first.html, css: first.css, language: template.language, title: first.name } : undefined;
}

/** A new draft funnel from a template, named as asked. */
export async function createFromTemplate(tenant: Tenant, actor: TAuth, templateId: string, name: string): Promise<TFunnelRow> {
  if (!templateId.startsWith(WORKSPACE_PREFIX)) {
    const template = builtInTemplate(templateId);
    if (!template) throw unknownTemplate();
    return createFunnelFromPages(tenant, actor, { ...template, name }, template.id);
  }
  return tenant.db.transaction(async (tx) => {
    const scoped = new Tenant(tx, tenant.workspaceId);
    const source = await workspaceTemplate(scoped, templateId);
    if (!source) throw unknownTemplate();
    const rows = await tx
      .select()
      .from(funnelPages)
      .where(scoped.where(funnelPages, and(eq(funnelPages.funnel_id, source.id))))
      .orderBy(asc(funnelPages.position));
    const funnel = await createFunnel(
      scoped,
      actor,
      { name, description: source.description, funnel_type: source.funnel_type, language: source.language },
      templateId,
    );
    const indexOf = new Map(rows.map((p, i) => [p.id, i]));
    await insertPageSeeds(
      scoped,
      funnel.id,
      rows.map((p) => ({ ...seedOf(p), next_index: p.next_page_id ? (indexOf.get(p.next_page_id) ?? null) : null })),
    );
    return funnel;
  });
}

/**
 * A new draft funnel with these pages in order, unpublished (a built-in template's, or pages written by the AI
 * module); `source` is kept as the funnel's template id (a template's id, or what generated it).
 */
export async function createFunnelFromPages(
  tenant: Tenant,
  actor: TAuth,
  input: { name: string; description: string; funnel_type: TFunnelType; language: TFunnelLanguage; pages: TTemplatePage[] },
  source: string | null = null,
): Promise<TFunnelRow> {
  return tenant.db.transaction(async (tx) => {
    const scoped = new Tenant(tx, tenant.workspaceId);
    const funnel = await createFunnel(
      scoped,
      actor,
      { name: input.name, description: input.description, funnel_type: input.funnel_type, language: input.language },
      source,
    );
    await insertPageSeeds(
      scoped,
      funnel.id,
      input.pages.map((p) => ({
        name: p.name,
        page_type: p.page_type,
        slug: p.slug,
        html_content: p.html,
        css_content: p.css,
        js_content: '',
        builder_document: null,
        seo_title: p.seo_title,
        seo_description: p.seo_description,
        seo_image_url: null,
        members_only: p.members_only ?? false,
        next_index: null,
      })),
    );
    return funnel;
  });
}

function unknownTemplate(): AppError {
  return new AppError('bad_request', 'No such template', { errors: [{ path: 'body.template_id', message: 'unknown template', code: 'unknown_template' }] });
}
