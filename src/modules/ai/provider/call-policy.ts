import { APICallError, RetryError } from 'ai';
import { AppError } from '../../../platform/errors.js';

// How a call to the provider is tried: a throttle (429) or a server failure (5xx, unreachable) is tried again after
// a growing wait, at most 3 attempts in all; anything else fails at once. A timeout is not retried: the call already
// held the member's request for the whole timeout, and two more would hold it three times as long.

/** How long to wait and how (injectable: tests do not sleep through real backoffs). */
export type TCallPolicy = {
  /** Per attempt. */
  timeoutMs: number;
  /** The first wait; then doubled. */
  backoffMs: number;
  /** The longest wait, whatever Retry-After asks. */
  maxWaitMs: number;
  maxAttempts: number;
  sleep: (ms: number) => Promise<void>;
};

export const DEFAULT_POLICY: Omit<TCallPolicy, 'timeoutMs'> = {
  backoffMs: 1000,
  maxWaitMs: 20_000,
  maxAttempts: 3,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** An attempt that ran out of time (our own abort, told apart from any other). */
export class CallTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The AI provider did not answer within ${timeoutMs} ms`);
  }
}

/** Runs `call` with an abort signal that fires after the policy's timeout; a fired timeout becomes a CallTimeout. */
export async function withTimeout<T>(policy: TCallPolicy, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
  try {
    return await call(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) throw new CallTimeout(policy.timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs one provider call (with its timeout) under the retry rules; failures come out as AppErrors for the member. */
export async function withRetries<T>(policy: TCallPolicy, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await withTimeout(policy, call);
    } catch (raw) {
      const error = unwrap(raw);
      if (!isRetryable(error) || attempt >= policy.maxAttempts) throw providerError(error);
      await policy.sleep(waitBefore(policy, attempt, error));
    }
  }
}

/** The SDK wraps errors it retried itself; we ask it for no retries, but unwrap in case. */
function unwrap(error: unknown): unknown {
  return RetryError.isInstance(error) ? error.lastError : error;
}

function isRetryable(error: unknown): boolean {
  if (!APICallError.isInstance(error)) return false;
  if (error.statusCode === undefined) return error.isRetryable; // unreachable: connection refused, reset…
  return error.statusCode === 429 || error.statusCode >= 500;
}

/** Retry-After (seconds or an HTTP date) when the provider sends one, else doubling waits; never over the cap. */
function waitBefore(policy: TCallPolicy, attempt: number, error: unknown): number {
  const backoff = policy.backoffMs * 2 ** (attempt - 1);
  const asked = APICallError.isInstance(error) ? retryAfterMs(error.responseHeaders) : null;
  return Math.min(asked ?? backoff, policy.maxWaitMs);
}

function retryAfterMs(headers: Record<string, string> | undefined): number | null {
  const value = headers?.['retry-after'];
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/** The member-facing error of a failed call: a refused key, or a provider out of reach. Ours pass through. */
export function providerError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (APICallError.isInstance(error) && (error.statusCode === 401 || error.statusCode === 403)) {
    return new AppError('bad_gateway', 'The AI provider refused the API key', { reason: 'ai_provider_refused_key', params: { status: error.statusCode } });
  }
  const status = APICallError.isInstance(error) ? error.statusCode : undefined;
  const why = error instanceof CallTimeout ? error.message : 'The AI provider is unavailable';
  return new AppError('bad_gateway', why, { reason: 'ai_provider_unavailable', params: status === undefined ? {} : { status } });
}

/** A 400 or 422 (after providerError): the server refused the request itself, e.g. a `json_schema` it does not take. */
export function isRequestRefused(error: unknown): boolean {
  return error instanceof AppError && error.reason === 'ai_provider_unavailable' && (error.params?.status === 400 || error.params?.status === 422);
}
