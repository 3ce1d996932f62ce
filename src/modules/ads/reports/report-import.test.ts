import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { multipartBody } from '../../../../test/multipart.js';
import { EMPTY_AUDIENCE, MAX_AD_REPORT_BYTES, MAX_AD_REPORT_ROWS, type TAdReportImport } from '../../../contracts/ads.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { adCampaigns } from '../ads.tables.js';

// Fixture files shaped like the real exports: Meta's quoted CSV with a BOM, Google's UTF-16 tab-separated "CSV"
// with its title and date-range lines and its "Total:" lines, LinkedIn's report preamble, an XLSX workbook.

const URL = '/api/marketing/ad-campaigns/imports';
let t: TestContext;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const query = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await t.runtime.database.raw.query(text, params)).rows as T[];

const csv = (rows: (string | number)[][], delimiter = ',') =>
  rows.map((row) => row.map((cell) => (typeof cell === 'number' ? String(cell) : `"${cell.replaceAll('"', '""')}"`)).join(delimiter)).join('\r\n') + '\r\n';
const bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);

function upload(client: Client, fileName: string, content: Buffer | string) {
  const { payload, headers } = multipartBody({}, { fileName, content, contentType: 'text/csv' });
  return client.request({ method: 'POST', url: URL, payload, headers });
}

async function imported(client: Client, fileName: string, content: Buffer | string): Promise<TAdReportImport> {
  const res = await upload(client, fileName, content);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

type TDayRow = {
  name: string;
  platform: string;
  platform_campaign_id: string | null;
  currency: string;
  date: string;
  impressions: number;
  clicks: number;
  spend: number;
  conversions: number;
  conversion_value: number;
};

async function daysOf(workspaceId: string): Promise<TDayRow[]> {
  return query<TDayRow>(
    `SELECT c.name, c.platform, c.platform_campaign_id, c.currency, d.date::text AS date, d.impressions::int AS impressions, d.clicks::int AS clicks,
            d.spend::float AS spend, d.conversions::float AS conversions, d.conversion_value::float AS conversion_value
       FROM ad_campaign_days d JOIN ad_campaigns c ON c.id = d.campaign_id
      WHERE d.workspace_id = $1 AND d.source = 'import' ORDER BY c.name, d.date`,
    [workspaceId],
  );
}

// ---- The exports ----

const META_FR = bom(
  csv([
    [
      'Nom de la campagne',
      'Identifiant de la campagne',
      'Jour',
      'Nom de l’ensemble de publicités',
      'Impressions',
      'Clics sur un lien',
      'Montant dépensé (EUR)',
      'Résultats',
      'Valeur de conversion des achats',
      'Début des rapports',
      'Fin des rapports',
    ],
    ['Soldes d’hiver', '120210000000000001', '2026-11-01', 'Ensemble A', '1 200', '30', '45,50', '2', '120,00', '2026-11-01', '2026-11-03'],
    // Two ad sets of the same campaign and day: summed.
    ['Soldes d’hiver', '120210000000000001', '2026-11-02', 'Ensemble A', '1 000', '20', '30,25', '1', '60', '2026-11-01', '2026-11-03'],
    ['Soldes d’hiver', '120210000000000001', '2026-11-02', 'Ensemble B', '500', '5', '10,10', '', '', '2026-11-01', '2026-11-03'],
    ['Retargeting', '120210000000000002', '2026-11-01', 'Ensemble C', '800', '16', '20', '1', '49,90', '2026-11-01', '2026-11-03'],
  ]),
);

const META_EN = bom(
  csv([
    [
      'Reporting starts',
      'Reporting ends',
      'Campaign name',
      'Campaign ID',
      'Day',
      'Impressions',
      'Link clicks',
      'Amount spent (USD)',
      'Results',
      'Purchases conversion value',
    ],
    ['2026-11-01', '2026-11-02', 'Winter sale', '120210000000000011', '2026-11-01', '1,200', '30', '45.50', '2', '120.00'],
    ['2026-11-01', '2026-11-02', 'Winter sale', '120210000000000011', '2026-11-02', '900', '12', '20.00', '', ''],
  ]),
);

const googleEnText =
  'Campaign performance report\r\n' +
  'November 1, 2026 - November 2, 2026\r\n' +
  ['Day', 'Campaign', 'Campaign ID', 'Currency code', 'Impr.', 'Clicks', 'Cost', 'Conversions', 'Conv. value'].join('\t') +
  '\r\n' +
  ['Nov 1, 2026', 'Search - Brand', '987654321', 'EUR', '1,234', '56', '78.90', '3.00', '450.00'].join('\t') +
  '\r\n' +
  ['Nov 2, 2026', 'Search - Brand', '987654321', 'EUR', '1,100', '40', '61.20', '0.00', ' --'].join('\t') +
  '\r\n' +
  ['Total: Account', '--', '--', 'EUR', '2,334', '96', '140.10', '3.00', '450.00'].join('\t') +
  '\r\n' +
  ['Total: Search', '--', '--', 'EUR', '2,334', '96', '140.10', '3.00', '450.00'].join('\t') +
  '\r\n';
// Google Ads' "CSV" download: UTF-16 LE with its byte-order mark, tab-separated.
const GOOGLE_EN = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(googleEnText, 'utf16le')]);

const GOOGLE_FR = Buffer.from(
  'Rapport sur les campagnes\r\n' +
    '1 novembre 2026 - 2 novembre 2026\r\n' +
    csv([
      ['Jour', 'Campagne', 'ID de la campagne', 'Code de la devise', 'Impr.', 'Clics', 'Coût', 'Conversions', 'Valeur de conv.'],
      ['1 nov. 2026', 'Recherche - Marque', '555000111', 'EUR', '1\u202f234', '56', '78,90', '3,00', '450,00'],
      ['2 nov. 2026', 'Recherche - Marque', '555000111', 'EUR', '1\u202f100', '40', '61,20', '0,00', '--'],
      ['Total : compte', '--', '--', 'EUR', '2\u202f334', '96', '140,10', '3,00', '450,00'],
    ]),
);

const linkedInPreamble = (title: string) =>
  csv([
    [title],
    ['Report Start: 11/1/2026, 12:00 AM'],
    ['Report End: 11/2/2026, 11:59 PM'],
    ['Date Generated: 11/3/2026, 9:12 AM'],
    ['Account Name: Atelier'],
    ['Account ID: 5123456'],
  ]);

const LINKEDIN_EN = Buffer.from(
  linkedInPreamble('Campaign Performance Report (in UTC)') +
    csv([
      [
        'Start Date (in UTC)',
        'Account Name',
        'Campaign Name',
        'Campaign ID',
        'Campaign Group Name',
        'Currency',
        'Total Spent',
        'Impressions',
        'Clicks',
        'Conversions',
        'Total Conversion Value',
      ],
      ['11/1/2026', 'Atelier', 'Decision makers', '700111', 'Group', 'EUR', '150.00', '4,000', '25', '2', '900.00'],
      ['11/2/2026', 'Atelier', 'Decision makers', '700111', 'Group', 'EUR', '130.40', '3,500', '20', '1', '450.00'],
    ]),
);

const LINKEDIN_FR = Buffer.from(
  linkedInPreamble('Rapport sur les performances des campagnes (en UTC)') +
    csv(
      [
        [
          'Date de début (en UTC)',
          'Nom du compte',
          'Nom de la campagne',
          'ID de la campagne',
          'Devise',
          'Total dépensé',
          'Impressions',
          'Clics',
          'Conversions',
          'Valeur totale des conversions',
        ],
        ['01/11/2026', 'Atelier', 'Décideurs', '700222', 'EUR', '150,00', '4 000', '25', '2', '900,00'],
        ['02/11/2026', 'Atelier', 'Décideurs', '700222', 'EUR', '130,40', '3 500', '20', '1', '450,00'],
      ],
      ';',
    ),
);

async function linkedInXlsx(): Promise<Buffer> {
  const day = (d: number) => ({ value: new Date(Date.UTC(2026, 10, d)), format: 'mm/dd/yyyy' });
  const rows = [
    ['Campaign Performance Report (in UTC)'],
    ['Report Start: 11/1/2026, 12:00 AM'],
    [null],
    ['Start Date (in UTC)', 'Campaign Name', 'Campaign ID', 'Currency', 'Total Spent', 'Impressions', 'Clicks', 'Conversions', 'Total Conversion Value'],
    [day(1), 'Décideurs XLSX', '120210000000000099', 'EUR', 150, 4000, 25, 2, 900],
    [day(2), 'Décideurs XLSX', '120210000000000099', 'EUR', 130.4, 3500, 20, 1, 450],
  ];
  return (await writeXlsxFile(rows as never).toBuffer()) as Buffer;
}

describe('ad report imports', () => {
  it('recognises the Meta, Google Ads and LinkedIn exports in French and English, CSV and XLSX, and writes their days', async () => {
    const cases: [string, Buffer, string, string, number, Partial<TDayRow>[]][] = [
      [
        'meta-fr.csv',
        META_FR,
        'meta',
        'fr',
        4,
        [
          { name: 'Retargeting', platform: 'facebook', date: '2026-11-01', impressions: 800, clicks: 16, spend: 20, conversions: 1, conversion_value: 49.9 },
          {
            name: 'Soldes d’hiver',
            platform_campaign_id: '120210000000000001',
            currency: 'EUR',
            date: '2026-11-01',
            impressions: 1200,
            clicks: 30,
            spend: 45.5,
            conversions: 2,
            conversion_value: 120,
          },
          { name: 'Soldes d’hiver', date: '2026-11-02', impressions: 1500, clicks: 25, spend: 40.35, conversions: 1, conversion_value: 60 },
        ],
      ],
      [
        'meta-en.csv',
        META_EN,
        'meta',
        'en',
        2,
        [
          { name: 'Winter sale', currency: 'USD', date: '2026-11-01', impressions: 1200, clicks: 30, spend: 45.5, conversions: 2, conversion_value: 120 },
          { name: 'Winter sale', date: '2026-11-02', impressions: 900, clicks: 12, spend: 20, conversions: 0, conversion_value: 0 },
        ],
      ],
      [
        'google-en.csv',
        GOOGLE_EN,
        'google',
        'en',
        2,
        [
          {
            name: 'Search - Brand',
            platform: 'google',
            platform_campaign_id: '987654321',
            date: '2026-11-01',
            impressions: 1234,
            clicks: 56,
            spend: 78.9,
            conversions: 3,
            conversion_value: 450,
          },
          { name: 'Search - Brand', date: '2026-11-02', impressions: 1100, clicks: 40, spend: 61.2, conversions: 0, conversion_value: 0 },
        ],
      ],
      [
        'google-fr.csv',
        GOOGLE_FR,
        'google',
        'fr',
        2,
        [
          { name: 'Recherche - Marque', date: '2026-11-01', impressions: 1234, clicks: 56, spend: 78.9, conversions: 3, conversion_value: 450 },
          { name: 'Recherche - Marque', date: '2026-11-02', impressions: 1100, clicks: 40, spend: 61.2, conversions: 0, conversion_value: 0 },
        ],
      ],
      [
        'linkedin-en.csv',
        LINKEDIN_EN,
        'linkedin',
        'en',
        2,
        [
          {
            name: 'Decision makers',
            platform: 'linkedin',
            date: '2026-11-01',
            impressions: 4000,
            clicks: 25,
            spend: 150,
            conversions: 2,
            conversion_value: 900,
          },
          { name: 'Decision makers', date: '2026-11-02', impressions: 3500, clicks: 20, spend: 130.4, conversions: 1, conversion_value: 450 },
        ],
      ],
      [
        'linkedin-fr.csv',
        LINKEDIN_FR,
        'linkedin',
        'fr',
        2,
        [
          { name: 'Décideurs', date: '2026-11-01', impressions: 4000, clicks: 25, spend: 150, conversions: 2, conversion_value: 900 },
          { name: 'Décideurs', date: '2026-11-02', impressions: 3500, clicks: 20, spend: 130.4, conversions: 1, conversion_value: 450 },
        ],
      ],
      [
        'linkedin.xlsx',
        await linkedInXlsx(),
        'linkedin',
        'en',
        2,
        [
          {
            name: 'Décideurs XLSX',
            platform_campaign_id: '120210000000000099',
            date: '2026-11-01',
            impressions: 4000,
            clicks: 25,
            spend: 150,
            conversions: 2,
            conversion_value: 900,
          },
          { name: 'Décideurs XLSX', date: '2026-11-02', impressions: 3500, clicks: 20, spend: 130.4, conversions: 1, conversion_value: 450 },
        ],
      ],
    ];
    for (const [fileName, content, network, language, rows, expected] of cases) {
      const owner = await signUp(t.app);
      const result = await imported(owner.client, fileName, content);
      expect(result, fileName).toMatchObject({ file_name: fileName, network, language, rows, days_written: expected.length, campaigns_matched: 0, errors: [] });
      expect(result.campaigns_created, fileName).toBe(new Set(expected.map((d) => d.name)).size);
      const days = await daysOf(owner.workspaceId);
      expect(days, fileName).toHaveLength(expected.length);
      expected.forEach((day, i) => expect(days[i], `${fileName} ${i}`).toMatchObject(day));
      const campaigns = await query('SELECT status FROM ad_campaigns WHERE workspace_id = $1', [owner.workspaceId]);
      expect(campaigns.every((c) => c.status === 'active')).toBe(true);
    }
  });

  it('replaces the same days on a re-import (idempotent), and takes restated figures', async () => {
    const owner = await signUp(t.app);
    await imported(owner.client, 'meta-fr.csv', META_FR);
    const first = await daysOf(owner.workspaceId);
    const again = await imported(owner.client, 'meta-fr.csv', META_FR);
    expect(again).toMatchObject({ campaigns_matched: 2, campaigns_created: 0, days_written: 3 });
    expect(await daysOf(owner.workspaceId)).toEqual(first);
    const restated = Buffer.from(META_FR.toString().replace('45,50', '99,99'));
    await imported(owner.client, 'meta-fr.csv', restated);
    const days = await daysOf(owner.workspaceId);
    expect(days).toHaveLength(3);
    expect(days.find((d) => d.name === 'Soldes d’hiver' && d.date === '2026-11-01')?.spend).toBe(99.99);
    expect((await query('SELECT count(*)::int AS n FROM ad_campaigns WHERE workspace_id = $1', [owner.workspaceId]))[0]!.n).toBe(2);
    const list = (await owner.client.get(URL)).json() as { items: TAdReportImport[] };
    expect(list.items).toHaveLength(3);
    expect(list.items[0]!.campaigns_matched).toBe(2);
  });

  it('lists bad rows with their line and reason, and writes the good ones', async () => {
    const owner = await signUp(t.app);
    const header = ['Campaign name', 'Campaign ID', 'Day', 'Currency', 'Impressions', 'Link clicks', 'Amount spent (EUR)', 'Results'];
    const file = bom(
      csv([
        header, // line 1
        ['Good', '1', '2026-11-01', 'EUR', '100', '5', '10.00', '1'], // 2
        ['Bad date', '2', '2026-02-30', 'EUR', '100', '5', '10.00', '1'], // 3
        ['Bad number', '3', '2026-11-01', 'EUR', 'many', '5', '10.00', '1'], // 4
        ['Negative', '4', '2026-11-01', 'EUR', '100', '5', '-10.00', '1'], // 5
        ['', '', '2026-11-01', 'EUR', '100', '5', '10.00', '1'], // 6
        ['Half click', '6', '2026-11-01', 'EUR', '100', '2.5', '10.00', '1'], // 7
        ['Good', '1', '2026-11-02', 'USD', '100', '5', '10.00', '1'], // 8: the campaign is in EUR
        ['Too much', '7', '2026-11-01', 'EUR', '100', '5', '2000000000', '1'], // 9
        ['Pesos', '8', '2026-11-01', 'EURO', '100', '5', '10', '1'], // 10
        ['Good', '1', '2026-11-03', 'EUR', '200', '10', '20.00', '2'], // 11
      ]),
    );
    const result = await imported(owner.client, 'errors.csv', file);
    expect(result.errors.map((e) => [e.row, e.reason])).toEqual([
      [3, 'ad_row_bad_date'],
      [4, 'ad_row_bad_number'],
      [5, 'ad_row_negative'],
      [6, 'ad_row_no_campaign'],
      [7, 'ad_row_bad_number'],
      [8, 'ad_row_currency_mismatch'],
      [9, 'ad_row_too_large'],
      [10, 'ad_row_bad_currency'],
    ]);
    expect(result.errors[1]!.message).toContain('impressions');
    expect(result).toMatchObject({ rows: 10, days_written: 2, campaigns_created: 1 });
    expect((await daysOf(owner.workspaceId)).map((d) => [d.name, d.date, d.impressions])).toEqual([
      ['Good', '2026-11-01', 100],
      ['Good', '2026-11-03', 200],
    ]);
  });

  it('matches campaigns by the platform id, else by name in the same network, and records the id then', async () => {
    const owner = await signUp(t.app);
    const tenant = new Tenant(t.runtime.db, owner.workspaceId);
    const base = { status: 'paused' as const, target_audience: EMPTY_AUDIENCE, currency: 'EUR' };
    const byId = await tenant.insert(adCampaigns, { ...base, name: 'Ancien nom', platform: 'instagram', platform_campaign_id: '120210000000000002' });
    const byName = await tenant.insert(adCampaigns, { ...base, name: 'SOLDES D’HIVER', platform: 'facebook' });
    // Same name, other network: never matched by a Meta report.
    const google = await tenant.insert(adCampaigns, { ...base, name: 'Soldes d’hiver', platform: 'google' });
    const result = await imported(owner.client, 'meta-fr.csv', META_FR);
    expect(result).toMatchObject({ campaigns_matched: 2, campaigns_created: 0, days_written: 3 });
    const rows = await query<{ id: string; platform_campaign_id: string | null; days: number; status: string }>(
      `SELECT c.id, c.platform_campaign_id, c.status, (SELECT count(*)::int FROM ad_campaign_days d WHERE d.campaign_id = c.id) AS days
         FROM ad_campaigns c WHERE c.workspace_id = $1`,
      [owner.workspaceId],
    );
    const of = (id: string) => rows.find((r) => r.id === id)!;
    expect(of(byId.id)).toMatchObject({ days: 1, status: 'paused' });
    expect(of(byName.id)).toMatchObject({ days: 2, platform_campaign_id: '120210000000000001' });
    expect(of(google.id)).toMatchObject({ days: 0, platform_campaign_id: null });
    // A campaign holding another id is a different campaign, even with the same name.
    const other = bom(
      csv([
        ['Campaign name', 'Campaign ID', 'Day', 'Impressions', 'Link clicks', 'Amount spent (EUR)'],
        ['Soldes d’hiver', '999', '2026-11-05', '10', '1', '1'],
      ]),
    );
    expect(await imported(owner.client, 'other.csv', other)).toMatchObject({ campaigns_matched: 0, campaigns_created: 1 });
  });

  it('refuses a file that is not a report, empty, binary, not daily or too big, and writes nothing', async () => {
    const owner = await signUp(t.app);
    const refused = async (fileName: string, content: Buffer | string, status: number, reason: string) => {
      const res = await upload(owner.client, fileName, content);
      expect(res.statusCode, `${fileName}: ${res.body}`).toBe(status);
      expect(res.json().reason, fileName).toBe(reason);
    };
    await refused('leads.csv', 'Email,First name\nann@example.com,Ann\n', 400, 'ad_report_unrecognised');
    await refused('empty.csv', '', 400, 'ad_report_empty');
    await refused('blank.csv', '\r\n\r\n', 400, 'ad_report_empty');
    await refused('header.csv', 'Day,Campaign,Impr.,Clicks,Cost\r\nTotal: Account,--,10,1,1\r\n', 400, 'ad_report_empty');
    await refused('doc.pdf', Buffer.from('%PDF-1.7\n...'), 415, 'ad_report_unreadable');
    await refused('zip.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 415, 'ad_report_unreadable');
    await refused(
      'period.csv',
      csv([
        ['Reporting starts', 'Reporting ends', 'Campaign name', 'Impressions', 'Link clicks', 'Amount spent (EUR)'],
        ['2026-11-01', '2026-11-30', 'Winter', '1000', '10', '20'],
      ]),
      400,
      'ad_report_not_daily',
    );
    const rows = Array.from({ length: MAX_AD_REPORT_ROWS + 1 }, (_, i) => `2026-11-01,C${i},1,1,1`).join('\n');
    await refused('long.csv', `Day,Campaign,Impr.,Clicks,Cost\n${rows}\n`, 413, 'ad_report_too_many_rows');
    await refused('big.csv', Buffer.alloc(MAX_AD_REPORT_BYTES + 10, 'a'), 413, 'file_too_large');
    // A workbook whose directory announces more than a report can hold is not inflated.
    const bomb = await linkedInXlsx();
    const directory = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(0x7fffffff, directory + 24);
    await refused('bomb.xlsx', bomb, 415, 'ad_report_unreadable');
    const res = await owner.client.request({ method: 'POST', url: URL, payload: { file: 'x' } });
    expect(res.json().reason).toBe('multipart_required');
    expect(await query('SELECT 1 FROM ad_campaigns WHERE workspace_id = $1', [owner.workspaceId])).toHaveLength(0);
    expect(await query('SELECT 1 FROM ad_report_imports WHERE workspace_id = $1', [owner.workspaceId])).toHaveLength(0);
  });

  it('accepts a one-day report without a day column (reporting starts = ends)', async () => {
    const owner = await signUp(t.app);
    const file = csv([
      ['Reporting starts', 'Reporting ends', 'Campaign name', 'Impressions', 'Link clicks', 'Amount spent (EUR)'],
      ['2026-11-04', '2026-11-04', 'Winter', '1000', '10', '20'],
    ]);
    expect(await imported(owner.client, 'day.csv', file)).toMatchObject({ days_written: 1, campaigns_created: 1 });
    expect((await daysOf(owner.workspaceId))[0]).toMatchObject({ date: '2026-11-04', impressions: 1000 });
  });

  it("keeps each workspace's campaigns and imports to itself, and lets viewers read only", async () => {
    const a = await signUp(t.app);
    const b: SignedUp = await signUp(t.app);
    await imported(a.client, 'google-en.csv', GOOGLE_EN);
    // B's import of the same export (same platform ids) creates B's own campaign, never touches A's.
    expect(await imported(b.client, 'google-en.csv', GOOGLE_EN)).toMatchObject({ campaigns_matched: 0, campaigns_created: 1 });
    expect(await daysOf(a.workspaceId)).toHaveLength(2);
    expect(await daysOf(b.workspaceId)).toHaveLength(2);
    const ids = await query<{ workspace_id: string }>(
      `SELECT DISTINCT d.workspace_id FROM ad_campaign_days d JOIN ad_campaigns c ON c.id = d.campaign_id WHERE c.workspace_id = $1`,
      [a.workspaceId],
    );
    expect(ids).toEqual([{ workspace_id: a.workspaceId }]);
    expect(((await b.client.get(URL)).json() as { items: unknown[] }).items).toHaveLength(1);

    const viewer = new Client(t.app, { bearer: (await a.client.post('/api/workspace/api-keys', { name: 'v', role: 'viewer' })).json().key });
    const member = new Client(t.app, { bearer: (await a.client.post('/api/workspace/api-keys', { name: 'm', role: 'member' })).json().key });
    expect((await viewer.get(URL)).statusCode).toBe(200);
    expect((await upload(viewer, 'g.csv', GOOGLE_EN)).statusCode).toBe(403);
    expect((await upload(member, 'g.csv', GOOGLE_EN)).statusCode).toBe(201);
    expect((await new Client(t.app).get(URL)).statusCode).toBe(401);
  });
});
