import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { TAuth } from '../../../platform/auth/access.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import type { Runtime } from '../../../platform/runtime.js';
import { leads } from '../../crm/tables.js';
import { updateCampaign } from '../email-campaigns.service.js';
import { body, PERSON } from '../email-demo-content.js';
import { runCampaignSender } from '../email-sender.js';
import { recordClick, recordOpen } from '../email-tracking.service.js';
import { emailLinks, emailSends } from '../email.tables.js';
import { runDueSteps } from './sequence-engine.js';
import { enrollLead } from './sequence-enrollments.service.js';
import { activateSequence, createSequence, createSequenceEmail, pauseSequence, updateSequence } from './sequences.service.js';

// The demo workspace's sequence: a welcome email, a two-day wait, then a reminder for those who did not click. The
// steps really ran (three days ago, then now) through the step worker and the campaign engine, into the outbox;
// it is left paused, because the demo leads' addresses are made up and a running sequence would go on mailing them.

const DAY = 86_400_000;

export async function seedSequenceDemo(runtime: Runtime, tenant: Tenant, actor: TAuth): Promise<void> {
  const sequence = await createSequence(tenant, actor, {
    name: 'Bienvenue nouveaux inscrits',
    steps: [],
    // No send window: the demo's steps run at whatever time the demo is made (a window is one field away in Réglages).
    send_window: null,
    entry_segment_id: null,
    reentry_after_days: null,
    goal_rules: { op: 'and', rules: [{ field: 'status', operator: 'eq', value: 'won' }] },
  });
  const email = async (name: string, subject: string, html: string) => {
    const created = await createSequenceEmail(tenant, actor, sequence.id, name);
    await updateCampaign(tenant, created.id, { subject, preheader: 'Atelier Démo', html_content: html, from_name: 'Camille de l’Atelier Démo' });
    return created.id;
  };
  const welcome = await email(
    'Bienvenue',
    'Bienvenue : votre guide offert',
    body(
      'Bienvenue !',
      ['Merci de votre inscription. Voici le guide pour trouver vos dix premiers clients.'],
      [['https://exemple.fr/guide', 'Télécharger le guide']],
    ),
  );
  const reminder = await email(
    'Relance du guide',
    'Vous avez vu votre guide ?',
    body('Votre guide vous attend', ['Il ne vous a pas encore servi : il se lit en dix minutes.'], [['https://exemple.fr/guide', 'Lire le guide']]),
  );
  await updateSequence(tenant, sequence.id, {
    steps: [
      { id: 'welcome', type: 'email', email_id: welcome },
      { id: 'wait', type: 'wait', amount: 2, unit: 'days' },
      { id: 'clicked', type: 'condition', condition: { kind: 'clicked_previous' }, yes: [], no: [{ id: 'reminder', type: 'email', email_id: reminder }] },
    ],
  });
  const active = await activateSequence(runtime, tenant, sequence.id);
  const people = await tenant.db
    .select({ id: leads.id })
    .from(leads)
    .where(tenant.where(leads, isNotNull(leads.email), isNull(leads.unsubscribed_at)))
    .orderBy(leads.id)
    .limit(24);
  const threeDaysAgo = new Date(Date.now() - 3 * DAY);
  for (const person of people) await enrollLead(tenant, active, person.id, threeDaysAgo);
  // Three days ago: the welcome email (into the outbox), read and clicked by some.
  await runDueSteps(runtime, { now: threeDaysAgo, budgetMs: 30_000, queueSenders: false });
  await sendIntoOutbox(runtime, welcome);
  await readers(runtime, tenant, welcome);
  // Now: the wait is over; the reminder for those who did not click.
  await runDueSteps(runtime, { now: new Date(), budgetMs: 30_000, queueSenders: false });
  await sendIntoOutbox(runtime, reminder);
  await pauseSequence(tenant, sequence.id);
}

async function sendIntoOutbox(runtime: Runtime, emailId: string): Promise<void> {
  while ((await runCampaignSender(runtime, emailId, { budgetMs: 30_000, outboxOnly: true })).kind === 'again');
}

/** A fixed pattern of people: half open, a third of them click (after the link scanners' window). */
async function readers(runtime: Runtime, tenant: Tenant, emailId: string): Promise<void> {
  await tenant.db
    .update(emailSends)
    .set({ sent_at: sql`${emailSends.sent_at} - interval '3 days'` })
    .where(tenant.where(emailSends, eq(emailSends.campaign_id, emailId)));
  const [link] = await tenant.db
    .select()
    .from(emailLinks)
    .where(tenant.where(emailLinks, eq(emailLinks.campaign_id, emailId)));
  const sends = await tenant.db
    .select()
    .from(emailSends)
    .where(tenant.where(emailSends, and(eq(emailSends.campaign_id, emailId), eq(emailSends.status, 'sent'))))
    .orderBy(emailSends.id);
  for (const [i, send] of sends.entries()) {
    if (i % 2 === 0) await recordOpen(runtime.db, send, PERSON);
    if (i % 6 === 0 && link) await recordClick(runtime.db, send, link.id, PERSON);
  }
}
