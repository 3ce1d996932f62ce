import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/db/database.js';
import { type TLeadStatus } from '../../contracts/crm.js';
import { Tenant } from '../../platform/db/tenant.js';
import { automations } from '../automations/tables.js';
import { customFieldDefinitions } from './custom-fields/custom-fields.tables.js';
import { leadEvents, leadInteractions, leads } from './leads/leads.tables.js';
import { segments } from '../segments/tables.js';
import { rescoreWorkspace } from './scoring/lead-scoring.service.js';
import { scoringRules } from './scoring/scoring.tables.js';

const FIRST = [
  'Camille',
  'Léa',
  'Hugo',
  'Louis',
  'Chloé',
  'Manon',
  'Jules',
  'Inès',
  'Lucas',
  'Sarah',
  'Nathan',
  'Emma',
  'Théo',
  'Zoé',
  'Antoine',
  'Julie',
  'Maxime',
  'Clara',
  'Élodie',
  'Benoît',
];
const LAST = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'Fournier',
  'Girard',
  'Bonnet',
  'Mercier',
  'Faure',
];
const COMPANIES = [
  'Boulangerie du Marché',
  'Cabinet Lumière',
  'Studio Pixel',
  'Atelier Bois & Co',
  'Yoga Harmonie',
  'Agence Horizon',
  'Coaching Élan',
  'Librairie des Quais',
  'Fromagerie Alpine',
  'Cave Saint-Jean',
  'Éditions Plume',
  'Conseil & Stratégie',
];
const TITLES = ['Gérante', 'Directeur commercial', 'Fondatrice', 'Responsable marketing', 'Coach', 'Consultant', 'Directrice générale', 'Chef de projet'];
const SOURCES = ['webinar', 'lead_magnet', 'facebook', 'google', 'linkedin', 'recommandation', 'salon'];
const TAGS = ['vip', 'webinar', 'newsletter', 'formation', 'relance', 'partenaire'];
// Default scoring rules of the demo: who fits (position, company, VIP) and what engages.
const DEMO_SCORING_RULES: Omit<typeof scoringRules.$inferInsert, 'workspace_id'>[] = [
  { name: 'Poste de direction', kind: 'fit', condition: { field: 'job_title', operator: 'contains', value: 'direct' }, points: 10 },
  { name: 'Entreprise renseignée', kind: 'fit', condition: { field: 'company', operator: 'is_not_empty' }, points: 5 },
  { name: 'Client VIP', kind: 'fit', condition: { field: 'tags', operator: 'contains', value: 'vip' }, points: 10 },
  { name: 'Interaction', kind: 'event', event_type: 'interaction_added', points: 5 },
  {
    name: 'Rendez-vous',
    kind: 'event',
    event_type: 'interaction_added',
    condition: { field: 'events.interaction_added', operator: 'is_not_empty', data: { interaction_type: 'meeting' } },
    points: 15,
  },
  { name: 'Formulaire envoyé', kind: 'event', event_type: 'form_submitted', points: 10 },
  { name: 'Clic dans un e-mail', kind: 'event', event_type: 'email_clicked', points: 3 },
];
const SECTORS = ['Coaching', 'Formation', 'Commerce', 'Artisanat', 'Conseil', 'Bien-être'];
// A coach's typical custom fields, two saved segments and one automation, so every CRM tab has something to show.
const DEMO_CUSTOM_FIELDS: Omit<typeof customFieldDefinitions.$inferInsert, 'workspace_id'>[] = [
  { key: 'secteur', label: 'Secteur', field_type: 'select', options: SECTORS, position: 0 },
  { key: 'budget_annuel', label: 'Budget annuel (€)', field_type: 'number', position: 1 },
  // Not called "Consentement RGPD": the record shows the real consent (source, time, IP) apart, and a custom
  // field of that name said "☑" above "Consentement non renseigné.".
  { key: 'rgpd_ok', label: 'Newsletter acceptée', field_type: 'boolean', position: 2 },
];
const DEMO_SEGMENTS: Omit<typeof segments.$inferInsert, 'workspace_id'>[] = [
  {
    name: 'Prospects chauds',
    description: 'En cours de vente, score élevé ou gros budget',
    rules: {
      op: 'and',
      rules: [
        { field: 'status', operator: 'in', value: ['qualified', 'proposal', 'negotiation'] },
        {
          op: 'or',
          rules: [
            { field: 'score', operator: 'gte', value: 20 },
            { field: 'custom.budget_annuel', operator: 'gte', value: 5000 },
          ],
        },
      ],
    },
  },
  { name: 'Inscrits au webinar', description: null, rules: { op: 'and', rules: [{ field: 'tags', operator: 'contains', value: 'webinar' }] } },
];
const DEMO_AUTOMATION: Omit<typeof automations.$inferInsert, 'workspace_id'> = {
  name: 'Nouveau client : tâche de bienvenue',
  trigger: { type: 'status_changed', status: 'won' },
  conditions: null,
  actions: [
    { type: 'add_task', params: { title: 'Envoyer le kit de bienvenue', due_in_days: 2 } },
    { type: 'add_tag', params: { tag: 'client' } },
  ],
};
// Weights give a realistic funnel shape: many new leads, few signed.
const STATUS_WEIGHTS: Record<TLeadStatus, number> = { new: 30, contacted: 22, qualified: 15, proposal: 10, negotiation: 6, won: 9, lost: 8 };

/** How many leads the demo pipeline holds. */
export const DEMO_LEADS = 240;

/** Seeds a French sales pipeline (a few hundred leads with events and interactions) into a workspace. */
export async function seedCrmDemo(db: Db, workspaceId: string, ownerUserId: string, count = DEMO_LEADS): Promise<void> {
  let seed = 42;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const weighted = Object.entries(STATUS_WEIGHTS).flatMap(([s, w]) => Array<TLeadStatus>(w).fill(s as TLeadStatus));
  const now = Date.now();

  const rows = Array.from({ length: count }, (_, i) => {
    const first = pick(FIRST);
    const last = pick(LAST);
    const status = pick(weighted);
    const createdAt = new Date(now - Math.floor(rand() * 120) * 86_400_000 - i * 1000);
    return {
      workspace_id: workspaceId,
      first_name: first,
      last_name: last,
      email: `${first}.${last}.${i}@exemple.fr`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, ''),
      phone: `+33 6 ${String(10 + (i % 89)).padStart(2, '0')} ${String(Math.floor(rand() * 100)).padStart(2, '0')} ${String(i % 100).padStart(2, '0')} ${String(Math.floor(rand() * 100)).padStart(2, '0')}`,
      company: pick(COMPANIES),
      job_title: pick(TITLES),
      status,
      source: pick(SOURCES),
      estimated_value: Math.round(200 + rand() * 4800),
      tags: Array.from(new Set([pick(TAGS), ...(rand() > 0.6 ? [pick(TAGS)] : [])])),
      // A lead who accepted the newsletter has the consent recorded too, so the record never contradicts itself.
      ...(() => {
        const custom_fields = { secteur: pick(SECTORS), budget_annuel: Math.round(1 + rand() * 15) * 500, rgpd_ok: rand() > 0.2 };
        return {
          custom_fields,
          consent_source: custom_fields.rgpd_ok ? 'Formulaire du site (démo)' : null,
          consent_at: custom_fields.rgpd_ok ? createdAt : null,
        };
      })(),
      owner_id: ownerUserId,
      lost_reason: status === 'lost' ? pick(['Budget insuffisant', 'A choisi un concurrent', 'Pas le bon moment', 'Sans réponse']) : null,
      created_at: createdAt,
      updated_at: createdAt,
    };
  });
  const inserted = await db.insert(leads).values(rows).returning({ id: leads.id, status: leads.status, created_at: leads.created_at });

  const events = inserted.flatMap((lead) => {
    const created = { workspace_id: workspaceId, lead_id: lead.id, event_type: 'created', data: {}, actor_user_id: ownerUserId, occurred_at: lead.created_at };
    if (lead.status === 'new') return [created];
    const changedAt = new Date(lead.created_at.getTime() + Math.floor(1 + rand() * 40) * 86_400_000);
    const to = lead.status;
    return [
      created,
      { ...created, event_type: 'status_changed', data: { field: 'status', from: 'new', to }, occurred_at: changedAt > new Date() ? new Date() : changedAt },
    ];
  });
  await db.insert(leadEvents).values(events);

  const interactions = inserted
    .filter((lead) => lead.status !== 'new')
    .map((lead) => ({
      workspace_id: workspaceId,
      lead_id: lead.id,
      interaction_type: pick(['call', 'email', 'meeting', 'note'] as const),
      subject: pick(['Premier appel de découverte', 'Envoi de la proposition', 'Démo de l’offre', 'Relance après le webinar']),
      content: pick([
        'Intéressé, rappeler la semaine prochaine.',
        'Souhaite un devis détaillé.',
        'Budget validé par la direction.',
        'Attend le retour de son associé.',
      ]),
      author_id: ownerUserId,
      occurred_at: new Date(lead.created_at.getTime() + 86_400_000),
    }));
  const logged = await db.insert(leadInteractions).values(interactions).returning();
  // Each interaction is on the timeline (and scored), as when logged through the API.
  await db.insert(leadEvents).values(
    logged.map((row) => ({
      workspace_id: workspaceId,
      lead_id: row.lead_id,
      event_type: 'interaction_added',
      data: { interaction_id: row.id, interaction_type: row.interaction_type, subject: row.subject },
      actor_user_id: ownerUserId,
      occurred_at: row.occurred_at,
    })),
  );

  // A workspace that already has its own setup (loading the demo later, from an empty Contacts table) keeps it:
  // the demo's fields are added beside the workspace's, its segments, automation and rules only where it has none.
  const tenant = new Tenant(db, workspaceId);
  const none = async (table: typeof segments | typeof automations | typeof scoringRules) =>
    (await db.select({ id: table.id }).from(table).where(tenant.where(table)).limit(1)).length === 0;
  await db
    .insert(customFieldDefinitions)
    .values(DEMO_CUSTOM_FIELDS.map((field) => ({ ...field, workspace_id: workspaceId })))
    .onConflictDoNothing();
  if (await none(segments))
    await db.insert(segments).values(DEMO_SEGMENTS.map((segment) => ({ ...segment, workspace_id: workspaceId, created_by: ownerUserId })));
  if (await none(automations)) await db.insert(automations).values({ ...DEMO_AUTOMATION, workspace_id: workspaceId, created_by: ownerUserId });

  // Real scores from the default rules (or the workspace's own), explained and in each lead's score history.
  if (await none(scoringRules)) await db.insert(scoringRules).values(DEMO_SCORING_RULES.map((rule) => ({ ...rule, workspace_id: workspaceId })));
  await rescoreWorkspace(tenant, { cause: 'rules_changed' });
}

/**
 * Loads the demo pipeline into an existing workspace that has no lead yet (the "Charger les données de démo"
 * action of the empty Contacts table and of the dashboard's checklist). One transaction: all of it or nothing;
 * a workspace that already holds leads gets a 409 (demo leads among real ones would be hard to tell apart).
 */
export async function loadCrmDemo(tenant: Tenant, ownerUserId: string): Promise<{ leads: number }> {
  return tenant.db.transaction(async (tx) => {
    // Two clicks at once load it once: the second waits, then finds the leads.
    const scoped = new Tenant(tx, tenant.workspaceId);
    await scoped.lockForTransaction('demo');
    const [existing] = await tx.select({ id: leads.id }).from(leads).where(scoped.where(leads)).limit(1);
    if (existing) throw new AppError('conflict', 'The demo data goes into a workspace without leads only', { reason: 'demo_needs_empty' });
    await seedCrmDemo(tx, tenant.workspaceId, ownerUserId, DEMO_LEADS);
    return { leads: DEMO_LEADS };
  });
}
