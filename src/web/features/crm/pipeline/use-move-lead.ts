import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { TLead, TLeadStatus } from '../../../../contracts/crm.js';
import { api } from '../../../lib/api.js';
import { LEADS_KEY, STATS_KEY } from '../crm-api.js';

type TMove = { lead: TLead; to: TLeadStatus; lost_reason?: string };

/** Moves a lead to another column at once (optimistic), rolling back if the server refuses. */
export function useMoveLead() {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const columnKey = (status: TLeadStatus) => [...LEADS_KEY, 'column', status];
  return useMutation({
    mutationFn: ({ lead, to, lost_reason }: TMove) =>
      api.patch<TLead>(`/api/marketing/leads/${lead.id}`, { status: to, ...(lost_reason ? { lost_reason } : {}) }),
    onMutate: async ({ lead, to }) => {
      await queryClient.cancelQueries({ queryKey: LEADS_KEY });
      const from = queryClient.getQueryData<TLead[]>(columnKey(lead.status));
      const target = queryClient.getQueryData<TLead[]>(columnKey(to));
      queryClient.setQueryData(columnKey(lead.status), (from ?? []).filter((l) => l.id !== lead.id));
      queryClient.setQueryData(columnKey(to), [{ ...lead, status: to }, ...(target ?? [])]);
      return { from, target, lead, to };
    },
    onError: (_error, _move, context) => {
      if (context) {
        queryClient.setQueryData(columnKey(context.lead.status), context.from);
        queryClient.setQueryData(columnKey(context.to), context.target);
      }
      notifications.show({ color: 'red', message: t('crmBoard.moveFailed') });
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
      void queryClient.invalidateQueries({ queryKey: STATS_KEY });
    },
  });
}
