import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TLead } from '../../../../contracts/crm.js';

/**
 * Row selection of the Contacts table: ids ticked one by one, or "every lead matching the
 * filter" (then the bulk target is the filter, not the ids). Cleared when the filter changes.
 */
export function useSelection(rows: TLead[], filterKey: string) {
  const [ids, setIds] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);

  useEffect(() => {
    setIds(new Set());
    setAllMatching(false);
  }, [filterKey]);

  const allLoadedSelected = rows.length > 0 && (allMatching || rows.every((r) => ids.has(r.id)));
  const isSelected = useCallback((id: string) => allMatching || ids.has(id), [allMatching, ids]);

  const toggle = useCallback(
    (id: string) => {
      if (allMatching) {
        // Leaving "all matching" keeps the loaded rows but this one.
        setAllMatching(false);
        setIds(new Set(rows.map((r) => r.id).filter((r) => r !== id)));
        return;
      }
      setIds((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
    },
    [allMatching, rows],
  );

  const toggleAllLoaded = useCallback(() => {
    setAllMatching(false);
    setIds(allLoadedSelected ? new Set() : new Set(rows.map((r) => r.id)));
  }, [allLoadedSelected, rows]);

  const clear = useCallback(() => {
    setIds(new Set());
    setAllMatching(false);
  }, []);

  const selectAllMatching = useCallback(() => setAllMatching(true), []);

  return useMemo(
    () => ({ ids, allMatching, allLoadedSelected, isSelected, toggle, toggleAllLoaded, clear, selectAllMatching }),
    [ids, allMatching, allLoadedSelected, isSelected, toggle, toggleAllLoaded, clear, selectAllMatching],
  );
}
