import { MAX_AD_AMOUNT, MAX_AD_COUNT, MAX_AD_REPORT_ROWS } from '../../../contracts/ads.js';
import { AppError } from '../../../platform/errors.js';
import { EXPECTED_COLUMNS, recogniseHeader, type TRecognised, type TReportField } from './report-formats.js';
import { HEADER_SEARCH_ROWS, emptyReport, tooManyRows, type TReportRows } from './report-read.js';
import { cellText, parseReportDate, parseReportNumber, type TCell } from './report-values.js';

// Rows of a recognised report -> one record per good data row, and a reason per bad one (the CRM import's way:
// good rows are written, bad ones are listed with their line).

/** One data row of a report, read. */
export type TReportRecord = {
  line: number;
  date: string;
  campaign_name: string | null;
  campaign_id: string | null;
  /** The row's currency (its column, or the spend column's name), null when the report does not say. */
  currency: string | null;
  impressions: number;
  clicks: number;
  spend: number;
  conversions: number;
  conversion_value: number;
};

/** Why a row is not imported: `reason` a stable code (translated by the web app), `message` English. */
export type TReportRowError = { row: number; reason: string; message: string };

export type TParsedReport = Omit<TRecognised, 'columns'> & { records: TReportRecord[]; errors: TReportRowError[]; rows: number };

const TOTAL = /^(?:sous-)?(?:total|totaux|totals?)\b/i;
const MAX_NAME = 200;
const MAX_ID = 100;

const FIGURES = [
  ['impressions', MAX_AD_COUNT, true],
  ['clicks', MAX_AD_COUNT, true],
  ['spend', MAX_AD_AMOUNT, false],
  ['conversions', MAX_AD_COUNT, false],
  ['conversion_value', MAX_AD_AMOUNT, false],
] as const;

/** Finds the header row, then reads every data row after it; throws when no header row is recognised. */
export function parseReport(file: TReportRows): TParsedReport {
  const { rows, lines } = file;
  if (rows.every((row) => row.every((cell) => cellText(cell) === ''))) throw emptyReport();
  let headerIndex = -1;
  let recognised: TRecognised | null = null;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    recognised = recogniseHeader(rows[i]!.map((cell) => cellText(cell)));
    if (recognised) {
      headerIndex = i;
      break;
    }
  }
  if (!recognised) {
    const message = `This file is not a Meta Ads Manager, Google Ads or LinkedIn Campaign Manager report: it needs ${EXPECTED_COLUMNS}`;
    throw new AppError('bad_request', message, { reason: 'ad_report_unrecognised', errors: [{ path: 'file', message }] });
  }
  const { columns } = recognised;
  const daily = columns.date !== undefined;
  const records: TReportRecord[] = [];
  const errors: TReportRowError[] = [];
  let dataRows = 0;
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i]!;
    const line = lines[i]!;
    const text = (field: TReportField) => (columns[field] === undefined ? '' : cellText(row[columns[field]]));
    if (row.every((cell) => cellText(cell) === '')) continue;
    if ([cellText(row[0]), text('campaign_name'), text('date'), text('starts')].some((value) => TOTAL.test(value))) continue;
    // Meta's optional summary row: the first one, with figures but no campaign.
    if (recognised.network === 'meta' && dataRows === 0 && records.length === 0 && errors.length === 0 && !text('campaign_name') && !text('campaign_id'))
      continue;
    dataRows += 1;
    if (dataRows > MAX_AD_REPORT_ROWS) throw tooManyRows();
    const result = readRow(row, line, recognised, daily);
    if ('reason' in result) errors.push(result);
    else records.push(result);
  }
  if (dataRows === 0) throw emptyReport();
  return { network: recognised.network, language: recognised.language, headerCurrency: recognised.headerCurrency, records, errors, rows: dataRows };
}

function readRow(row: TCell[], line: number, recognised: TRecognised, daily: boolean): TReportRecord | TReportRowError {
  const { columns, language } = recognised;
  const cell = (field: TReportField) => (columns[field] === undefined ? undefined : row[columns[field]]);
  const fail = (reason: string, message: string): TReportRowError => ({ row: line, reason, message });

  const campaign_name = cellText(cell('campaign_name')).slice(0, MAX_NAME) || null;
  const campaign_id = cellText(cell('campaign_id')) || null;
  if (!campaign_name && !campaign_id) return fail('ad_row_no_campaign', 'The row names no campaign (name or id)');
  if (campaign_id && campaign_id.length > MAX_ID) return fail('ad_row_bad_campaign_id', `The campaign id is longer than ${MAX_ID} characters`);

  let date: string | null;
  if (daily) {
    date = parseReportDate(cell('date'), language);
  } else {
    date = parseReportDate(cell('starts'), language);
    const ends = parseReportDate(cell('ends'), language);
    if (date && ends && ends !== date) {
      // A whole period in one row cannot be spread over days: the user must export the daily breakdown.
      throw new AppError(
        'bad_request',
        'This report sums a period in one row per campaign: export it again broken down by day (Breakdown: Time > Day / Répartition : Temps > Jour)',
        { reason: 'ad_report_not_daily', errors: [{ path: 'file', message: 'not broken down by day' }] },
      );
    }
    date = ends ? date : null;
  }
  if (!date) return fail('ad_row_bad_date', `"${cellText(cell(daily ? 'date' : 'starts'))}" is not a date (2026-11-03 or 03/11/2026)`);

  const figures = {} as Record<(typeof FIGURES)[number][0], number>;
  for (const [field, max, integer] of FIGURES) {
    const value = parseReportNumber(cell(field), language);
    const raw = cellText(cell(field));
    if (value === null || (integer && !Number.isInteger(value)))
      return fail('ad_row_bad_number', `${field}: "${raw}" is not a ${integer ? 'whole ' : ''}number`);
    if (value < 0) return fail('ad_row_negative', `${field}: "${raw}" is negative`);
    if (value > max) return fail('ad_row_too_large', `${field}: "${raw}" is larger than ${max}`);
    figures[field] = integer ? value : Math.round(value * 100) / 100;
  }

  const currencyText = cellText(cell('currency')).toUpperCase();
  if (currencyText && !/^[A-Z]{3}$/.test(currencyText)) return fail('ad_row_bad_currency', `"${currencyText}" is not a currency code (EUR, USD...)`);
  return { line, date, campaign_name, campaign_id, currency: currencyText || recognised.headerCurrency, ...figures };
}
