// The ceiling of bench:public, in its own process: a bare node:http server that writes a published page's exact answer
// (its headers and brotli body, captured from the product's server) and does nothing else: no routing, no event, no
// limit. What this machine gives for those bytes; the product's public server cannot go faster than this.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const sample = JSON.parse(readFileSync(process.env.BENCH_PUBLIC_SAMPLE!, 'utf8')) as { headers: string[]; body: string };
const body = Buffer.from(sample.body, 'base64');
const server = createServer((_request, response) => {
  response.writeHead(200, sample.headers);
  response.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
process.on('SIGUSR2', () => {
  const used = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ cpu: used.user + used.system })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
