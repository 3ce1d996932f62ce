import nodemailer, { type Transporter } from 'nodemailer';
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { redactSecrets } from '../auth/redact.js';
import type { Log } from '../log.js';
import { outboxMessages } from './outbox.tables.js';
import { withNoDelaySockets } from './no-delay-socket.js';

export type TOutgoingMail = {
  /** Null only for account mail that belongs to no workspace (password reset). */
  workspaceId: string | null;
  category: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The From header, when not the instance's MAIL_FROM (a campaign's test send). */
  from?: string;
};

export type TDeliveryResult = 'sent' | 'not_sent' | 'already_done';

/**
 * A message claimed for sending (status `sending`) longer ago than this was abandoned by a
 * crashed sender and may be claimed again. Longer than any SMTP exchange (nodemailer's socket
 * timeout is 10 minutes), shorter than the job's expiry (15 minutes), so the retry pg-boss makes
 * after a dead worker's job expires finds it claimable.
 */
/** Connections of the campaign pool: also how many campaign messages one worker has in flight at most. */
export const BULK_POOL_SIZE = 10;

const CLAIM_STALE_AFTER = sql`interval '12 minutes'`;

/**
 * Sends mail through SMTP_URL (pooled) or, without it, keeps it in the outbox table
 * so a newcomer sees in Settings > Outbox every mail the product would have sent.
 */
export class Mailer {
  private readonly transport: Transporter | undefined;
  /** Campaign mail's own pool: a newsletter of 100,000 messages never holds the connections a password reset needs. */
  readonly bulkTransport: Transporter | undefined;

  constructor(
    private readonly db: Db,
    private readonly log: Log,
    private readonly options: { smtpUrl: string | undefined; from: string },
  ) {
    this.transport = options.smtpUrl ? withNoDelaySockets(nodemailer.createTransport(withPool(options.smtpUrl))) : undefined;
    this.bulkTransport = options.smtpUrl
      ? withNoDelaySockets(
          nodemailer.createTransport(
            // Bounded timeouts, so a message claimed for sending is settled well before it counts as abandoned
            // (EMAIL_SEND_STALE_SECONDS). nodemailer reads them from the URL's query, as it reads `pool`.
            withOptions(withPool(options.smtpUrl), {
              maxConnections: BULK_POOL_SIZE,
              connectionTimeout: 20_000,
              greetingTimeout: 20_000,
              socketTimeout: 45_000,
            }),
          ),
        )
      : undefined;
  }

  /** The instance's sender (MAIL_FROM). */
  get from(): string {
    return this.options.from;
  }

  /** True when real delivery is configured. */
  get delivers(): boolean {
    return this.transport !== undefined;
  }

  /**
   * Writes the mail to the outbox and returns its id; a job then delivers it. `db` is the caller's
   * transaction when the mail belongs to a change (the row exists only if that change commits).
   */
  async store(mail: TOutgoingMail, db: Db = this.db): Promise<string> {
    const [row] = await db
      .insert(outboxMessages)
      .values({
        workspace_id: mail.workspaceId,
        category: mail.category,
        to_address: mail.to,
        from_address: mail.from ?? this.options.from,
        subject: mail.subject,
        text_body: mail.text,
        html_body: mail.html ?? null,
        status: 'queued',
      })
      .returning({ id: outboxMessages.id });
    return row!.id;
  }

  /**
   * Delivers one stored mail. It first claims the message (one UPDATE from queued/failed to
   * `sending`), so two deliveries of one message at once (a job run twice) send it once: the
   * second finds nothing to claim. A sent message is never sent again.
   */
  async deliver(outboxId: string): Promise<TDeliveryResult> {
    const mail = await this.claim(outboxId);
    if (!mail) return 'already_done';
    if (!this.transport) {
      // eslint-disable-next-line local/tenant-scope -- the delivery job's outbox row, by id
      await this.db.update(outboxMessages).set({ status: 'not_sent' }).where(eq(outboxMessages.id, outboxId));
      this.log.info(
        // The text carries reset and invitation links: the tokens stay in the outbox, not the log.
        { outbox_id: outboxId, to: mail.to_address, subject: mail.subject, text: redactSecrets(mail.text_body) },
        'SMTP_URL is not set: mail kept in the outbox (Settings > Outbox)',
      );
      return 'not_sent';
    }
    try {
      await this.transport.sendMail({
        from: mail.from_address,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body ?? undefined,
      });
    } catch (error) {
      await this.db
        // eslint-disable-next-line local/tenant-scope -- the delivery job's outbox row, by id
        .update(outboxMessages)
        .set({ status: 'failed', error: String(error) })
        .where(eq(outboxMessages.id, outboxId));
      throw error; // let the job retry with backoff
    }
    // eslint-disable-next-line local/tenant-scope -- the delivery job's outbox row, by id
    await this.db.update(outboxMessages).set({ status: 'sent', sent_at: new Date(), error: null }).where(eq(outboxMessages.id, outboxId));
    return 'sent';
  }

  /** Takes a message for sending, or undefined when it is done or another delivery holds it. */
  private async claim(outboxId: string) {
    const [mail] = await this.db
      // eslint-disable-next-line local/tenant-scope -- the delivery job's outbox row, by id
      .update(outboxMessages)
      .set({ status: 'sending', updated_at: sql`now()` })
      .where(
        and(
          eq(outboxMessages.id, outboxId),
          or(
            inArray(outboxMessages.status, ['queued', 'failed']),
            and(eq(outboxMessages.status, 'sending'), lt(outboxMessages.updated_at, sql`now() - ${CLAIM_STALE_AFTER}`)),
          ),
        ),
      )
      .returning();
    return mail;
  }

  /** Closes pooled SMTP connections. */
  close(): void {
    this.transport?.close();
    this.bulkTransport?.close();
  }
}

function withOptions(url: string, options: Record<string, number>): string {
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(options)) if (!parsed.searchParams.has(key)) parsed.searchParams.set(key, String(value));
  return parsed.toString();
}

function withPool(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('pool')) parsed.searchParams.set('pool', 'true');
  return parsed.toString();
}
