import type { TAdNetwork } from '../../../contracts/ads.js';
import type { TReportLanguage } from './report-values.js';

// The daily campaign reports the networks export, recognised from their header row. Column names are those the
// export writes in each interface language (Meta Ads Manager, Google Ads "Campaigns" report, LinkedIn Campaign
// Manager "Campaign performance"); a few frequent variants are accepted too. Headers compare without case,
// accents' composition or repeated spaces.

/** What a column means for the import. */
export type TReportField =
  'date' | 'starts' | 'ends' | 'campaign_name' | 'campaign_id' | 'currency' | 'impressions' | 'clicks' | 'spend' | 'conversions' | 'conversion_value';

type TColumn = string | RegExp;

type TFormat = {
  network: TAdNetwork;
  language: TReportLanguage;
  /** Names per field, best first: when two columns mean the same field, the earlier name wins. */
  columns: Partial<Record<TReportField, TColumn[]>>;
  /** A column only this network's export has: tells Meta's French "Nom de la campagne" from LinkedIn's. */
  signature: TReportField[];
};

/** Meta writes the account's currency in the spend column's name: "Amount spent (EUR)". */
const META_SPEND_EN = /^amount spent(?: \(([a-z]{3})\))?$/;
const META_SPEND_FR = /^montant dépensé(?: \(([a-z]{3})\))?$/;

const FORMATS: TFormat[] = [
  {
    network: 'meta',
    language: 'en',
    columns: {
      date: ['day'],
      starts: ['reporting starts'],
      ends: ['reporting ends'],
      campaign_name: ['campaign name'],
      campaign_id: ['campaign id'],
      currency: ['currency'],
      impressions: ['impressions'],
      clicks: ['link clicks', 'clicks (all)'],
      spend: [META_SPEND_EN],
      conversions: ['results', 'purchases', 'leads', 'website purchases'],
      conversion_value: ['purchases conversion value', 'website purchases conversion value', 'conversion value'],
    },
    signature: ['spend'],
  },
  {
    network: 'meta',
    language: 'fr',
    columns: {
      date: ['jour'],
      starts: ['début des rapports'],
      ends: ['fin des rapports'],
      campaign_name: ['nom de la campagne'],
      campaign_id: ['identifiant de la campagne'],
      currency: ['devise'],
      impressions: ['impressions'],
      clicks: ['clics sur un lien', 'clics (tous)'],
      spend: [META_SPEND_FR],
      conversions: ['résultats', 'achats', 'prospects', 'achats sur le site web'],
      conversion_value: ['valeur de conversion des achats', 'valeur de conversion des achats sur le site web', 'valeur de conversion'],
    },
    signature: ['spend'],
  },
  {
    network: 'google',
    language: 'en',
    columns: {
      date: ['day', 'date'],
      campaign_name: ['campaign'],
      campaign_id: ['campaign id'],
      currency: ['currency code', 'currency'],
      impressions: ['impr.', 'impressions'],
      clicks: ['clicks'],
      spend: ['cost'],
      conversions: ['conversions'],
      conversion_value: ['conv. value', 'conversion value'],
    },
    signature: ['spend', 'campaign_name'],
  },
  {
    network: 'google',
    language: 'fr',
    columns: {
      date: ['jour', 'date'],
      campaign_name: ['campagne'],
      campaign_id: ['id de la campagne'],
      currency: ['code de la devise', 'devise'],
      impressions: ['impr.', 'impressions'],
      clicks: ['clics'],
      spend: ['coût'],
      conversions: ['conversions'],
      conversion_value: ['valeur de conv.', 'valeur de conversion'],
    },
    signature: ['spend', 'campaign_name'],
  },
  {
    network: 'linkedin',
    language: 'en',
    columns: {
      date: ['start date (in utc)'],
      campaign_name: ['campaign name'],
      campaign_id: ['campaign id'],
      currency: ['currency'],
      impressions: ['impressions'],
      clicks: ['clicks'],
      spend: ['total spent'],
      conversions: ['conversions'],
      conversion_value: ['total conversion value', 'conversion value'],
    },
    signature: ['spend'],
  },
  {
    network: 'linkedin',
    language: 'fr',
    columns: {
      date: ['date de début (en utc)'],
      campaign_name: ['nom de la campagne'],
      campaign_id: ['id de la campagne'],
      currency: ['devise'],
      impressions: ['impressions'],
      clicks: ['clics'],
      spend: ['total dépensé'],
      conversions: ['conversions'],
      conversion_value: ['valeur totale des conversions', 'valeur des conversions'],
    },
    signature: ['spend'],
  },
];

/** A header row recognised: the export, and the column index of each field it has. */
export type TRecognised = {
  network: TAdNetwork;
  language: TReportLanguage;
  columns: Partial<Record<TReportField, number>>;
  /** The currency written in a column's name (Meta's "Amount spent (EUR)"), upper case. */
  headerCurrency: string | null;
};

export const normalizeHeader = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

function columnOf(headers: string[], names: TColumn[]): { index: number; currency: string | null } | null {
  for (const name of names) {
    for (let i = 0; i < headers.length; i++) {
      const header = headers[i]!;
      if (typeof name === 'string' ? header === name : name.test(header)) {
        const currency = typeof name === 'string' ? null : (name.exec(header)?.[1]?.toUpperCase() ?? null);
        return { index: i, currency };
      }
    }
  }
  return null;
}

/** Fields a report needs to be imported: a day, a campaign, and the three figures every report has. */
function complete(columns: TRecognised['columns']): boolean {
  const day = columns.date !== undefined || (columns.starts !== undefined && columns.ends !== undefined);
  const campaign = columns.campaign_name !== undefined || columns.campaign_id !== undefined;
  return day && campaign && columns.impressions !== undefined && columns.clicks !== undefined && columns.spend !== undefined;
}

/**
 * The export a header row belongs to, or null. Every format that finds its signature and the columns an import
 * needs is a candidate; the one that names the most columns of the row wins (a French Meta export shares
 * "Impressions" with the English one, not "Jour" nor "Clics sur un lien").
 */
export function recogniseHeader(cells: string[]): TRecognised | null {
  const headers = cells.map(normalizeHeader);
  let best: { recognised: TRecognised; score: number } | null = null;
  for (const format of FORMATS) {
    const columns: TRecognised['columns'] = {};
    let headerCurrency: string | null = null;
    for (const [field, names] of Object.entries(format.columns) as [TReportField, TColumn[]][]) {
      const found = columnOf(headers, names);
      if (!found) continue;
      columns[field] = found.index;
      headerCurrency ??= found.currency;
    }
    if (!format.signature.every((field) => columns[field] !== undefined) || !complete(columns)) continue;
    const score = Object.keys(columns).length;
    if (!best || score > best.score) best = { recognised: { network: format.network, language: format.language, columns, headerCurrency }, score };
  }
  return best?.recognised ?? null;
}

/** The columns an import needs, named in both languages, for the "not recognised" message. */
export const EXPECTED_COLUMNS =
  'a day ("Day", "Jour", "Start Date (in UTC)"...), the campaign ("Campaign name", "Campagne"...), impressions, clicks and spend ' +
  '("Amount spent (EUR)", "Cost", "Total Spent"...)';
