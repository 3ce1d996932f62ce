import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.js';
import { readGenerationResponse } from './generation-stream.js';
import { createSseParser, type TSseEvent } from './sse.js';

function parseChunks(chunks: string[]): TSseEvent[] {
  const events: TSseEvent[] = [];
  const parser = createSseParser((event) => events.push(event));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return events;
}

describe('the SSE parser', () => {
  it('reads named events, joins data lines, skips comments and unknown fields', () => {
    const text = ': keep-alive\n\nevent: progress\ndata: {"step":"copy",\ndata: "done":1}\nfoo: bar\n\nevent:result\ndata:{"id":1}\n\ndata: plain\n\n';
    expect(parseChunks([text])).toEqual([
      { event: 'progress', data: '{"step":"copy",\n"done":1}' },
      { event: 'result', data: '{"id":1}' },
      { event: 'message', data: 'plain' },
    ]);
  });

  it('gives the same events whatever the chunk boundaries and line endings', () => {
    const text = 'event: progress\r\ndata: {"step":"page:sales"}\r\n\r\nevent: result\rdata: {"name":"Réussir à l’oral"}\r\r';
    const whole = parseChunks([text]);
    expect(whole).toEqual([
      { event: 'progress', data: '{"step":"page:sales"}' },
      { event: 'result', data: '{"name":"Réussir à l’oral"}' },
    ]);
    // One character at a time: a \r\n split in two must not count as two line ends (which would dispatch early).
    expect(parseChunks([...text])).toEqual(whole);
    for (let cut = 1; cut < text.length; cut++) expect(parseChunks([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
  });

  it('delivers a last event without its closing blank line, and nothing for a blank stream', () => {
    expect(parseChunks(['event: result\ndata: {}'])).toEqual([{ event: 'result', data: '{}' }]);
    expect(parseChunks(['\n\n', ': only a comment\n'])).toEqual([]);
    // An event with no data line is not dispatched (the spec's rule).
    expect(parseChunks(['event: progress\n\n'])).toEqual([]);
  });
});

/** A streamed response whose body arrives in the given byte chunks. */
function streamed(chunks: Uint8Array[], status = 200): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(body, { status, headers: { 'content-type': 'text/event-stream; charset=utf-8' } });
}

describe('reading a generation response', () => {
  it('reports progress then resolves with the result, even with a character split across chunks', async () => {
    const bytes = new TextEncoder().encode(
      'event: progress\ndata: {"step":"copy","done":0,"total":3}\n\nevent: progress\ndata: {"step":"page:sales","done":1,"total":3}\n\n' +
        'event: result\ndata: {"id":"f1","name":"Atelier «\u00a0Prendre la parole\u00a0»"}\n\n',
    );
    const split = bytes.indexOf(0xc2); // the first byte of the no-break space's two
    const progress: string[] = [];
    const result = await readGenerationResponse<{ id: string; name: string }>(streamed([bytes.slice(0, split + 1), bytes.slice(split + 1)]), (event) =>
      progress.push(`${event.step} ${event.done}/${event.total}`),
    );
    expect(progress).toEqual(['copy 0/3', 'page:sales 1/3']);
    expect(result).toEqual({ id: 'f1', name: 'Atelier «\u00a0Prendre la parole\u00a0»' });
  });

  it('turns an error event into the ApiError the forms show (status, reason, params)', async () => {
    const problem = {
      type: 'urn:problem:rate_limited',
      title: 'Too Many Requests',
      status: 429,
      detail: 'Monthly cap reached',
      reason: 'ai_monthly_cap_reached',
      params: { cap: 20 },
    };
    const response = streamed([
      new TextEncoder().encode(`event: progress\ndata: {"step":"copy","done":0,"total":2}\n\nevent: error\ndata: ${JSON.stringify(problem)}\n\n`),
    ]);
    const error = await readGenerationResponse(response, () => undefined).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, reason: 'ai_monthly_cap_reached', params: { cap: 20 }, detail: 'Monthly cap reached' });
  });

  it('reads a refused request, a plain JSON answer, and a stream that ends without a result', async () => {
    const refused = new Response(
      JSON.stringify({
        status: 400,
        detail: 'Invalid body',
        errors: [{ path: 'body.topic', message: 'Too small', code: 'too_small', params: { minimum: 2 } }],
      }),
      { status: 400, headers: { 'content-type': 'application/problem+json' } },
    );
    const error = await readGenerationResponse(refused, () => undefined).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect(Object.keys((error as ApiError).fieldErrors())).toEqual(['topic']);

    const plain = new Response(JSON.stringify({ id: 'c1' }), { status: 201, headers: { 'content-type': 'application/json' } });
    await expect(readGenerationResponse(plain, () => undefined)).resolves.toEqual({ id: 'c1' });

    const cut = streamed([new TextEncoder().encode('event: progress\ndata: {"step":"copy","done":0,"total":2}\n\n')]);
    await expect(readGenerationResponse(cut, () => undefined)).rejects.toMatchObject({ status: 502 });
  });
});
