import { eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { Tenant } from '../../platform/db/tenant.js';
import type { Runtime } from '../../platform/runtime.js';
import { recordLeadEvent, setLeadUnsubscribed } from '../crm/index.js';
import { findSend, unsubscribe } from './email-tracking.service.js';
import { isBounceAddress, sendIdOfBounceAddress, sendIdOfUnsubscribeAddress } from './email-tracking-urls.js';
import { countsOnCampaign, emailCampaigns, emailSends, emailSuppressions } from './email.tables.js';

// Bounce reports (RFC 3464 DSNs), complaint reports (RFC 5965 ARF) and List-Unsubscribe mailto requests received by
// the inbound SMTP listener. The
// message they are about is named by the VERP envelope address they were sent to (signed), or else by the
// Message-ID of the original message they quote (ours are `<send id@domain>`). A hard bounce or a complaint
// suppresses the address at once; soft bounces suppress it after SOFT_BOUNCE_LIMIT in SOFT_BOUNCE_DAYS.

export const SOFT_BOUNCE_LIMIT = 3;
const SOFT_BOUNCE_DAYS = 30;

type TSend = typeof emailSends.$inferSelect;

export type TReportKind = { kind: 'hard' | 'soft'; detail: string } | { kind: 'complaint'; detail: string } | { kind: 'none' };

/** Whether the listener takes a recipient: one of our envelope addresses. */
export function acceptsInboundAddress(runtime: Pick<Runtime, 'config'>) {
  return (address: string) => isBounceAddress(address, runtime.config.bounceDomain);
}

/** Handles one inbound message: finds the message it reports on and what happened to it. */
export function inboundMailHandler(runtime: Runtime) {
  return async ({ recipients, raw }: { recipients: string[]; raw: Buffer }): Promise<void> => {
    // A mail client unsubscribing through the List-Unsubscribe mailto: whatever the message says, the address is the request.
    const toUnsubscribe = recipients.map((r) => sendIdOfUnsubscribeAddress(runtime.secrets, r, runtime.config.bounceDomain)).find(Boolean);
    if (toUnsubscribe) {
      const send = await findSend(runtime.db, toUnsubscribe);
      if (send) await unsubscribe(runtime.db, send);
      return;
    }
    const text = raw.toString('latin1');
    const report = classifyReport(text);
    if (report.kind === 'none') return;
    const fromEnvelope = recipients.map((r) => sendIdOfBounceAddress(runtime.secrets, r, runtime.config.bounceDomain)).find(Boolean);
    let send = fromEnvelope ? await findSend(runtime.db, fromEnvelope) : undefined;
    for (const id of fromEnvelope ? [] : quotedMessageIds(text)) {
      send ??= await findSend(runtime.db, id);
    }
    if (!send) {
      runtime.log.info({ recipients }, 'inbound report about no message of ours: ignored');
      return;
    }
    if (report.kind === 'complaint') await recordComplaint(runtime.db, send, report.detail);
    else await recordBounce(runtime.db, send, report.kind, report.detail);
  };
}

/**
 * What a report says, read from its fields (mail parsers fold the machine-readable part of a report into its
 * text, so the raw message is read): a feedback report is a complaint; a delivery status with `Action: failed` and
 * a 5.x.x status is a hard bounce, `failed` with 4.x.x or `delayed` a soft one; anything else (an auto-reply, a
 * "delivered" notice) is nothing we act on.
 */
export function classifyReport(raw: string): TReportKind {
  const feedbackType = /^Feedback-Type:\s*(\S+)/im.exec(raw)?.[1];
  if (feedbackType || /report-type="?feedback-report/i.test(raw)) return { kind: 'complaint', detail: `feedback report: ${feedbackType ?? 'abuse'}` };
  if (!/message\/(global-)?delivery-status/i.test(raw)) return { kind: 'none' };
  const action = /^Action:\s*(\S+)/im.exec(raw)?.[1]?.toLowerCase();
  const code = /^Status:\s*([245])\.(\d{1,3})\.(\d{1,3})/im.exec(raw);
  const diagnostic = /^Diagnostic-Code:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? '';
  const detail = `${code ? code.slice(1).join('.') : ''} ${diagnostic}`.trim().slice(0, 500);
  if (action === 'failed' && code?.[1] === '5') return { kind: 'hard', detail };
  if (action === 'failed' || action === 'delayed' || code?.[1] === '4') return { kind: 'soft', detail };
  return { kind: 'none' };
}

/** Our Message-IDs (`<send id@domain>`) the report quotes: the original message's, or its headers'. */
function quotedMessageIds(raw: string): string[] {
  return [...raw.matchAll(/^Message-ID:\s*<([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^>]+>/gim)].map((m) => m[1]!.toLowerCase());
}

async function suppress(db: Db, send: TSend, reason: 'hard_bounce' | 'soft_bounces' | 'complaint', detail: string): Promise<void> {
  await db
    .insert(emailSuppressions)
    .values({ workspace_id: send.workspace_id, email: send.email, reason, detail, campaign_id: send.campaign_id })
    .onConflictDoNothing();
}

/**
 * A delivered message bounced after all. Hard: the message becomes `bounced` (delivered −1, bounced +1 on the
 * campaign), the address is suppressed. Soft: the message is marked, and the address is suppressed once it has
 * soft-bounced SOFT_BOUNCE_LIMIT times in SOFT_BOUNCE_DAYS days. A report received twice counts once.
 */
export async function recordBounce(db: Db, send: TSend, kind: 'hard' | 'soft', detail: string): Promise<void> {
  await db.transaction(async (tx) => {
    const tenant = new Tenant(tx, send.workspace_id);
    const changed = await tx
      .update(emailSends)
      .set(
        kind === 'hard'
          ? { status: 'bounced', bounce_type: 'hard', bounced_at: sql`now()`, error: detail }
          : { bounce_type: 'soft', bounced_at: sql`now()`, error: detail },
      )
      .where(tenant.where(emailSends, eq(emailSends.id, send.id), eq(emailSends.status, 'sent'), kind === 'hard' ? undefined : isNull(emailSends.bounce_type)))
      .returning({ id: emailSends.id });
    if (changed.length === 0) return;
    if (kind === 'hard') {
      if (countsOnCampaign(send.source))
        await tx
          .update(emailCampaigns)
          .set({ total_delivered: sql`${emailCampaigns.total_delivered} - 1`, total_bounced: sql`${emailCampaigns.total_bounced} + 1` })
          .where(tenant.where(emailCampaigns, eq(emailCampaigns.id, send.campaign_id)));
      await suppress(tx, send, 'hard_bounce', detail);
    } else {
      const [recent] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(emailSends)
        .where(
          tenant.where(
            emailSends,
            sql`lower(${emailSends.email}) = lower(${send.email})`,
            eq(emailSends.bounce_type, 'soft'),
            sql`${emailSends.bounced_at} > now() - make_interval(days => ${SOFT_BOUNCE_DAYS})`,
          ),
        );
      if ((recent?.n ?? 0) >= SOFT_BOUNCE_LIMIT)
        await suppress(tx, send, 'soft_bounces', `${recent!.n} soft bounces in ${SOFT_BOUNCE_DAYS} days; last: ${detail}`);
    }
    await recordLeadEvent(tenant, {
      leadId: send.lead_id,
      type: 'email_bounced',
      data: { campaign_id: send.campaign_id, message_id: send.id, bounce_type: kind },
      dedupeKey: `bounce:${send.id}`,
    });
  });
}

/** The person marked the message as spam: counted once, the address suppressed and the lead unsubscribed. */
export async function recordComplaint(db: Db, send: TSend, detail: string): Promise<void> {
  await db.transaction(async (tx) => {
    const tenant = new Tenant(tx, send.workspace_id);
    const first = await tx
      .update(emailSends)
      .set({ complained_at: sql`now()` })
      .where(tenant.where(emailSends, eq(emailSends.id, send.id), isNull(emailSends.complained_at)))
      .returning({ id: emailSends.id });
    if (first.length === 0) return;
    if (countsOnCampaign(send.source))
      await tx
        .update(emailCampaigns)
        .set({ total_complained: sql`${emailCampaigns.total_complained} + 1` })
        .where(tenant.where(emailCampaigns, eq(emailCampaigns.id, send.campaign_id)));
    await suppress(tx, send, 'complaint', detail);
    await setLeadUnsubscribed(tenant, send.lead_id, true);
    await recordLeadEvent(tenant, {
      leadId: send.lead_id,
      type: 'email_complained',
      data: { campaign_id: send.campaign_id, message_id: send.id },
      dedupeKey: `complaint:${send.id}`,
    });
  });
}
