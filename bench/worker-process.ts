import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

// A worker process as `npm run worker` runs it (src/worker.ts through tsx's loader), but as a direct child: its pid
// is the worker's own (bench:send reads its RSS, chaos:send kills it with SIGKILL).
export function spawnWorker(options: SpawnOptions): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], options);
}
