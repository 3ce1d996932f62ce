import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../../test/harness.js';
import type { TFunnel, TFunnelPage } from '../../../contracts/funnels.js';

// Ad click ids (gclid, fbclid, li_fat_id) travel from the landing address into the opt-in's `funnel_optin` event,
// beside the UTM values, so the ads module can send a won deal back matched on the click.

let t: TestContext;
let owner: SignedUp;

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUp(t.app);
});
afterAll(() => t.close());

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0';
const OPTIN_HTML = `<form data-mk="optin-form"><label>E-mail <input name="email" type="email"></label>
  <label><input type="checkbox" name="consent"> <span data-mk-consent-text>J'accepte.</span></label><button>OK</button></form>`;

async function publishedOptin(): Promise<{ funnel: TFunnel; optin: TFunnelPage }> {
  const funnel = (await owner.client.post('/api/marketing/funnels', { name: 'Clics publicitaires', funnel_type: 'lead_magnet' })).json() as TFunnel;
  const res = await owner.client.post(`/api/marketing/funnels/${funnel.id}/pages`, { name: 'Inscription', page_type: 'optin', html_content: OPTIN_HTML });
  expect(res.statusCode, res.body).toBe(201);
  const published = await owner.client.post(`/api/marketing/funnels/${funnel.id}/publish`, {});
  expect(published.statusCode, published.body).toBe(200);
  return { funnel: published.json() as TFunnel, optin: res.json() as TFunnelPage };
}

async function optinEvent(email: string): Promise<Record<string, unknown>> {
  const { rows } = await t.runtime.database.raw.query<{ data: Record<string, unknown> }>(
    `SELECT e.data FROM lead_events e JOIN leads l ON l.id = e.lead_id WHERE l.workspace_id = $1 AND lower(l.email) = $2 AND e.event_type = 'funnel_optin'`,
    [owner.workspaceId, email.toLowerCase()],
  );
  expect(rows).toHaveLength(1);
  return rows[0]!.data;
}

describe('ad click ids on opt-ins', () => {
  it('renders hidden fields the runtime script fills from the address', async () => {
    const { funnel } = await publishedOptin();
    const page = await t.publicApp.inject({ method: 'GET', url: `/${funnel.slug}/inscription`, headers: { 'user-agent': BROWSER, accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    for (const name of ['gclid', 'fbclid', 'li_fat_id', 'utm_campaign']) expect(page.body).toContain(`name="${name}"`);
    const script = await t.publicApp.inject({ method: 'GET', url: '/p/runtime.js' });
    expect(script.body).toContain("'gclid', 'fbclid', 'li_fat_id'");
  });

  it('keeps gclid, fbclid and li_fat_id in the funnel_optin event, bounded to 200 characters, never as lead columns', async () => {
    const { optin } = await publishedOptin();
    const email = uniqueEmail('clic');
    const res = await t.publicApp.inject({
      method: 'POST',
      url: `/p/${optin.id}/form/0`,
      payload: {
        email,
        consent: 'on',
        utm_source: 'google',
        utm_campaign: 'printemps',
        gclid: ' Cj0KCQiA-gclid ',
        fbclid: 'x'.repeat(300),
        li_fat_id: 'df7f1fa4-2e7a-4b1e-9b8a-3c8f2d9e1a11',
      },
      headers: { 'user-agent': BROWSER, accept: 'application/json' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const data = await optinEvent(email);
    expect(data).toMatchObject({ utm_source: 'google', utm_campaign: 'printemps', gclid: 'Cj0KCQiA-gclid', li_fat_id: 'df7f1fa4-2e7a-4b1e-9b8a-3c8f2d9e1a11' });
    expect(data.fbclid).toBe('x'.repeat(200));
    const lead = (
      await t.runtime.database.raw.query(`SELECT * FROM leads WHERE workspace_id = $1 AND lower(email) = $2`, [owner.workspaceId, email.toLowerCase()])
    ).rows[0] as Record<string, unknown>;
    expect(lead).toMatchObject({ utm_source: 'google', utm_campaign: 'printemps' });
    expect(Object.keys(lead).some((key) => key.includes('clid'))).toBe(false);
  });

  it('leaves them out when the visit had none (empty hidden fields)', async () => {
    const { optin } = await publishedOptin();
    const email = uniqueEmail('sansclic');
    const res = await t.publicApp.inject({
      method: 'POST',
      url: `/p/${optin.id}/form/0`,
      payload: { email, gclid: '', fbclid: '  ', li_fat_id: '' },
      headers: { 'user-agent': BROWSER, accept: 'application/json' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const data = await optinEvent(email);
    expect(Object.keys(data)).not.toContain('gclid');
    expect(Object.keys(data)).not.toContain('fbclid');
    expect(Object.keys(data)).not.toContain('li_fat_id');
  });
});
