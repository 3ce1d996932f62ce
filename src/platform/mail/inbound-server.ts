import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Log } from '../log.js';

/** Largest inbound message: a bounce report quotes the original message, sometimes whole. */
const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/** What a module does with a message received for one of its addresses; resolves once it is recorded. */
export type TInboundHandler = (message: { recipients: string[]; raw: Buffer }) => Promise<void>;

/**
 * The inbound SMTP listener (INBOUND_SMTP_PORT): receives bounce reports (RFC 3464) and feedback reports
 * (RFC 5965) sent to the per-message envelope addresses of campaign mail. Accepts only recipients `accepts` says
 * are ours (no relay, no open inbox), refuses messages over 2 MB, and answers 250 only once the handler has
 * recorded the message (a 451 asks the sender to try again later when it fails).
 */
export async function startInboundServer(options: {
  port: number;
  host: string;
  log: Log;
  accepts: (address: string) => boolean;
  handle: TInboundHandler;
}): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: MAX_MESSAGE_BYTES,
    banner: 'bounce processing',
    onRcptTo(address, _session, callback) {
      if (options.accepts(address.address)) return callback();
      callback(Object.assign(new Error('no such mailbox here'), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          return callback(Object.assign(new Error('message too large'), { responseCode: 552 }));
        }
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        options.handle({ recipients, raw: Buffer.concat(chunks) }).then(
          () => callback(),
          (error: unknown) => {
            options.log.error({ err: error, recipients }, 'inbound message could not be recorded');
            callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
          },
        );
      });
    },
  });
  server.on('error', (error) => options.log.error({ err: error }, 'inbound SMTP error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
