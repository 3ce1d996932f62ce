/** Error codes services throw; the HTTP layer maps each to one status (platform/http/problem.ts). */
export type TErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  /** A user-shaped query the planner estimates over the request's budget (PGlite, query-limits.ts). */
  | 'query_too_expensive'
  /** An outside platform the request relies on (an ad network) refused or failed the call: 502. */
  | 'bad_gateway';

/**
 * One bad field. `message` is English for API users; `code` and `params` let the web app say it in the
 * user's language (zod's issue codes such as `too_small` with `{ minimum }`, or our own such as `time_zone`).
 */
export type TFieldError = { path: string; message: string; code?: string; params?: Record<string, TErrorParam> };
export type TErrorParam = string | number | boolean | (string | number)[];

/**
 * The one application error: services throw it, one handler turns it into problem+json.
 * `message` is English for API users; `reason` (snake_case, e.g. `workspace_limit`) and `params` travel in the
 * problem so the web app says it in the user's language (errors.reasons.* in src/web/i18n).
 */
export class AppError extends Error {
  readonly code: TErrorCode;
  readonly errors?: TFieldError[];
  readonly extra?: Record<string, unknown>;
  readonly reason?: string;
  readonly params?: Record<string, TErrorParam>;

  constructor(
    code: TErrorCode,
    message: string,
    options: { errors?: TFieldError[]; extra?: Record<string, unknown>; reason?: string; params?: Record<string, TErrorParam> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.errors = options.errors;
    this.extra = options.extra;
    this.reason = options.reason;
    this.params = options.params;
  }
}

/** Shorthand for the most common case: the row is missing or belongs to another workspace. */
export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found`, { reason: 'not_found' });
}
