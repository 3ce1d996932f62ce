import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunnel, TFunnelPage, TFunnelPageUpdateBody, TPageVariant } from '../../../../contracts/funnels.js';
import { api } from '../../../lib/api.js';

// The builder's calls. The keys follow the funnels screens' (['funnels', …]) so a publication here refreshes them.

export const FUNNELS_PATH = '/api/marketing/funnels';
export const FILES_PATH = '/api/marketing/files';

export const funnelKey = (id: string) => ['funnels', 'one', id] as const;
export const pageKey = (id: string, pageId: string) => ['funnels', 'page', id, pageId] as const;

export const pagePath = (id: string, pageId: string) => `${FUNNELS_PATH}/${id}/pages/${pageId}`;

/**
 * A variant of a page's A/B test is edited like the page (`?variant=<id>` on the builder's address): the builder then
 * works on `<page id>~<variant id>`, read as the page with the variant's content and saved through the variant.
 */
const VARIANT_SEPARATOR = '~';
export const builderPageId = (pageId: string, variantId: string | null) => (variantId ? `${pageId}${VARIANT_SEPARATOR}${variantId}` : pageId);
const variantPath = (id: string, builderId: string) => {
  const [pageId, variantId] = builderId.split(VARIANT_SEPARATOR);
  return variantId ? `${pagePath(id, pageId!)}/ab-test/variants/${variantId}` : null;
};
/** The page each variant being edited belongs to (its settings, address and name around the variant's content). */
const variantPages = new Map<string, TFunnelPage>();

function variantAsPage(page: TFunnelPage, variant: TPageVariant, builderId: string): TFunnelPage {
  variantPages.set(builderId, page);
  return {
    ...page,
    id: builderId,
    name: `${page.name} · ${variant.key} — ${variant.name}`,
    html_content: variant.html_content,
    css_content: variant.css_content,
    js_content: variant.js_content,
    builder_document: variant.builder_document,
    has_unpublished_changes: variant.has_unpublished_changes,
  };
}

/** The page (or the variant, as a page) the builder edits. */
export async function fetchBuilderPage(id: string, builderId: string): Promise<TFunnelPage> {
  const variant = variantPath(id, builderId);
  const page = await api.get<TFunnelPage>(pagePath(id, builderId.split(VARIANT_SEPARATOR)[0]!));
  return variant ? variantAsPage(page, await api.get<TPageVariant>(variant), builderId) : page;
}

/** The funnel (its language and whether it is published). */
export function useBuilderFunnel(id: string) {
  return useQuery({ queryKey: funnelKey(id), queryFn: () => api.get<TFunnel>(`${FUNNELS_PATH}/${id}`) });
}

/**
 * The page, read once: the builder holds the truth while it is open, so a refetch (window focus…) must not reload
 * the canvas under the user's hands.
 */
export function useBuilderPage(id: string, pageId: string) {
  return useQuery({
    queryKey: pageKey(id, pageId),
    queryFn: async () => {
      await pendingSaves.get(pageId);
      return fetchBuilderPage(id, pageId);
    },
    staleTime: Infinity,
    // Dropped when the builder closes: opening it again reads the page afresh.
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

// Saves still on their way, by page: opening the page again waits for them before reading it (a quick back and
// forth must not load the version before the last save, then save over it).
const pendingSaves = new Map<string, Promise<unknown>>();

/** Saves part of the page (the builder's content, its JavaScript…). */
export function patchPage(id: string, pageId: string, body: TFunnelPageUpdateBody): Promise<TFunnelPage> {
  const variant = variantPath(id, pageId);
  const base = variantPages.get(pageId);
  const request =
    variant && base ? api.patch<TPageVariant>(variant, body).then((v) => variantAsPage(base, v, pageId)) : api.patch<TFunnelPage>(pagePath(id, pageId), body);
  const settled = request.catch(() => undefined);
  pendingSaves.set(pageId, settled);
  void settled.then(() => {
    if (pendingSaves.get(pageId) === settled) pendingSaves.delete(pageId);
  });
  return request;
}

/** Publishes the funnel (its pages' current versions go live) and refreshes what the funnels screens show. */
export function usePublishFunnel(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<TFunnel>(`${FUNNELS_PATH}/${id}/publish`),
    onSuccess: async (funnel) => {
      queryClient.setQueryData(funnelKey(id), funnel);
      await queryClient.invalidateQueries({ queryKey: ['funnels'], predicate: (query) => query.queryKey[1] !== 'page' });
    },
  });
}
