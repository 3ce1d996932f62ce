import { createRuntime, onShutdownSignal, shutdown } from './boot.js';
import { configOrExit } from './entry.js';

// Job worker process (npm run worker): runs background jobs, no HTTP. Several may run at once.

const config = configOrExit();
const runtime = await createRuntime(config, { supervise: true });
await runtime.queue.work();
runtime.log.info('job worker started');
onShutdownSignal(runtime.log, () => shutdown(runtime, []));
