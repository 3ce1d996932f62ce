import { buildAdminServer, buildPublicServer, createRuntime, ensureWebAppBuilt, onShutdownSignal, shutdown } from './boot.js';
import { configOrExit } from './entry.js';
import { preloadDocumentCompiler } from './modules/email/index.js';
import { ensureDemoWorkspace } from './modules/demo/index.js';
import { inboundMail } from './modules/index.js';
import { startInboundServer } from './platform/mail/inbound-server.js';

// All-in-one process (npm start): migrations, admin app + API, public server and job worker.

const config = configOrExit();
const runtime = await createRuntime(config, { supervise: true });
const { log } = runtime;

await ensureWebAppBuilt(log);

await preloadDocumentCompiler();
const admin = await buildAdminServer(runtime, { serveWeb: true });
const publicServer = await buildPublicServer(runtime);
await runtime.queue.work();
// The demo is made before the servers listen (its funnels are visited through the public server's routes, without
// the network): /api/health answers once the product is ready, never while a first start still fills the database.
const demo = config.demoData ? await ensureDemoWorkspace(runtime, publicServer) : undefined;
await admin.listen({ port: config.port, host: config.host });
await publicServer.listen({ port: config.publicPort, host: config.host });
// The bounce listener is not worth refusing to start for (its port taken): the product runs, the log says why.
const inbound =
  config.inboundSmtpPort === undefined
    ? undefined
    : await startInboundServer({
        port: config.inboundSmtpPort,
        host: config.host,
        log,
        accepts: inboundMail.accepts(runtime),
        handle: inboundMail.handler(runtime),
      }).catch((error: unknown) => {
        log.error({ err: error, port: config.inboundSmtpPort }, 'inbound SMTP listener not started: bounce reports will not be read');
        return undefined;
      });
onShutdownSignal(log, async () => {
  await inbound?.close();
  await shutdown(runtime, [admin, publicServer]);
});

const database = runtime.database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
const lines = [
  `Marketing platform is running (${database})`,
  `App and API:   ${config.appUrl}   (API docs: ${config.appUrl}/api/docs)`,
  `Public pages:  ${config.publicUrl}`,
];
if (inbound) lines.push(`Bounces:       SMTP on port ${inbound.port} for bounces+…@${config.bounceDomain} (INBOUND_SMTP_PORT, BOUNCE_DOMAIN)`);
if (demo?.created) lines.push(`Demo login:    ${demo.email} / ${demo.password}   (shown once; "Mot de passe oublié" if lost)`);
else if (demo) lines.push(`Demo login:    ${demo.email} (its password was printed on the first start)`);
if (!config.smtpUrl) lines.push('SMTP_URL not set: mails are kept in Settings > Outbox.');
console.log(`\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
