import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { multipartBody } from '../../../../test/multipart.js';

// CSV files are opened in spreadsheets: no cell the product writes may run as a formula, and what
// it reads back is what it wrote. A damaged row fails alone.

let t: TestContext;
let ws: SignedUp;
beforeAll(async () => {
  t = await startTestApp();
  ws = await signUp(t.app);
  expect((await ws.client.post('/api/marketing/custom-fields', { key: 'solde', label: 'Solde', field_type: 'number' })).statusCode).toBe(201);
});
afterAll(() => t.close());

async function importCsv(csv: string, mapping: Record<string, string>, onDuplicate = 'skip') {
  const body = multipartBody({ mapping: JSON.stringify(mapping), on_duplicate: onDuplicate }, { fileName: 'leads.csv', content: csv });
  const res = await ws.client.request({ method: 'POST', url: '/api/marketing/leads/import', payload: body.payload, headers: body.headers });
  expect(res.statusCode, res.body).toBe(202);
  await t.drain();
  return (await ws.client.get(`/api/marketing/imports/${res.json().id}`)).json();
}

describe('CSV formula injection', () => {
  it('neutralizes formula cells in the export, keeps negative numbers, and re-imports unchanged', async () => {
    const names = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1)', '-2+3+cmd|x'];
    for (const [i, first_name] of names.entries()) {
      const res = await ws.client.post('/api/marketing/leads', { first_name, email: `f${i}@example.com`, custom_fields: { solde: -5 - i } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const exported = await ws.client.get('/api/marketing/leads/export.csv');
    const rows = parse(exported.body, { bom: true, columns: true }) as Record<string, string>[];
    for (const name of names) expect(rows.map((r) => r.first_name)).toContain(`'${name}`);
    expect(rows.map((r) => r['custom.solde']).sort()).toEqual(['-5', '-6', '-7', '-8']);

    const before = (await ws.client.get('/api/marketing/leads?limit=200')).json().items;
    const headers = Object.keys(rows[0]!);
    const result = await importCsv(exported.body, Object.fromEntries(headers.map((h) => [h, h])), 'update');
    expect(result.status).toBe('completed');
    const after = (await ws.client.get('/api/marketing/leads?limit=200')).json().items;
    const shape = (l: Record<string, unknown>) => [l.email, l.first_name, JSON.stringify(l.custom_fields)];
    expect(after.map(shape).sort()).toEqual(before.map(shape).sort());
  });

  it('neutralizes the raw cells repeated by the import report', async () => {
    const result = await importCsv('first_name,email\n=cmd|x,not-an-email\n', { first_name: 'first_name', email: 'email' });
    const report = await ws.client.get(`/api/marketing/imports/${result.id}/report.csv`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain("'=cmd|x");
    expect(report.body).not.toMatch(/(^|,)=cmd/m);
  });
});

describe('damaged rows', () => {
  it('a NUL byte after the first 8 KB fails that row alone, with a reason', async () => {
    const lines = ['first_name,email'];
    for (let i = 0; i < 3000; i++) lines.push(`Nul ${i},nul${i}@example.com`);
    lines[2500] = 'Nul\u0000 2499,nul2499@example.com';
    const result = await importCsv(`${lines.join('\n')}\n`, { first_name: 'first_name', email: 'email' });
    expect(result.status).toBe('completed');
    expect(result.created_count).toBe(2999);
    expect(result.failed_count).toBe(1);
    const problems = (await ws.client.get(`/api/marketing/imports/${result.id}/problems`)).json();
    expect(JSON.stringify(problems)).toMatch(/NUL/);
  });
});
