import { eq, sql } from 'drizzle-orm';
import type { TAuth } from '../../platform/auth/access.js';
import { Tenant } from '../../platform/db/tenant.js';
import type { Runtime } from '../../platform/runtime.js';
import { updateWorkspace } from '../workspaces/index.js';
import { starterDocument } from '../../contracts/email-document.js';
import { createCampaign } from './email-campaigns.service.js';
import { scheduleCampaign, sendCampaign } from './email-send.service.js';
import { runCampaignSender } from './email-sender.js';
import { resolveCampaignRecipientsJob } from './email-sending.jobs.js';
import { recordClick, recordOpen, unsubscribe } from './email-tracking.service.js';
import { emailCampaigns, emailLinks, emailSends, emailTrackingEvents } from './email.tables.js';
import { seedSequenceDemo } from './sequences/sequence.demo.js';
import { body, PERSON } from './email-demo-content.js';

// The demo workspace's campaigns: two sent by the engine itself (into the outbox, whatever SMTP_URL says: the
// demo leads' addresses are made up), opened and clicked through the tracking service as people would, then
// moved back in time so the report shows days of activity; one scheduled, one draft.

const SENT = [
  {
    name: 'Newsletter de novembre',
    subject: '{{ lead.first_name | default: "Bonjour" }}, les nouveautés de novembre',
    preheader: 'Trois idées pour remplir votre agenda avant les fêtes',
    html: body(
      'Les nouveautés de novembre',
      ['Ce mois-ci : un guide pour relancer vos prospects, deux témoignages clients et nos prochaines dates de formation.'],
      [
        ['https://exemple.fr/guide-relance', 'Lire le guide'],
        ['https://exemple.fr/formations', 'Voir les formations'],
      ],
    ),
    daysAgo: 18,
    opens: 0.46,
    clicks: 0.11,
  },
  {
    name: 'Offre Black Friday',
    subject: '-30 % sur l’accompagnement, jusqu’à lundi',
    preheader: 'Réservez votre séance découverte',
    html: body(
      'Black Friday : -30 % sur l’accompagnement',
      ['Jusqu’à lundi minuit, l’accompagnement de trois mois est à -30 %. Les places sont limitées à dix.'],
      [['https://exemple.fr/offre-black-friday', 'J’en profite']],
    ),
    daysAgo: 5,
    opens: 0.29,
    clicks: 0.04,
  },
];

export async function seedEmailDemo(runtime: Runtime, workspaceId: string, userId: string): Promise<void> {
  const tenant = new Tenant(runtime.db, workspaceId);
  const actor: TAuth = { via: 'session', user_id: userId, workspace_id: workspaceId, role: 'owner' };
  await updateWorkspace(runtime.db, workspaceId, { legal_name: 'Atelier Démo SAS', postal_address: '12 rue des Lilas, 75011 Paris' });
  const blank = {
    text_content: '',
    editor_document: null,
    from_name: 'Camille de l’Atelier Démo',
    from_email: '',
    reply_to: '',
    segment_id: null,
    segment_rules: null,
    ab_test: null,
    send_time_optimization: false,
  };
  for (const demo of SENT) {
    const campaign = await createCampaign(tenant, actor, {
      ...blank,
      name: demo.name,
      subject: demo.subject,
      preheader: demo.preheader,
      html_content: demo.html,
    });
    await sendCampaign(runtime, tenant, campaign.id);
    await resolveCampaignRecipientsJob.handler({ campaign_id: campaign.id }, runtime);
    while ((await runCampaignSender(runtime, campaign.id, { budgetMs: 60_000, outboxOnly: true })).kind === 'again');
    await simulateReaders(runtime, tenant, campaign.id, demo);
  }
  await createCampaign(tenant, actor, {
    ...blank,
    name: 'Invitation au webinaire de décembre',
    subject: 'Webinaire : préparer 2027 en une heure',
    preheader: 'Jeudi 18 décembre à 12 h 30',
    html_content: body(
      'Préparer 2027 en une heure',
      ['Un webinaire gratuit, jeudi 18 décembre à 12 h 30, avec vos questions en direct.'],
      [['https://exemple.fr/webinaire', 'Je m’inscris']],
    ),
  }).then((c) => scheduleCampaign(runtime, tenant, c.id, inDays(3, 9)));
  // The draft is built in the block editor: a newcomer opens it there (its HTML is compiled from the document).
  await createCampaign(tenant, actor, {
    ...blank,
    name: 'Relance des clients inactifs',
    subject: 'Ça fait longtemps{% if lead.first_name %}, {{ lead.first_name }}{% endif %} !',
    preheader: 'Un petit cadeau pour votre retour',
    html_content: '',
    editor_document: starterDocument({
      headingHtml: '<h1>Vous nous manquez</h1>',
      bodyHtml:
        '<p>Bonjour {{ lead.first_name | default: "à vous" }},</p><p>Voici un code de bienvenue pour votre prochaine séance : <strong>RETOUR15</strong>.</p>',
      buttonLabel: 'Réserver',
      buttonHref: 'https://exemple.fr/reserver',
      unsubscribeLabel: 'Se désinscrire',
    }),
  });
  await seedSequenceDemo(runtime, tenant, actor);
}

function inDays(days: number, hour: number): Date {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date;
}

/** People open and click (through the tracking service), then everything moves back to the campaign's real day. */
async function simulateReaders(runtime: Runtime, tenant: Tenant, campaignId: string, demo: (typeof SENT)[number]): Promise<void> {
  const shift = sql`make_interval(days => ${demo.daysAgo})`;
  // Sent `daysAgo` days ago: moved first, so the clicks below are not taken for a link scanner's.
  await tenant.db
    .update(emailSends)
    .set({ sent_at: sql`${emailSends.sent_at} - ${shift}` })
    .where(tenant.where(emailSends, eq(emailSends.campaign_id, campaignId)));
  await tenant.db
    .update(emailCampaigns)
    .set({ sent_at: sql`${emailCampaigns.sent_at} - ${shift}`, created_at: sql`${emailCampaigns.created_at} - ${shift} - interval '2 days'` })
    .where(tenant.byId(emailCampaigns, campaignId));
  const sends = await tenant.db
    .select()
    .from(emailSends)
    .where(tenant.where(emailSends, eq(emailSends.campaign_id, campaignId), eq(emailSends.status, 'sent')))
    .orderBy(emailSends.id);
  const links = await tenant.db
    .select()
    .from(emailLinks)
    .where(tenant.where(emailLinks, eq(emailLinks.campaign_id, campaignId)))
    .orderBy(emailLinks.url);
  // A fixed pattern rather than random numbers: the same demo on every install.
  for (const [i, send] of sends.entries()) {
    const share = (i * 37) % 100;
    if (share < demo.opens * 100) {
      await recordOpen(runtime.db, send, PERSON);
      if (i % 3 === 0) await recordOpen(runtime.db, send, PERSON);
    } else if (share < demo.opens * 100 + 12) {
      // Apple Mail's privacy prefetch: an open the report counts apart.
      await recordOpen(runtime.db, send, 'Mozilla/5.0');
    }
    if (share < demo.clicks * 100 && links.length > 0) await recordClick(runtime.db, send, links[i % links.length]!.id, PERSON);
    if (share === 97) await unsubscribe(runtime.db, send);
  }
  // Opens and clicks spread over the two days after the send, most in the first hours.
  await tenant.db.execute(sql`
    UPDATE ${emailTrackingEvents} e SET occurred_at = s.sent_at + make_interval(mins => ((abs(hashtext(e.id::text)) % 2880) ^ 2 / 2880)::int + 3)
    FROM ${emailSends} s WHERE e.send_id = s.id AND e.workspace_id = ${tenant.workspaceId}::uuid AND e.campaign_id = ${campaignId}::uuid`);
  await tenant.db.execute(sql`
    UPDATE ${emailSends} s SET
      opened_at = (SELECT min(occurred_at) FROM ${emailTrackingEvents} e WHERE e.send_id = s.id AND NOT e.machine),
      clicked_at = (SELECT min(occurred_at) FROM ${emailTrackingEvents} e WHERE e.send_id = s.id AND e.kind = 'click' AND NOT e.machine),
      unsubscribed_at = CASE WHEN s.unsubscribed_at IS NULL THEN NULL ELSE s.sent_at + interval '2 hours' END
    WHERE s.workspace_id = ${tenant.workspaceId}::uuid AND s.campaign_id = ${campaignId}::uuid`);
}
