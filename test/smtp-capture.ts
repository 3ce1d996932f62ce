import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message as the capture received it, once per envelope recipient. */
export type TCapturedMail = { mail: ParsedMail; to: string };

/**
 * A real SMTP server on loopback that keeps what it receives, parsed (the tests' mail server: no mock of the
 * transport). `url` is what SMTP_URL takes.
 */
export async function startSmtpCapture(): Promise<{ url: string; received: TCapturedMail[]; close: () => Promise<void> }> {
  const received: TCapturedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        simpleParser(Buffer.concat(chunks)).then((mail) => {
          for (const r of session.envelope.rcptTo) received.push({ mail, to: r.address });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => smtp.close(resolve)),
  };
}
