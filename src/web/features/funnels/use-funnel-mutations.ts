import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type {
  TFunnel,
  TFunnelCreateBody,
  TFunnelPage,
  TFunnelPageCreateBody,
  TFunnelPageSummary,
  TFunnelPageUpdateBody,
  TFunnelUpdateBody,
} from '../../../contracts/funnels.js';
import { api } from '../../lib/api.js';
import { notifyError } from '../../lib/errors.js';
import { FUNNELS_KEY, FUNNELS_PATH, funnelKey, funnelListKey, funnelPagesKey, funnelTemplatesKey } from './funnels-api.js';

/** Keeps the funnel's page, the lists and the templates in step with a funnel the server just returned. */
function useStoreFunnel() {
  const queryClient = useQueryClient();
  return async (saved: TFunnel) => {
    queryClient.setQueryData(funnelKey(saved.id), saved);
    await queryClient.invalidateQueries({ queryKey: funnelListKey });
    await queryClient.invalidateQueries({ queryKey: funnelTemplatesKey });
  };
}

/** After a change to the pages: the funnel's counters (page count, public address) and the lists move too. */
function useRefreshFunnel(funnelId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: funnelPagesKey(funnelId) });
    await queryClient.invalidateQueries({ queryKey: funnelKey(funnelId) });
    await queryClient.invalidateQueries({ queryKey: funnelListKey });
  };
}

/** POST a new funnel from scratch; the caller shows field errors on its form. */
export function useCreateFunnel() {
  const store = useStoreFunnel();
  return useMutation({
    mutationFn: (body: TFunnelCreateBody) => api.post<TFunnel>(FUNNELS_PATH, body),
    onSuccess: store,
  });
}

/** POST /funnels/from-template: a funnel with the template's pages; the caller opens it. */
export function useCreateFromTemplate() {
  const store = useStoreFunnel();
  return useMutation({
    mutationFn: (body: { template_id: string; name: string }) => api.post<TFunnel>(`${FUNNELS_PATH}/from-template`, body),
    onSuccess: store,
  });
}

/** PATCH some of the funnel's fields; callers show their own errors (on fields). */
export function useUpdateFunnel(id: string) {
  const store = useStoreFunnel();
  return useMutation({
    mutationFn: (body: TFunnelUpdateBody) => api.patch<TFunnel>(`${FUNNELS_PATH}/${id}`, body),
    onSuccess: store,
  });
}

/** Publier / Dépublier, with a notification saying what happened. */
export function useFunnelPublication() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const store = useStoreFunnel();
  return useMutation({
    mutationFn: ({ funnel, action }: { funnel: TFunnel; action: 'publish' | 'unpublish' }) => api.post<TFunnel>(`${FUNNELS_PATH}/${funnel.id}/${action}`),
    onSuccess: async (saved, { action }) => {
      await store(saved);
      // The pages' public addresses and published states follow the funnel's.
      await queryClient.invalidateQueries({ queryKey: funnelPagesKey(saved.id) });
      notifications.show({
        color: 'teal',
        message: t(action === 'publish' ? 'funnelList.view.published' : 'funnelList.view.unpublished', { name: saved.name }),
      });
    },
    onError: (error) => notifyError(error, t),
  });
}

/** "Dupliquer": a copy named "<name> (copie)" in the reader's language, opened at once. */
export function useDuplicateFunnel() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const store = useStoreFunnel();
  return useMutation({
    mutationFn: (funnel: TFunnel) =>
      api.post<TFunnel>(`${FUNNELS_PATH}/${funnel.id}/duplicate`, { name: t('funnelList.copyName', { name: funnel.name }).slice(0, 120) }),
    onSuccess: async (copy) => {
      await store(copy);
      notifications.show({ color: 'teal', message: t('funnelList.view.duplicated', { name: copy.name }) });
      void navigate(`/funnels/${copy.id}`);
    },
    onError: (error) => notifyError(error, t),
  });
}

/** DELETE the funnel and its pages; the caller says where to go next. */
export function useDeleteFunnel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (funnel: TFunnel) => api.delete(`${FUNNELS_PATH}/${funnel.id}`),
    onSuccess: async (_, funnel) => {
      queryClient.removeQueries({ queryKey: funnelKey(funnel.id) });
      queryClient.removeQueries({ queryKey: funnelPagesKey(funnel.id) });
      await queryClient.invalidateQueries({ queryKey: funnelListKey });
      await queryClient.invalidateQueries({ queryKey: funnelTemplatesKey });
      notifications.show({ color: 'teal', message: t('funnelList.view.deleted', { name: funnel.name }) });
    },
    onError: (error) => notifyError(error, t),
  });
}

/** "+ Ajouter une étape": a page of that type at the end of the funnel. */
export function useAddPage(funnelId: string) {
  const { t } = useTranslation();
  const refresh = useRefreshFunnel(funnelId);
  return useMutation({
    mutationFn: (body: TFunnelPageCreateBody) => api.post<TFunnelPage>(`${FUNNELS_PATH}/${funnelId}/pages`, body),
    onSuccess: refresh,
    onError: (error) => notifyError(error, t),
  });
}

/** PATCH a page (settings, publication); callers show their own errors. */
export function useUpdatePage(funnelId: string) {
  const refresh = useRefreshFunnel(funnelId);
  return useMutation({
    mutationFn: ({ pageId, body }: { pageId: string; body: TFunnelPageUpdateBody }) =>
      api.patch<TFunnelPage>(`${FUNNELS_PATH}/${funnelId}/pages/${pageId}`, body),
    onSuccess: refresh,
  });
}

export function useDeletePage(funnelId: string) {
  const { t } = useTranslation();
  const refresh = useRefreshFunnel(funnelId);
  return useMutation({
    mutationFn: (page: TFunnelPageSummary) => api.delete(`${FUNNELS_PATH}/${funnelId}/pages/${page.id}`),
    onSuccess: async (_, page) => {
      await refresh();
      notifications.show({ color: 'teal', message: t('funnelList.steps.deleted', { name: page.name }) });
    },
    onError: (error) => notifyError(error, t),
  });
}

/**
 * The pages in a new order: shown at once (optimistic), then the server's list; put back as they were when
 * the server refuses.
 */
export function useReorderPages(funnelId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = funnelPagesKey(funnelId);
  return useMutation({
    mutationFn: (pages: TFunnelPageSummary[]) =>
      api.post<{ items: TFunnelPageSummary[] }>(`${FUNNELS_PATH}/${funnelId}/pages/reorder`, { page_ids: pages.map((page) => page.id) }),
    onMutate: async (pages) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<TFunnelPageSummary[]>(key);
      queryClient.setQueryData(key, pages);
      return { before };
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(key, saved.items);
      // The first page's address is the funnel's.
      await queryClient.invalidateQueries({ queryKey: funnelKey(funnelId) });
      await queryClient.invalidateQueries({ queryKey: [...FUNNELS_KEY, 'list'] });
    },
    onError: (error, _, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
      notifyError(error, t);
    },
  });
}
