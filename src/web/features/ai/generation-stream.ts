import { ZAiProgressEvent, type TAiProgressEvent } from '../../../contracts/ai.js';
import type { TProblem } from '../../../contracts/common.js';
import { ApiError } from '../../lib/api.js';
import { createSseParser, type TSseEvent } from './sse.js';

// A generation takes seconds to a minute: the dialog asks for the streamed answer (progress events, then the
// result or the error) and reads it with fetch, since EventSource cannot POST. Errors become the app's ApiError,
// so the dialog shows them as every other form does (translated reasons, field errors).

type TOnProgress = (event: TAiProgressEvent) => void;

/** An API problem document (or anything else a failing server sent) as the app's ApiError. */
export function problemError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'detail' in body && typeof body.detail === 'string') {
    const problem = body as Partial<TProblem>;
    return new ApiError({
      status: typeof problem.status === 'number' ? problem.status : status,
      detail: body.detail,
      errors: problem.errors,
      reason: problem.reason,
      params: problem.params,
    });
  }
  return new ApiError({ status, detail: `HTTP ${status}` });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The stream broke or closed without a result: a server-side failure the user can retry. */
const brokenStream = () => new ApiError({ status: 502, detail: 'The generation stopped before its result' });

/**
 * Reads a generation's response: an error status's problem document, a plain JSON answer (a server that does not
 * stream), or the event stream, calling `onProgress` for each `progress` event and resolving with `result`'s data.
 */
export async function readGenerationResponse<T>(response: Response, onProgress: TOnProgress): Promise<T> {
  if (!response.ok) throw problemError(response.status, parseJson(await response.text()));
  if (!(response.headers.get('content-type') ?? '').includes('text/event-stream') || !response.body) {
    const body = parseJson(await response.text());
    if (body === null) throw brokenStream();
    return body as T;
  }
  let outcome: { result: T } | { error: ApiError } | null = null;
  const onEvent = ({ event, data }: TSseEvent) => {
    if (outcome) return;
    const payload = parseJson(data);
    if (event === 'progress') {
      const progress = ZAiProgressEvent.safeParse(payload);
      if (progress.success) onProgress(progress.data);
    } else if (event === 'result') {
      outcome = payload === null ? { error: brokenStream() } : { result: payload as T };
    } else if (event === 'error') {
      outcome = { error: problemError(500, payload) };
    }
  };
  const parser = createSseParser(onEvent);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  try {
    while (!outcome) {
      const { done, value } = await reader.read();
      if (done) {
        parser.push(decoder.decode());
        parser.end();
        break;
      }
      parser.push(decoder.decode(value, { stream: true }));
    }
  } finally {
    // The result is in: stop reading (the server closes right after anyway).
    void reader.cancel().catch(() => undefined);
  }
  // TypeScript cannot see the assignments made inside onEvent.
  const final = outcome as { result: T } | { error: ApiError } | null;
  if (!final) throw brokenStream();
  if ('error' in final) throw final.error;
  return final.result;
}

type TPostOptions = { csrfToken: string | undefined; onProgress: TOnProgress; signal?: AbortSignal };

/** POSTs a generation brief asking for the streamed answer, with the session cookie and CSRF header as the api client sends them. */
export async function postGeneration<T>(path: string, body: unknown, { csrfToken, onProgress, signal }: TPostOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'text/event-stream', 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(body), signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, detail: 'Network error' });
  }
  try {
    return await readGenerationResponse<T>(response, onProgress);
  } catch (error) {
    if (signal?.aborted || error instanceof ApiError) throw error;
    // The connection dropped mid-stream.
    throw new ApiError({ status: 0, detail: 'Network error' });
  }
}
