// npm run bench:public — prints numbers, never pass/fail.
// Requests per second of a published funnel page and of the tracking endpoint (a next-step link: counted, then
// redirected) on the product's public server, against a bare Fastify hello-world, each server in its own process and
// the load (autocannon, keep-alive connections) from this one. Target: the page and the tracking endpoint at 60 % or
// more of the hello-world. Then the server is closed (its buffered events written) and the events recorded are
// compared with the requests answered: they must be equal. PostgreSQL with DATABASE_URL, else PGlite.
// Two references frame the numbers: the server's floor (a 304 of our script: the fast path's security headers and
// rate limit, no event) and the ceiling (a bare node:http server writing the page's exact bytes and nothing else).
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const DURATION = Number(process.env.BENCH_PUBLIC_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_PUBLIC_CONNECTIONS ?? 50);
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0';

/** Starts a child process running `script` and resolves with each line it prints, in order. */
function start(script: string): { child: ChildProcess; next: () => Promise<Record<string, unknown>> } {
  const profile = process.env.BENCH_PUBLIC_PROFILE && script.endsWith('public-server.ts') ? ['--cpu-prof', '--cpu-prof-dir', '.tmp/prof'] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return { child, next: async () => JSON.parse((await lines.next()).value as string) as Record<string, unknown> };
}

/** `amount` requests (every one answered before it returns: the events can be counted exactly), or DURATION seconds. */
async function load(url: string, amount?: number, extra: Record<string, string> = {}): Promise<{ rps: number; answered: number; p99: number; errors: number }> {
  const headers = { 'user-agent': BROWSER, accept: 'text/html', 'accept-encoding': 'br, gzip', ...extra };
  // Sampled every 100 ms: a run of `amount` requests ends at the first sample after the last answer, and with
  // autocannon's 1 s default that put up to a second of waiting into the measured time.
  const result = await autocannon({ url, connections: CONNECTIONS, sampleInt: 100, ...(amount ? { amount } : { duration: DURATION }), headers });
  const answered = result['2xx'] + result['3xx'];
  // autocannon's own duration is in whole seconds: the run's real length gives a precise rate.
  const seconds = (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000;
  return { rps: result.requests.total / seconds, answered, p99: result.latency.p99, errors: result.errors + result.non2xx - result['3xx'] };
}

type TServer = ReturnType<typeof start>;
/** The server's CPU time (µs) spent on one run, per request answered: steadier than the rate on a busy machine. */
async function measured<T extends { answered: number; errors: number }>(server: TServer, run: () => Promise<T>): Promise<T & { cpuPerRequest: number }> {
  server.child.kill('SIGUSR2');
  const before = (await server.next()) as { cpu: number };
  const result = await run();
  server.child.kill('SIGUSR2');
  const after = (await server.next()) as { cpu: number };
  return { ...result, cpuPerRequest: (after.cpu - before.cpu) / Math.max(1, result.answered + result.errors) };
}

const hello = start('bench/public-hello.ts');
const { port: helloPort } = (await hello.next()) as { port: number };
await load(`http://127.0.0.1:${helloPort}/`); // warm-up
const bare = await measured(hello, () => load(`http://127.0.0.1:${helloPort}/`));
hello.child.kill('SIGTERM');

const server = start('bench/public-server.ts');
const info = (await server.next()) as { port: number; page: string; tracking: string; database: string };
const base = `http://127.0.0.1:${info.port}`;
// A warm-up of 5,000 views sizes the measured runs to about DURATION seconds each.
const warm = await load(`${base}${info.page}`, 5000);
const amount = Math.max(5000, Math.round(warm.rps * DURATION));
const page = await measured(server, () => load(`${base}${info.page}`, amount));
const tracking = await measured(server, () => load(`${base}${info.tracking}`, amount));
// The floor of the product's public server: our runtime script revalidated (a 304 from memory, no event, no
// database), answered by the fast path with the security headers and rate limit of every answer.
const script = await fetch(`${base}/p/runtime.js`);
const floor = await measured(server, () => load(`${base}/p/runtime.js`, amount, { 'if-none-match': script.headers.get('etag') ?? '' }));
// The page's exact answer (headers and compressed body), for the ceiling below.
const sample = await new Promise<{ headers: string[]; body: string }>((resolve, reject) => {
  // A prefetch gets the same answer and is not counted as a view (the events stay equal to the requests measured).
  const headers = { 'user-agent': BROWSER, accept: 'text/html', 'accept-encoding': 'br, gzip', 'sec-purpose': 'prefetch' };
  request(`${base}${info.page}`, { headers }, (response) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => {
      const pairs: string[] = [];
      const raw = response.rawHeaders;
      for (let i = 0; i < raw.length; i += 2) if (!['date', 'connection', 'keep-alive'].includes(raw[i]!.toLowerCase())) pairs.push(raw[i]!, raw[i + 1]!);
      resolve({ headers: pairs, body: Buffer.concat(chunks).toString('base64') });
    });
  })
    .on('error', reject)
    .end();
});
server.child.kill('SIGTERM');
const { events } = (await server.next()) as { events: number };

const samplePath = join(tmpdir(), `bench-public-sample-${process.pid}.json`);
writeFileSync(samplePath, JSON.stringify(sample));
process.env.BENCH_PUBLIC_SAMPLE = samplePath;
const raw = start('bench/public-raw.ts');
const { port: rawPort } = (await raw.next()) as { port: number };
await load(`http://127.0.0.1:${rawPort}/`, 5000);
const ceiling = await measured(raw, () => load(`http://127.0.0.1:${rawPort}/`, amount));
raw.child.kill('SIGTERM');

const pct = (n: number) => `${Math.round((n / bare.rps) * 100)} %`;
console.log(`database: ${info.database}; ${CONNECTIONS} connections, ${DURATION} s per run, load from this process, each server in its own`);
const cpu = (run: { cpuPerRequest: number }) => `${run.cpuPerRequest.toFixed(1)} µs CPU/request`;
console.log(`hello-world (bare Fastify):      ${Math.round(bare.rps)} req/s, p99 ${bare.p99} ms, ${cpu(bare)}`);
console.log(
  `published page:                  ${Math.round(page.rps)} req/s, p99 ${page.p99} ms, ${cpu(page)}  (${pct(page.rps)} of hello-world; target ≥ 60 %)`,
);
console.log(
  `tracking (next-step, 302):       ${Math.round(tracking.rps)} req/s, p99 ${tracking.p99} ms, ${cpu(tracking)}  (${pct(tracking.rps)} of hello-world; target ≥ 60 %)`,
);
console.log(
  `server floor (304, no work):     ${Math.round(floor.rps)} req/s, p99 ${floor.p99} ms, ${cpu(floor)}  (${pct(floor.rps)} of hello-world: the security headers and rate limit every answer pays)`,
);
console.log(
  `ceiling (bare node:http, page bytes): ${Math.round(ceiling.rps)} req/s, p99 ${ceiling.p99} ms, ${cpu(ceiling)}  (${pct(ceiling.rps)} of hello-world: the same answer written with no work at all)`,
);
const sent = warm.answered + page.answered + tracking.answered;
console.log(
  `events recorded: ${events}; requests answered: ${sent} (${events === sent ? 'equal' : `MISMATCH: ${sent - events} missing`}); errors: ${page.errors + tracking.errors + warm.errors}`,
);
