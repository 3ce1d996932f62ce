import { buildAdminServer, buildPublicServer, createRuntime, ensureWebAppBuilt, onShutdownSignal, shutdown } from './boot.js';
import { configOrExit } from './entry.js';
import { preloadDocumentCompiler } from './modules/email/index.js';

// API-only process (npm run api): admin app + public server, no job worker. Run several behind a
// load balancer against one PostgreSQL; pair with `npm run worker`.

const config = configOrExit();
const runtime = await createRuntime(config, { supervise: false });
await ensureWebAppBuilt(runtime.log);
await preloadDocumentCompiler();
const admin = await buildAdminServer(runtime, { serveWeb: true });
const publicServer = await buildPublicServer(runtime);
await admin.listen({ port: config.port, host: config.host });
await publicServer.listen({ port: config.publicPort, host: config.host });
onShutdownSignal(runtime.log, () => shutdown(runtime, [admin, publicServer]));
