import type { TAuth } from '../../../platform/auth/access.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import type { Runtime } from '../../../platform/runtime.js';
import { updateCampaign } from '../email-campaigns.service.js';
import { body } from '../email-demo-content.js';
import { activateSequence, createSequence, createSequenceEmail, pauseSequence, updateSequence } from './sequences.service.js';

// The demo webinar's reminders (funnels.demo.ts): a sequence whose "before / after the session" waits send the day
// before, one hour before and at the start, with the session's time and the registrant's watch link. It runs while
// `during` registers the demo visitors (their enrollments take the session as anchor), then is left paused, as the
// demo's other sequence is: the demo leads' addresses are made up.

export async function withWebinarReminderDemo(runtime: Runtime, tenant: Tenant, actor: TAuth, during: (sequenceId: string) => Promise<void>): Promise<void> {
  const sequence = await createSequence(tenant, actor, {
    name: 'Rappels du webinaire',
    steps: [],
    send_window: null,
    entry_segment_id: null,
    reentry_after_days: null,
    goal_rules: null,
  });
  const email = async (name: string, subject: string, title: string, text: string) => {
    const created = await createSequenceEmail(tenant, actor, sequence.id, name);
    const html = body(title, [text, 'Votre session : <strong>{{ webinar.starts_at }}</strong>.'], [['{{ webinar.watch_url }}', 'Rejoindre la session']]);
    await updateCampaign(tenant, created.id, { subject, preheader: '{{ webinar.starts_at }}', html_content: html, from_name: 'Camille de l’Atelier Démo' });
    return created.id;
  };
  const dayBefore = await email(
    'Rappel J-1',
    'C’est demain : votre webinaire',
    'À demain !',
    'Votre place est réservée pour le webinaire « Lancer son offre en ligne ».',
  );
  const hourBefore = await email(
    'Rappel H-1',
    'Dans une heure : votre webinaire',
    'On commence dans une heure',
    'Prévoyez de quoi noter : nous répondrons à vos questions en direct.',
  );
  const start = await email(
    'C’est parti',
    'C’est maintenant : rejoignez le webinaire',
    'Le webinaire commence',
    'La salle est ouverte, la vidéo démarre maintenant.',
  );
  await updateSequence(tenant, sequence.id, {
    steps: [
      { id: 'day-before', type: 'wait_anchor', offset_minutes: -1440 },
      { id: 'email-day-before', type: 'email', email_id: dayBefore },
      { id: 'hour-before', type: 'wait_anchor', offset_minutes: -60 },
      { id: 'email-hour-before', type: 'email', email_id: hourBefore },
      { id: 'start', type: 'wait_anchor', offset_minutes: 0 },
      { id: 'email-start', type: 'email', email_id: start },
    ],
  });
  // A workspace without its postal address cannot activate (the law's footer): the registrations then enroll nobody.
  const active = await activateSequence(runtime, tenant, sequence.id).then(
    () => true,
    () => false,
  );
  await during(sequence.id);
  if (active) await pauseSequence(tenant, sequence.id);
}
