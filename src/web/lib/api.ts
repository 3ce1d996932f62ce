import i18next from 'i18next';
import type { TProblem } from '../../contracts/common.js';

type TFieldError = { path: string; message: string; code?: string; params?: Record<string, unknown> };

/**
 * A field error in the interface's language: the server sends a code (`too_small`, `invalid_format`, `time_zone`…)
 * and its parameters; the English `message` is kept only when no translation exists for the code.
 */
export function translateFieldError(error: TFieldError): string {
  const params = { ...error.params };
  if (error.code) {
    const variant = [error.code, params.format ?? params.origin].filter(Boolean).join('_');
    for (const key of [`validation.codes.${variant}`, `validation.codes.${error.code}`]) {
      if (i18next.exists(key)) return String(i18next.t(key as never, params as never));
    }
  }
  // The server's message is English: shown as is to English readers only.
  return isEnglish() ? error.message : String(i18next.t('validation.codes.refused' as never));
}

/** True when the interface is in English (the server's own messages are English). */
export function isEnglish(): boolean {
  return (i18next.resolvedLanguage ?? i18next.language ?? 'fr').startsWith('en');
}

/** A failed API call: the problem document's status, detail and field errors (status 0 = network failure). */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: string;
  readonly errors: TFieldError[];
  /** Why, as a code the app translates (errors.reasons.*), with its params. */
  readonly reason?: string;
  readonly params?: Record<string, unknown>;

  constructor(problem: Pick<TProblem, 'status' | 'detail' | 'reason' | 'params'> & { errors?: TFieldError[] }) {
    super(problem.detail);
    this.name = 'ApiError';
    this.status = problem.status;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.reason = problem.reason;
    this.params = problem.params;
  }

  /**
   * The explanation in the user's language: the translated reason, else the first field error, else the
   * server's English detail for English readers (French readers get a sentence of the status's kind).
   */
  explanation(): string {
    const key = `errors.reasons.${this.reason}`;
    if (this.reason && i18next.exists(key)) {
      const params: Record<string, unknown> = { ...this.params };
      // A capped list is named by its key (e.g. `savedViews`): say its name in the user's language.
      if (typeof params.list === 'string' && i18next.exists(`errors.lists.${params.list}`)) params.list = i18next.t(`errors.lists.${params.list}` as never);
      return String(i18next.t(key as never, params as never));
    }
    if (this.errors[0]) return translateFieldError(this.errors[0]);
    if (isEnglish()) return this.detail;
    return String(i18next.t((this.status >= 500 ? 'errors.tryAgain' : 'errors.refused') as never));
  }

  /** Field errors keyed by form field: the server's "body.email" becomes "email". */
  fieldErrors(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const error of this.errors) {
      const field = error.path.replace(/^body\.?/, '');
      if (field && !(field in result)) result[field] = translateFieldError(error);
    }
    return result;
  }
}

// The session's synchronizer token, learnt from /api/auth/me, login, sign-up and similar responses.
let csrfToken: string | undefined;

/** Remembers the token echoed in x-csrf-token on every state-changing request. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

type TMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

async function request<T>(method: TMethod, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // No content-type without a body: Fastify rejects an empty JSON body. A form (a file upload) sets its own.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, detail: 'Network error' });
  }

  const text = await response.text();
  const parsed = parseJson(text);
  if (!response.ok) throw toApiError(response, parsed);
  return (parsed ?? undefined) as T;
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function toApiError(response: Response, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'detail' in body && typeof body.detail === 'string') {
    const problem = body as Partial<TProblem>;
    return new ApiError({ status: response.status, detail: body.detail, errors: problem.errors, reason: problem.reason, params: problem.params });
  }
  return new ApiError({ status: response.status, detail: response.statusText || `HTTP ${response.status}` });
}

/** JSON client for the platform's API (same-origin session cookie + CSRF header). */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T = void>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T = void>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T = void>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  /** POSTs a multipart form (fields before the file, as the server reads them in order). */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};
