import iconv from 'iconv-lite';
import { addDays } from '../../../contracts/calendar-days.js';

// The demo's three export files, as Meta Ads Manager (French, CSV UTF-8 with BOM), Google Ads (English, UTF-16 LE
// tab-separated "CSV") and LinkedIn Campaign Manager (English CSV) write them: one campaign each, 60 days of
// figures. generate-demo-reports.ts writes them into this folder from the functions below (deterministic: the same
// bytes every time, which ads.demo.test.ts checks); the seeding shifts their dates (ads.demo.ts).

/** The last day of the shipped files; the seeding moves it to yesterday. */
export const DEMO_ANCHOR_END = '2026-01-31';
export const DEMO_DAYS = 60;

export const DEMO_FILES = {
  meta: 'meta-ads-manager-fr.csv',
  google: 'google-ads-en.csv',
  linkedin: 'linkedin-campaign-manager-en.csv',
} as const;

export type TDemoNetwork = keyof typeof DEMO_FILES;

/** The demo's campaign on each network, as the files name them. */
export const DEMO_CAMPAIGNS: Record<TDemoNetwork, { name: string; id: string }> = {
  meta: { name: 'Soldes d’hiver — Boutique en ligne', id: '120212345678900001' },
  google: { name: 'Search - Marque + Générique', id: '18234567890' },
  linkedin: { name: 'Décideurs PME — Livre blanc', id: '412345678' },
};

/** The shipped window's days, oldest first. */
export function demoDays(end = DEMO_ANCHOR_END): string[] {
  return Array.from({ length: DEMO_DAYS }, (_, i) => addDays(end, i - DEMO_DAYS + 1));
}

/** A small deterministic generator (the files must not change when regenerated). */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/** Weekends are quieter on LinkedIn and busier for a shop; `weekendFactor` says how much. */
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

type TFigures = { impressions: number; clicks: number; spend: number; conversions: number; value: number };

function dailyFigures(
  seed: number,
  base: { impressions: number; ctr: number; cpc: number; conversionRate: number; value: number; weekendFactor: number },
): TFigures[] {
  const rand = random(seed);
  return demoDays().map((date, i) => {
    // A gentle ramp-up over the first weeks, day-to-day noise, and the weekend effect.
    const ramp = Math.min(1, 0.7 + i / 60);
    const factor = ramp * (isWeekend(date) ? base.weekendFactor : 1) * (0.85 + rand() * 0.3);
    const impressions = Math.round(base.impressions * factor);
    const clicks = Math.round(impressions * base.ctr * (0.8 + rand() * 0.4));
    const spend = Math.round(clicks * base.cpc * (0.9 + rand() * 0.2) * 100) / 100;
    const conversions = Math.floor(clicks * base.conversionRate + rand());
    const value = Math.round(conversions * base.value * (0.8 + rand() * 0.4) * 100) / 100;
    return { impressions, clicks, spend, conversions, value };
  });
}

const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
const frNumber = (value: number, decimals: number) =>
  value
    .toFixed(decimals)
    .replace('.', ',')
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
const enNumber = (value: number, decimals: number) => value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Google Ads English: "Jan 31, 2026". */
export function googleEnDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${MONTHS_EN[month - 1]} ${day}, ${year}`;
}

/** LinkedIn English: "1/31/2026". */
export function linkedInEnDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${month}/${day}/${year}`;
}

/** Meta Ads Manager in French, broken down by day and by ad set (the importer sums ad sets per day). */
export function metaFrenchReport(): Buffer {
  const campaign = DEMO_CAMPAIGNS.meta;
  const adSets = [
    { name: 'Femmes 25-44 — Intérêts mode', share: 0.65 },
    { name: 'Reciblage — Visiteurs 30 j', share: 0.35 },
  ];
  const figures = dailyFigures(11, { impressions: 6200, ctr: 0.013, cpc: 0.42, conversionRate: 0.025, value: 62, weekendFactor: 1.2 });
  const header = [
    'Début des rapports',
    'Fin des rapports',
    'Nom de la campagne',
    'Identifiant de la campagne',
    'Nom de l’ensemble de publicités',
    'Jour',
    'Diffusion de l’ensemble de publicités',
    'Impressions',
    'Clics sur un lien',
    'Montant dépensé (EUR)',
    'Résultats',
    'Indicateur de résultat',
    'Valeur de conversion des achats',
  ];
  const lines = [header.map(quote).join(',')];
  demoDays().forEach((date, i) => {
    const day = figures[i]!;
    let left = { ...day };
    adSets.forEach((adSet, j) => {
      const last = j === adSets.length - 1;
      const part = (total: number, rest: number, decimals: number) => (last ? rest : Number((total * adSet.share).toFixed(decimals)));
      const row = {
        impressions: part(day.impressions, left.impressions, 0),
        clicks: part(day.clicks, left.clicks, 0),
        spend: part(day.spend, left.spend, 2),
        conversions: part(day.conversions, left.conversions, 0),
        value: part(day.value, left.value, 2),
      };
      left = {
        impressions: left.impressions - row.impressions,
        clicks: left.clicks - row.clicks,
        spend: Math.round((left.spend - row.spend) * 100) / 100,
        conversions: left.conversions - row.conversions,
        value: Math.round((left.value - row.value) * 100) / 100,
      };
      lines.push(
        [
          quote(date),
          quote(date),
          quote(campaign.name),
          quote(campaign.id),
          quote(adSet.name),
          quote(date),
          quote('active'),
          quote(String(row.impressions)),
          quote(String(row.clicks)),
          quote(frNumber(row.spend, 2)),
          quote(row.conversions > 0 ? String(row.conversions) : ''),
          quote(row.conversions > 0 ? 'actions:offsite_conversion.fb_pixel_purchase' : ''),
          quote(row.value > 0 ? frNumber(row.value, 2) : ''),
        ].join(','),
      );
    });
  });
  return Buffer.from(`\uFEFF${lines.join('\n')}\n`);
}

/** Google Ads in English: report title and date range lines, tab-separated UTF-16 LE, total lines at the end. */
export function googleEnglishReport(): Buffer {
  const campaign = DEMO_CAMPAIGNS.google;
  const days = demoDays();
  const figures = dailyFigures(23, { impressions: 1150, ctr: 0.055, cpc: 0.68, conversionRate: 0.045, value: 90, weekendFactor: 0.75 });
  const lines = [
    'Campaign report',
    `${googleEnDate(days[0]!)} - ${googleEnDate(days[days.length - 1]!)}`,
    ['Day', 'Campaign', 'Campaign ID', 'Campaign status', 'Currency code', 'Impr.', 'Clicks', 'CTR', 'Avg. CPC', 'Cost', 'Conversions', 'Conv. value'].join(
      '\t',
    ),
  ];
  const total = { impressions: 0, clicks: 0, spend: 0, conversions: 0, value: 0 };
  days.forEach((date, i) => {
    const day = figures[i]!;
    total.impressions += day.impressions;
    total.clicks += day.clicks;
    total.spend += day.spend;
    total.conversions += day.conversions;
    total.value += day.value;
    const ctr = day.impressions > 0 ? `${((day.clicks / day.impressions) * 100).toFixed(2)}%` : '--';
    const cpc = day.clicks > 0 ? enNumber(day.spend / day.clicks, 2) : '--';
    lines.push(
      [
        googleEnDate(date),
        campaign.name,
        campaign.id,
        'Enabled',
        'EUR',
        enNumber(day.impressions, 0),
        enNumber(day.clicks, 0),
        ctr,
        cpc,
        enNumber(day.spend, 2),
        enNumber(day.conversions, 2),
        day.value > 0 ? enNumber(day.value, 2) : ' --',
      ].join('\t'),
    );
  });
  const totals = (label: string) =>
    [
      label,
      '--',
      '--',
      '--',
      'EUR',
      enNumber(total.impressions, 0),
      enNumber(total.clicks, 0),
      `${((total.clicks / total.impressions) * 100).toFixed(2)}%`,
      enNumber(total.spend / total.clicks, 2),
      enNumber(total.spend, 2),
      enNumber(total.conversions, 2),
      enNumber(total.value, 2),
    ].join('\t');
  lines.push(totals('Total: Account'), totals('Total: Search campaigns'));
  return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(`${lines.join('\r\n')}\r\n`, 'utf16le')]);
}

/** LinkedIn Campaign Manager in English: the "Campaign Performance Report" preamble, then one row per day. */
export function linkedInEnglishReport(): Buffer {
  const campaign = DEMO_CAMPAIGNS.linkedin;
  const days = demoDays();
  const figures = dailyFigures(37, { impressions: 3100, ctr: 0.0065, cpc: 3.4, conversionRate: 0.06, value: 0, weekendFactor: 0.35 });
  const lines = [
    quote('Campaign Performance Report (in UTC)'),
    quote(`Report Start: ${linkedInEnDate(days[0]!)}, 12:00 AM`),
    quote(`Report End: ${linkedInEnDate(days[days.length - 1]!)}, 11:59 PM`),
    quote(`Date Generated: ${linkedInEnDate(addDays(days[days.length - 1]!, 1))}, 9:02 AM`),
    quote('Account Name: Atelier Démo'),
    quote('Account ID: 508123456'),
    [
      'Start Date (in UTC)',
      'Account Name',
      'Campaign Group Name',
      'Campaign Name',
      'Campaign ID',
      'Campaign Status',
      'Currency',
      'Total Spent',
      'Impressions',
      'Clicks',
      'Click Through Rate',
      'Conversions',
      'Total Conversion Value',
    ]
      .map(quote)
      .join(','),
  ];
  days.forEach((date, i) => {
    const day = figures[i]!;
    lines.push(
      [
        linkedInEnDate(date),
        'Atelier Démo',
        'Génération de prospects B2B',
        campaign.name,
        campaign.id,
        'ACTIVE',
        'EUR',
        day.spend.toFixed(2),
        String(day.impressions),
        String(day.clicks),
        day.impressions > 0 ? (day.clicks / day.impressions).toFixed(4) : '0',
        String(day.conversions),
        '0.00',
      ]
        .map(quote)
        .join(','),
    );
  });
  return Buffer.from(`${lines.join('\n')}\n`);
}

export const DEMO_REPORTS: Record<TDemoNetwork, () => Buffer> = {
  meta: metaFrenchReport,
  google: googleEnglishReport,
  linkedin: linkedInEnglishReport,
};
