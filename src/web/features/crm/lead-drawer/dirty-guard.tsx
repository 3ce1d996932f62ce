import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';

// What the record holds that is not saved yet (a field being edited, a note being typed), so closing
// the record (Esc, the close button, the browser's back) asks before throwing it away.

type TDirtyRegistry = { set: (key: string, dirty: boolean) => void; any: () => boolean };

const DirtyContext = createContext<TDirtyRegistry | null>(null);

/** Holds the unsaved parts of one record; `check()` says whether any is left. */
export function useDirtyRegistry(): TDirtyRegistry {
  const keys = useRef(new Set<string>());
  const set = useCallback((key: string, dirty: boolean) => {
    if (dirty) keys.current.add(key);
    else keys.current.delete(key);
  }, []);
  const any = useCallback(() => keys.current.size > 0, []);
  return useMemo(() => ({ set, any }), [set, any]);
}

/** Makes a registry available to the record's fields and composers. */
export function DirtyProvider({ registry, children }: { registry: TDirtyRegistry; children: ReactNode }) {
  return <DirtyContext.Provider value={registry}>{children}</DirtyContext.Provider>;
}

/** Reports whether the part `key` has unsaved input (no-op outside a record). */
export function useReportDirty(key: string, dirty: boolean): void {
  const registry = useContext(DirtyContext);
  useEffect(() => {
    registry?.set(key, dirty);
    return () => registry?.set(key, false);
  }, [registry, key, dirty]);
}
