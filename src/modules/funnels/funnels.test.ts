import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../test/harness.js';
import {
  MAX_PAGE_DOCUMENT_CHARS,
  MAX_PAGE_HTML_CHARS,
  type TFunnel,
  type TFunnelPage,
  type TFunnelPageSummary,
  type TFunnelStats,
} from '../../contracts/funnels.js';
import { seedFunnelDemo } from './funnels.demo.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0';
const OPTIN_HTML = `<section><h1>Le guide</h1>
<form data-mk="optin-form" data-msg-required="Champ requis !">
  <label>Prénom <input name="first_name" required></label>
  <label>E-mail <input name="email" type="email"></label>
  <label><input type="checkbox" name="consent" required> <span data-mk-consent-text>J'accepte de recevoir vos e-mails.</span></label>
  <button type="submit">Je le veux</button>
</form><a data-mk="next-step" href="#">Suite</a><script>alert(1)</script><img src="x" onerror="alert(2)"></section>`;

async function createFunnel(owner: SignedUp, body: Record<string, unknown> = {}) {
  const res = await owner.client.post('/api/marketing/funnels', { name: 'Guide gratuit', funnel_type: 'lead_magnet', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as TFunnel;
}

async function addPage(owner: SignedUp, funnelId: string, body: Record<string, unknown>) {
  const res = await owner.client.post(`/api/marketing/funnels/${funnelId}/pages`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as TFunnelPage;
}

/** A published lead-magnet funnel: an opt-in page then a thank-you page. */
async function publishedFunnel(owner: SignedUp, js = '') {
  const funnel = await createFunnel(owner);
  const optin = await addPage(owner, funnel.id, {
    name: 'Inscription',
    page_type: 'optin',
    html_content: OPTIN_HTML,
    css_content: 'h1{color:navy}',
    js_content: js,
  });
  const thanks = await addPage(owner, funnel.id, { name: 'Merci', page_type: 'thank_you', html_content: '<h1>Merci !</h1>' });
  const published = await owner.client.post(`/api/marketing/funnels/${funnel.id}/publish`, {});
  expect(published.statusCode, published.body).toBe(200);
  return { funnel: published.json() as TFunnel, optin, thanks };
}

function visit(url: string, headers: Record<string, string> = {}) {
  return t.publicApp.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER, accept: 'text/html', ...headers } });
}

function optIn(pageId: string, payload: Record<string, string>, headers: Record<string, string> = { accept: 'application/json' }) {
  return t.publicApp.inject({ method: 'POST', url: `/p/${pageId}/form/0`, payload, headers: { 'user-agent': BROWSER, ...headers } });
}

describe('funnels and pages', () => {
  it('creates a funnel with a slug from its name, lists it, changes and deletes it', async () => {
    const owner = await signUp(t.app);
    const funnel = await createFunnel(owner, { name: 'Défi 5 jours : Été' });
    expect(funnel).toMatchObject({
      funnel_type: 'lead_magnet',
      is_active: false,
      is_template: false,
      total_visitors: 0,
      conversion_rate: null,
      page_count: 0,
      public_url: null,
    });
    expect(funnel.slug).toMatch(/^defi-5-jours-ete(-\d+)?$/);
    const again = await createFunnel(owner, { name: 'Défi 5 jours : Été' });
    expect(again.slug).not.toBe(funnel.slug);

    const list = (await owner.client.get('/api/marketing/funnels')).json() as { items: TFunnel[] };
    expect(list.items.map((f) => f.id)).toEqual([again.id, funnel.id]);
    const taken = await owner.client.patch(`/api/marketing/funnels/${again.id}`, { slug: funnel.slug });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ reason: 'slug_taken' });
    const reserved = await owner.client.patch(`/api/marketing/funnels/${again.id}`, { slug: 'files' });
    expect(reserved.statusCode).toBe(400);
    const bad = await owner.client.patch(`/api/marketing/funnels/${again.id}`, { slug: 'Pas un slug' });
    expect(bad.statusCode).toBe(400);
    expect((await owner.client.patch(`/api/marketing/funnels/${again.id}`, { name: 'Autre', double_optin: true })).json()).toMatchObject({
      name: 'Autre',
      double_optin: true,
    });
    expect((await owner.client.delete(`/api/marketing/funnels/${again.id}`)).statusCode).toBe(204);
    expect((await owner.client.get(`/api/marketing/funnels/${again.id}`)).statusCode).toBe(404);
  });

  it('adds pages in order, inserts, reorders, refuses a next step outside the funnel, deletes and renumbers', async () => {
    const owner = await signUp(t.app);
    const funnel = await createFunnel(owner);
    const a = await addPage(owner, funnel.id, { name: 'Opt-in', page_type: 'optin' });
    const c = await addPage(owner, funnel.id, { name: 'Merci', page_type: 'thank_you' });
    const b = await addPage(owner, funnel.id, { name: 'Offre spéciale', page_type: 'sales', order: 1 });
    expect([a.slug, b.slug, c.slug]).toEqual(['opt-in', 'offre-speciale', 'merci']);
    const pages = async () => ((await owner.client.get(`/api/marketing/funnels/${funnel.id}/pages`)).json() as { items: TFunnelPageSummary[] }).items;
    expect((await pages()).map((p) => [p.name, p.order])).toEqual([
      ['Opt-in', 0],
      ['Offre spéciale', 1],
      ['Merci', 2],
    ]);
    const reordered = await owner.client.post(`/api/marketing/funnels/${funnel.id}/pages/reorder`, { page_ids: [c.id, a.id, b.id] });
    expect(reordered.statusCode).toBe(200);
    expect((await pages()).map((p) => p.id)).toEqual([c.id, a.id, b.id]);
    expect((await owner.client.post(`/api/marketing/funnels/${funnel.id}/pages/reorder`, { page_ids: [c.id, a.id] })).statusCode).toBe(400);

    const other = await createFunnel(owner);
    const foreign = await addPage(owner, other.id, { name: 'Ailleurs', page_type: 'optin' });
    const wrongNext = await owner.client.patch(`/api/marketing/funnels/${funnel.id}/pages/${a.id}`, { next_page_id: foreign.id });
    expect(wrongNext.statusCode).toBe(400);
    expect((await owner.client.patch(`/api/marketing/funnels/${funnel.id}/pages/${a.id}`, { next_page_id: b.id })).json()).toMatchObject({
      next_page_id: b.id,
    });
    const dupSlug = await owner.client.patch(`/api/marketing/funnels/${funnel.id}/pages/${b.id}`, { slug: 'opt-in' });
    expect(dupSlug.statusCode).toBe(409);
    // A page of another funnel is not found under this one.
    expect((await owner.client.get(`/api/marketing/funnels/${funnel.id}/pages/${foreign.id}`)).statusCode).toBe(404);

    expect((await owner.client.delete(`/api/marketing/funnels/${funnel.id}/pages/${a.id}`)).statusCode).toBe(204);
    expect((await pages()).map((p) => [p.id, p.order])).toEqual([
      [c.id, 0],
      [b.id, 1],
    ]);
  });

  it("keeps another workspace's funnel and pages out of reach", async () => {
    const owner = await signUp(t.app);
    const stranger = await signUp(t.app);
    const { funnel, optin } = await publishedFunnel(owner);
    expect((await stranger.client.get(`/api/marketing/funnels/${funnel.id}/pages/${optin.id}`)).statusCode).toBe(404);
    expect((await stranger.client.patch(`/api/marketing/funnels/${funnel.id}/pages/${optin.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await stranger.client.delete(`/api/marketing/funnels/${funnel.id}/pages/${optin.id}`)).statusCode).toBe(404);
    const mine = await createFunnel(stranger);
    // Their own funnel id with my page id: still not found.
    expect((await stranger.client.get(`/api/marketing/funnels/${mine.id}/pages/${optin.id}`)).statusCode).toBe(404);
    expect((await stranger.client.patch(`/api/marketing/funnels/${mine.id}/pages/${optin.id}`, { name: 'x' })).statusCode).toBe(404);
  });

  it('duplicates a funnel with its pages, unpublished, next steps pointing at the copies', async () => {
    const owner = await signUp(t.app);
    const { funnel, optin, thanks } = await publishedFunnel(owner);
    await owner.client.patch(`/api/marketing/funnels/${funnel.id}/pages/${optin.id}`, { next_page_id: thanks.id });
    const res = await owner.client.post(`/api/marketing/funnels/${funnel.id}/duplicate`, {});
    expect(res.statusCode).toBe(201);
    const copy = res.json() as TFunnel;
    expect(copy).toMatchObject({ name: 'Guide gratuit (copie)', is_active: false, page_count: 2, total_visitors: 0 });
    expect(copy.slug).not.toBe(funnel.slug);
    const pages = ((await owner.client.get(`/api/marketing/funnels/${copy.id}/pages`)).json() as { items: TFunnelPageSummary[] }).items;
    expect(pages.map((p) => [p.name, p.is_published])).toEqual([
      ['Inscription', false],
      ['Merci', false],
    ]);
    expect(pages[0]!.next_page_id).toBe(pages[1]!.id);
    const full = (await owner.client.get(`/api/marketing/funnels/${copy.id}/pages/${pages[0]!.id}`)).json() as TFunnelPage;
    expect(full.html_content).toBe(OPTIN_HTML);
  });
});

describe('publishing on the public server', () => {
  it('serves the rendered page with its ETag and CSP, our script, the page script; never inline script', async () => {
    const owner = await signUp(t.app);
    const { funnel, optin } = await publishedFunnel(owner, 'console.log("page js")');
    expect(funnel.public_url).toBe(`${t.runtime.config.publicUrl}/${funnel.slug}/inscription`);
    const res = await visit(`/${funnel.slug}/inscription`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain('frame-src https://www.youtube-nocookie.com');
    expect(res.body).toContain('<html lang="fr">');
    expect(res.body).toContain('h1{color:navy}');
    expect(res.body).toContain(`action="/p/${optin.id}/form/0"`);
    expect(res.body).toContain(`href="/p/${optin.id}/next"`);
    expect(res.body).not.toContain('alert(1)');
    expect(res.body).not.toContain('onerror');
    const script = /<script src="(\/p\/[^"]+\/[0-9a-f]{16}\.js)"/.exec(res.body)?.[1];
    expect(script).toBeDefined();
    const js = await t.publicApp.inject({ method: 'GET', url: script! });
    expect(js.statusCode).toBe(200);
    expect(js.body).toBe('console.log("page js")');
    expect((await t.publicApp.inject({ method: 'GET', url: '/p/runtime.js' })).headers['content-type']).toContain('javascript');

    const again = await visit(`/${funnel.slug}/inscription`, { 'if-none-match': res.headers.etag as string });
    expect(again.statusCode).toBe(304);
    // The funnel's address alone is its first page.
    expect((await visit(`/${funnel.slug}`)).body).toBe(res.body);
    // The page's JavaScript is not on the admin origin.
    expect((await t.app.inject({ method: 'GET', url: script! })).body).not.toContain('page js');
  });

  it('answers the public 404 for unknown, unpublished and deleted pages and funnels', async () => {
    const owner = await signUp(t.app);
    const { funnel, optin, thanks } = await publishedFunnel(owner);
    expect((await visit(`/${funnel.slug}/nope`)).statusCode).toBe(404);
    expect((await visit('/no-such-funnel/inscription')).statusCode).toBe(404);
    await owner.client.patch(`/api/marketing/funnels/${funnel.id}/pages/${thanks.id}`, { is_published: false });
    expect((await visit(`/${funnel.slug}/merci`)).statusCode).toBe(404);
    expect((await visit(`/${funnel.slug}/inscription`)).statusCode).toBe(200);
    await owner.client.post(`/api/marketing/funnels/${funnel.id}/unpublish`, {});
    const off = await visit(`/${funnel.slug}/inscription`);
    expect(off.statusCode).toBe(404);
    expect(off.body).toContain('Page introuvable');
    expect((await optIn(optin.id, { email: uniqueEmail('x'), first_name: 'X', consent: 'on' })).statusCode).toBe(404);
    await owner.client.post(`/api/marketing/funnels/${funnel.id}/publish`, {});
    // A page taken down on purpose stays down when the funnel is published again.
    expect((await visit(`/${funnel.slug}/merci`)).statusCode).toBe(404);
    expect((await visit(`/${funnel.slug}/inscription`)).statusCode).toBe(200);
    // Views still in the buffer when their funnel is deleted are dropped alone: the batch's other events are written.
    const other = await publishedFunnel(owner);
    await visit(`/${other.funnel.slug}/inscription`);
    await owner.client.delete(`/api/marketing/funnels/${funnel.id}`);
    expect((await visit(`/${funnel.slug}/inscription`)).statusCode).toBe(404);
    await t.publicApp.flushFunnelEvents();
    expect(((await owner.client.get(`/api/marketing/funnels/${other.funnel.id}`)).json() as TFunnel).total_visitors).toBe(1);
  });

  it('shows edits only once published again, and says so meanwhile', async () => {
    const owner = await signUp(t.app);
    const { funnel, thanks } = await publishedFunnel(owner);
    const edited = (
      await owner.client.patch(`/api/marketing/funnels/${funnel.id}/pages/${thanks.id}`, { html_content: '<h1>Merci beaucoup</h1>' })
    ).json() as TFunnelPage;
    expect(edited.has_unpublished_changes).toBe(true);
    expect((await visit(`/${funnel.slug}/merci`)).body).not.toContain('Merci beaucoup');
    const republished = (await owner.client.patch(`/api/marketing/funnels/${funnel.id}/pages/${thanks.id}`, { is_published: true })).json() as TFunnelPage;
    expect(republished.has_unpublished_changes).toBe(false);
    expect((await visit(`/${funnel.slug}/merci`)).body).toContain('Merci beaucoup');
  });

  it('saves a page as large as its limits allow (above the general body limit), and refuses a document past its own', async () => {
    const owner = await signUp(t.app);
    const { funnel, thanks } = await publishedFunnel(owner);
    const path = `/api/marketing/funnels/${funnel.id}/pages/${thanks.id}`;
    const big = {
      html_content: `<p>${'é'.repeat(MAX_PAGE_HTML_CHARS - 7)}</p>`,
      builder_document: { pages: [{ text: 'x'.repeat(MAX_PAGE_DOCUMENT_CHARS - 100) }] },
    };
    expect(JSON.stringify(big).length).toBeGreaterThan(t.runtime.config.bodyLimitBytes);
    const saved = await owner.client.patch(path, big);
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(200);
    const tooBig = await owner.client.patch(path, { builder_document: { pages: [{ text: 'x'.repeat(MAX_PAGE_DOCUMENT_CHARS) }] } });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().errors[0]).toMatchObject({ path: 'body.builder_document', code: 'document_too_large' });
  });
});

describe('opt-in forms', () => {
  it('creates the lead with source, page, UTM and consent, records funnel_optin and sends the visitor on', async () => {
    const owner = await signUp(t.app);
    const { funnel, optin } = await publishedFunnel(owner);
    const email = uniqueEmail('optin');
    const res = await optIn(optin.id, {
      email,
      first_name: 'Léa',
      consent: 'on',
      utm_source: 'facebook',
      utm_medium: 'cpc',
      utm_campaign: 'ete',
      mk_ref: 'https://m.facebook.com/x',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ redirect: `${t.runtime.config.publicUrl}/${funnel.slug}/merci` });
    const leads = (await owner.client.get(`/api/marketing/leads?search=${encodeURIComponent(email)}`)).json() as { items: Record<string, unknown>[] };
    expect(leads.items).toHaveLength(1);
    const lead = leads.items[0]!;
    expect(lead).toMatchObject({
      email,
      first_name: 'Léa',
      source: 'funnel',
      source_url: `${t.runtime.config.publicUrl}/${funnel.slug}/inscription`,
      utm_source: 'facebook',
      utm_medium: 'cpc',
      utm_campaign: 'ete',
      consent_source: `funnel:${funnel.slug}/inscription`,
      consent_ip: '127.0.0.1',
    });
    const timeline = (await owner.client.get(`/api/marketing/leads/${lead.id as string}/timeline`)).json() as {
      items: { event_type: string; data: Record<string, unknown> }[];
    };
    const event = timeline.items.find((e) => e.event_type === 'funnel_optin');
    expect(event?.data).toMatchObject({ funnel_id: funnel.id, page_id: optin.id, utm_source: 'facebook', consent_text: "J'accepte de recevoir vos e-mails." });
    const after = (await owner.client.get(`/api/marketing/funnels/${funnel.id}`)).json() as TFunnel;
    expect(after.total_leads).toBe(1);
  });

  it("refuses a bad submission with the form's own messages, in JSON or as a page, and writes nothing", async () => {
    const owner = await signUp(t.app);
    const { optin } = await publishedFunnel(owner);
    const res = await optIn(optin.id, { email: 'pas-un-email', first_name: '' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      errors: [
        { field: 'first_name', message: 'Champ requis !' },
        { field: 'email', message: 'Saisissez une adresse e-mail valide.' },
        { field: 'consent', message: 'Cochez la case pour continuer.' },
      ],
    });
    const page = await optIn(optin.id, { email: '' }, { accept: 'text/html' });
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('Champ requis !');
    const leads = (await owner.client.get('/api/marketing/leads')).json() as { items: unknown[] };
    expect(leads.items).toHaveLength(0);
  });

  it('records nothing for a filled honeypot, completes an existing lead without overwriting it, and skips an erased email', async () => {
    const owner = await signUp(t.app);
    const { optin } = await publishedFunnel(owner);
    const bot = await optIn(optin.id, { email: uniqueEmail('bot'), first_name: 'Bot', consent: 'on', website: 'http://spam.example' });
    expect(bot.statusCode).toBe(200);
    expect(((await owner.client.get('/api/marketing/leads')).json() as { items: unknown[] }).items).toHaveLength(0);

    const email = uniqueEmail('known');
    const known = (await owner.client.post('/api/marketing/leads', { email, first_name: 'Camille', utm_source: 'salon' })).json() as { id: string };
    const res = await optIn(optin.id, { email: email.toUpperCase(), first_name: 'Autre', consent: 'on', utm_source: 'google' }, { accept: 'text/html' });
    expect(res.statusCode).toBe(303);
    const lead = (await owner.client.get(`/api/marketing/leads/${known.id}`)).json() as Record<string, unknown>;
    expect(lead).toMatchObject({ first_name: 'Camille', utm_source: 'salon' });
    expect(lead.consent_at).not.toBeNull();

    const erased = uniqueEmail('erased');
    const gone = (await owner.client.post('/api/marketing/leads', { email: erased })).json() as { id: string };
    await owner.client.post(`/api/marketing/leads/${gone.id}/erase`, {});
    expect((await optIn(optin.id, { email: erased, first_name: 'E', consent: 'on' })).statusCode).toBe(200);
    const all = (await owner.client.get('/api/marketing/leads')).json() as { items: { email: string }[] };
    expect(all.items.map((l) => l.email)).toEqual([email]);
  });

  it('gives one lead for the same address sent twice at once, and keeps page order under concurrent additions (PostgreSQL)', async () => {
    const owner = await signUp(t.app);
    const { funnel, optin } = await publishedFunnel(owner);
    const email = uniqueEmail('twice');
    const answers = await Promise.all([
      optIn(optin.id, { email, first_name: 'Une', consent: 'on' }),
      optIn(optin.id, { email: email.toUpperCase(), first_name: 'Deux', consent: 'on' }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    const leads = (await owner.client.get(`/api/marketing/leads?search=${encodeURIComponent(email)}`)).json() as { items: unknown[] };
    expect(leads.items).toHaveLength(1);
    expect(((await owner.client.get(`/api/marketing/funnels/${funnel.id}`)).json() as TFunnel).total_leads).toBe(1);

    const added = await Promise.all(
      ['A', 'B', 'C', 'D'].map((name) => owner.client.post(`/api/marketing/funnels/${funnel.id}/pages`, { name, page_type: 'sales' })),
    );
    expect(added.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
    const pages = ((await owner.client.get(`/api/marketing/funnels/${funnel.id}/pages`)).json() as { items: TFunnelPageSummary[] }).items;
    expect(pages.map((p) => p.order)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('counts unique visitors per page and funnel, not bots, and conversions', async () => {
    const owner = await signUp(t.app);
    const { funnel, optin } = await publishedFunnel(owner);
    await visit(`/${funnel.slug}/inscription`);
    await visit(`/${funnel.slug}/inscription`);
    await visit(`/${funnel.slug}/inscription`, { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile Safari/537.36' });
    await visit(`/${funnel.slug}/inscription`, { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' });
    const next = await t.publicApp.inject({ method: 'GET', url: `/p/${optin.id}/next`, headers: { 'user-agent': BROWSER } });
    expect(next.statusCode).toBe(302);
    expect(next.headers.location).toBe(`${t.runtime.config.publicUrl}/${funnel.slug}/merci`);
    await optIn(optin.id, { email: uniqueEmail('count'), first_name: 'C', consent: 'on' });
    await t.publicApp.flushFunnelEvents();
    const pages = ((await owner.client.get(`/api/marketing/funnels/${funnel.id}/pages`)).json() as { items: TFunnelPageSummary[] }).items;
    expect(pages[0]).toMatchObject({ visitors: 2, conversions: 1, conversion_rate: 0.5 });
    const after = (await owner.client.get(`/api/marketing/funnels/${funnel.id}`)).json() as TFunnel;
    expect(after).toMatchObject({ total_visitors: 2, total_leads: 1, conversion_rate: 0.5 });
  });

  it('reports steps, drop-off, leads, UTM and days over a range, and refuses a range too long', async () => {
    const owner = await signUp(t.app);
    const { funnel, optin, thanks } = await publishedFunnel(owner);
    const android = 'Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile Safari/537.36';
    await visit(`/${funnel.slug}/inscription?utm_source=facebook&utm_campaign=ete`);
    await visit(`/${funnel.slug}/inscription`, { 'user-agent': android });
    await optIn(optin.id, { email: uniqueEmail('stats'), first_name: 'S', consent: 'on', utm_source: 'facebook', utm_campaign: 'ete' });
    await visit(`/${funnel.slug}/merci`);
    await t.publicApp.flushFunnelEvents();
    const res = await owner.client.get(`/api/marketing/funnels/${funnel.id}/stats`);
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json() as TFunnelStats;
    expect(stats.steps).toEqual([
      expect.objectContaining({ page_id: optin.id, visitors: 2, unique_visitors: 2, conversions: 1, conversion_rate: 0.5, drop_off: null }),
      expect.objectContaining({ page_id: thanks.id, visitors: 1, unique_visitors: 1, conversions: 0, drop_off: 0.5 }),
    ]);
    expect(stats).toMatchObject({ unique_visitors: 2, leads: 1, conversion_rate: 0.5 });
    expect(stats.utm).toContainEqual({ utm_source: 'facebook', utm_medium: null, utm_campaign: 'ete', unique_visitors: 1, leads: 1, conversion_rate: 1 });
    expect(stats.days).toHaveLength(30);
    expect(stats.days.at(-1)).toMatchObject({ visitors: 3, leads: 1 });
    expect((await owner.client.get(`/api/marketing/funnels/${funnel.id}/stats?from=2020-01-01&to=2026-01-01`)).statusCode).toBe(400);
    expect((await owner.client.get(`/api/marketing/funnels/${funnel.id}/stats?from=2026-02-30`)).statusCode).toBe(400);
  });
});

describe('templates', () => {
  it('lists the built-in templates and a workspace template; every built-in one publishes with working forms', async () => {
    const owner = await signUp(t.app);
    const { funnel } = await publishedFunnel(owner);
    await owner.client.patch(`/api/marketing/funnels/${funnel.id}`, { is_template: true });
    const list = (await owner.client.get('/api/marketing/funnel-templates')).json() as {
      items: { id: string; source: string; language: string; pages: { page_type: string }[]; thumbnail_url: string | null }[];
    };
    expect(list.items[0]).toMatchObject({ id: `workspace:${funnel.id}`, source: 'workspace' });
    const builtIn = list.items.filter((i) => i.source === 'built_in');
    expect(new Set(builtIn.map((i) => i.language))).toEqual(new Set(['fr', 'en']));
    const french = (await owner.client.get('/api/marketing/funnel-templates?language=fr')).json() as { items: { language: string }[] };
    expect(french.items.every((i) => i.language === 'fr')).toBe(true);

    for (const template of builtIn) {
      const res = await owner.client.post('/api/marketing/funnels/from-template', { template_id: template.id, name: `Depuis ${template.id}` });
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json() as TFunnel;
      expect(created.page_count).toBe(template.pages.length);
      expect((await owner.client.post(`/api/marketing/funnels/${created.id}/publish`, {})).statusCode).toBe(200);
      const pages = ((await owner.client.get(`/api/marketing/funnels/${created.id}/pages`)).json() as { items: TFunnelPageSummary[] }).items;
      for (const page of pages) {
        const served = await visit(new URL(page.public_url!).pathname);
        // A member page (the membership template's) sends a visitor to its sign-in page.
        if (page.members_only) {
          expect(served.statusCode, `${template.id}/${page.slug}`).toBe(303);
          expect(served.headers.location).toContain(`/p/members/${created.id}`);
          continue;
        }
        expect(served.statusCode, `${template.id}/${page.slug}`).toBe(200);
        if (page.page_type === 'optin') expect(served.body, `${template.id}/${page.slug}`).toContain(`action="/p/${page.id}/form/0"`);
        // No webinar schedule yet: an empty session list would block every visitor, so it is left out.
        expect(served.body, `${template.id}/${page.slug}`).not.toContain('name="session"');
      }
    }
    const copy = await owner.client.post('/api/marketing/funnels/from-template', { template_id: `workspace:${funnel.id}`, name: 'Copie du modèle' });
    expect(copy.statusCode).toBe(201);
    expect((copy.json() as TFunnel).page_count).toBe(2);
    expect((await owner.client.post('/api/marketing/funnels/from-template', { template_id: 'nope', name: 'x' })).statusCode).toBe(400);
    const stranger = await signUp(t.app);
    expect((await stranger.client.post('/api/marketing/funnels/from-template', { template_id: `workspace:${funnel.id}`, name: 'x' })).statusCode).toBe(400);

    // Each template's picture is its first page, sandboxed: no script runs, even opened on its own; another workspace's is not shown.
    const ownPreview = await owner.client.get(list.items[0]!.thumbnail_url!);
    expect(ownPreview.statusCode).toBe(200);
    expect(ownPreview.headers['content-type']).toContain('text/html');
    expect(ownPreview.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    expect(ownPreview.body).toContain('Le guide');
    expect(ownPreview.body).not.toContain('alert(');
    expect((await owner.client.get(builtIn[0]!.thumbnail_url!)).statusCode).toBe(200);
    expect((await stranger.client.get(list.items[0]!.thumbnail_url!)).statusCode).toBe(404);
  });
});

describe('demo funnels', () => {
  it('publishes a lead magnet, a webinar and a product funnel from the templates, visited through the public server, with leads and days of stats', async () => {
    const owner = await signUp(t.app);
    await seedFunnelDemo(t.runtime, owner.workspaceId, owner.userId, t.publicApp);
    const list = (await owner.client.get('/api/marketing/funnels')).json() as { items: TFunnel[] };
    expect(list.items.map((f) => f.funnel_type).sort()).toEqual(['lead_magnet', 'product', 'webinar']);
    // The product funnel's buyers come from the commerce demo (checkout.demo.ts); here it has visitors only.
    expect(list.items.find((f) => f.funnel_type === 'product')!.total_visitors).toBeGreaterThan(20);
    for (const funnel of list.items.filter((f) => f.funnel_type !== 'product')) {
      expect(funnel.is_active).toBe(true);
      expect(funnel.total_visitors).toBeGreaterThan(20);
      expect(funnel.total_leads).toBeGreaterThan(3);
      const stats = (await owner.client.get(`/api/marketing/funnels/${funnel.id}/stats`)).json() as TFunnelStats;
      expect(stats.leads).toBe(funnel.total_leads);
      expect(stats.days.filter((d) => d.visitors > 0).length).toBeGreaterThan(5);
      expect(stats.utm.some((u) => u.utm_source === 'facebook')).toBe(true);
    }
    const leads = (await owner.client.get('/api/marketing/leads?limit=100')).json() as { items: { source: string }[] };
    expect(leads.items.every((l) => l.source === 'funnel')).toBe(true);
  });
});
