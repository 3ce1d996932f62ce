import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The lead drawer's state lives in the URL (`/crm?tab=contacts&lead=<id>`), so a lead page can be linked. */
export function useLeadDrawer() {
  const [params, setParams] = useSearchParams();
  const leadId = params.get('lead');
  const open = useCallback(
    (id: string) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.set('lead', id);
        return next;
      }),
    [setParams],
  );
  const close = useCallback(
    () =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.delete('lead');
        return next;
      }),
    [setParams],
  );
  return { leadId, open, close };
}
