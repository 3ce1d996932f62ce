import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { multipartBody } from '../../../../test/multipart.js';
import { leadSuppressions } from '../privacy/privacy.tables.js';
import { emailHash } from '../privacy/email-hash.js';
import { runLeadImport } from './lead-import-run.service.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type TImport = {
  id: string;
  status: string;
  created_count: number;
  updated_count: number;
  skipped_count: number;
  failed_count: number;
  processed_rows: number;
  file_size: number;
  bytes_read: number;
  encoding: string;
  delimiter: string;
  error: string | null;
};
type TLeadWire = {
  id: string;
  score: number;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  company: string | null;
  estimated_value: number | null;
  notes: string | null;
  tags: string[];
  status: string;
  custom_fields: Record<string, unknown>;
  owner_id: string | null;
};

const NAMES = {
  Prénom: 'first_name',
  Nom: 'last_name',
  'E-mail': 'email',
  Société: 'company',
  Valeur: 'estimated_value',
  Notes: 'notes',
  Tags: 'tags',
  Statut: 'status',
};

/** The NAMES entries for the columns the file has (a mapping naming a missing column is refused). */
function mappingFor(content: Buffer | string): Record<string, string> {
  const header = (Buffer.isBuffer(content) ? iconv.decode(content, 'win1252') : content).replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
  const columns = header.split(/[,;]/);
  return Object.fromEntries(Object.entries(NAMES).filter(([column]) => columns.includes(column)));
}

/** Uploads a CSV like the wizard does (fields first, then the file). */
function upload(ws: SignedUp, content: Buffer | string, mapping = mappingFor(content), onDuplicate = 'skip', fileName = 'leads.csv') {
  const body = multipartBody({ mapping: JSON.stringify(mapping), on_duplicate: onDuplicate }, { fileName, content });
  return ws.client.request({ method: 'POST', url: '/api/marketing/leads/import', payload: body.payload, headers: body.headers });
}

/** Uploads, runs the job and returns the finished import. */
async function importCsv(ws: SignedUp, content: Buffer | string, mapping?: Record<string, string>, onDuplicate?: string): Promise<TImport> {
  const res = await upload(ws, content, mapping, onDuplicate);
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json()).toMatchObject({ status: 'queued' });
  await t.drain();
  return (await ws.client.get(`/api/marketing/imports/${res.json().id}`)).json();
}

async function allLeads(ws: SignedUp): Promise<TLeadWire[]> {
  return (await ws.client.get('/api/marketing/leads?limit=200')).json().items;
}

const byEmail = (leads: TLeadWire[], email: string) => leads.find((l) => l.email === email);

describe('lead import', () => {
  it('imports a UTF-8 file with BOM and commas, and tells the progress', async () => {
    const ws = await signUp(t.app);
    const csv =
      '\uFEFFPrénom,Nom,E-mail,Société,Valeur,Tags,Ignorée\r\nÉlodie,Garnier,ELODIE@exemple.fr,Café de la Gare,"1 200,50","vip, webinar",x\r\nHugo,Martin,hugo@exemple.fr,,300,vip|salon,y\r\n';
    const result = await importCsv(ws, csv);
    expect(result).toMatchObject({ status: 'completed', encoding: 'utf-8', delimiter: ',', processed_rows: 2, created_count: 2, failed_count: 0 });
    expect(result.bytes_read).toBe(result.file_size);
    expect(result.file_size).toBe(Buffer.byteLength(csv));
    const leads = await allLeads(ws);
    expect(byEmail(leads, 'elodie@exemple.fr')).toMatchObject({
      first_name: 'Élodie',
      company: 'Café de la Gare',
      estimated_value: 1200.5,
      tags: ['vip', 'webinar'],
      status: 'new',
    });
    expect(byEmail(leads, 'hugo@exemple.fr')).toMatchObject({ company: null, estimated_value: 300, tags: ['vip', 'salon'] });
    const timeline = (await ws.client.get(`/api/marketing/leads/${leads[0]!.id}/timeline`)).json();
    expect(timeline.items.map((e: { event_type?: string }) => e.event_type)).toContain('imported');
  });

  it('imports a Windows-1252 file with semicolons, accents, euro signs and French numbers', async () => {
    const ws = await signUp(t.app);
    const text =
      'Prénom;Nom;E-mail;Société;Valeur;Notes;Statut\r\nFrançois;Garçon;francois@exemple.fr;Façade & Cie;1 200,50 €;Budget 5 000 € confirmé;Gagné\r\nZoé;Lefèvre;zoe@exemple.fr;Crème brûlée SARL;12,5;;qualified\r\n';
    const result = await importCsv(ws, iconv.encode(text, 'win1252'));
    expect(result).toMatchObject({ status: 'completed', encoding: 'windows-1252', delimiter: ';', created_count: 2, failed_count: 0 });
    const leads = await allLeads(ws);
    expect(byEmail(leads, 'francois@exemple.fr')).toMatchObject({
      first_name: 'François',
      last_name: 'Garçon',
      company: 'Façade & Cie',
      estimated_value: 1200.5,
      notes: 'Budget 5 000 € confirmé',
      status: 'won',
    });
    expect(byEmail(leads, 'zoe@exemple.fr')).toMatchObject({
      first_name: 'Zoé',
      last_name: 'Lefèvre',
      company: 'Crème brûlée SARL',
      estimated_value: 12.5,
      status: 'qualified',
    });
  });

  it('keeps line breaks inside quoted fields and numbers rows as a spreadsheet does', async () => {
    const ws = await signUp(t.app);
    const csv = 'E-mail,Notes\na@exemple.fr,"Ligne 1\nLigne 2, avec ""guillemets"""\nb@exemple.fr,simple\n\nnot-an-email,x\n';
    const result = await importCsv(ws, csv);
    expect(result).toMatchObject({ created_count: 2, failed_count: 1, processed_rows: 3 });
    expect(byEmail(await allLeads(ws), 'a@exemple.fr')!.notes).toBe('Ligne 1\nLigne 2, avec "guillemets"');
    const report = (await ws.client.get(`/api/marketing/imports/${result.id}/report.csv`)).body;
    // Header row 1, a row 2, b row 3, blank row 4, the bad row is row 5.
    expect(report).toContain('5,E-mail : adresse e-mail invalide,not-an-email,x');
  });

  it('lists the first rows not imported and their reasons for the result screen (GET /imports/:id/problems)', async () => {
    const ws = await signUp(t.app);
    const rows = Array.from({ length: 25 }, (_, i) => `Nom${i};pas-un-email-${i}`).join('\n');
    const result = await importCsv(ws, `Prénom;E-mail\nAnne;anne@exemple.fr\n${rows}\n`);
    expect(result).toMatchObject({ created_count: 1, failed_count: 25 });
    const res = await ws.client.get(`/api/marketing/imports/${result.id}/problems`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { row_number: number; reason: string; skipped: boolean }[];
    expect(items).toHaveLength(20);
    expect(items[0]).toEqual({
      row_number: 3,
      reason: 'email: must be a valid email address',
      reasons: [{ code: 'invalid_format', field: 'email', params: { origin: 'string', format: 'email' } }],
      skipped: false,
    });
    expect(items.map((p) => p.row_number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 3));
    const other = await signUp(t.app);
    expect((await other.client.get(`/api/marketing/imports/${result.id}/problems`)).statusCode).toBe(404);
  });

  it('fails a bad row alone, with its reason in the downloadable report', async () => {
    const ws = await signUp(t.app);
    const csv = 'Prénom;E-mail;Valeur;Statut\nAnne;anne@exemple.fr;100;new\nBruno;bruno@@exemple;abc;peut-être\nChloé;chloe@exemple.fr;;contacté\n';
    const result = await importCsv(ws, csv);
    expect(result).toMatchObject({ status: 'completed', created_count: 2, failed_count: 1, skipped_count: 0, report_rows: 1 });
    expect((await allLeads(ws)).map((l) => l.first_name).sort()).toEqual(['Anne', 'Chloé']);
    const report = await ws.client.get(`/api/marketing/imports/${result.id}/report.csv`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('text/csv');
    expect(report.headers['content-disposition']).toContain('attachment');
    const lines = report.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    // In French (the workspace has no language of its own), unless the caller asks for English.
    expect(lines[0]).toBe('Ligne,Raison,Prénom,E-mail,Statut,Valeur');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      '3,"Montant estimé : saisissez un nombre (par exemple 1 200,50) ; Statut : « peut-être » n\'est pas un statut (Nouveau, Contacté, Qualifié, Proposition, Négociation, Gagné, Perdu) ; E-mail : adresse e-mail invalide",Bruno,bruno@@exemple,peut-être,abc',
    );
    const english = (await ws.client.get(`/api/marketing/imports/${result.id}/report.csv?lang=en`)).body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(english[0]).toBe('Row,Reason,Prénom,E-mail,Statut,Valeur');
    expect(english[1]).toBe(
      '3,"Estimated value: must be a number (e.g. 1 200,50); Status: ""peut-être"" is not a status (new, contacted, qualified, proposal, negotiation, won, lost, or their French names); Email: must be a valid email address",Bruno,bruno@@exemple,peut-être,abc',
    );
    expect((await ws.client.get(`/api/marketing/imports/${result.id}/report.csv?lang=de`)).statusCode).toBe(400);
  });

  it('skips or updates duplicates by email, against existing leads and within the file', async () => {
    const ws = await signUp(t.app);
    const existing = (
      await ws.client.post('/api/marketing/leads', { first_name: 'Old', email: 'dup@exemple.fr', company: 'Ancienne', estimated_value: 10 })
    ).json();
    const csv = 'Prénom,E-mail,Société,Valeur\nNew,DUP@exemple.fr,Nouvelle,\nTwin,twin@exemple.fr,Première,\nTwin2,Twin@Exemple.fr,,500\n';

    const skipped = await importCsv(ws, csv, undefined, 'skip');
    expect(skipped).toMatchObject({ created_count: 1, updated_count: 0, skipped_count: 2, failed_count: 0, report_rows: 0 });
    let leads = await allLeads(ws);
    expect(leads).toHaveLength(2);
    expect(byEmail(leads, 'dup@exemple.fr')).toMatchObject({ first_name: 'Old', company: 'Ancienne' });
    expect(byEmail(leads, 'twin@exemple.fr')).toMatchObject({ first_name: 'Twin', company: 'Première', estimated_value: null });

    const updated = await importCsv(ws, csv, undefined, 'update');
    // dup: updated; twin (row 3): updated; twin again (row 4): updated on top; an empty cell keeps the value.
    expect(updated).toMatchObject({ created_count: 0, updated_count: 3, skipped_count: 0, failed_count: 0 });
    leads = await allLeads(ws);
    expect(leads).toHaveLength(2);
    expect(byEmail(leads, 'dup@exemple.fr')).toMatchObject({ id: existing.id, first_name: 'New', company: 'Nouvelle', estimated_value: 10 });
    expect(byEmail(leads, 'twin@exemple.fr')).toMatchObject({ first_name: 'Twin2', company: 'Première', estimated_value: 500 });
    const events = (await ws.client.get(`/api/marketing/leads/${existing.id}/events`)).json() as {
      event_type: string;
      data: { field?: string; to?: unknown };
    }[];
    expect(
      events
        .filter((e) => e.event_type === 'field_changed')
        .map((e) => e.data.field)
        .sort(),
    ).toEqual(['company', 'first_name']);

    // Within one file, with update: the first row creates, the second updates it.
    const again = await importCsv(ws, 'E-mail,Prénom\nsolo@exemple.fr,Un\nSOLO@exemple.fr,Deux\n', { 'E-mail': 'email', Prénom: 'first_name' }, 'update');
    expect(again).toMatchObject({ created_count: 1, updated_count: 1 });
    expect(byEmail(await allLeads(ws), 'solo@exemple.fr')!.first_name).toBe('Deux');
    // Unchanged duplicates write nothing: they count as skipped.
    expect(await importCsv(ws, 'E-mail,Prénom\nsolo@exemple.fr,Deux\n', { 'E-mail': 'email', Prénom: 'first_name' }, 'update')).toMatchObject({
      updated_count: 0,
      skipped_count: 1,
    });
  });

  it('keeps reports stored before reasons had codes readable: their English text, in the list and the file', async () => {
    const ws = await signUp(t.app);
    const result = await importCsv(ws, 'Prénom;E-mail\nAnne;pas-un-email\nBruno;gone@exemple.fr\n');
    // As rows were stored before migration 0018: the English text only.
    await t.runtime.database.raw.query(`UPDATE lead_import_failures SET reasons = NULL WHERE import_id = $1`, [result.id]);
    await t.runtime.database.raw.query(`UPDATE lead_import_failures SET reason = 'erased (suppression list)' WHERE import_id = $1 AND row_number = 2`, [
      result.id,
    ]);
    const items = (await ws.client.get(`/api/marketing/imports/${result.id}/problems`)).json().items;
    expect(items).toEqual([{ row_number: 2, reason: 'erased (suppression list)', reasons: [], skipped: true }]);
    const report = (await ws.client.get(`/api/marketing/imports/${result.id}/report.csv`)).body;
    expect(report).toContain('2,erased (suppression list),Anne,pas-un-email');
  });

  it('skips erased emails (suppression list) with the reason', async () => {
    const ws = await signUp(t.app);
    await t.runtime.db.insert(leadSuppressions).values({ workspace_id: ws.workspaceId, email_hash: emailHash('gone@exemple.fr') });
    const result = await importCsv(ws, 'E-mail\nGONE@exemple.fr\nkept@exemple.fr\n', { 'E-mail': 'email' });
    expect(result).toMatchObject({ created_count: 1, skipped_count: 1, failed_count: 0, report_rows: 1 });
    expect((await allLeads(ws)).map((l) => l.email)).toEqual(['kept@exemple.fr']);
    const report = (await ws.client.get(`/api/marketing/imports/${result.id}/report.csv`)).body;
    expect(report).toContain('2,e-mail effacé (liste de suppression RGPD) : ligne ignorée,GONE@exemple.fr');
    const problems = (await ws.client.get(`/api/marketing/imports/${result.id}/problems`)).json().items;
    expect(problems).toEqual([{ row_number: 2, reason: 'erased (suppression list)', reasons: [{ code: 'suppressed' }], skipped: true }]);
  });

  it('fills custom fields, owners by email, French dates and booleans', async () => {
    const ws = await signUp(t.app);
    await ws.client.post('/api/marketing/custom-fields', { key: 'budget', label: 'Budget', field_type: 'number' });
    await ws.client.post('/api/marketing/custom-fields', { key: 'rdv', label: 'Rendez-vous', field_type: 'date' });
    await ws.client.post('/api/marketing/custom-fields', { key: 'client', label: 'Client', field_type: 'boolean' });
    await ws.client.post('/api/marketing/custom-fields', { key: 'taille', label: 'Taille', field_type: 'select', options: ['TPE', 'PME'] });
    const mapping = {
      'E-mail': 'email',
      Budget: 'custom.budget',
      RDV: 'custom.rdv',
      Client: 'custom.client',
      Taille: 'custom.taille',
      Responsable: 'owner_id',
    };
    const csv = `E-mail;Budget;RDV;Client;Taille;Responsable\nok@exemple.fr;2 500,75;31/12/2026;oui;PME;${ws.email.toUpperCase()}\nko@exemple.fr;beaucoup;2026-02-30;peut-être;ETI;${uniqueEmail('stranger')}\n`;
    const result = await importCsv(ws, csv, mapping);
    expect(result).toMatchObject({ created_count: 1, failed_count: 1 });
    expect(byEmail(await allLeads(ws), 'ok@exemple.fr')).toMatchObject({
      owner_id: ws.userId,
      custom_fields: { budget: 2500.75, rdv: '2026-12-31', client: true, taille: 'PME' },
    });
    const report = (await ws.client.get(`/api/marketing/imports/${result.id}/report.csv`)).body;
    expect(report).toContain("Responsable : n'est pas membre de l'espace de travail");
    expect(report).toContain('Budget : saisissez un nombre');
    expect(report).toContain('Taille : choisissez une de ces valeurs : TPE, PME');
    expect(report).toContain('Client : saisissez Oui ou Non');
    const [problem] = (await ws.client.get(`/api/marketing/imports/${result.id}/problems`)).json().items;
    expect(problem.reasons).toEqual([
      { code: 'not_a_member', field: 'owner_id' },
      { code: 'not_a_number', field: 'custom.budget' },
      { code: 'not_a_date', field: 'custom.rdv' },
      { code: 'not_a_boolean', field: 'custom.client' },
      { code: 'not_an_option', field: 'custom.taille', params: { options: ['TPE', 'PME'] } },
    ]);
  });

  it('fails a row whose custom date is not a real calendar day, with the reason, and imports the others', async () => {
    const ws = await signUp(t.app);
    await ws.client.post('/api/marketing/custom-fields', { key: 'rdv', label: 'Rendez-vous', field_type: 'date' });
    const csv = 'E-mail;RDV\nbon@exemple.fr;29/02/2024\nfevrier@exemple.fr;31/02/2026\nbissextile@exemple.fr;2024-02-30\nzero@exemple.fr;0000-01-01\n';
    const result = await importCsv(ws, csv, { 'E-mail': 'email', RDV: 'custom.rdv' });
    expect(result).toMatchObject({ created_count: 1, failed_count: 3 });
    expect((await allLeads(ws)).map((l) => [l.email, l.custom_fields])).toEqual([['bon@exemple.fr', { rdv: '2024-02-29' }]]);
    const report = (await ws.client.get(`/api/marketing/imports/${result.id}/report.csv`)).body;
    for (const row of ['3,', '4,', '5,']) expect(report).toContain(`${row}Rendez-vous : saisissez une vraie date (31/12/2026 ou 2026-12-31)`);
  });

  it('gives ownerless imported leads an owner when round-robin is on', async () => {
    const ws = await signUp(t.app);
    const settings = await ws.client.patch('/api/marketing/crm-settings', { round_robin_enabled: true, round_robin_member_ids: [ws.userId] });
    expect(settings.statusCode, settings.body).toBe(200);
    await importCsv(ws, 'E-mail\nrr1@exemple.fr\nrr2@exemple.fr\n', { 'E-mail': 'email' });
    expect((await allLeads(ws)).map((l) => l.owner_id)).toEqual([ws.userId, ws.userId]);
    const other = await signUp(t.app);
    await importCsv(other, 'E-mail\nrr3@exemple.fr\n', { 'E-mail': 'email' });
    expect((await allLeads(other))[0]!.owner_id).toBeNull();
  });

  it('scores imported leads when the workspace has scoring rules', async () => {
    const ws = await signUp(t.app);
    const rule = await ws.client.post('/api/marketing/scoring-rules', {
      name: 'Cafés',
      kind: 'fit',
      condition: { field: 'company', operator: 'contains', value: 'café' },
      points: 15,
    });
    expect(rule.statusCode, rule.body).toBe(201);
    await importCsv(ws, 'E-mail;Société\ncafe@exemple.fr;Grand Café\nautre@exemple.fr;Librairie\n', { 'E-mail': 'email', Société: 'company' });
    const leads = await allLeads(ws);
    expect(byEmail(leads, 'cafe@exemple.fr')).toMatchObject({ score: 15 });
    expect(byEmail(leads, 'autre@exemple.fr')).toMatchObject({ score: 0 });
  });

  it('refuses a file that is not CSV before any job, and keeps nothing of it', async () => {
    const ws = await signUp(t.app);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const xlsx = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64, 0)]);
    for (const [content, message] of [
      [png, /PNG image/],
      [xlsx, /save it as CSV/],
      [Buffer.from('jean@exemple.fr;Jean;Dupont\n'), /column names/],
      [Buffer.from(''), /empty/],
      [Buffer.from('\x00\x01\x02binary'), /binary/],
    ] as const) {
      const res = await upload(ws, content, { 'E-mail': 'email' });
      expect(res.statusCode, res.body).toBe(415);
      expect(res.json().detail).toMatch(message);
    }
    const json = await ws.client.post('/api/marketing/leads/import', { mapping: {} });
    expect(json.statusCode).toBe(415);
    expect((await ws.client.get('/api/marketing/imports')).json().items).toEqual([]);
    const { rows } = await t.runtime.database.raw.query('SELECT count(*)::int AS n FROM lead_import_chunks WHERE workspace_id = $1', [ws.workspaceId]);
    expect(rows[0]).toEqual({ n: 0 });
    // No job was queued for this workspace.
    const { rows: jobs } = await t.runtime.database.raw.query(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'crm.lead-import' AND data->>'workspace_id' = $1`,
      [ws.workspaceId],
    );
    expect(jobs[0]).toEqual({ n: 0 });
  });

  it('refuses a bad mapping with 400 naming the entry', async () => {
    const ws = await signUp(t.app);
    const csv = 'Prénom,Mail,Courriel\nA,a@exemple.fr,b@exemple.fr\n';
    const bad = async (mapping: Record<string, string> | string) => {
      const body = multipartBody({ mapping: typeof mapping === 'string' ? mapping : JSON.stringify(mapping) }, { fileName: 'x.csv', content: csv });
      const res = await ws.client.request({ method: 'POST', url: '/api/marketing/leads/import', payload: body.payload, headers: body.headers });
      expect(res.statusCode, res.body).toBe(400);
      return res.json().errors as { path: string; message: string }[];
    };
    expect(await bad({ Prénom: 'favourite_colour' })).toEqual([
      { path: 'mapping.Prénom', message: expect.stringContaining('"favourite_colour" is not a lead field') },
    ]);
    expect(await bad({ Téléphone: 'phone' })).toEqual([{ path: 'mapping.Téléphone', message: '"Téléphone" is not a column of the file' }]);
    expect(await bad({ Mail: 'email', Courriel: 'email' })).toEqual([{ path: 'mapping.Courriel', message: '"email" is already filled by the column "Mail"' }]);
    expect(await bad({ Prénom: 'custom.nope' })).toEqual([{ path: 'mapping.Prénom', message: 'the custom field "nope" does not exist' }]);
    expect(await bad({})).toEqual([{ path: 'mapping', message: 'map at least one column to a lead field', code: 'mapping_empty' }]);
    expect((await bad('{not json'))[0]!.path).toBe('mapping');
    const noFile = await ws.client.request({ method: 'POST', url: '/api/marketing/leads/import', ...multipartBody({ mapping: '{}' }) });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().errors[0].path).toBe('file');
    expect((await ws.client.get('/api/marketing/imports')).json().items).toEqual([]);
  });

  it('lets viewers export and read imports but not import', async () => {
    const ws = await signUp(t.app);
    const key = (await ws.client.post('/api/workspace/api-keys', { name: 'lecture', role: 'viewer' })).json().key as string;
    const viewer = { ...ws, client: new Client(t.app, { bearer: key }) };
    expect((await upload(viewer, 'E-mail\nv@exemple.fr\n')).statusCode).toBe(403);
    expect((await viewer.client.get('/api/marketing/leads/export.csv')).statusCode).toBe(200);
    expect((await viewer.client.get('/api/marketing/imports')).statusCode).toBe(200);
  });

  it('refuses a file over 50 MB with 413', { timeout: 120_000 }, async () => {
    const ws = await signUp(t.app);
    const big = Buffer.alloc(50 * 1024 * 1024 + 10, 'a');
    big.write('E-mail\n');
    const res = await upload(ws, big, { 'E-mail': 'email' });
    expect(res.statusCode).toBe(413);
    expect((await ws.client.get('/api/marketing/imports')).json().items).toEqual([]);
  });

  it('resumes after a crash without importing a row twice, and a second run does nothing', async () => {
    const ws = await signUp(t.app);
    const rows = Array.from({ length: 7 }, (_, i) => `Lead${i},lead${i}@exemple.fr`).join('\n');
    const res = await upload(ws, `Prénom,E-mail\n${rows}\n,no-email-but-name\nSans,\n`);
    const id = res.json().id as string;
    let batches = 0;
    const crashOnThirdBatch = async (fn: () => Promise<void>) => {
      if (++batches === 3) throw new Error('worker killed');
      await fn();
    };
    await expect(runLeadImport(t.runtime.db, ws.workspaceId, id, { batchRows: 3, publish: crashOnThirdBatch })).rejects.toThrow('worker killed');
    const midway = (await ws.client.get(`/api/marketing/imports/${id}`)).json();
    expect(midway).toMatchObject({ status: 'running', processed_rows: 6, created_count: 6 });
    expect(midway.bytes_read).toBeGreaterThan(0);
    await t.drain();
    const done = (await ws.client.get(`/api/marketing/imports/${id}`)).json();
    expect(done).toMatchObject({ status: 'completed', processed_rows: 9, created_count: 8, failed_count: 1 });
    await runLeadImport(t.runtime.db, ws.workspaceId, id);
    expect((await ws.client.get(`/api/marketing/imports/${id}`)).json()).toEqual(done);
    expect(await allLeads(ws)).toHaveLength(8);
    const { rows: chunks } = await t.runtime.database.raw.query('SELECT count(*)::int AS n FROM lead_import_chunks WHERE import_id = $1', [id]);
    expect(chunks[0]).toEqual({ n: 0 });
    const { rows: imported } = await t.runtime.database.raw.query(`SELECT count(*)::int AS n FROM leads WHERE workspace_id = $1 AND import_id = $2`, [
      ws.workspaceId,
      id,
    ]);
    expect(imported[0]).toEqual({ n: 8 });
  });

  it('marks the import failed, not running for ever, when its job fails on its last attempt', async () => {
    const ws = await signUp(t.app);
    const id = (await upload(ws, 'Prénom,E-mail\nAda,ada@exemple.fr\n')).json().id as string;
    // A lasting database failure for this workspace only: every insert of its leads is refused.
    const fn = `fail_leads_${ws.workspaceId.replaceAll('-', '')}`;
    await t.runtime.database.raw.exec(`
      CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$;
      CREATE TRIGGER ${fn} BEFORE INSERT ON leads FOR EACH ROW WHEN (NEW.workspace_id = '${ws.workspaceId}') EXECUTE FUNCTION ${fn}();`);
    try {
      await expect(t.drain()).rejects.toThrow();
    } finally {
      await t.runtime.database.raw.exec(`DROP TRIGGER ${fn} ON leads; DROP FUNCTION ${fn}();`);
    }
    const failed = (await ws.client.get(`/api/marketing/imports/${id}`)).json();
    expect(failed).toMatchObject({ status: 'failed', created_count: 0 });
    expect(failed.error).toBe('The import stopped after several attempts: disk full');
  });

  it("lists the workspace's imports with their mapping, and hides them from other workspaces", async () => {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    const result = await importCsv(a, 'E-mail,Prénom\nx@exemple.fr,X\n', { 'E-mail': 'email', Prénom: 'first_name' });
    const list = (await a.client.get('/api/marketing/imports')).json();
    expect(list.items[0]).toMatchObject({ id: result.id, file_name: 'leads.csv', mapping: { 'E-mail': 'email', Prénom: 'first_name' }, on_duplicate: 'skip' });
    expect((await b.client.get(`/api/marketing/imports/${result.id}`)).statusCode).toBe(404);
    expect((await b.client.get(`/api/marketing/imports/${result.id}/report.csv`)).statusCode).toBe(404);
    expect((await b.client.get('/api/marketing/imports')).json().items).toEqual([]);
    // A run for the wrong workspace finds nothing to do.
    await runLeadImport(t.runtime.db, b.workspaceId, result.id);
    expect(await allLeads(b)).toEqual([]);
  });
});
