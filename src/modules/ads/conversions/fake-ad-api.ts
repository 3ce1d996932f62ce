import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// For tests: a local HTTP server on 127.0.0.1 standing in for an ad platform's API. Each test declares the answers
// (shaped as the platform documents them) for a method and path; every request is recorded with its headers and
// parsed body (JSON or form), so a test checks what our connector sent. An unplanned call answers 404.

export type TFakeCall = {
  method: string;
  /** Path without the query string, percent-decoding left as sent. */
  path: string;
  /** The raw query string (without `?`), as sent: Rest.li syntax is checked as is. */
  query: string;
  headers: IncomingMessage['headers'];
  body: unknown;
};

export type TFakeAnswer = { status?: number; body?: unknown; headers?: Record<string, string> };
type TRoute = { method: string; path: string | RegExp; answer: (call: TFakeCall) => TFakeAnswer; times: number };

export class FakeAdApi {
  readonly calls: TFakeCall[] = [];
  private readonly routes: TRoute[] = [];
  private server: Server | undefined;

  /** Answers `method path` (exact path or a pattern) `times` times (default: always); later declarations win. */
  on(method: string, path: string | RegExp, answer: TFakeAnswer | ((call: TFakeCall) => TFakeAnswer), times = Infinity): this {
    this.routes.unshift({ method, path, answer: typeof answer === 'function' ? answer : () => answer, times });
    return this;
  }

  /** The calls made to a path (exact or pattern). */
  callsTo(method: string, path: string | RegExp): TFakeCall[] {
    return this.calls.filter((c) => c.method === method && matches(path, c.path));
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const [path = '', query = ''] = (req.url ?? '').split(/\?(.*)/s);
        const raw = Buffer.concat(chunks).toString('utf8');
        const call: TFakeCall = { method: req.method ?? 'GET', path, query, headers: req.headers, body: parseBody(raw, req.headers['content-type']) };
        this.calls.push(call);
        const route = this.routes.find((r) => r.times > 0 && r.method === call.method && matches(r.path, path));
        if (route) route.times -= 1;
        const answer = route ? route.answer(call) : { status: 404, body: { message: `no fake answer for ${call.method} ${path}` } };
        const status = answer.status ?? 200;
        res.writeHead(status, { ...(answer.body !== undefined ? { 'content-type': 'application/json' } : {}), ...answer.headers });
        res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function matches(path: string | RegExp, actual: string): boolean {
  return typeof path === 'string' ? path === actual : path.test(actual);
}

function parseBody(raw: string, type: string | undefined): unknown {
  if (!raw) return undefined;
  if (type?.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
