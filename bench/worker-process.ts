import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';

// A worker process started as `npm run worker` starts one (the same Node flags, read from package.json), but as a
// direct child: its pid is the worker's own (its RSS is read, it is killed with SIGKILL by chaos:send).
export function spawnWorker(options: SpawnOptions): ChildProcess {
  const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { worker: string } }).scripts.worker;
  const [command, ...args] = script.split(/\s+/);
  if (command !== 'node') throw new Error(`package.json's worker script should start with node: ${script}`);
  return spawn(process.execPath, args, options);
}
