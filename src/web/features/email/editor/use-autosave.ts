import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TEmailCampaign } from '../../../../contracts/email-campaigns.js';
import { ZEmailDocument, type TEmailDocument } from '../../../../contracts/email-document.js';
import { api } from '../../../lib/api.js';
import { campaignKey, CAMPAIGNS_PATH } from '../email-api.js';

/** Quiet time after the last change before the document is saved. */
const AUTOSAVE_MS = 1500;

export type TSaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** The document breaks a rule of the schema (an image without an address…): not sent until fixed. */
  | { kind: 'invalid'; path: (string | number)[] }
  | { kind: 'error'; error: unknown };

/**
 * Saves the document about 1.5 s after the last change (`PATCH {editor_document}`), one request at a time, the last
 * state winning; `flush` saves now (before a preview). A document the shared schema refuses is not sent.
 */
export function useAutosave(campaignId: string, doc: TEmailDocument, enabled: boolean) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<TSaveState>({ kind: 'saved' });
  const saved = useRef(doc);
  const latest = useRef(doc);
  const inFlight = useRef<Promise<void> | null>(null);
  latest.current = doc;

  const save = useCallback(async (): Promise<void> => {
    if (inFlight.current) await inFlight.current;
    const target = latest.current;
    if (target === saved.current) return setState({ kind: 'saved' });
    const check = ZEmailDocument.safeParse(target);
    if (!check.success) return setState({ kind: 'invalid', path: (check.error.issues[0]?.path ?? []) as (string | number)[] });
    setState({ kind: 'saving' });
    const request = api
      .patch<TEmailCampaign>(`${CAMPAIGNS_PATH}/${campaignId}`, { editor_document: target })
      .then((campaign) => {
        saved.current = target;
        // The page's copy of the campaign (its HTML, for the mode switch and the send panel) follows; the editor keeps its own document.
        queryClient.setQueryData(campaignKey(campaignId), campaign);
        setState(latest.current === target ? { kind: 'saved' } : { kind: 'pending' });
      })
      .catch((error: unknown) => setState({ kind: 'error', error }))
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = request;
    await request;
  }, [campaignId, queryClient]);

  useEffect(() => {
    if (!enabled || doc === saved.current) return;
    setState((current) => (current.kind === 'saving' ? current : { kind: 'pending' }));
    const timer = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [doc, enabled, save]);

  // Leaving the page with changes still waiting: they are sent now rather than lost.
  useEffect(
    () => () => {
      if (enabled && latest.current !== saved.current && ZEmailDocument.safeParse(latest.current).success) {
        void api.patch(`${CAMPAIGNS_PATH}/${campaignId}`, { editor_document: latest.current }).catch(() => undefined);
      }
    },
    [campaignId, enabled],
  );

  /** Saves now; resolves true when the document on the server is the one on screen. */
  const flush = useCallback(async (): Promise<boolean> => {
    await save();
    return latest.current === saved.current;
  }, [save]);

  return { state, flush, dirty: doc !== saved.current };
}
