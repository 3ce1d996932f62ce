import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { multipartBody } from '../../../../test/multipart.js';
import { FRENCH_HEADERS, IMPORT_LEAD_FIELDS } from '../../../contracts/crm-imports.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const CUSTOM_FIELDS = [
  { key: 'budget', label: 'Budget', field_type: 'number' },
  { key: 'rdv', label: 'Rendez-vous', field_type: 'date' },
  { key: 'client', label: 'Client', field_type: 'boolean' },
  { key: 'taille', label: 'Taille', field_type: 'select', options: ['TPE', 'PME'] },
  { key: 'remarque', label: 'Remarque', field_type: 'text' },
];

async function withCustomFields(): Promise<SignedUp> {
  const ws = await signUp(t.app);
  for (const field of CUSTOM_FIELDS) expect((await ws.client.post('/api/marketing/custom-fields', field)).statusCode).toBe(201);
  return ws;
}

async function exportCsv(ws: SignedUp, query = ''): Promise<{ body: string; rows: Record<string, string>[] }> {
  const res = await ws.client.get(`/api/marketing/leads/export.csv${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  const excel = query.includes('format=excel_fr');
  expect(res.headers['content-disposition']).toMatch(
    excel ? /^attachment; filename="leads-\d{4}-\d{2}-\d{2}-excel\.csv"$/ : /^attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"$/,
  );
  return { body: res.body, rows: parse(res.body, { bom: true, columns: true, delimiter: excel ? ';' : ',' }) as Record<string, string>[] };
}

async function importFile(ws: SignedUp, csv: string, mapping: Record<string, string>, onDuplicate: string) {
  const body = multipartBody({ mapping: JSON.stringify(mapping), on_duplicate: onDuplicate }, { fileName: 'export.csv', content: csv });
  const res = await ws.client.request({ method: 'POST', url: '/api/marketing/leads/import', payload: body.payload, headers: body.headers });
  expect(res.statusCode, res.body).toBe(202);
  await t.drain();
  return (await ws.client.get(`/api/marketing/imports/${res.json().id}`)).json();
}

type TLeadWire = Record<string, unknown> & { email: string | null };
const comparable = ({ id: _id, created_at: _c, updated_at: _u, stage_entered_at: _e, owner_id: _o, score: _s, ...fields }: TLeadWire) => fields;
const byEmail = (a: TLeadWire, b: TLeadWire) => String(a.email).localeCompare(String(b.email));

describe('lead export', () => {
  it('exports every field and custom field, and re-imports the file exactly (identity mapping)', async () => {
    const ws = await withCustomFields();
    const leads = [
      {
        first_name: 'Élodie',
        last_name: "O'Brien, née Garnier",
        email: 'elodie@exemple.fr',
        phone: '+33 6 12 34 56 78',
        company: 'Café "Le Zinc"',
        job_title: 'Gérante',
        status: 'won',
        source: 'salon',
        source_url: 'https://exemple.fr/salon?x=1&y=2',
        estimated_value: 1200.5,
        tags: ['vip', 'salon 2026'],
        notes: 'Première ligne\nDeuxième ligne; avec point-virgule',
        owner_id: ws.userId,
        utm_source: 'newsletter',
        utm_medium: 'email',
        utm_campaign: 'rentrée',
        utm_term: 'café',
        utm_content: 'bouton',
        custom_fields: { budget: 2500.75, rdv: '2026-12-31', client: true, taille: 'PME', remarque: 'À rappeler — 9h' },
      },
      { first_name: 'Hugo', email: 'hugo@exemple.fr', status: 'lost', lost_reason: 'Budget', custom_fields: { client: false } },
      { company: 'Sans e-mail SARL' },
    ];
    for (const lead of leads) expect((await ws.client.post('/api/marketing/leads', lead)).statusCode).toBe(201);

    const { body, rows } = await exportCsv(ws);
    expect(body.startsWith('\uFEFF')).toBe(true);
    const header = body.slice(1, body.indexOf('\n')).trim();
    expect(header.split(',')).toEqual([...IMPORT_LEAD_FIELDS, 'custom.budget', 'custom.rdv', 'custom.client', 'custom.taille', 'custom.remarque']);
    expect(rows).toHaveLength(3);
    const elodie = rows.find((r) => r.email === 'elodie@exemple.fr')!;
    expect(elodie).toMatchObject({
      estimated_value: '1200.5',
      tags: 'vip, salon 2026',
      'custom.budget': '2500.75',
      'custom.client': 'true',
      notes: leads[0]!.notes,
    });

    const identity = Object.fromEntries(header.split(',').map((h) => [h, h]));
    // Same workspace: every lead is a duplicate; with update nothing differs, so nothing is written.
    expect(await importFile(ws, body, identity, 'skip')).toMatchObject({ status: 'completed', created_count: 1, skipped_count: 2, failed_count: 0 });
    const after = (await ws.client.get('/api/marketing/leads?limit=200')).json().items as TLeadWire[];
    expect(after).toHaveLength(4); // the lead without email has no duplicate key: it comes again
    const { body: second } = await exportCsv(ws, '?q=exemple.fr');
    expect(await importFile(ws, second, identity, 'update')).toMatchObject({ created_count: 0, updated_count: 0, skipped_count: 2, failed_count: 0 });

    // Another workspace with the same custom fields gets the same leads (owners are per workspace).
    const other = await withCustomFields();
    const { owner_id: _owner, ...withoutOwner } = identity;
    expect(await importFile(other, second, withoutOwner, 'skip')).toMatchObject({ created_count: 2, failed_count: 0 });
    const source = ((await ws.client.get('/api/marketing/leads?q=exemple.fr')).json().items as TLeadWire[]).map(comparable).sort(byEmail);
    const copied = ((await other.client.get('/api/marketing/leads')).json().items as TLeadWire[]).map(comparable).sort(byEmail);
    expect(copied).toEqual(source);
  });

  it('exports only the leads of the filter: search, status, rules', async () => {
    const ws = await signUp(t.app);
    await ws.client.post('/api/marketing/leads', { first_name: 'Anne', email: 'anne@acme.fr', status: 'won', estimated_value: 5000 });
    await ws.client.post('/api/marketing/leads', { first_name: 'Bruno', email: 'bruno@globex.fr', status: 'new', estimated_value: 100 });
    expect((await exportCsv(ws, '?status=won')).rows.map((r) => r.first_name)).toEqual(['Anne']);
    expect((await exportCsv(ws, '?q=globex')).rows.map((r) => r.first_name)).toEqual(['Bruno']);
    const rules = encodeURIComponent(JSON.stringify({ op: 'and', rules: [{ field: 'estimated_value', operator: 'gte', value: 1000 }] }));
    expect((await exportCsv(ws, `?rules=${rules}`)).rows.map((r) => r.first_name)).toEqual(['Anne']);
    const bad = await ws.client.get('/api/marketing/leads/export.csv?rules=%7Bnot');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain('rules');
    // Another workspace exports none of them.
    expect((await exportCsv(await signUp(t.app))).rows).toEqual([]);
  });

  it('streams large exports page by page without losing or repeating a lead', async () => {
    const ws = await signUp(t.app);
    // Equal created_at values across page boundaries: the id breaks the ties.
    await t.runtime.database.raw.query(
      `INSERT INTO leads (workspace_id, first_name, email, created_at)
       SELECT $1, 'Lead ' || g, 'lead' || g || '@exemple.fr', now() - ((g / 7) || ' seconds')::interval FROM generate_series(1, 2503) AS g`,
      [ws.workspaceId],
    );
    const { rows } = await exportCsv(ws);
    expect(rows).toHaveLength(2503);
    expect(new Set(rows.map((r) => r.email)).size).toBe(2503);
  });
  it('exports "Excel (France)": semicolons, French headers and statuses, decimal commas, Oui/Non, French dates, owners by email; the file re-imports', async () => {
    const ws = await withCustomFields();
    const me = (await ws.client.get('/api/auth/me')).json() as { user: { id: string; email: string } };
    const lead = {
      first_name: 'Élodie',
      last_name: 'Garnier',
      email: 'elodie@exemple.fr',
      company: 'Café; "Le Zinc"',
      status: 'negotiation',
      estimated_value: 12500.5,
      tags: ['vip', 'salon'],
      owner_id: me.user.id,
      custom_fields: { budget: 2500.75, rdv: '2026-12-31', client: true, taille: 'PME' },
    };
    expect((await ws.client.post('/api/marketing/leads', lead)).statusCode).toBe(201);

    const { body, rows } = await exportCsv(ws, '?format=excel_fr');
    const header = body.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
    expect(header.split(';')).toEqual([...IMPORT_LEAD_FIELDS.map((f) => FRENCH_HEADERS[f]), 'Budget', 'Rendez-vous', 'Client', 'Taille', 'Remarque']);
    expect(rows[0]).toMatchObject({
      Prénom: 'Élodie',
      Entreprise: 'Café; "Le Zinc"',
      Statut: 'Négociation',
      'Montant estimé': '12500,5',
      Étiquettes: 'vip, salon',
      Responsable: me.user.email,
      Budget: '2500,75',
      'Rendez-vous': '31/12/2026',
      Client: 'Oui',
      Taille: 'PME',
    });

    // Imported into another workspace with the French headers mapped (what the wizard guesses), the lead comes back the same.
    const other = await withCustomFields();
    const mapping: Record<string, string> = Object.fromEntries(IMPORT_LEAD_FIELDS.filter((f) => f !== 'owner_id').map((f) => [FRENCH_HEADERS[f], f]));
    Object.assign(mapping, { Budget: 'custom.budget', 'Rendez-vous': 'custom.rdv', Client: 'custom.client', Taille: 'custom.taille' });
    expect(await importFile(other, body, mapping, 'skip')).toMatchObject({ status: 'completed', created_count: 1, failed_count: 0 });
    const [copy] = ((await other.client.get('/api/marketing/leads')).json() as { items: Record<string, unknown>[] }).items;
    const { owner_id: _owner, ...expected } = lead;
    expect(copy).toMatchObject(expected);
  });

  it('keeps the standard format by default and refuses an unknown format naming the field', async () => {
    const ws = await signUp(t.app);
    await ws.client.post('/api/marketing/leads', { first_name: 'Anne', status: 'won', estimated_value: 12500.5 });
    const { rows } = await exportCsv(ws, '?format=standard');
    expect(rows[0]).toMatchObject({ first_name: 'Anne', status: 'won', estimated_value: '12500.5' });
    const bad = await ws.client.get('/api/marketing/leads/export.csv?format=xlsx');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('format');
  });
});
