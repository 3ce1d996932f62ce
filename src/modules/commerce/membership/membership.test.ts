import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, uniqueEmail, type TestContext } from '../../../../test/harness.js';
import { outboxMessages } from '../../../platform/mail/outbox.tables.js';
import { TEST_CARDS } from '../payments/test-cards.js';
import { memberAccess } from './member-access.tables.js';
import { memberCookieName, membershipOnLeadEvents } from './membership.service.js';

// Member pages through the public server: closed to visitors (sign-in page), open to the buyer at once after paying
// and through the e-mailed link, a sign-in link on request (once a minute, the same answer for strangers), closed again
// by a refund; one welcome e-mail however often the event is dispatched.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36';

async function club() {
  const owner = await signUp(t.app);
  await owner.client.patch('/api/workspace', { legal_name: 'Club SAS', postal_address: '1 rue du Club, 75001 Paris' });
  const product = (await owner.client.post('/api/marketing/products', { name: 'Le Club', prices: [{ kind: 'one_time', amount_cents: 29_000 }] })).json() as {
    prices: { id: string }[];
  };
  const funnel = (await owner.client.post('/api/marketing/funnels', { name: 'Le Club', funnel_type: 'membership' })).json() as { id: string; slug: string };
  const add = async (name: string, page_type: string, html: string, members_only = false) =>
    (await owner.client.post(`/api/marketing/funnels/${funnel.id}/pages`, { name, page_type, html_content: html, members_only })).json() as {
      id: string;
      slug: string;
      members_only: boolean;
    };
  const sales = await add('Commande', 'sales', '<div data-mk="order-form"></div>');
  const welcome = await add('Bienvenue', 'thank_you', '<h1>Bienvenue</h1>');
  const member = await add('Espace membre', 'thank_you', '<h1>Contenu secret</h1>', true);
  expect(member.members_only).toBe(true);
  await owner.client.put(`/api/marketing/funnels/${funnel.id}/pages/${sales.id}/offer`, { price_id: product.prices[0]!.id });
  expect((await owner.client.post(`/api/marketing/funnels/${funnel.id}/publish`, {})).statusCode).toBe(200);
  return { owner, funnel, sales, welcome, member };
}

const visit = (url: string, cookie?: string) =>
  t.publicApp.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER, accept: 'text/html', ...(cookie ? { cookie } : {}) } });

async function buy(salesId: string, email: string) {
  const started = await t.publicApp.inject({
    method: 'POST',
    url: `/p/${salesId}/checkout`,
    headers: { 'user-agent': BROWSER, accept: 'application/json' },
    payload: { email, idempotency_key: `club-${email}` },
  });
  const paid = await t.publicApp.inject({
    method: 'POST',
    url: `/p/${salesId}/pay/test-card`,
    headers: { 'user-agent': BROWSER, accept: 'application/json' },
    payload: { client_secret: started.json().client_secret, card: { number: TEST_CARDS.visa, exp_month: 12, exp_year: 2099, cvc: '123' } },
  });
  expect(paid.json().status).toBe('succeeded');
  return { orderId: (started.json().return_url as string).split('o=')[1]!.split('.')[0]!, paid };
}

async function accessMails(workspaceId: string, to: string) {
  return t.runtime.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.workspace_id, workspaceId), eq(outboxMessages.to_address, to), eq(outboxMessages.category, 'member_access')));
}

describe('member pages', () => {
  it('opens to the buyer, by the session made at payment and by the e-mailed link, and closes on a refund', async () => {
    const { owner, funnel, sales, member } = await club();
    const memberUrl = `/${funnel.slug}/${member.slug}`;
    // A visitor: the sign-in page, nothing of the member page.
    const closed = await visit(memberUrl);
    expect(closed.statusCode).toBe(303);
    expect(closed.headers.location).toBe(`/p/members/${funnel.id}?suite=${encodeURIComponent(memberUrl)}`);
    const signIn = await visit(closed.headers.location as string);
    expect(signIn.body).toContain('Cette page est réservée aux membres');
    expect(signIn.body).not.toContain('Contenu secret');

    // The buyer: the session opens with the payment.
    const email = uniqueEmail('membre');
    const { orderId, paid } = await buy(sales.id, email);
    const session = paid.cookies.find((c) => c.name === memberCookieName(funnel.id))!;
    expect(session.httpOnly).toBe(true);
    const open = await visit(memberUrl, `${session.name}=${session.value}`);
    expect(open.statusCode).toBe(200);
    expect(open.body).toContain('Contenu secret');
    expect(open.headers['cache-control']).toBe('private, no-store');

    // The welcome e-mail, once, with a link that opens the session in another browser.
    await t.drain();
    const [welcome, ...more] = await accessMails(owner.workspaceId, email);
    expect(more).toHaveLength(0);
    expect(welcome!.subject).toBe('Vos accès à l’espace membre – Le Club');
    const link = /https?:\/\/\S+\/p\/members\/\S+\/entrer\?t=\S+/.exec(welcome!.text_body)![0];
    const entered = await visit(link.replace(t.runtime.config.publicUrl, ''));
    expect(entered.statusCode).toBe(303);
    expect(entered.headers.location).toBe(`${t.runtime.config.publicUrl}${memberUrl}`);
    const fromMail = entered.cookies.find((c) => c.name === memberCookieName(funnel.id))!;
    expect((await visit(memberUrl, `${fromMail.name}=${fromMail.value}`)).statusCode).toBe(200);
    // The event dispatched again (a retry): still one member, one welcome.
    const [access] = await t.runtime.db.select().from(memberAccess).where(eq(memberAccess.funnel_id, funnel.id));
    await membershipOnLeadEvents(t.runtime, [
      { id: crypto.randomUUID(), workspaceId: owner.workspaceId, leadId: access!.lead_id, type: 'order_paid', data: { funnel_id: funnel.id } },
    ]);
    expect(await accessMails(owner.workspaceId, email)).toHaveLength(1);

    // A sign-in link on request: not twice within a minute, and the same answer for a stranger.
    const ask = (address: string) =>
      t.publicApp.inject({ method: 'POST', url: `/p/members/${funnel.id}`, payload: { email: address }, headers: { 'user-agent': BROWSER } });
    expect((await ask(email)).headers.location).toBe(`/p/members/${funnel.id}?envoye=1`);
    expect(await accessMails(owner.workspaceId, email)).toHaveLength(1);
    await t.runtime.db
      .update(memberAccess)
      .set({ link_sent_at: new Date(Date.now() - 120_000) })
      .where(eq(memberAccess.funnel_id, funnel.id));
    await ask(email.toUpperCase());
    const mails = await accessMails(owner.workspaceId, email);
    expect(mails.map((m) => m.subject).sort()).toEqual(['Vos accès à l’espace membre – Le Club', 'Votre lien de connexion – Le Club']);
    const stranger = uniqueEmail('inconnu');
    expect((await ask(stranger)).headers.location).toBe(`/p/members/${funnel.id}?envoye=1`);
    expect(await accessMails(owner.workspaceId, stranger)).toHaveLength(0);
    expect((await ask('pas-une-adresse')).statusCode).toBe(422);

    // Refunded: the same session and the same link open nothing any more.
    expect((await owner.client.post(`/api/marketing/orders/${orderId}/refund`, {})).statusCode).toBe(200);
    expect((await visit(memberUrl, `${session.name}=${session.value}`)).statusCode).toBe(303);
    const expired = await visit(link.replace(t.runtime.config.publicUrl, ''));
    expect(expired.headers.location).toBe(`/p/members/${funnel.id}?expire=1`);
  });

  it('keeps one funnel’s members out of another, and forged or foreign sessions out of both', async () => {
    const a = await club();
    const b = await club();
    const { paid } = await buy(a.sales.id, uniqueEmail('membre-a'));
    const session = paid.cookies.find((c) => c.name === memberCookieName(a.funnel.id))!;
    // A's session under B's cookie name: signed for A's funnel, refused for B's.
    expect((await visit(`/${b.funnel.slug}/${b.member.slug}`, `${memberCookieName(b.funnel.id)}=${session.value}`)).statusCode).toBe(303);
    const forged = session.value.replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAA');
    expect((await visit(`/${a.funnel.slug}/${a.member.slug}`, `${session.name}=${forged}`)).statusCode).toBe(303);
    // Pages that are not member pages stay public.
    expect((await visit(`/${a.funnel.slug}/${a.welcome.slug}`)).statusCode).toBe(200);
  });
});
