import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import type { TAdPlatform, TTargetAudience } from '../../../contracts/ads.js';
import type { TAuth } from '../../../platform/auth/access.js';
import { Tenant } from '../../../platform/db/tenant.js';
import type { Runtime } from '../../../platform/runtime.js';
import { captureLead, leads, updateLead } from '../../crm/index.js';
import { adCampaigns } from '../ads.tables.js';
import { importAdReport } from '../reports/report-import.service.js';
import { parseReportDate } from '../reports/report-values.js';
import { DEMO_ANCHOR_END, DEMO_CAMPAIGNS, DEMO_DAYS, DEMO_FILES, googleEnDate, linkedInEnDate, type TDemoNetwork } from './demo-reports.js';
import { addDays } from '../campaigns/ad-dates.js';

// The demo workspace's ads: the three export files shipped in this folder go through the report importer, the
// campaigns get their links' UTM values, budgets and creatives, and demo leads arrive through those links (some
// won, with a value) so the real results and the real ROAS show beside the platforms' own figures.
//
// Dates: the shipped files are real exports frozen on a 60-day window ending DEMO_ANCHOR_END. The seeding rewrites
// only their dates (same text format, shifted so the window ends yesterday) and imports the result: every figure,
// column and encoding stays as shipped, so the demo exercises the same path as a user's file, and a user may open
// or re-import the files themselves.

type TDemoCampaign = {
  network: TDemoNetwork;
  utm_source: string;
  utm_medium: string;
  utm_campaign: string;
  daily_budget: number;
  /** The campaign's whole budget and how many days it still runs after yesterday (the winter sale ends). */
  total?: { budget: number; daysLeft: number };
  headline: string;
  ad_copy: string;
  description: string;
  target_audience: Partial<TTargetAudience>;
  leads: number;
  /** Won leads and the range of their deal's value. */
  won: { count: number; min: number; max: number };
  landing: string;
};

const CAMPAIGNS: TDemoCampaign[] = [
  {
    network: 'meta',
    utm_source: 'facebook',
    utm_medium: 'paid_social',
    utm_campaign: 'soldes-hiver',
    daily_budget: 35,
    total: { budget: 2_800, daysLeft: 20 },
    headline: 'Soldes d’hiver : jusqu’à -40 % sur l’atelier',
    ad_copy: 'Nos créations faites main à prix doux jusqu’à la fin du mois. Livraison offerte dès 60 €.',
    description: 'Campagne de conversion (achats) sur Facebook et Instagram, deux ensembles : prospection et reciblage.',
    target_audience: {
      locations: ['France'],
      age_min: 25,
      age_max: 44,
      genders: ['female'],
      interests: ['Artisanat', 'Décoration intérieure', 'Mode éthique'],
    },
    leads: 24,
    won: { count: 8, min: 180, max: 520 },
    landing: 'https://atelier-demo.example/soldes',
  },
  {
    network: 'google',
    utm_source: 'google',
    utm_medium: 'cpc',
    utm_campaign: 'search-marque',
    daily_budget: 45,
    headline: 'Atelier Démo | Créations artisanales',
    ad_copy: 'Pièces uniques fabriquées en France. Commandez en ligne, retrait en atelier possible.',
    description: 'Réseau de recherche : requêtes de marque et requêtes génériques « cadeau artisanal ».',
    target_audience: { locations: ['France', 'Belgique'], keywords: ['atelier démo', 'cadeau artisanal', 'céramique faite main'] },
    leads: 18,
    won: { count: 7, min: 350, max: 1_100 },
    landing: 'https://atelier-demo.example/',
  },
  {
    network: 'linkedin',
    utm_source: 'linkedin',
    utm_medium: 'paid_social',
    utm_campaign: 'decideurs-pme',
    daily_budget: 70,
    headline: 'Livre blanc : offrir l’artisanat à vos clients',
    ad_copy: 'Cadeaux d’affaires sur mesure : téléchargez notre guide et recevez un devis en 48 h.',
    description: 'Génération de prospects B2B (formulaire LinkedIn), dirigeants et responsables achats de PME.',
    target_audience: { locations: ['Île-de-France', 'Auvergne-Rhône-Alpes'], job_titles: ['Dirigeant', 'Responsable achats', 'Office manager'] },
    leads: 10,
    won: { count: 2, min: 800, max: 1_200 },
    landing: 'https://atelier-demo.example/cadeaux-affaires',
  },
];

const PLATFORM: Record<TDemoNetwork, TAdPlatform> = { meta: 'facebook', google: 'google', linkedin: 'linkedin' };

const FIRST = ['Camille', 'Léa', 'Hugo', 'Chloé', 'Manon', 'Jules', 'Inès', 'Lucas', 'Sarah', 'Nathan', 'Emma', 'Théo', 'Zoé', 'Julie', 'Maxime'];
const LAST = ['Marchand', 'Roux', 'Fontaine', 'Chevalier', 'Lambert', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Perrin'];
const COMPANIES = ['Cabinet Horizon', 'Groupe Altea', 'Maison Vernet', 'Sud Conseil', 'Nova Industrie', 'Logitrans'];

const DAY_MS = 86_400_000;

/** Yesterday (UTC), the last day of figures a platform can report. */
export function yesterday(now = new Date()): string {
  return new Date(now.getTime() - DAY_MS).toISOString().slice(0, 10);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** A shipped file with its dates moved by `offset` days, written in the file's own format and encoding. */
export function shiftDemoReport(network: TDemoNetwork, bytes: Buffer, offset: number): Buffer {
  if (network === 'google') {
    // UTF-16 LE with its byte-order mark; dates "Jan 31, 2026".
    const text = iconv.decode(bytes.subarray(2), 'utf16le');
    const shifted = text.replace(/\b[A-Z][a-z]{2} \d{1,2}, \d{4}\b/g, (date) => googleEnDate(addDays(parseReportDate(date, 'en') ?? date, offset)));
    return Buffer.concat([bytes.subarray(0, 2), iconv.encode(shifted, 'utf16le')]);
  }
  const text = bytes.toString('utf8');
  if (network === 'meta') return Buffer.from(text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => addDays(date, offset)));
  return Buffer.from(text.replace(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/g, (date) => linkedInEnDate(addDays(parseReportDate(date, 'en') ?? date, offset))));
}

/**
 * Imports the three demo reports (their 60 days ending yesterday), completes the campaigns and brings their demo
 * leads. Runs after the CRM's demo, outside a transaction (the importer and the CRM open their own).
 */
export async function seedAdsDemo(runtime: Runtime, workspaceId: string, userId: string | null = null, now = new Date()): Promise<void> {
  const tenant = new Tenant(runtime.db, workspaceId);
  const end = yesterday(now);
  const offset = daysBetween(DEMO_ANCHOR_END, end);
  const start = addDays(end, 1 - DEMO_DAYS);
  let seed = 7;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const actor: TAuth = { via: 'session', user_id: userId, workspace_id: workspaceId, role: 'owner' };
  let person = 0;

  for (const demo of CAMPAIGNS) {
    const fileName = DEMO_FILES[demo.network];
    const shipped = readFileSync(new URL(`./${fileName}`, import.meta.url));
    await importAdReport(tenant, userId, { fileName, bytes: shiftDemoReport(demo.network, shipped, offset) });
    await tenant.db
      .update(adCampaigns)
      .set({
        utm_source: demo.utm_source,
        utm_campaign: demo.utm_campaign,
        daily_budget: demo.daily_budget,
        total_budget: demo.total?.budget ?? null,
        start_date: start,
        end_date: demo.total ? addDays(end, demo.total.daysLeft) : null,
        headline: demo.headline,
        ad_copy: demo.ad_copy,
        description: demo.description,
        target_audience: { locations: [], age_min: null, age_max: null, genders: [], interests: [], job_titles: [], keywords: [], ...demo.target_audience },
        updated_at: sql`now()`,
      })
      .where(
        tenant.where(adCampaigns, eq(adCampaigns.platform, PLATFORM[demo.network]), eq(adCampaigns.platform_campaign_id, DEMO_CAMPAIGNS[demo.network].id)),
      );

    // The campaign's leads, spread over its 60 days; `won.count` of them, spread too, become won deals with a value.
    const arrivals: { id: string; at: string }[] = [];
    for (let i = 0; i < demo.leads; i++) {
      person += 1;
      const first = FIRST[person % FIRST.length]!;
      const last = LAST[(person * 7) % LAST.length]!;
      const email = `${first}.${last}.pub${person}@exemple.fr`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '');
      const captured = await captureLead(tenant, {
        email,
        fields: {
          first_name: first,
          last_name: last,
          ...(demo.network === 'linkedin' ? { company: COMPANIES[person % COMPANIES.length]!, job_title: 'Responsable achats' } : {}),
        },
        customFields: {},
        source: demo.utm_source,
        sourceUrl: `${demo.landing}?utm_source=${demo.utm_source}&utm_medium=${demo.utm_medium}&utm_campaign=${demo.utm_campaign}`,
        utm: { utm_source: demo.utm_source, utm_medium: demo.utm_medium, utm_campaign: demo.utm_campaign },
        consent: { source: 'Formulaire publicitaire (démo)', ip: null },
        customFieldPath: 'custom_fields',
      });
      if (captured.outcome === 'suppressed') continue;
      // Every n-th arrival is won, so any period of the demo has deals (and a real ROAS), not only its first weeks.
      if (i % Math.floor(demo.leads / demo.won.count) === 0 && i / Math.floor(demo.leads / demo.won.count) < demo.won.count) {
        const value = Math.round(demo.won.min + rand() * (demo.won.max - demo.won.min));
        await updateLead(tenant, actor, captured.lead.id, { status: 'won', estimated_value: value });
      }
      // Spread evenly over the 60 days, with some noise.
      const day = Math.min(DEMO_DAYS - 1, Math.floor(((i + rand()) / demo.leads) * DEMO_DAYS));
      arrivals.push({
        id: captured.lead.id,
        at: `${addDays(start, day)}T${String(8 + Math.floor(rand() * 11)).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00Z`,
      });
    }
    // The CRM has no way to backdate a capture: the demo moves its own leads' arrival to the day their click came.
    await tenant.db.execute(sql`
      UPDATE ${leads} SET created_at = v.at
        FROM jsonb_to_recordset(${JSON.stringify(arrivals)}::jsonb) AS v(id uuid, at timestamptz)
       WHERE ${leads.id} = v.id AND ${leads.workspace_id} = ${workspaceId}`);
  }
}
