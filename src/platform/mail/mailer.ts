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

/** Connections of the campaign pool: also how many campaign messages one worker has in flight at most. */
export const BULK_POOL_SIZE = 10;

/**
 * A message claimed for sending (status `sending`) longer ago than this was abandoned by a
 * crashed sender and may be claimed again. Longer than any SMTP exchange (nodemailer's socket
 * timeout is 10 minutes), shorter than the job's expiry (15 minutes), so the retry pg-boss makes
 * after a dead worker's job expires finds it claimable.
 */
const CLAIM_STALE_AFTER = sql`interval '12 minutes'`;

/**
 * Campaign pools: BULK_POOL_SIZE connections, bounded timeouts so a message claimed for sending is settled well
 * before it counts as abandoned (EMAIL_SEND_STALE_SECONDS).
 */
const BULK_OPTIONS = { maxConnections: BULK_POOL_SIZE, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 45_000 };

const MAX_WORKSPACE_POOLS = 50;

/** A workspace's own SMTP server (its `smtp` credential). */
export type TSmtpServer = {
  host: string;
  port: number;
  secure: boolean;
  username?: string | undefined;
  password?: string | undefined;
  /** The name the certificate must bear when `host` is the address it was resolved to. */
  servername?: string | undefined;
};

/** What a trial message got from the server: its reply code and words when it refused. */
export type TServerTrial = { ok: boolean; responseCode: number | null; error: string | null };

function smtpOptions(smtp: TSmtpServer) {
  return {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.username ? { user: smtp.username, pass: smtp.password ?? '' } : undefined,
    tls: smtp.servername ? { servername: smtp.servername } : undefined,
  };
}

/**
 * Sends mail through SMTP_URL (pooled) or, without it, keeps it in the outbox table
 * so a newcomer sees in Settings > Outbox every mail the product would have sent.
 */
export class Mailer {
  private readonly transport: Transporter | undefined;
  /** Campaign mail's own pool: a newsletter of 100,000 messages never holds the connections a password reset needs. */
  readonly bulkTransport: Transporter | undefined;
  /** Pools of workspaces' own SMTP servers, least recently used first. */
  private readonly workspacePools = new Map<string, { key: string; transport: Transporter }>();

  constructor(
    private readonly db: Db,
    private readonly log: Log,
    private readonly options: { smtpUrl: string | undefined; from: string },
  ) {
    this.transport = options.smtpUrl ? withNoDelaySockets(nodemailer.createTransport(withPool(options.smtpUrl))) : undefined;
    // nodemailer reads the pool's options from the URL's query.
    this.bulkTransport = options.smtpUrl ? withNoDelaySockets(nodemailer.createTransport(withOptions(withPool(options.smtpUrl), BULK_OPTIONS))) : undefined;
  }

  /**
   * The campaign pool of a workspace's own SMTP server, made once per server settings (`key` tells when they
   * changed: the old pool is closed). At most MAX_WORKSPACE_POOLS are kept; the least recently used is closed.
   */
  workspaceBulkTransport(workspaceId: string, key: string, smtp: TSmtpServer): Transporter {
    const kept = this.workspacePools.get(workspaceId);
    this.workspacePools.delete(workspaceId);
    if (kept?.key === key) {
      this.workspacePools.set(workspaceId, kept);
      return kept.transport;
    }
    kept?.transport.close();
    const transport = withNoDelaySockets(nodemailer.createTransport({ pool: true, ...smtpOptions(smtp), ...BULK_OPTIONS }));
    this.workspacePools.set(workspaceId, { key, transport });
    for (const [oldest, pool] of this.workspacePools) {
      if (this.workspacePools.size <= MAX_WORKSPACE_POOLS) break;
      pool.transport.close();
      this.workspacePools.delete(oldest);
    }
    return transport;
  }

  /**
   * Tries a server with one message on a connection of its own (no pool, whose connection may predate new
   * settings) and gives the server's own words when it refuses: the settings' "send a test" button.
   */
  async tryServer(smtp: TSmtpServer | undefined, message: { from: string; to: string; subject: string; text: string }): Promise<TServerTrial> {
    if (!smtp && !this.options.smtpUrl) throw new Error('no SMTP server to try');
    const transport = nodemailer.createTransport(
      smtp ? { ...smtpOptions(smtp), connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 } : this.options.smtpUrl,
    );
    try {
      await transport.sendMail(message);
      return { ok: true, responseCode: null, error: null };
    } catch (error) {
      const e = error as { responseCode?: number; response?: string; message?: string; code?: string };
      return { ok: false, responseCode: e.responseCode ?? null, error: e.response ?? [e.code, e.message].filter(Boolean).join(': ') };
    } finally {
      transport.close();
    }
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
    for (const pool of this.workspacePools.values()) pool.transport.close();
    this.workspacePools.clear();
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
