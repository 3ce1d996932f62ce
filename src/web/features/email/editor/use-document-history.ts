import { useCallback, useRef, useState } from 'react';
import type { TEmailDocument } from '../../../../contracts/email-document.js';

/** States kept for undo. */
const HISTORY_LIMIT = 100;
/** Changes of the same field closer than this make one undo step (typing a sentence is one step, not forty). */
const MERGE_MS = 1000;

type THistory = { past: TEmailDocument[]; present: TEmailDocument; future: TEmailDocument[] };

/**
 * The document and its history: `change` records a new state (with `mergeKey`, a quick series of changes to the same
 * field is one step), `undo` and `redo` walk it; at most 100 states are kept.
 */
export function useDocumentHistory(initial: TEmailDocument) {
  const [history, setHistory] = useState<THistory>({ past: [], present: initial, future: [] });
  const last = useRef<{ key: string; at: number } | null>(null);

  const change = useCallback((update: (doc: TEmailDocument) => TEmailDocument, mergeKey?: string) => {
    const now = Date.now();
    const merge = mergeKey !== undefined && last.current?.key === mergeKey && now - last.current.at < MERGE_MS;
    last.current = mergeKey === undefined ? null : { key: mergeKey, at: now };
    setHistory((current) => {
      const next = update(current.present);
      if (next === current.present) return current;
      const past = merge ? current.past : [...current.past, current.present].slice(-HISTORY_LIMIT);
      return { past, present: next, future: [] };
    });
  }, []);

  const undo = useCallback(() => {
    last.current = null;
    setHistory((current) => {
      const previous = current.past.at(-1);
      if (!previous) return current;
      return { past: current.past.slice(0, -1), present: previous, future: [current.present, ...current.future] };
    });
  }, []);

  const redo = useCallback(() => {
    last.current = null;
    setHistory((current) => {
      const [next, ...future] = current.future;
      if (!next) return current;
      return { past: [...current.past, current.present], present: next, future };
    });
  }, []);

  return { doc: history.present, change, undo, redo, canUndo: history.past.length > 0, canRedo: history.future.length > 0 };
}
