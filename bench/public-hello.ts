// The baseline of bench:public: a bare Fastify hello-world in its own process (what the machine gives an HTTP server).
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => 'hello world');
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
process.on('SIGUSR2', () => {
  const used = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ cpu: used.user + used.system })}\n`);
});
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
