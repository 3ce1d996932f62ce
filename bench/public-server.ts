// The measured side of bench:public, in its own process: the product's public server (PGlite in a fresh folder, or
// PostgreSQL with DATABASE_URL) with one published funnel made from the lead-magnet template. Prints its port and
// addresses; on SIGTERM closes the server (which writes the buffered events) and prints how many events it holds.
import { sql } from 'drizzle-orm';
import { buildPublicServer, createRuntime } from '../src/boot.js';
import { loadConfig } from '../src/platform/config.js';
import { Tenant } from '../src/platform/db/tenant.js';
import { createLogger } from '../src/platform/log.js';
import { signup } from '../src/modules/accounts/index.js';
import { createFromTemplate } from '../src/modules/funnels/funnel-templates.service.js';
import { listPages } from '../src/modules/funnels/funnel-pages.service.js';
import { funnelEvents } from '../src/modules/funnels/funnels.tables.js';
import { publishFunnel } from '../src/modules/funnels/publishing/publish.service.js';

const config = loadConfig({
  ...process.env,
  DATA_DIR: process.env.DATA_DIR ?? `.tmp/bench-public-${Date.now()}`,
  LOG_LEVEL: 'warn',
  PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000',
});
const runtime = await createRuntime(config, { supervise: false, log: createLogger('warn') });
const { user, workspace } = await signup(runtime.db, {
  email: `bench-${Date.now()}@example.com`,
  password: 'bench-password-1',
  name: 'Bench',
  workspace_name: 'Bench',
  locale: 'fr',
});
const tenant = new Tenant(runtime.db, workspace.id);
const funnel = await createFromTemplate(tenant, { via: 'session', user_id: user.id, workspace_id: workspace.id, role: 'owner' }, 'lead-magnet-fr', 'Bench');
await publishFunnel(runtime, tenant, funnel.id);
const [page] = await listPages(tenant, funnel.id);
const app = await buildPublicServer(runtime);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(
  `${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0, page: `/${funnel.slug}/${page!.slug}`, tracking: `/p/${page!.id}/next`, database: runtime.database.kind })}\n`,
);

// SIGUSR2: prints the CPU time this process has used so far (µs), so the bench gives each run's CPU per request.
process.on('SIGUSR2', () => {
  const used = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ cpu: used.user + used.system })}\n`);
});

process.on('SIGTERM', () => {
  void (async () => {
    await app.close();
    const [row] = await runtime.db
      .select({ n: sql<number>`count(*)::int` })
      .from(funnelEvents)
      .where(sql`${funnelEvents.workspace_id} = ${workspace.id}::uuid`);
    process.stdout.write(`${JSON.stringify({ events: row?.n ?? 0 })}\n`);
    await runtime.database.close();
    process.exit(0);
  })();
});
