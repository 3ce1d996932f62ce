import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One chat completion the fake was asked for, as received. */
export type TFakeChatCall = {
  path: string;
  authorization: string | undefined;
  body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { schema: unknown; strict?: boolean } };
    [key: string]: unknown;
  };
};

/** What the fake answers next: a status with an error, a hang (never answers), or a chat content. */
export type TFakeAnswer =
  | { kind: 'error'; status: number; message?: string; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'content'; content: string; usage?: { prompt_tokens: number; completion_tokens: number } };

/** A 2×1 red PNG: what the images endpoint returns, small and real (sharp can read it). */
export const FAKE_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAD0lEQVQImWM4w8BwhoEBAAczAZnw4GPhAAAAAElFTkSuQmCC';

/**
 * A local stand-in for an OpenAI-compatible API (OpenAI, Mistral, Ollama, LM Studio…), for tests: an HTTP server on
 * 127.0.0.1 answering POST `/v1/chat/completions` (the `chat.completion` shape with `usage`) and POST
 * `/v1/images/generations` (`data[].b64_json`), with OpenAI's error bodies `{ error: { message, type, code } }`.
 * A wrong bearer key gets a 401 (the call is still recorded). `queue(...)` sets the next answers (errors, hangs, contents); once the queue is
 * empty, `reply(call)` writes the content. `calls` and `imageCalls` record every request.
 */
export class OpenAiFake {
  readonly apiKey = 'sk-fake-installation';
  readonly model = 'fake-chat-1';
  readonly imageModel = 'fake-image-1';
  readonly calls: TFakeChatCall[] = [];
  readonly imageCalls: { authorization: string | undefined; body: Record<string, unknown> }[] = [];
  /** Keys accepted (the installation's, and any a test adds for a workspace's own credential). */
  readonly keys = new Set<string>([this.apiKey]);
  /** Usage reported for a content answer that does not set its own. */
  usage = { prompt_tokens: 1200, completion_tokens: 300 };
  /** The content of an answer when the queue is empty. */
  reply: (call: TFakeChatCall) => string = () => '{}';
  private answers: TFakeAnswer[] = [];
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** The environment that points the installation's provider at this fake. */
  get env(): Record<string, string> {
    return { AI_BASE_URL: `${this.url}/v1`, AI_API_KEY: this.apiKey, AI_MODEL: this.model, AI_IMAGE_MODEL: this.imageModel };
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next answers, in order, before `reply` takes over again. */
  queue(...answers: TFakeAnswer[]): void {
    this.answers.push(...answers);
  }

  reset(): void {
    this.calls.length = 0;
    this.imageCalls.length = 0;
    this.answers = [];
    this.reply = () => '{}';
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? '/', this.url).pathname;
    const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    const error = (status: number, message: string, type: string, code: string | null, headers?: Record<string, string>) =>
      send(status, { error: { message, type, param: null, code } }, headers);
    const authorization = req.headers.authorization;
    if (req.method !== 'POST') return error(405, 'Method not allowed', 'invalid_request_error', null);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      return error(400, 'We could not parse the JSON body of your request.', 'invalid_request_error', null);
    }

    const refused = () => error(401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
    const keyKnown = this.keys.has((authorization ?? '').replace(/^Bearer /, ''));

    if (path === '/v1/images/generations') {
      this.imageCalls.push({ authorization, body });
      if (!keyKnown) return refused();
      const failure = this.next();
      if (failure?.kind === 'error') return error(failure.status, failure.message ?? 'Image failed', 'server_error', null, failure.headers);
      if (failure?.kind === 'hang') return;
      return send(200, { created: Math.floor(Date.now() / 1000), data: [{ b64_json: FAKE_PNG_BASE64 }] });
    }
    if (path !== '/v1/chat/completions') return error(404, `Unknown path ${path}`, 'invalid_request_error', null);

    const call = { path, authorization, body: body as TFakeChatCall['body'] };
    this.calls.push(call);
    if (!keyKnown) return refused();
    const answer = this.next() ?? { kind: 'content', content: this.reply(call) };
    if (answer.kind === 'hang') return; // never answers: the caller's timeout must end it
    if (answer.kind === 'error') {
      const type = answer.status === 429 ? 'rate_limit_exceeded' : answer.status >= 500 ? 'server_error' : 'invalid_request_error';
      return error(answer.status, answer.message ?? `Fake error ${answer.status}`, type, null, answer.headers);
    }
    const usage = answer.usage ?? this.usage;
    return send(200, {
      id: `chatcmpl-${this.calls.length}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: call.body.model,
      choices: [{ index: 0, message: { role: 'assistant', content: answer.content }, finish_reason: 'stop' }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    });
  }

  private next(): TFakeAnswer | undefined {
    return this.answers.shift();
  }
}
