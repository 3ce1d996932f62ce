// A loopback SMTP sink for bench:send and chaos:send, run as its own process (so its CPU is not the sender's):
// accepts every message, reads its Message-ID, and answers `stats` over IPC: messages received, distinct
// Message-IDs, and duplicates (the same Message-ID received more than once).
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

const seen = new Map<string, number>();
let received = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  maxClients: 200,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      if (head.length < 8192) head += chunk.toString('utf8');
    });
    stream.on('end', () => {
      received++;
      const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? `none-${received}`;
      seen.set(id, (seen.get(id) ?? 0) + 1);
      callback();
    });
  },
});

// A sender killed mid-message resets its connection: expected here, not a reason to stop.
server.on('error', () => undefined);

// Answer at once (no Nagle delay on the replies): a sink must not be what the bench measures.
server.server.on('connection', (socket) => socket.setNoDelay(true));

server.listen(Number(process.env.SINK_PORT ?? 0), '127.0.0.1', () => {
  process.send?.({ kind: 'ready', port: (server.server.address() as AddressInfo).port });
});

process.on('message', (message: { kind: string }) => {
  if (message.kind === 'stats') {
    let duplicates = 0;
    for (const count of seen.values()) duplicates += count - 1;
    process.send?.({ kind: 'stats', received, distinct: seen.size, duplicates });
  }
  if (message.kind === 'reset') {
    seen.clear();
    received = 0;
    process.send?.({ kind: 'reset' });
  }
  if (message.kind === 'stop') server.close(() => process.exit(0));
});
