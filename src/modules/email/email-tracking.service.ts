import { eq, isNull, sql } from 'drizzle-orm';
import { isbot } from 'isbot';
import type { Db } from '../../platform/db/database.js';
import { Tenant } from '../../platform/db/tenant.js';
import { getLead, recordLeadEvent, setLeadUnsubscribed } from '../crm/index.js';
import { countsOnCampaign, emailCampaigns, emailLinks, emailSends, emailTrackingEvents } from './email.tables.js';

// What the public server records when a message is opened, clicked or unsubscribed from. Each is a handful of
// statements on the message's own row: counters on email_sends and email_links, one row in email_tracking_events
// for the hourly chart, and, only for what the person did the first time, a lead event (first open of the
// campaign, first click on each link, the unsubscribe) and a campaign counter. Machine opens and clicks are
// recorded and counted apart, never as the person's.

/** A click this soon after the send is a link scanner's (a person cannot read the message that fast). */
const SCANNER_CLICK_SECONDS = 3;

type TSend = typeof emailSends.$inferSelect;

/**
 * Machines: a user agent isbot knows (crawlers, security scanners), none at all, Apple Mail Privacy Protection's
 * bare "Mozilla/5.0" prefetch, and a click within seconds of the send. Gmail's image proxy fetches the pixel when
 * the person opens the message: it is a person's open.
 */
export function isMachine(userAgent: string | undefined, kind: 'open' | 'click', sentAt: Date | null): boolean {
  const ua = (userAgent ?? '').trim();
  if (ua === '' || ua === 'Mozilla/5.0') return true;
  if (kind === 'open' && ua.includes('GoogleImageProxy')) return false;
  if (isbot(ua)) return true;
  return kind === 'click' && sentAt !== null && Date.now() - sentAt.getTime() < SCANNER_CLICK_SECONDS * 1000;
}

export async function findSend(db: Db, sendId: string): Promise<TSend | undefined> {
  // eslint-disable-next-line local/tenant-scope -- a signed tracking URL names its message; the row gives the workspace
  const [send] = await db.select().from(emailSends).where(eq(emailSends.id, sendId));
  return send;
}

/** The first human open of a message: its timestamp and the campaign's counter, once (a conditional UPDATE). */
async function markOpened(tenant: Tenant, send: TSend): Promise<boolean> {
  const first = await tenant.db
    .update(emailSends)
    .set({ opened_at: sql`now()` })
    .where(tenant.where(emailSends, eq(emailSends.id, send.id), isNull(emailSends.opened_at)))
    .returning({ id: emailSends.id });
  if (first.length === 0) return false;
  if (countsOnCampaign(send.source))
    await tenant.db
      .update(emailCampaigns)
      .set({ total_opened: sql`${emailCampaigns.total_opened} + 1` })
      .where(tenant.where(emailCampaigns, eq(emailCampaigns.id, send.campaign_id)));
  await recordLeadEvent(tenant, {
    leadId: send.lead_id,
    type: 'email_opened',
    data: { campaign_id: send.campaign_id, message_id: send.id },
    dedupeKey: `open:${send.id}`,
  });
  return true;
}

export async function recordOpen(db: Db, send: TSend, userAgent: string | undefined): Promise<void> {
  const machine = isMachine(userAgent, 'open', send.sent_at);
  await db.transaction(async (tx) => {
    const tenant = new Tenant(tx, send.workspace_id);
    await tx.insert(emailTrackingEvents).values({ workspace_id: send.workspace_id, campaign_id: send.campaign_id, send_id: send.id, kind: 'open', machine });
    await tx
      .update(emailSends)
      .set(machine ? { machine_open_count: sql`${emailSends.machine_open_count} + 1` } : { open_count: sql`${emailSends.open_count} + 1` })
      .where(tenant.where(emailSends, eq(emailSends.id, send.id)));
    if (!machine) await markOpened(tenant, send);
  });
}

/**
 * A click on one of the campaign's links; returns its destination, or undefined when the link is not one of this
 * message's campaign (then nothing is recorded and the visitor gets a 404, never a redirect).
 */
export async function recordClick(db: Db, send: TSend, linkId: string, userAgent: string | undefined): Promise<string | undefined> {
  const machine = isMachine(userAgent, 'click', send.sent_at);
  return db.transaction(async (tx) => {
    const tenant = new Tenant(tx, send.workspace_id);
    const [link] = await tx
      .select()
      .from(emailLinks)
      .where(tenant.where(emailLinks, eq(emailLinks.id, linkId), eq(emailLinks.campaign_id, send.campaign_id)));
    if (!link) return undefined;
    const [earlier] = machine
      ? [undefined]
      : await tx
          .select({ id: emailTrackingEvents.id })
          .from(emailTrackingEvents)
          .where(
            tenant.where(
              emailTrackingEvents,
              eq(emailTrackingEvents.send_id, send.id),
              eq(emailTrackingEvents.link_id, link.id),
              eq(emailTrackingEvents.machine, false),
            ),
          )
          .limit(1);
    await tx
      .insert(emailTrackingEvents)
      .values({ workspace_id: send.workspace_id, campaign_id: send.campaign_id, send_id: send.id, kind: 'click', link_id: link.id, machine });
    await tx
      .update(emailLinks)
      .set(
        machine
          ? { machine_click_count: sql`${emailLinks.machine_click_count} + 1` }
          : { click_count: sql`${emailLinks.click_count} + 1`, unique_click_count: sql`${emailLinks.unique_click_count} + ${earlier ? 0 : 1}` },
      )
      .where(tenant.where(emailLinks, eq(emailLinks.id, link.id)));
    if (machine) {
      await tx
        .update(emailSends)
        .set({ machine_click_count: sql`${emailSends.machine_click_count} + 1` })
        .where(tenant.where(emailSends, eq(emailSends.id, send.id)));
      return link.url;
    }
    await tx
      .update(emailSends)
      .set({ click_count: sql`${emailSends.click_count} + 1` })
      .where(tenant.where(emailSends, eq(emailSends.id, send.id)));
    // A click is also an open (the images were blocked, or the pixel came after).
    await markOpened(tenant, send);
    const firstClick = await tx
      .update(emailSends)
      .set({ clicked_at: sql`now()` })
      .where(tenant.where(emailSends, eq(emailSends.id, send.id), isNull(emailSends.clicked_at)))
      .returning({ id: emailSends.id });
    if (firstClick.length > 0) {
      if (countsOnCampaign(send.source))
        await tx
          .update(emailCampaigns)
          .set({ total_clicked: sql`${emailCampaigns.total_clicked} + 1` })
          .where(tenant.where(emailCampaigns, eq(emailCampaigns.id, send.campaign_id)));
    }
    if (!earlier) {
      await recordLeadEvent(tenant, {
        leadId: send.lead_id,
        type: 'email_clicked',
        data: { campaign_id: send.campaign_id, message_id: send.id, url: link.url },
        dedupeKey: `click:${send.id}:${link.id}`,
      });
    }
    return link.url;
  });
}

/**
 * The person unsubscribes (one click from their mail client, or the page's button): the lead is unsubscribed at
 * once, and the first time from this message counts on the campaign and in the lead's events.
 */
export async function unsubscribe(db: Db, send: TSend): Promise<void> {
  await db.transaction(async (tx) => {
    const tenant = new Tenant(tx, send.workspace_id);
    const lead = await setLeadUnsubscribed(tenant, send.lead_id, true);
    if (!lead) return;
    const first = await tx
      .update(emailSends)
      .set({ unsubscribed_at: sql`now()` })
      .where(tenant.where(emailSends, eq(emailSends.id, send.id), isNull(emailSends.unsubscribed_at)))
      .returning({ id: emailSends.id });
    if (first.length === 0) return;
    if (countsOnCampaign(send.source))
      await tx
        .update(emailCampaigns)
        .set({ total_unsubscribed: sql`${emailCampaigns.total_unsubscribed} + 1` })
        .where(tenant.where(emailCampaigns, eq(emailCampaigns.id, send.campaign_id)));
    await recordLeadEvent(tenant, {
      leadId: send.lead_id,
      type: 'email_unsubscribed',
      data: { campaign_id: send.campaign_id, message_id: send.id },
      dedupeKey: `unsubscribe:${send.id}`,
    });
  });
}

/** The person changes their mind on the confirmation page. */
export async function resubscribe(db: Db, send: TSend): Promise<void> {
  await setLeadUnsubscribed(new Tenant(db, send.workspace_id), send.lead_id, false);
}

/** Whether the lead behind a message is unsubscribed now (the page shows the right button). */
export async function isUnsubscribed(db: Db, send: TSend): Promise<boolean> {
  const lead = await getLead(new Tenant(db, send.workspace_id), send.lead_id);
  return lead.unsubscribed_at !== null;
}
