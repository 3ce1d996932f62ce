import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDns, type TTestDns } from '../../../test/dns-server.js';
import { signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../test/harness.js';
import type { TFunnel, TFunnelPage } from '../../contracts/funnels.js';
import type { TDomain } from '../../contracts/workspaces.js';
import { forgetLivePages } from './publishing/live-page-cache.js';
import { watchPageUrl } from './webinar/webinar-register.js';

// A funnel on the workspace's own domain: the domain proved by its TXT record, then the funnel at `/` and
// `/<page slug>` on that Host, its next steps and form redirects staying on it, and nothing of other workspaces there.

let t: TestContext;
let dns: TTestDns;
beforeAll(async () => {
  dns = await startTestDns();
  t = await startTestApp({ DNS_SERVERS: dns.server, PUBLIC_URL: 'https://go.product.example' });
});
afterAll(async () => {
  await t.close();
  await dns.close();
});

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0';
const OPTIN = `<form data-mk="optin-form"><input name="email" type="email" required><button>OK</button></form><a data-mk="next-step" href="#">Suite</a>`;

function get(host: string, url: string) {
  return t.publicApp.inject({ method: 'GET', url, headers: { host, 'user-agent': BROWSER, accept: 'text/html' } });
}

async function provedDomain(owner: SignedUp, hostname: string): Promise<TDomain> {
  const domain = (await owner.client.post('/api/workspace/domains', { hostname })).json() as TDomain;
  dns.setTxt(domain.txt_name, [[domain.txt_value]]);
  const proved = await owner.client.post(`/api/workspace/domains/${domain.id}/verify`);
  expect(proved.json().status).toBe('verified');
  return proved.json() as TDomain;
}

async function publishedFunnel(owner: SignedUp, name: string) {
  const funnel = (await owner.client.post('/api/marketing/funnels', { name, funnel_type: 'lead_magnet' })).json() as TFunnel;
  const pages: TFunnelPage[] = [];
  for (const body of [
    { name: 'Inscription', slug: 'inscription', page_type: 'optin', html_content: `<h1>${name}</h1>${OPTIN}` },
    { name: 'Merci', slug: 'merci', page_type: 'thank_you', html_content: '<h1>Merci !</h1>' },
  ]) {
    pages.push((await owner.client.post(`/api/marketing/funnels/${funnel.id}/pages`, body)).json() as TFunnelPage);
  }
  expect((await owner.client.post(`/api/marketing/funnels/${funnel.id}/publish`, {})).statusCode).toBe(200);
  return { funnel, optin: pages[0]!, thanks: pages[1]! };
}

describe('funnels on a custom domain', () => {
  it('answers at / and /<page slug> once the domain is proved and chosen, and keeps visitors on it', async () => {
    const owner = await signUp(t.app);
    const { funnel, optin } = await publishedFunnel(owner, 'Atelier du domaine');
    const pending = (await owner.client.post('/api/workspace/domains', { hostname: 'pages.atelier.example' })).json() as TDomain;
    const chosen = await owner.client.patch(`/api/marketing/funnels/${funnel.id}`, { domain_id: pending.id });
    expect(chosen.json()).toMatchObject({ domain_id: pending.id, domain_hostname: 'pages.atelier.example', domain_url: null });
    // Chosen but not proved: the host serves nothing.
    expect((await get('pages.atelier.example', '/')).statusCode).toBe(404);

    dns.setTxt(pending.txt_name, [[pending.txt_value]]);
    expect((await owner.client.post(`/api/workspace/domains/${pending.id}/verify`)).json().status).toBe('verified');
    forgetLivePages(); // the public server would see the proof within seconds; the test does not wait for it
    expect((await owner.client.get(`/api/marketing/funnels/${funnel.id}`)).json().domain_url).toBe('https://pages.atelier.example/inscription');

    const home = await get('pages.atelier.example', '/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Atelier du domaine');
    expect((await get('pages.atelier.example:443', '/merci')).body).toContain('Merci !');
    expect((await get('pages.atelier.example', '/absente')).statusCode).toBe(404);
    // The funnel's usual address still works on the product's own host.
    expect((await get('go.product.example', `/${funnel.slug}/inscription`)).statusCode).toBe(200);

    // The next step and the form's redirect stay on the domain; the lead's source is the address the visitor saw.
    const next = await t.publicApp.inject({ method: 'GET', url: `/p/${optin.id}/next`, headers: { host: 'pages.atelier.example', 'user-agent': BROWSER } });
    expect(next.headers.location).toBe('/merci');
    const email = uniqueEmail();
    const posted = await t.publicApp.inject({
      method: 'POST',
      url: `/p/${optin.id}/form/0`,
      headers: { host: 'pages.atelier.example', 'user-agent': BROWSER, accept: 'application/json' },
      payload: { email },
    });
    expect(posted.json()).toEqual({ redirect: '/merci' });
    const leads = (await owner.client.get(`/api/marketing/leads?search=${encodeURIComponent(email)}`)).json() as { items: { source_url: string | null }[] };
    expect(leads.items[0]?.source_url).toBe('http://pages.atelier.example/inscription');
    // On the product's own host the same link goes to the full public address.
    const nextThere = await t.publicApp.inject({ method: 'GET', url: `/p/${optin.id}/next`, headers: { host: 'go.product.example', 'user-agent': BROWSER } });
    expect(nextThere.headers.location).toBe(`https://go.product.example/${funnel.slug}/merci`);
  });

  it("shows only the workspace's own funnels on its domain, one funnel per domain, and stops when the domain goes", async () => {
    const owner = await signUp(t.app);
    const domain = await provedDomain(owner, 'tunnels.coach.example');
    const first = await publishedFunnel(owner, 'Premier tunnel');
    const second = await publishedFunnel(owner, 'Second tunnel');
    expect((await owner.client.patch(`/api/marketing/funnels/${first.funnel.id}`, { domain_id: domain.id })).statusCode).toBe(200);
    const taken = await owner.client.patch(`/api/marketing/funnels/${second.funnel.id}`, { domain_id: domain.id });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().reason).toBe('domain_has_funnel');

    const stranger = await signUp(t.app);
    const foreign = await publishedFunnel(stranger, 'Tunnel voisin');
    const notMine = await stranger.client.patch(`/api/marketing/funnels/${foreign.funnel.id}`, { domain_id: domain.id });
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json().errors[0]).toMatchObject({ path: 'body.domain_id', code: 'unknown_domain' });
    forgetLivePages();

    // Another funnel of the same workspace by its full path: yes; another workspace's funnel: never on this domain.
    expect((await get('tunnels.coach.example', `/${second.funnel.slug}/inscription`)).body).toContain('Second tunnel');
    expect((await get('tunnels.coach.example', `/${foreign.funnel.slug}/inscription`)).statusCode).toBe(404);
    expect((await get('go.product.example', `/${foreign.funnel.slug}/inscription`)).statusCode).toBe(200);

    // Unpublished: 404 on the domain too. Domain removed: the funnel no longer answers there.
    await owner.client.post(`/api/marketing/funnels/${first.funnel.id}/unpublish`, {});
    expect((await get('tunnels.coach.example', '/')).statusCode).toBe(404);
    await owner.client.post(`/api/marketing/funnels/${first.funnel.id}/publish`, {});
    expect((await get('tunnels.coach.example', '/')).statusCode).toBe(200);
    expect((await owner.client.delete(`/api/workspace/domains/${domain.id}`)).statusCode).toBe(204);
    forgetLivePages();
    expect((await get('tunnels.coach.example', '/')).statusCode).toBe(404);
    expect((await owner.client.get(`/api/marketing/funnels/${first.funnel.id}`)).json()).toMatchObject({ domain_id: null, domain_url: null });
  });

  it("gives a webinar's reminders the watch page on the funnel's domain once it is proved and chosen", async () => {
    const owner = await signUp(t.app);
    const funnel = (
      await owner.client.post('/api/marketing/funnels/from-template', { template_id: 'webinar-fr', name: 'Masterclass domaine' })
    ).json() as TFunnel;
    expect((await owner.client.post(`/api/marketing/funnels/${funnel.id}/publish`, {})).statusCode).toBe(200);
    const room = ((await owner.client.get(`/api/marketing/funnels/${funnel.id}/pages`)).json().items as TFunnelPage[]).find((p) => p.page_type === 'webinar')!;
    const live = { funnelId: funnel.id, funnelSlug: funnel.slug };
    expect(await watchPageUrl(t.runtime.db, t.runtime.config.publicUrl, live)).toBe(`https://go.product.example/${funnel.slug}/${room.slug}`);
    const domain = await provedDomain(owner, 'live.coach.example');
    expect((await owner.client.patch(`/api/marketing/funnels/${funnel.id}`, { domain_id: domain.id })).statusCode).toBe(200);
    expect(await watchPageUrl(t.runtime.db, t.runtime.config.publicUrl, live)).toBe(`https://live.coach.example/${room.slug}`);
    expect((await get('live.coach.example', `/${room.slug}`)).statusCode).toBe(200);
  });

  it.runIf(process.env.TEST_DB === 'postgres')('lets one workspace only prove a name when two check at the same moment', async () => {
    const [a, b] = [await signUp(t.app), await signUp(t.app)];
    const claims = await Promise.all(
      [a, b].map(async (owner) => (await owner.client.post('/api/workspace/domains', { hostname: 'course.example' })).json() as TDomain),
    );
    dns.setTxt(
      claims[0]!.txt_name,
      claims.map((c) => [c.txt_value]),
    );
    const answers = await Promise.all([a, b].map((owner, i) => owner.client.post(`/api/workspace/domains/${claims[i]!.id}/verify`)));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.statusCode === 409)!.json().reason).toBe('domain_taken');
  });
});
