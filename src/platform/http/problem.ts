import { pgErrorCode } from '../db/pg-error.js';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type TErrorCode, type TFieldError } from '../errors.js';

const STATUS: Record<TErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  query_too_expensive: 422,
  bad_gateway: 502,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export type TProblem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: TFieldError[];
  [extra: string]: unknown;
};

/**
 * Field errors one problem lists at most; the rest are counted in `errors_omitted` (a file or a
 * body with 60,000 bad keys answered 5.8 MB). The detail names only the listed ones too.
 */
export const MAX_PROBLEM_ERRORS = 100;

/** An RFC 9457 problem document (field errors capped, detail shortened). */
export function problemDocument(problem: { status: number; detail: string; code?: string; errors?: TFieldError[]; [extra: string]: unknown }): TProblem {
  const { code, ...rest } = problem;
  const body: TProblem = {
    type: `urn:problem:${code ?? String(problem.status)}`,
    title: TITLES[problem.status] ?? 'Error',
    ...rest,
  };
  if (body.errors && body.errors.length > MAX_PROBLEM_ERRORS) {
    body.errors_omitted = body.errors.length - MAX_PROBLEM_ERRORS;
    body.errors = body.errors.slice(0, MAX_PROBLEM_ERRORS);
  }
  if (body.detail.length > 2_000) body.detail = `${body.detail.slice(0, 2_000)}…`;
  return body;
}

/** Sends an RFC 9457 problem document. */
export function sendProblem(
  reply: FastifyReply,
  problem: { status: number; detail: string; code?: string; errors?: TFieldError[]; [extra: string]: unknown },
): FastifyReply {
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problemDocument(problem));
}

/** The problem document of an application error (also what a streamed response ends with when it fails). */
export function appErrorProblem(error: AppError): TProblem {
  return problemDocument({
    status: STATUS[error.code],
    code: error.code,
    detail: error.message,
    ...(error.errors ? { errors: error.errors } : {}),
    ...(error.reason ? { reason: error.reason, ...(error.params ? { params: error.params } : {}) } : {}),
    ...error.extra,
  });
}

/** The one error handler: application errors, validation errors and Fastify's own errors. */
export function problemErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof AppError) {
    const retryAfter = error.extra?.retry_after_seconds;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    const problem = appErrorProblem(error);
    return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const errors = error.validation.map((v) => ({
      path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'invalid value',
      ...errorCode(v.keyword, v.params as Record<string, unknown>),
    }));
    return sendProblem(reply, {
      status: 400,
      code: 'validation',
      detail: `Invalid request: ${errors.map((e) => e.path).join(', ')}`,
      errors,
    });
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    return sendProblem(reply, { status: 500, code: 'internal', detail: 'Internal server error' });
  }
  if (pgErrorCode(error) === '23505') {
    // A unique constraint lost a race that the service's own check did not see.
    return sendProblem(reply, { status: 409, code: 'conflict', detail: 'This record already exists' });
  }
  if (pgErrorCode(error) === '57014') {
    // statement_timeout (query-limits.ts) cancelled one of this request's queries: the server is
    // fine, this request asked too much of it.
    request.log.warn({ err: error }, 'query cancelled by statement_timeout');
    return sendProblem(reply, {
      status: 503,
      code: 'query_timeout',
      reason: 'query_timeout',
      detail: 'The database took too long to answer this request: narrow the filter or try again later',
    });
  }
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, { status, code: 'internal', detail: 'Internal server error' });
  }
  // Fastify's own client errors: body too large (413), bad content type (415), bad JSON (400)...
  return sendProblem(reply, { status, code: error.code?.toLowerCase() ?? String(status), detail: error.message });
}

/**
 * The translatable part of a zod issue: its code (our own `params.code` from a refine wins over zod's generic
 * `custom`) and the parameters a sentence needs (minimum, maximum, format, expected values).
 */
function errorCode(keyword: string, params: Record<string, unknown> | undefined): Pick<TFieldError, 'code' | 'params'> {
  const own = params?.params as { code?: unknown } | undefined;
  const code = typeof own?.code === 'string' ? own.code : keyword;
  const kept: NonNullable<TFieldError['params']> = {};
  for (const name of ['minimum', 'maximum', 'inclusive', 'origin', 'format', 'expected', 'values', 'keys'] as const) {
    const value = params?.[name];
    if (typeof value === 'string' || typeof value === 'boolean') kept[name] = value;
    else if (typeof value === 'number' || typeof value === 'bigint') kept[name] = Number(value);
    else if (Array.isArray(value) && value.length <= 50 && value.every((v) => typeof v === 'string' || typeof v === 'number'))
      kept[name] = value as (string | number)[];
  }
  return { code, ...(Object.keys(kept).length > 0 ? { params: kept } : {}) };
}
