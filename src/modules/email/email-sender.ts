import { sql, type SQL } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Db } from '../../platform/db/database.js';
import { rowsOf } from '../../platform/db/rows.js';
import { Tenant } from '../../platform/db/tenant.js';
import { BULK_POOL_SIZE } from '../../platform/mail/mailer.js';
import { outboxMessages } from '../../platform/mail/outbox.tables.js';
import type { Runtime } from '../../platform/runtime.js';
import { getWorkspace } from '../workspaces/index.js';
import { leads } from '../crm/tables.js';
import { LEAD_MERGE_FIELDS } from '../../contracts/email-campaigns.js';
import { recordLeadEvent } from '../crm/index.js';
import { CampaignLinks } from './email-links.js';
import {
  composeRaw,
  mailOf,
  renderFor,
  textEncodingOf,
  type TComposeMessage,
  type TComposeSetup,
  type TMail,
  type TMessageAddresses,
} from './email-compose.js';
import { compileCampaign, type TCompiledCampaign, type TRenderedMessage } from './email-render.js';
import { variantCampaign } from './email-ab-variants.js';
import { senderOf, senderPolicy, type TSender } from './email-senders.js';
import { campaignTransportChoice } from './email-transports.js';
import { bounceAddress, messageToken, messageUrls, unsubscribeAddress } from './email-tracking-urls.js';
import { runSendPipeline } from './send-pipeline.js';
import { getEmailSettings, throttleAllowance } from './email-settings.service.js';
import { emailCampaigns, emailSends, emailSuppressions } from './email.tables.js';
import type { TEmailCampaignRow } from './email-campaigns.service.js';

// The worker side of a campaign (ARCHITECTURE.md, "The send path"). A sender claims queued messages a pool's worth
// at a time (FOR UPDATE SKIP LOCKED: two workers never claim the same one), marking them `sending` before any
// SMTP call; renders and sends them through the pooled transport; and records outcomes as they finish, in one
// statement with the campaign's counters (send-pipeline.ts). A worker killed mid-slice leaves at most
// BULK_POOL_SIZE messages sent and not recorded; after EMAIL_SEND_STALE_SECONDS another sender claims every
// `sending` message again, so a crash resends at most a pool's worth, each with the same Message-ID (receivers drop
// the copy), and never loses one.

/** Attempts of one message on temporary failures (4xx, timeouts, a connection refused) before it fails. */
export const MAX_SEND_ATTEMPTS = 5;
/** The most messages one claim takes (a fast server): claimed, not sent, so a crash never sends them twice. */
const CLAIM_BATCH = 100;
/** How often a sender re-reads its campaign's status: pause and cancel act within this. */
const STATUS_EVERY_MS = 1000;

export type TSenderOutcome =
  /** Nothing left to send: the campaign is completed (by this sender or another). */
  | { kind: 'finished' }
  /** The time budget ran out with messages left: run again now. */
  | { kind: 'again' }
  /** Only retries later (4xx backoff) or messages another worker holds: run again at this time. */
  | { kind: 'later'; at: Date }
  /** Paused, canceled, or not started: nothing to do until a resume. */
  | { kind: 'stopped' };

type TClaimed = {
  id: string;
  lead_id: string;
  email: string;
  attempts: number;
  lead: Record<string, unknown>;
  excluded: boolean;
  variant: string | null;
  /** A sequence message's extra merge fields (a webinar's session), from its enrollment. */
  merge_data: Record<string, unknown> | null;
};

type TResult =
  | { id: string; status: 'sent'; delivery: 'smtp' | 'outbox' }
  | { id: string; status: 'skipped' }
  | { id: string; status: 'queued'; error: string; retryInSeconds: number }
  | { id: string; status: 'failed'; error: string }
  | { id: string; status: 'bounced'; error: string; leadId: string; email: string };

/** Runs one campaign's sending for up to `budgetMs`; several may run at once on one campaign (other processes). */
export async function runCampaignSender(
  runtime: Runtime,
  campaignId: string,
  options: { budgetMs: number; /** Keep every message in the outbox even with SMTP (the demo's made-up addresses). */ outboxOnly?: boolean },
): Promise<TSenderOutcome> {
  const campaign = await loadCampaign(runtime, campaignId);
  if (!campaign || !isSending(campaign)) return { kind: 'stopped' };
  const tenant = new Tenant(runtime.db, campaign.workspace_id);
  const context = await senderContext(runtime, tenant, campaign, { outboxOnly: options.outboxOnly ?? false });
  await releaseAbandoned(runtime, campaign);
  const settings = await getEmailSettings(runtime.db, campaign.workspace_id);
  const throttled = settings.max_per_minute !== null || settings.max_per_hour !== null;
  /** Set when the workspace's throttle stopped the claims: the slice ends and the next starts at this time. */
  let throttledUntil: Date | null = null;
  const outcome = await runSendPipeline<TClaimed, TResult>(
    {
      claim: async (limit) => {
        if (!throttled) return claim(runtime.db, campaign, limit);
        return runtime.db.transaction(async (tx) => {
          // One claimer of the workspace at a time counts and claims: two senders never both take the last places.
          await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`email-throttle:${campaign.workspace_id}`}))`);
          const { allowed, nextAt } = await throttleAllowance(tx, campaign.workspace_id, settings);
          if (allowed === 0) {
            throttledUntil = nextAt;
            return [];
          }
          return claim(tx, campaign, Math.min(limit, allowed));
        });
      },
      send: (message) => sendOne(runtime, context, message),
      record: (results) => record(runtime, tenant, context, results),
      release: (messages) => release(runtime, campaign, messages),
      stillActive: async () => {
        const current = await loadCampaign(runtime, campaignId);
        return current !== undefined && isSending(current);
      },
    },
    {
      window: BULK_POOL_SIZE,
      claimBatch: CLAIM_BATCH,
      // A third of the stale delay: a message claimed here is sent long before another sender may take it back.
      maxClaimAgeMs: (runtime.config.emailSendStaleSeconds * 1000) / 3,
      until: Date.now() + options.budgetMs,
      statusEveryMs: STATUS_EVERY_MS,
    },
  );
  if (outcome === 'stopped') return { kind: 'stopped' };
  if (outcome === 'budget') return { kind: 'again' };
  if (throttledUntil) return { kind: 'later', at: throttledUntil };
  return whatIsLeft(runtime, campaign);
}

/** The messages of a campaign row: its recipients', or a sequence email's (sent whenever its steps queue them). */
function sourceOf(campaign: TEmailCampaignRow): 'campaign' | 'sequence' {
  return campaign.sequence_id === null ? 'campaign' : 'sequence';
}

/** Whether its queued messages go now: a started campaign, or any sequence email (its steps decide when to queue). */
function isSending(campaign: TEmailCampaignRow): boolean {
  return sourceOf(campaign) === 'sequence' || (campaign.status === 'active' && campaign.recipients_resolved_at !== null);
}

/**
 * Claimed messages never started go back to the queue at once (not after the stale delay), or are marked canceled
 * when the slice ended because the campaign was canceled meanwhile.
 */
async function release(runtime: Runtime, campaign: TEmailCampaignRow, messages: TClaimed[]): Promise<void> {
  const ids = messages.map((m) => sql`${m.id}::uuid`);
  await runtime.db.execute(sql`
    UPDATE ${emailSends} SET attempts = attempts - 1, claimed_at = NULL,
      status = CASE WHEN (SELECT status FROM ${emailCampaigns} WHERE id = ${campaign.id}::uuid) = 'completed' THEN 'canceled' ELSE 'queued' END
    WHERE id IN (${sql.join(ids, sql`, `)}) AND status = 'sending'`);
}

/** What one content (the campaign's, or an A/B variant's) needs to render and compose its messages. */
type TContent = {
  compiled: TCompiledCampaign;
  /** What composing its messages needs (email-compose.ts). */
  setup: TComposeSetup;
  sender: TSender;
};

type TSenderContext = {
  campaign: TEmailCampaignRow;
  /** The content a message's variant sends (null: the campaign's own), compiled once per slice. */
  content: (variant: string | null) => TContent;
  links: CampaignLinks;
  transport: Transporter | undefined;
  /** Why the workspace's own SMTP server cannot be used (a private address): each message fails with it, and retries. */
  error?: Error | undefined;
  /** Messages kept in the outbox (no SMTP): written with the batch's outcomes, in the same transaction. */
  outbox: Map<string, TRenderedMessage & { to: string; from: string }>;
};

async function senderContext(runtime: Runtime, tenant: Tenant, campaign: TEmailCampaignRow, options: { outboxOnly: boolean }): Promise<TSenderContext> {
  const workspace = await getWorkspace(runtime.db, tenant.workspaceId);
  const links = new CampaignLinks(runtime.db, tenant.workspaceId, campaign.id);
  await links.load();
  const publicHost = new URL(runtime.config.publicUrl).hostname;
  const policy = await senderPolicy(runtime, tenant);
  const contents = new Map<string | null, TContent>();
  const contentOf = (version: TEmailCampaignRow): TContent => {
    const sender = senderOf(policy, version, workspace.name);
    const setup: TComposeSetup = {
      content: {
        name: version.name,
        subject: version.subject,
        preheader: version.preheader,
        html_content: version.html_content,
        text_content: version.text_content,
      },
      campaignId: campaign.id,
      workspace: { name: workspace.name, legal_name: workspace.legal_name, postal_address: workspace.postal_address },
      sender,
      // One list per workspace (RFC 2919): mail clients group and offer to unsubscribe from it.
      listId: `"${asciiPhrase(workspace.name)}" <${tenant.workspaceId}.list.${publicHost}>`,
      textEncoding: textEncodingOf(`${version.subject}${version.html_content}${version.text_content}`),
    };
    return { compiled: compileCampaign(version), setup, sender };
  };
  const transport = options.outboxOnly ? { transport: undefined } : await campaignTransportChoice(runtime, tenant);
  return {
    campaign,
    content: (variant) => {
      const key = campaign.ab_test ? variant : null;
      let content = contents.get(key);
      if (!content) contents.set(key, (content = contentOf(variantCampaign(campaign, key))));
      return content;
    },
    links,
    ...transport,
    outbox: new Map(),
  };
}

/** A header phrase in plain ASCII (accents dropped, quotes and controls removed): List-Id is written unencoded. */
function asciiPhrase(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '')
    .trim()
    .slice(0, 100);
}

/** A job's campaign, by id (the job carries no workspace: the row gives it). */
export function loadCampaign(runtime: Pick<Runtime, 'db'>, campaignId: string): Promise<TEmailCampaignRow | undefined> {
  return (
    runtime.db
      .select()
      // eslint-disable-next-line local/tenant-scope -- a job's campaign by id; its workspace comes from the row
      .from(emailCampaigns)
      .where(sql`${emailCampaigns.id} = ${campaignId}::uuid`)
      .then((rows) => rows[0])
  );
}

/** A message a dead worker left `sending`: claimed longer ago than EMAIL_SEND_STALE_SECONDS. */
function abandoned(runtime: Runtime): SQL {
  return sql`(status = 'sending' AND claimed_at < now() - make_interval(secs => ${runtime.config.emailSendStaleSeconds}))`;
}

/** Messages a dead worker left `sending` go back to the queue. */
async function releaseAbandoned(runtime: Runtime, campaign: TEmailCampaignRow): Promise<void> {
  await runtime.db.execute(sql`
    UPDATE ${emailSends} SET status = 'queued', next_attempt_at = now()
    WHERE campaign_id = ${campaign.id}::uuid AND source = ${sourceOf(campaign)} AND ${abandoned(runtime)}`);
}

/**
 * Takes up to `limit` queued messages whose time has come and marks them `sending` (written before the SMTP call),
 * with their lead. A lead who unsubscribed, or whose address was suppressed, since resolution is marked to skip.
 */
function claim(db: Db, campaign: TEmailCampaignRow, limit: number): Promise<TClaimed[]> {
  return claimWhere(
    db,
    campaign,
    sql`SELECT id FROM ${emailSends}
        WHERE campaign_id = ${campaign.id}::uuid AND source = ${sourceOf(campaign)} AND status = 'queued' AND next_attempt_at <= now()
        ORDER BY next_attempt_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED`,
  );
}

/** Marks the messages `ids` selects `sending` and returns them with their lead's merge fields. */
async function claimWhere(db: Db, campaign: TEmailCampaignRow, ids: SQL): Promise<TClaimed[]> {
  // Only what templates may print (and custom fields): a whole lead row as JSON is most of a claim's cost.
  const leadColumns = sql.raw(`json_build_object(${[...LEAD_MERGE_FIELDS, 'custom_fields'].map((f) => `'${f}', l.${f}`).join(', ')})`);
  const result = await db.execute(sql`
    WITH claimed AS (
      UPDATE ${emailSends} s SET status = 'sending', claimed_at = now(), attempts = s.attempts + 1
      WHERE s.id IN (${ids})
      RETURNING s.id, s.lead_id, s.email, s.attempts, s.variant, s.merge_data)
    SELECT c.id, c.lead_id, c.email, c.attempts, c.variant, c.merge_data, ${leadColumns} AS lead,
      (l.unsubscribed_at IS NOT NULL OR l.optin_pending_at IS NOT NULL OR EXISTS (SELECT 1 FROM ${emailSuppressions} x
        WHERE x.workspace_id = l.workspace_id AND lower(x.email) = c.email)) AS excluded
    FROM claimed c JOIN ${leads} l ON l.workspace_id = ${campaign.workspace_id}::uuid AND l.id = c.lead_id`);
  return rowsOf<TClaimed>(result);
}

/** Renders and sends one message; never throws (the outcome is recorded, whatever it is). */
async function sendOne(runtime: Runtime, context: TSenderContext, message: TClaimed): Promise<TResult> {
  if (message.excluded) return { id: message.id, status: 'skipped' };
  if (context.error) return failure(message, context.error);
  const request: TComposeMessage = {
    id: message.id,
    email: message.email,
    lead: message.lead,
    mergeData: message.merge_data,
    addresses: messageAddresses(runtime, message.id),
  };
  const { transport } = context;
  let raw: Buffer;
  try {
    const { compiled, setup, sender } = context.content(message.variant);
    const rendered = await renderFor(setup, compiled, request, (urls) => context.links.idsOf(urls));
    if (!transport) {
      context.outbox.set(message.id, { ...rendered, to: message.email, from: sender.header });
      return { id: message.id, status: 'sent', delivery: 'outbox' };
    }
    raw = await composeRaw(mailOf(setup, request, rendered), sender.dkim);
  } catch (error) {
    return renderFailure(message, error);
  }
  try {
    // Written as composed (and signed); the envelope is the VERP one, the Message-ID the one in the message.
    await transport.sendMail({
      envelope: { from: request.addresses.bounce, to: message.email },
      raw,
      messageId: `<${message.id}@${context.content(message.variant).sender.domain}>`,
    });
    return { id: message.id, status: 'sent', delivery: 'smtp' };
  } catch (error) {
    return failure(message, error);
  }
}

/** A template that renders for the sample lead but not for this one (a render limit): this message fails, the rest go on. */
function renderFailure(message: TClaimed, error: unknown): TResult {
  return { id: message.id, status: 'failed', error: `render: ${(error as Error).message}`.slice(0, 1000) };
}

/** A message's signed URLs and addresses (one signature each, computed once per message). */
function messageAddresses(runtime: Runtime, sendId: string): TMessageAddresses {
  const domain = runtime.config.bounceDomain;
  return {
    urls: messageUrls(runtime.config.publicUrl, messageToken(runtime.secrets, sendId)),
    bounce: bounceAddress(runtime.secrets, sendId, domain),
    unsubscribeMailto: `mailto:${unsubscribeAddress(runtime.secrets, sendId, domain)}?subject=unsubscribe`,
  };
}

/**
 * One campaign message exactly as the engine hands it to nodemailer (for bench:send's bare loop, which must send the
 * same message the engine sends: same size, same headers, tracked links and pixel).
 */
export async function sampleCampaignMail(runtime: Runtime, campaignId: string, lead: Record<string, unknown>): Promise<TMail> {
  const campaign = await loadCampaign(runtime, campaignId);
  if (!campaign) throw new Error(`no campaign ${campaignId}`);
  const context = await senderContext(runtime, new Tenant(runtime.db, campaign.workspace_id), campaign, { outboxOnly: true });
  const id = crypto.randomUUID();
  const request = { id, email: String(lead.email), lead, addresses: messageAddresses(runtime, id) };
  const { compiled, setup } = context.content(null);
  const rendered = await renderFor(setup, compiled, request, (urls) => context.links.idsOf(urls));
  return mailOf(setup, request, rendered);
}

/** 5xx: the server refused for good (a hard bounce); anything else (4xx, timeout, connection): try again later. */
function failure(message: TClaimed, error: unknown): TResult {
  const e = error as { responseCode?: number; message?: string; code?: string };
  const text = `${e.responseCode ?? e.code ?? ''} ${e.message ?? String(error)}`.trim().slice(0, 1000);
  if (e.responseCode !== undefined && e.responseCode >= 500)
    return { id: message.id, status: 'bounced', error: text, leadId: message.lead_id, email: message.email };
  if (message.attempts >= MAX_SEND_ATTEMPTS) return { id: message.id, status: 'failed', error: text };
  // 1, 2, 4, 8 minutes: a provider's rate limit or a greylisting server lets it through on a later try.
  return { id: message.id, status: 'queued', error: text, retryInSeconds: 60 * 2 ** (message.attempts - 1) };
}

/**
 * Records a batch's outcomes and moves the campaign's counters, in one transaction with the outbox copies of
 * messages kept without SMTP. Only rows still `sending` change: a message released by a stale-claim sweep and
 * claimed by another worker meanwhile is that worker's to record.
 */
async function record(runtime: Runtime, tenant: Tenant, sender: TSenderContext, results: TResult[]): Promise<void> {
  const campaign = sender.campaign;
  const values = results.map((r) => {
    const error = 'error' in r ? r.error : null;
    const retry = r.status === 'queued' ? r.retryInSeconds : 0;
    const delivery = r.status === 'sent' ? r.delivery : null;
    return sql`(${r.id}::uuid, ${r.status}::text, ${error}::text, ${delivery}::text, ${retry}::int)`;
  });
  const bounced = results.filter((r): r is Extract<TResult, { status: 'bounced' }> => r.status === 'bounced');
  const outbox = results.flatMap((r) => {
    const message = sender.outbox.get(r.id);
    sender.outbox.delete(r.id);
    return message ? [{ ...message, id: r.id }] : [];
  });
  const outcomes = sql`
      WITH r(id, status, error, delivery, retry_seconds) AS (VALUES ${sql.join(values, sql`, `)}),
      done AS (
        UPDATE ${emailSends} s SET
          status = r.status,
          error = r.error,
          delivery = coalesce(r.delivery, s.delivery),
          sent_at = CASE WHEN r.status = 'sent' THEN now() ELSE s.sent_at END,
          bounce_type = CASE WHEN r.status = 'bounced' THEN 'hard' ELSE s.bounce_type END,
          bounced_at = CASE WHEN r.status = 'bounced' THEN now() ELSE s.bounced_at END,
          next_attempt_at = CASE WHEN r.status = 'queued' THEN now() + make_interval(secs => r.retry_seconds) ELSE s.next_attempt_at END,
          updated_at = now()
        FROM r WHERE s.id = r.id AND s.status = 'sending'
        RETURNING s.status, s.source)
      -- The campaign counts its own recipients (a sequence email its steps' sends); an automation's one-offs are not its sends.
      UPDATE ${emailCampaigns} SET
        total_sent = total_sent + (SELECT count(*) FROM done WHERE source <> 'automation' AND status IN ('sent', 'bounced', 'failed')),
        total_delivered = total_delivered + (SELECT count(*) FROM done WHERE source <> 'automation' AND status = 'sent'),
        total_bounced = total_bounced + (SELECT count(*) FROM done WHERE source <> 'automation' AND status = 'bounced'),
        updated_at = now()
      WHERE id = ${campaign.id}::uuid`;
  // The common case is one statement (its own transaction): outcomes and counters together.
  if (outbox.length === 0 && bounced.length === 0) {
    await runtime.db.execute(outcomes);
    return;
  }
  await runtime.db.transaction(async (tx) => {
    if (outbox.length > 0) {
      await tx.insert(outboxMessages).values(
        outbox.map((m) => ({
          workspace_id: tenant.workspaceId,
          category: 'campaign',
          to_address: m.to,
          from_address: m.from,
          subject: m.subject,
          text_body: m.text,
          html_body: m.html,
          status: 'not_sent' as const,
        })),
      );
    }
    await tx.execute(outcomes);
    if (bounced.length > 0) {
      const scoped = new Tenant(tx, tenant.workspaceId);
      for (const b of bounced) {
        await tx
          .insert(emailSuppressions)
          .values({ workspace_id: tenant.workspaceId, email: b.email, reason: 'hard_bounce', detail: b.error, campaign_id: campaign.id })
          .onConflictDoNothing();
        await recordLeadEvent(scoped, {
          leadId: b.leadId,
          type: 'email_bounced',
          data: { campaign_id: campaign.id, message_id: b.id, bounce_type: 'hard' },
          dedupeKey: `bounce:${b.id}`,
        });
      }
    }
  });
}

/** Nothing to claim now: complete the campaign, or say when to look again. */
async function whatIsLeft(runtime: Runtime, campaign: TEmailCampaignRow): Promise<TSenderOutcome> {
  const stale = runtime.config.emailSendStaleSeconds;
  const [left] = rowsOf<{ queued: number; next_at: Date | null; sending: number; oldest_claim: Date | null; held: number }>(
    await runtime.db.execute(sql`
      SELECT count(*) FILTER (WHERE status = 'queued')::int AS queued,
        min(next_attempt_at) FILTER (WHERE status = 'queued') AS next_at,
        count(*) FILTER (WHERE status = 'sending')::int AS sending,
        min(claimed_at) FILTER (WHERE status = 'sending') AS oldest_claim,
        count(*) FILTER (WHERE status = 'held')::int AS held
      FROM ${emailSends} WHERE campaign_id = ${campaign.id}::uuid AND source = ${sourceOf(campaign)} AND status IN ('queued', 'sending', 'held')`),
  );
  // Only an A/B test's rest is left: the decision queues it and starts the senders again.
  if (left && left.queued === 0 && left.sending === 0 && left.held > 0) return { kind: 'stopped' };
  if (!left || (left.queued === 0 && left.sending === 0)) {
    // A sequence email is never completed: its steps queue more later (and queue its sender again).
    if (sourceOf(campaign) === 'sequence') return { kind: 'finished' };
    await runtime.db.execute(sql`
      UPDATE ${emailCampaigns} SET status = 'completed', updated_at = now()
      WHERE id = ${campaign.id}::uuid AND status = 'active' AND recipients_resolved_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM ${emailSends} WHERE campaign_id = ${campaign.id}::uuid AND source = 'campaign' AND status IN ('queued', 'sending', 'held'))`);
    return { kind: 'finished' };
  }
  // Messages another worker holds: it records them; if it died, they are claimable once stale.
  const times = [left.next_at, left.oldest_claim ? new Date(new Date(left.oldest_claim).getTime() + stale * 1000) : null];
  const at = times.filter((t): t is Date => t !== null).map((t) => new Date(t).getTime());
  return { kind: 'later', at: new Date(Math.max(Date.now() + 1000, Math.min(...at))) };
}

/**
 * Sends one automation one-off (a campaign's content to one lead, `source = 'automation'`) through the same
 * claim, render, transport and record as a campaign's messages; the campaign's counters do not move. Returns when
 * to try again after a temporary failure, or null.
 */
export async function sendOneOff(runtime: Runtime, sendId: string): Promise<Date | null> {
  const [row] = await runtime.db
    .select({ campaign_id: emailSends.campaign_id, source: emailSends.source })
    // eslint-disable-next-line local/tenant-scope -- the job's message by id; its workspace comes from the row
    .from(emailSends)
    .where(sql`${emailSends.id} = ${sendId}::uuid`);
  const campaign = row?.source === 'automation' ? await loadCampaign(runtime, row.campaign_id) : undefined;
  if (!campaign) return null;
  const claimed = await claimWhere(
    runtime.db,
    campaign,
    sql`SELECT id FROM ${emailSends} WHERE id = ${sendId}::uuid AND (status = 'queued'
        OR ${abandoned(runtime)}) FOR UPDATE SKIP LOCKED`,
  );
  if (claimed.length === 0) return null;
  const tenant = new Tenant(runtime.db, campaign.workspace_id);
  const context = await senderContext(runtime, tenant, campaign, { outboxOnly: false });
  const result = await sendOne(runtime, context, claimed[0]!);
  await record(runtime, tenant, context, [result]);
  return result.status === 'queued' ? new Date(Date.now() + result.retryInSeconds * 1000) : null;
}
