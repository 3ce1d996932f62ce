import { useCallback, useEffect, useRef, useState } from 'react';
import type { TAiProgressEvent } from '../../../contracts/ai.js';
import { useSignedInMe } from '../auth/session.js';
import { postGeneration } from './generation-stream.js';

export type TGenerationPhase = 'form' | 'running' | 'preview';

export type TGeneration<TBody, TResult> = {
  phase: TGenerationPhase;
  /** The steps announced so far, in order (the last one is under way while running). */
  steps: TAiProgressEvent[];
  result: TResult | null;
  /** The last failure (shown on the form, which stays filled in). */
  error: unknown;
  start: (body: TBody) => void;
  /** Replaces the result after a part was written again. */
  update: (change: (result: TResult) => TResult) => void;
};

/**
 * One generation's life in a dialog: the brief is sent, its progress streamed, then its result previewed. Leaving
 * the dialog (unmount) stops listening; a result already made stays a draft in its list.
 */
export function useGeneration<TBody, TResult>(path: string): TGeneration<TBody, TResult> {
  const csrfToken = useSignedInMe().csrf_token;
  const [phase, setPhase] = useState<TGenerationPhase>('form');
  const [steps, setSteps] = useState<TAiProgressEvent[]>([]);
  const [result, setResult] = useState<TResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    (body: TBody) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setPhase('running');
      setSteps([]);
      setError(null);
      const onProgress = (event: TAiProgressEvent) =>
        setSteps((previous) => {
          // A step may report twice (started, then done): keep one line per step with its latest count.
          const others = previous.filter((step) => step.step !== event.step);
          return [...others, event];
        });
      postGeneration<TResult>(path, body, { csrfToken, onProgress, signal: current.signal })
        .then((value) => {
          if (current.signal.aborted) return;
          setResult(value);
          setPhase('preview');
        })
        .catch((caught: unknown) => {
          if (current.signal.aborted) return;
          setError(caught);
          setPhase('form');
        });
    },
    [path, csrfToken],
  );

  const update = useCallback((change: (value: TResult) => TResult) => setResult((value) => (value === null ? value : change(value))), []);

  return { phase, steps, result, error, start, update };
}
