import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../../test/harness.js';

let t: TestContext;
let owner: SignedUp;
beforeAll(async () => {
  t = await startTestApp();
  owner = await signUp(t.app);
  for (const field of [
    { key: 'budget', label: 'Budget', field_type: 'number' },
    { key: 'secteur', label: 'Secteur', field_type: 'select', options: ['Coaching', 'Formation'] },
    { key: 'rdv', label: 'Date du RDV', field_type: 'date' },
    { key: 'newsletter', label: 'Newsletter', field_type: 'boolean' },
    { key: 'site', label: 'Site web', field_type: 'text' },
  ]) {
    expect((await owner.client.post('/api/marketing/custom-fields', field)).statusCode).toBe(201);
  }
});
afterAll(() => t.close());

describe('custom fields', () => {
  it('lists definitions and refuses a duplicate key, a bad key and a select without options', async () => {
    const list = (await owner.client.get('/api/marketing/custom-fields')).json();
    expect(list.map((f: { key: string }) => f.key)).toEqual(['budget', 'secteur', 'rdv', 'newsletter', 'site']);
    const duplicate = await owner.client.post('/api/marketing/custom-fields', { key: 'budget', label: 'Autre', field_type: 'text' });
    expect(duplicate.statusCode).toBe(409);
    const badKey = await owner.client.post('/api/marketing/custom-fields', { key: 'Mon champ', label: 'x', field_type: 'text' });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().errors[0].path).toBe('body.key');
    const noOptions = await owner.client.post('/api/marketing/custom-fields', { key: 'choix', label: 'Choix', field_type: 'select' });
    expect(noOptions.json().errors).toEqual([{ path: 'body.options', message: 'a select field needs at least one option', code: 'select_needs_options' }]);
  });

  it('validates values on write, naming each bad field, and writes nothing then', async () => {
    const bad = await owner.client.post('/api/marketing/leads', {
      email: uniqueEmail('cf-bad'),
      custom_fields: { budget: 'beaucoup', secteur: 'Immobilier', rdv: '12/11/2026', inconnu: 1, newsletter: 'oui' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['budget', 'inconnu', 'newsletter', 'rdv', 'secteur'].map((k) => `body.custom_fields.${k}`));
    const listed = (await owner.client.get('/api/marketing/leads?q=cf-bad')).json();
    expect(listed.items).toHaveLength(0);
  });

  it('accepts only real calendar days in a date field, on create and on update', async () => {
    for (const rdv of ['2026-02-31', '2024-02-30', '0000-01-01', '2023-02-29T10:00:00Z', '2026-13-01']) {
      const res = await owner.client.post('/api/marketing/leads', { email: uniqueEmail('cf-date'), custom_fields: { rdv } });
      expect(res.statusCode, rdv).toBe(400);
      expect(res.json().errors, rdv).toEqual([{ path: 'body.custom_fields.rdv', message: 'must be a real date (YYYY-MM-DD)' }]);
    }
    const lead = (await owner.client.post('/api/marketing/leads', { email: uniqueEmail('cf-date'), custom_fields: { rdv: '2024-02-29' } })).json();
    expect(lead.custom_fields).toEqual({ rdv: '2024-02-29' });
    const patched = await owner.client.patch(`/api/marketing/leads/${lead.id}`, { custom_fields: { rdv: '2024-02-30' } });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().errors[0].path).toBe('body.custom_fields.rdv');
    expect((await owner.client.get(`/api/marketing/leads/${lead.id}`)).json().custom_fields).toEqual({ rdv: '2024-02-29' });
  });

  it('stores normalized values, merges updates, logs each change and removes a deleted field everywhere', async () => {
    const created = await owner.client.post('/api/marketing/leads', {
      email: uniqueEmail('cf-ok'),
      custom_fields: { budget: 3500, secteur: 'Coaching', rdv: '2026-11-12T10:00:00Z', newsletter: true },
    });
    expect(created.statusCode).toBe(201);
    const lead = created.json();
    expect(lead.custom_fields).toEqual({ budget: 3500, secteur: 'Coaching', rdv: '2026-11-12', newsletter: true });

    const updated = await owner.client.patch(`/api/marketing/leads/${lead.id}`, { custom_fields: { budget: 4000, newsletter: null } });
    expect(updated.json().custom_fields).toEqual({ budget: 4000, secteur: 'Coaching', rdv: '2026-11-12' });
    const events = (await owner.client.get(`/api/marketing/leads/${lead.id}/events`)).json();
    const changes = events.filter((e: { event_type: string }) => e.event_type === 'field_changed').map((e: { data: unknown }) => e.data);
    expect(changes).toEqual(
      expect.arrayContaining([
        { field: 'custom.budget', from: 3500, to: 4000 },
        { field: 'custom.newsletter', from: true, to: null },
      ]),
    );

    const fields = (await owner.client.get('/api/marketing/custom-fields')).json();
    const budget = fields.find((f: { key: string }) => f.key === 'budget');
    expect((await owner.client.delete(`/api/marketing/custom-fields/${budget.id}`)).statusCode).toBe(204);
    expect((await owner.client.get(`/api/marketing/leads/${lead.id}`)).json().custom_fields).toEqual({ secteur: 'Coaching', rdv: '2026-11-12' });
  });

  it('lets only admins change definitions', async () => {
    const key = await owner.client.post('/api/workspace/api-keys', { name: 'member key', role: 'member' });
    const memberClient = new Client(t.app, { bearer: key.json().key });
    const res = await memberClient.post('/api/marketing/custom-fields', { key: 'x', label: 'x', field_type: 'text' });
    expect(res.statusCode).toBe(403);
  });
});
