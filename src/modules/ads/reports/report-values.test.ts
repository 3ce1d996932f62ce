import { describe, expect, it } from 'vitest';
import { recogniseHeader } from './report-formats.js';
import { parseReportDate, parseReportNumber } from './report-values.js';

describe('report numbers', () => {
  it('reads French and English forms, currency signs, and "--" as 0', () => {
    const cases: [string | number, 'fr' | 'en', number | null][] = [
      ['1 234,56', 'fr', 1234.56],
      ['1\u202f234,56 €', 'fr', 1234.56],
      ['1\u00a0234', 'fr', 1234],
      ['12,5', 'fr', 12.5],
      ['1,234', 'fr', 1.234],
      ['1,234', 'en', 1234],
      ['1,234.56', 'en', 1234.56],
      ['1,234,567', 'en', 1234567],
      ['1.234.567', 'fr', 1234567],
      ['1.234,5', 'fr', 1234.5],
      ['12.5', 'fr', 12.5],
      ['EUR 12.50', 'en', 12.5],
      ['$12.50', 'en', 12.5],
      ['--', 'en', 0],
      [' --', 'fr', 0],
      ['', 'fr', 0],
      ['-3,5', 'fr', -3.5],
      ['(3.50)', 'en', -3.5],
      ['1.5E-3', 'en', 0.0015],
      [42, 'fr', 42],
      ['douze', 'fr', null],
      ['12 abc', 'en', null],
      ['1,2,3,4', 'fr', null],
    ];
    for (const [input, language, expected] of cases) expect(parseReportNumber(input, language), `${input} (${language})`).toBe(expected);
  });
});

describe('report dates', () => {
  it('reads the forms each export writes, and refuses what is not a real day', () => {
    const cases: [string | number | Date, 'fr' | 'en', string | null][] = [
      ['2026-11-03', 'en', '2026-11-03'],
      ['2026-11-03 00:00:00', 'fr', '2026-11-03'],
      ['03/11/2026', 'fr', '2026-11-03'],
      ['11/3/2026', 'en', '2026-11-03'],
      ['25/11/2026', 'en', '2026-11-25'],
      ['11/25/2026', 'fr', '2026-11-25'],
      ['Nov 3, 2026', 'en', '2026-11-03'],
      ['Tue, Nov 3, 2026', 'en', '2026-11-03'],
      ['November 3, 2026', 'en', '2026-11-03'],
      ['3 nov. 2026', 'fr', '2026-11-03'],
      ['mar. 3 nov. 2026', 'fr', '2026-11-03'],
      ['1 févr. 2026', 'fr', '2026-02-01'],
      ['3 décembre 2026', 'fr', '2026-12-03'],
      [new Date(Date.UTC(2026, 10, 3)), 'fr', '2026-11-03'],
      [46329, 'en', '2026-11-03'],
      ['31/02/2026', 'fr', null],
      ['2026-13-01', 'en', null],
      ['demain', 'fr', null],
      ['', 'fr', null],
      ['3 foo 2026', 'en', null],
      ['1899-12-31', 'en', null],
    ];
    for (const [input, language, expected] of cases) expect(parseReportDate(input, language), `${String(input)} (${language})`).toBe(expected);
  });
});

describe('report headers', () => {
  it('recognises each export in each language, and nothing else', () => {
    const cases: [string[], string | null][] = [
      [['Campaign name', 'Campaign ID', 'Day', 'Impressions', 'Link clicks', 'Amount spent (USD)', 'Results', 'Purchases conversion value'], 'meta/en'],
      [['Reporting starts', 'Reporting ends', 'Campaign name', 'Impressions', 'Clicks (all)', 'Amount spent (EUR)'], 'meta/en'],
      [['Nom de la campagne', 'Identifiant de la campagne', 'Jour', 'Impressions', 'Clics sur un lien', 'Montant dépensé (EUR)', 'Résultats'], 'meta/fr'],
      [['Day', 'Campaign', 'Campaign ID', 'Currency code', 'Impr.', 'Clicks', 'Cost', 'Conversions', 'Conv. value'], 'google/en'],
      [['Jour', 'Campagne', 'ID de la campagne', 'Code de la devise', 'Impr.', 'Clics', 'Coût', 'Conversions', 'Valeur de conv.'], 'google/fr'],
      [['Start Date (in UTC)', 'Campaign Name', 'Campaign ID', 'Currency', 'Total Spent', 'Impressions', 'Clicks', 'Conversions'], 'linkedin/en'],
      [['Date de début (en UTC)', 'Nom de la campagne', 'ID de la campagne', 'Devise', 'Total dépensé', 'Impressions', 'Clics'], 'linkedin/fr'],
      [['  \uFEFFDAY ', 'CAMPAIGN', 'IMPR.', 'CLICKS', 'COST'], 'google/en'],
      [['Email', 'First name', 'Last name'], null],
      // A report without clicks or without a day cannot be imported.
      [['Day', 'Campaign', 'Impr.', 'Cost'], null],
      [['Campaign', 'Impr.', 'Clicks', 'Cost'], null],
      [['Campaign Performance Report (in UTC)'], null],
    ];
    for (const [headers, expected] of cases) {
      const found = recogniseHeader(headers);
      expect(found ? `${found.network}/${found.language}` : null, headers.join(',')).toBe(expected);
    }
    expect(recogniseHeader(cases[0]![0])?.headerCurrency).toBe('USD');
    expect(recogniseHeader(cases[0]![0])?.columns).toMatchObject({ campaign_name: 0, campaign_id: 1, date: 2, clicks: 4, spend: 5, conversions: 6 });
  });
});
