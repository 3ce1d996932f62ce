import { fork, type ChildProcess } from 'node:child_process';

export type TSinkStats = { received: number; distinct: number; duplicates: number };

/** Starts bench/smtp-sink.ts in its own process; resolves with its port and a way to ask its counts. */
export async function startSink(): Promise<{ port: number; stats: () => Promise<TSinkStats>; reset: () => Promise<void>; stop: () => void }> {
  const child: ChildProcess = fork(new URL('./smtp-sink.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = <T>(kind: string) =>
    new Promise<T>((resolve) => {
      const onMessage = (message: { kind: string } & T) => {
        if (message.kind !== kind) return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      child.send({ kind });
    });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { kind: string; port: number }) =>
      message.kind === 'ready' ? resolve(message.port) : reject(new Error('sink did not start')),
    );
    child.once('exit', () => reject(new Error('sink exited')));
  });
  return {
    port,
    stats: () => ask<TSinkStats>('stats'),
    reset: async () => {
      await ask('reset');
    },
    stop: () => child.kill(),
  };
}
