import { useMutation, useQueryClient, type Query } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { TLead, TLeadStats, TLeadStatus, TLeadUpdateBody } from '../../../../contracts/crm.js';
import { api } from '../../../lib/api.js';
import { leadName, LEADS_KEY, STATS_KEY } from '../crm-api.js';
import { columnKey, type TColumnData } from './board-api.js';
import { showMovedNotice } from './moved-notice.js';

export type TMove = {
  lead: TLead;
  to: TLeadStatus;
  lost_reason?: string | null;
  /** An undo: no new "Annuler" is offered for it. */
  undo?: boolean;
};

/**
 * Moves a lead to another column at once (optimistic: both columns' pages and the header counts), rolls back
 * if the server refuses, and confirms with "Annuler", which moves it back (with its former lost reason).
 */
export function useMoveLead() {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const mutation = useMutation({
    mutationFn: ({ lead, to, lost_reason }: TMove) => {
      const body: TLeadUpdateBody = { status: to };
      if (lost_reason !== undefined) body.lost_reason = lost_reason;
      return api.patch<TLead>(`/api/marketing/leads/${lead.id}`, body);
    },
    onMutate: async ({ lead, to }) => {
      await queryClient.cancelQueries({ queryKey: LEADS_KEY });
      await queryClient.cancelQueries({ queryKey: STATS_KEY });
      const from = queryClient.getQueryData<TColumnData>(columnKey(lead.status));
      const target = queryClient.getQueryData<TColumnData>(columnKey(to));
      const stats = queryClient.getQueryData<TLeadStats>(STATS_KEY);
      const moved: TLead = { ...lead, status: to, stage_entered_at: new Date().toISOString() };
      if (from) queryClient.setQueryData(columnKey(lead.status), withoutLead(from, lead.id));
      if (target) queryClient.setQueryData(columnKey(to), withLeadFirst(target, moved));
      if (stats) queryClient.setQueryData(STATS_KEY, movedInStats(stats, lead, to));
      return { from, target, stats };
    },
    onError: (_error, { lead, to }, context) => {
      if (context?.from) queryClient.setQueryData(columnKey(lead.status), context.from);
      if (context?.target) queryClient.setQueryData(columnKey(to), context.target);
      if (context?.stats) queryClient.setQueryData(STATS_KEY, context.stats);
      notifications.show({ color: 'red', message: t('crmBoard.moveFailed') });
    },
    onSuccess: (saved, { lead, to, undo }) => {
      const stage = t(`crmBoard.status.${to}`);
      if (undo) {
        notifications.show({ color: 'gray', message: t('crmBoard.moveUndone', { name: leadName(lead), stage }) });
        return;
      }
      showMovedNotice({
        message: t('crmBoard.moved', { name: leadName(lead), stage }),
        undoLabel: t('crmBoard.undo'),
        // Back to where it was, with the lost reason it had (moving to or from "Perdu" changes it).
        onUndo: () => mutation.mutate({ lead: { ...lead, ...saved }, to: lead.status, lost_reason: lead.lost_reason, undo: true }),
      });
    },
    onSettled: (_data, _error, { lead, to }) => {
      // Both columns, the numbers, and every other lead list (Contacts...); the other columns did not change.
      const touched = new Set<unknown>([lead.status, to]);
      void queryClient.invalidateQueries({
        queryKey: LEADS_KEY,
        predicate: (query: Query) => query.queryKey[2] !== 'column' || touched.has(query.queryKey[3]),
      });
      void queryClient.invalidateQueries({ queryKey: STATS_KEY });
    },
  });
  return mutation;
}

function withoutLead(data: TColumnData, id: string): TColumnData {
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((lead) => lead.id !== id) })) };
}

function withLeadFirst(data: TColumnData, lead: TLead): TColumnData {
  const [first, ...rest] = data.pages;
  if (!first) return data;
  return { ...data, pages: [{ ...first, items: [lead, ...first.items.filter((l) => l.id !== lead.id)] }, ...rest] };
}

/** The header counts and values after the move, until the server's numbers come back. */
function movedInStats(stats: TLeadStats, lead: TLead, to: TLeadStatus): TLeadStats {
  const value = lead.estimated_value ?? 0;
  return {
    ...stats,
    by_status: stats.by_status.map((entry) => {
      if (entry.status === lead.status) return { ...entry, count: Math.max(0, entry.count - 1), total_value: entry.total_value - value };
      if (entry.status === to) return { ...entry, count: entry.count + 1, total_value: entry.total_value + value };
      return entry;
    }),
  };
}
