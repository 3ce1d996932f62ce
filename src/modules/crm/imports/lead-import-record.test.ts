import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { multipartBody } from '../../../../test/multipart.js';

// An import records itself on each lead it creates (leads.import_id) instead of one `imported` event row per
// lead: the timeline's "imported" item, segments' `events.imported` and "lead created" automations rest on it.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function importCsv(ws: SignedUp, csv: string): Promise<string> {
  const body = multipartBody(
    { mapping: JSON.stringify({ Prénom: 'first_name', 'E-mail': 'email' }), on_duplicate: 'skip' },
    { fileName: 'l.csv', content: csv },
  );
  const res = await ws.client.request({ method: 'POST', url: '/api/marketing/leads/import', payload: body.payload, headers: body.headers });
  expect(res.statusCode, res.body).toBe(202);
  await t.drain();
  expect((await ws.client.get(`/api/marketing/imports/${res.json().id}`)).json()).toMatchObject({ status: 'completed' });
  return res.json().id;
}

async function leadId(ws: SignedUp, email: string): Promise<string> {
  const res = await ws.client.get(`/api/marketing/leads?q=${encodeURIComponent(email)}`);
  return res.json().items[0].id;
}

async function count(sqlText: string, params: unknown[]): Promise<number> {
  return (await t.runtime.database.raw.query<{ n: number }>(sqlText, params)).rows[0]!.n;
}

async function preview(ws: SignedUp, rule: object): Promise<string[]> {
  const res = await ws.client.post('/api/marketing/segments/preview', { rules: { op: 'and', rules: [rule] } });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().sample as { first_name: string }[]).map((l) => l.first_name).sort();
}

describe('what an import records on its leads', () => {
  it('writes no event row per lead when nothing consumes them, and the timeline still shows "imported" once', async () => {
    const ws = await signUp(t.app);
    const importId = await importCsv(ws, 'Prénom;E-mail\nÉlodie;elodie@exemple.fr\nHugo;hugo@exemple.fr\n');
    expect(await count(`SELECT count(*)::int AS n FROM lead_events WHERE workspace_id = $1 AND event_type = 'imported'`, [ws.workspaceId])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM leads WHERE workspace_id = $1 AND import_id = $2`, [ws.workspaceId, importId])).toBe(2);

    const id = await leadId(ws, 'elodie@exemple.fr');
    const note = await ws.client.post(`/api/marketing/leads/${id}/interactions`, { interaction_type: 'note', content: 'Appelée' });
    expect(note.statusCode, note.body).toBe(201);
    const timeline = (await ws.client.get(`/api/marketing/leads/${id}/timeline?limit=50`)).json();
    const imported = timeline.items.filter((i: { event_type?: string }) => i.event_type === 'imported');
    expect(imported).toEqual([expect.objectContaining({ kind: 'event', id, data: { import_id: importId }, actor_user_id: ws.userId })]);
    // Newest first: the note, then the import that created the lead.
    expect(timeline.items.at(-1)).toMatchObject({ event_type: 'imported' });
    // Paging one item at a time reaches it exactly once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { event_type?: string; interaction_type?: string }[]; next_cursor: string | null } = (
        await ws.client.get(`/api/marketing/leads/${id}/timeline?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((i) => i.event_type ?? i.interaction_type ?? ''));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen.filter((type) => type === 'imported')).toHaveLength(1);
    expect(seen).toEqual(timeline.items.map((i: { event_type?: string; interaction_type?: string }) => i.event_type ?? i.interaction_type));
  });

  it('refreshes the planner statistics of leads when it ends (PGlite has no autovacuum)', async () => {
    const ws = await signUp(t.app);
    const lastAnalyze = async () => {
      await t.runtime.database.raw.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await t.runtime.database.raw.query<{ at: string | null }>(
        `SELECT last_analyze::text AS at FROM pg_stat_user_tables WHERE relname = 'leads'`,
      );
      return rows[0]?.at ?? null;
    };
    const before = await lastAnalyze();
    await importCsv(ws, 'Prénom;E-mail\nÉlodie;elodie@exemple.fr\n');
    const after = await lastAnalyze();
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
  });

  it('compiles segment conditions on events.imported to the import recorded on the lead', async () => {
    const ws = await signUp(t.app);
    const first = await importCsv(ws, 'Prénom;E-mail\nÉlodie;elodie@exemple.fr\n');
    await importCsv(ws, 'Prénom;E-mail\nHugo;hugo@exemple.fr\n');
    expect((await ws.client.post('/api/marketing/leads', { first_name: 'Zoé', email: 'zoe@exemple.fr' })).statusCode).toBe(201);

    expect(await preview(ws, { field: 'events.imported', operator: 'is_not_empty' })).toEqual(['Hugo', 'Élodie']);
    expect(await preview(ws, { field: 'events.imported', operator: 'is_empty' })).toEqual(['Zoé']);
    expect(await preview(ws, { field: 'events.imported', operator: 'gte', value: 1 })).toEqual(['Hugo', 'Élodie']);
    expect(await preview(ws, { field: 'events.imported', operator: 'eq', value: 0 })).toEqual(['Zoé']);
    expect(await preview(ws, { field: 'events.imported', operator: 'within_last_days', value: 7 })).toEqual(['Hugo', 'Élodie']);
    expect(await preview(ws, { field: 'events.imported', operator: 'is_not_empty', data: { import_id: first } })).toEqual(['Élodie']);
    // Beside a condition on real event rows (one aggregate over lead_events) and in an OR.
    expect(
      await preview(ws, {
        op: 'or',
        rules: [
          { field: 'events.imported', operator: 'is_not_empty', data: { import_id: first } },
          { field: 'events.created', operator: 'is_not_empty' },
        ],
      }),
    ).toEqual(['Zoé', 'Élodie']);
    await t.runtime.database.raw.query(`UPDATE leads SET created_at = now() - interval '30 days' WHERE workspace_id = $1 AND import_id = $2`, [
      ws.workspaceId,
      first,
    ]);
    expect(await preview(ws, { field: 'events.imported', operator: 'within_last_days', value: 7 })).toEqual(['Hugo']);
  });

  it('starts "lead created" automations for each imported lead, through the outbox', async () => {
    const ws = await signUp(t.app);
    const automation = await ws.client.post('/api/marketing/automations', {
      name: 'Bienvenue',
      trigger: { type: 'lead_created' },
      actions: [{ type: 'add_tag', params: { tag: 'bienvenue' } }],
    });
    expect(automation.statusCode, automation.body).toBe(201);
    await importCsv(ws, 'Prénom;E-mail\nÉlodie;elodie@exemple.fr\nHugo;hugo@exemple.fr\n');
    await t.drain();
    const leads = (await ws.client.get('/api/marketing/leads?limit=10')).json().items as { first_name: string; tags: string[] }[];
    expect(leads.map((l) => [l.first_name, l.tags]).sort()).toEqual([
      ['Hugo', ['bienvenue']],
      ['Élodie', ['bienvenue']],
    ]);
    const runs = (await ws.client.get(`/api/marketing/automations/${automation.json().id}/runs`)).json();
    expect(runs).toHaveLength(2);
    expect(runs[0].trigger_event).toMatchObject({ event_type: 'imported' });
    // The timeline shows the import once, not once per event row and once from import_id.
    const timeline = (await ws.client.get(`/api/marketing/leads/${await leadId(ws, 'hugo@exemple.fr')}/timeline`)).json();
    expect(timeline.items.filter((i: { event_type?: string }) => i.event_type === 'imported')).toHaveLength(1);
    expect(await preview(ws, { field: 'events.imported', operator: 'eq', value: 1 })).toEqual(['Hugo', 'Élodie']);
  });
});
