import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.js';
import { appErrorProblem, problemDocument } from '../../../platform/http/problem.js';

// A generation streamed as server-sent events (`Accept: text/event-stream`): `progress` events while it writes, then
// one `result` (the body the JSON answer would carry) or one `error` (the problem document the JSON answer would
// carry). The UI shows the steps; API clients that do not ask for a stream get the plain 201.

/** Whether the client asked for the stream. */
export function wantsEventStream(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/event-stream');
}

export type TProgress = (step: string, done: number, total: number) => void;

/**
 * Runs `work` with a progress callback that writes `progress` events, then writes `result` or `error` and ends the
 * response. The stream is the request's own: the reply is hijacked, so Fastify's hooks do not run on it and the
 * headers they would add are set here.
 */
export async function streamGeneration(request: FastifyRequest, reply: FastifyReply, work: (progress: TProgress) => Promise<unknown>): Promise<void> {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store, no-transform',
    'x-content-type-options': 'nosniff',
    // A reverse proxy must pass the events as they come.
    'x-accel-buffering': 'no',
  });
  const send = (event: string, data: unknown) => {
    if (!raw.writableEnded) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  try {
    const result = await work((step, done, total) => send('progress', { step, done, total }));
    send('result', result);
  } catch (error) {
    if (error instanceof AppError) send('error', appErrorProblem(error));
    else {
      request.log.error({ err: error }, 'streamed generation failed');
      send('error', problemDocument({ status: 500, code: 'internal', detail: 'Internal server error' }));
    }
  } finally {
    raw.end();
  }
}
