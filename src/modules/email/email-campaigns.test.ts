import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../test/harness.js';

// Campaign drafts through the API: every spec field, list filters and pages, Liquid checked at save, the
// audience's segment and rules checked, duplication, and what a sent campaign may no longer do.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const BASE = '/api/marketing/email-campaigns';

const newsletter = {
  name: 'Newsletter Novembre',
  subject: 'Bonjour {{ lead.first_name | default: "ami" }}',
  preheader: 'Les nouveautés du mois',
  html_content: '<p>Bonjour {{ lead.first_name }}</p><p><a href="{{ unsubscribe_url }}">Se désinscrire</a></p>',
  text_content: 'Bonjour {{ lead.first_name }}',
  from_name: 'Atelier Ada',
  from_email: 'Bonjour@Atelier-Ada.fr',
  reply_to: '',
};

async function create(ws: SignedUp, body: Record<string, unknown> = newsletter) {
  const res = await ws.client.post(BASE, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Record<string, unknown> & { id: string };
}

/** What the sending engine will do to a campaign, done here by hand: it has sent. */
async function markSent(id: string) {
  await t.runtime.database.raw.query(
    `UPDATE email_campaigns SET status = 'completed', sent_at = now(), total_recipients = 10, total_sent = 10, total_delivered = 8, total_opened = 4, total_clicked = 1 WHERE id = $1`,
    [id],
  );
}

describe('email campaigns', () => {
  it('creates a draft with every spec field, reads it back and lists it without its bodies', async () => {
    const ws = await signUp(t.app);
    const created = await create(ws);
    expect(created).toMatchObject({
      ...newsletter,
      from_email: 'bonjour@atelier-ada.fr',
      status: 'draft',
      scheduled_at: null,
      sent_at: null,
      canceled_at: null,
      segment_id: null,
      segment_rules: null,
      editor_document: null,
      total_recipients: 0,
      total_sent: 0,
      total_delivered: 0,
      total_opened: 0,
      total_clicked: 0,
      total_bounced: 0,
      total_unsubscribed: 0,
      total_complained: 0,
      open_rate: null,
      click_rate: null,
    });
    expect((await ws.client.get(`${BASE}/${created.id}`)).json()).toEqual(created);
    const list = (await ws.client.get(BASE)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).not.toHaveProperty('html_content');
    expect(list.items[0]).toMatchObject({ id: created.id, name: 'Newsletter Novembre', status: 'draft' });
    // Another workspace sees nothing of it.
    const other = await signUp(t.app);
    expect((await other.client.get(`${BASE}/${created.id}`)).statusCode).toBe(404);
    expect((await other.client.get(BASE)).json().items).toEqual([]);
  });

  it('filters by status and words, and pages newest first', async () => {
    const ws = await signUp(t.app);
    const names = ['Promo de printemps', 'Webinaire 100 % coaching', 'Relance panier', 'Newsletter Décembre'];
    const ids: string[] = [];
    for (const name of names) ids.push((await create(ws, { ...newsletter, name, subject: `Sujet ${name}` })).id);
    await markSent(ids[0]!);

    expect((await ws.client.get(`${BASE}?status=completed`)).json().items.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect((await ws.client.get(`${BASE}?q=${encodeURIComponent('newsletter')}`)).json().items.map((c: { name: string }) => c.name)).toEqual([
      'Newsletter Décembre',
    ]);
    // % is a character, not a wildcard.
    expect((await ws.client.get(`${BASE}?q=${encodeURIComponent('100 %')}`)).json().items).toHaveLength(1);
    expect((await ws.client.get(`${BASE}?q=${encodeURIComponent('%')}`)).json().items).toHaveLength(1);

    const first = (await ws.client.get(`${BASE}?limit=3`)).json();
    expect(first.items.map((c: { id: string }) => c.id)).toEqual([ids[3], ids[2], ids[1]]);
    const second = (await ws.client.get(`${BASE}?limit=3&cursor=${first.next_cursor}`)).json();
    expect(second).toEqual({ items: [expect.objectContaining({ id: ids[0], open_rate: 0.5, click_rate: 0.125 })], next_cursor: null });
    expect((await ws.client.get(`${BASE}?cursor=pas-un-curseur`)).statusCode).toBe(400);
    expect((await ws.client.get(`${BASE}?status=envoyee`)).statusCode).toBe(400);
  });

  it('refuses a template that is not valid Liquid, naming every faulty field, and a bad sender address', async () => {
    const ws = await signUp(t.app);
    const res = await ws.client.post(BASE, { ...newsletter, subject: 'Bonjour {% if lead.first_name %}', html_content: '<p>{{ lead.first_name </p>' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string; code: string }) => [e.path, e.code]);
    expect(paths).toEqual([
      ['body.subject', 'liquid_syntax'],
      ['body.html_content', 'liquid_syntax'],
    ]);
    expect(res.json().errors[0]).toMatchObject({ message: expect.stringMatching(/not closed/), params: { line: 1, column: 9 } });
    const badSender = await ws.client.post(BASE, { ...newsletter, from_email: 'pas-une-adresse' });
    expect(badSender.statusCode).toBe(400);
    expect(badSender.json().errors[0].path).toBe('body.from_email');
    // Nothing was written.
    expect((await ws.client.get(BASE)).json().items).toEqual([]);
  });

  it('takes a saved segment of its own workspace and rules that compile', async () => {
    const ws = await signUp(t.app);
    const other = await signUp(t.app);
    const segment = await ws.client.post('/api/marketing/segments', {
      name: 'Clients',
      rules: { op: 'and', rules: [{ field: 'status', operator: 'eq', value: 'won' }] },
    });
    const foreign = await other.client.post('/api/marketing/segments', {
      name: 'Autres',
      rules: { op: 'and', rules: [{ field: 'status', operator: 'eq', value: 'won' }] },
    });
    const rules = { op: 'and', rules: [{ field: 'tags', operator: 'contains', value: 'vip' }] };
    const created = await create(ws, { ...newsletter, segment_id: segment.json().id, segment_rules: rules });
    expect(created).toMatchObject({ segment_id: segment.json().id, segment_rules: rules });

    const stolen = await ws.client.patch(`${BASE}/${created.id}`, { segment_id: foreign.json().id });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().errors).toEqual([expect.objectContaining({ path: 'body.segment_id', code: 'unknown_segment' })]);
    const unknownField = await ws.client.patch(`${BASE}/${created.id}`, {
      segment_rules: { op: 'and', rules: [{ field: 'custom.inconnu', operator: 'eq', value: 'x' }] },
    });
    expect(unknownField.statusCode).toBe(400);

    // The segment stays while a campaign targets it; the workspace can still be deleted with both.
    const blocked = await ws.client.delete(`/api/marketing/segments/${segment.json().id}`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().reason).toBe('segment_in_use');
    const copy = (await ws.client.post(`${BASE}/${created.id}/duplicate`, {})).json();
    await t.runtime.database.raw.query('DELETE FROM workspaces WHERE id = $1', [ws.workspaceId]);
    const { rows } = await t.runtime.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM email_campaigns WHERE id = ANY($1::uuid[])', [
      [created.id, copy.id],
    ]);
    expect(rows[0]!.n).toBe(0);
  });

  it('counts who would receive it now: the segment and the rules, less no email, unsubscribed and suppressed', async () => {
    const ws = await signUp(t.app);
    const lead = async (body: Record<string, unknown>) => {
      const res = await ws.client.post('/api/marketing/leads', body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string };
    };
    await lead({ first_name: 'Ada', email: 'ada@exemple.fr', status: 'won', tags: ['vip'] });
    await lead({ first_name: 'Bruno', email: 'bruno@exemple.fr', status: 'won', tags: ['vip'] });
    await lead({ first_name: 'Chloé', email: 'chloe@exemple.fr', status: 'won', tags: [] });
    await lead({ first_name: 'Denis', status: 'won', tags: ['vip'] });
    await lead({ first_name: 'Élise', email: 'elise@exemple.fr', status: 'won', tags: ['vip'], unsubscribed_at: '2026-11-02T10:00:00Z' });
    await lead({ first_name: 'Fanny', email: 'Fanny@Exemple.fr', status: 'won', tags: ['vip'] });
    await lead({ first_name: 'Gaspard', email: 'gaspard@exemple.fr', status: 'new', tags: ['vip'] });
    // Fanny's address is on the suppression list (as after an erasure), written here by hand.
    await t.runtime.database.raw.query(
      `INSERT INTO lead_suppressions (workspace_id, email_hash) VALUES ($1, encode(sha256(convert_to('fanny@exemple.fr', 'UTF8')), 'hex'))`,
      [ws.workspaceId],
    );
    const won = await ws.client.post('/api/marketing/segments', {
      name: 'Gagnés',
      rules: { op: 'and', rules: [{ field: 'status', operator: 'eq', value: 'won' }] },
    });
    const campaign = await create(ws, {
      ...newsletter,
      segment_id: won.json().id,
      segment_rules: { op: 'and', rules: [{ field: 'tags', operator: 'contains', value: 'vip' }] },
    });
    // Won and vip: Ada, Bruno, Denis (no email), Élise (unsubscribed), Fanny (suppressed).
    expect((await ws.client.get(`${BASE}/${campaign.id}/recipients`)).json()).toEqual({
      count: 2,
      excluded: { unsubscribed: 1, unconfirmed: 0, bounced: 0, complained: 0, suppressed: 1, no_email: 1 },
    });
    // Without an audience, every lead of the workspace.
    const everyone = await create(ws, newsletter);
    expect((await ws.client.get(`${BASE}/${everyone.id}/recipients`)).json()).toMatchObject({
      count: 4,
      excluded: { unsubscribed: 1, suppressed: 1, no_email: 1 },
    });
  });

  it('changes and duplicates a draft; a sent campaign keeps its content and cannot be deleted', async () => {
    const ws = await signUp(t.app);
    const draft = await create(ws);
    // An empty change changes nothing (and is no error).
    const nothing = await ws.client.patch(`${BASE}/${draft.id}`, {});
    expect(nothing.statusCode, nothing.body).toBe(200);
    expect(nothing.json()).toEqual(draft);
    // A block document (email-document.test.ts covers it) becomes the HTML; the copy keeps both.
    const document = {
      version: 1,
      settings: { background_color: '#ffffff', width: 600, font_family: 'arial', text_color: '#1f2328', link_color: '#1c5fb8' },
      sections: [{ id: 's1', background_color: '#ffffff', padding: 16, columns: [{ id: 'c1', blocks: [{ id: 'b1', type: 'text', html: '<p>Bonjour</p>' }] }] }],
    };
    const changed = await ws.client.patch(`${BASE}/${draft.id}`, { subject: 'Nouveau sujet', editor_document: document });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ subject: 'Nouveau sujet', editor_document: document, name: 'Newsletter Novembre' });

    await markSent(draft.id);
    const copy = await ws.client.post(`${BASE}/${draft.id}/duplicate`, {});
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({
      name: 'Newsletter Novembre (copie)',
      subject: 'Nouveau sujet',
      html_content: changed.json().html_content,
      editor_document: document,
      status: 'draft',
      sent_at: null,
      total_sent: 0,
      open_rate: null,
    });
    expect((await ws.client.post(`${BASE}/${draft.id}/duplicate`, { name: 'Copy of November' })).json().name).toBe('Copy of November');

    const edit = await ws.client.patch(`${BASE}/${draft.id}`, { subject: 'Trop tard' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().reason).toBe('campaign_sent');
    expect((await ws.client.patch(`${BASE}/${draft.id}`, { name: 'Novembre (envoyée)' })).json()).toMatchObject({
      name: 'Novembre (envoyée)',
      subject: 'Nouveau sujet',
      status: 'completed',
    });
    const removal = await ws.client.delete(`${BASE}/${draft.id}`);
    expect(removal.statusCode).toBe(409);
    expect((await ws.client.delete(`${BASE}/${copy.json().id}`)).statusCode).toBe(204);
    expect((await ws.client.get(`${BASE}/${copy.json().id}`)).statusCode).toBe(404);
  });
});
