import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TEmailCopy, TEmailGenerateBody, TSuggestedSegment } from '../../../contracts/ai.js';
import type { TRuleGroup } from '../../../contracts/crm-segments.js';
import type { TEmailCampaign } from '../../../contracts/email-campaigns.js';
import type { TAuth } from '../../../platform/auth/access.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { getCampaign, previewCampaign } from '../../email/index.js';
import type { TGenerationDeps, TObjectRequest } from '../ai-context.js';
import { testWriteContext } from '../builtin-kit/test-write-context.js';
import { generateEmailCampaign, regenerateEmail } from './email-generation.service.js';
import { suggestSegment } from './email-segment.js';

// Generating a campaign on the real database: a draft saved through the email module with its editor document, text
// and suggested audience, the audience's count equal to the segments' own preview, the greeting's Liquid rendered for
// real leads, the link rule, and regeneration.

let t: TestContext;
let ws: SignedUp;
let tenant: Tenant;
const leadIds: Record<string, string> = {};

/** The brand these tests write for. */
const brand = { brand_name: 'Atelier Ada', secondary_color: '#f0b429' };

function depsOf(seed = 1, steps: string[] = []): TGenerationDeps {
  const actor: TAuth = { via: 'session', user_id: ws.userId, workspace_id: ws.workspaceId, role: 'owner' };
  const ctx = testWriteContext({ workspaceName: 'Espace Ada', seed, brand });
  return { runtime: t.runtime, tenant, actor, writer: null, ctx, progress: (step) => steps.push(step) };
}

const newsletter: TEmailGenerateBody = { type: 'newsletter', topic: 'Les nouveautés du printemps', audience: 'Tous mes abonnés', tone: 'professional' };

/** The segments module's own count, through its API. */
async function previewCount(rules: TRuleGroup): Promise<number> {
  const res = await ws.client.post('/api/marketing/segments/preview', { rules });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ count: number }>().count;
}

beforeAll(async () => {
  t = await startTestApp();
  ws = await signUp(t.app);
  tenant = new Tenant(t.runtime.db, ws.workspaceId);
  // Marie (VIP, warm), a lead without first name, a lost lead, an unsubscribed one, and an old lead who never opened.
  const rows = await t.runtime.db.execute(sql`
    INSERT INTO leads (workspace_id, first_name, email, status, tags, score, unsubscribed_at, created_at) VALUES
      (${ws.workspaceId}, 'Marie', 'marie@example.com', 'qualified', '{VIP,clientes}', 40, null, now()),
      (${ws.workspaceId}, null, 'anonyme@example.com', 'new', '{}', 10, null, now() - interval '200 days'),
      (${ws.workspaceId}, 'Paul', 'paul@example.com', 'lost', '{VIP}', 80, null, now()),
      (${ws.workspaceId}, 'Zoé', 'zoe@example.com', 'new', '{}', 0, now(), now())
    RETURNING id, email`);
  for (const row of (rows as unknown as { rows: { id: string; email: string }[] }).rows) leadIds[row.email.split('@')[0]!] = row.id;
  // Marie opened an email long ago: not a dormant lead.
  await t.runtime.db.execute(
    sql`INSERT INTO lead_events (workspace_id, lead_id, event_type, data, occurred_at) VALUES (${ws.workspaceId}, ${leadIds.marie}, 'email_opened', '{}'::jsonb, now() - interval '1 day')`,
  );
});
afterAll(() => t.close());

describe('generateEmailCampaign', () => {
  it('saves a draft with its editor document, text, subject alternatives and the suggested audience', async () => {
    const steps: string[] = [];
    const result = await generateEmailCampaign(depsOf(1, steps), newsletter);
    expect(steps).toEqual(['copy', 'segment', 'save']);
    const res = await ws.client.get(`/api/marketing/email-campaigns/${result.targetId}`);
    expect(res.statusCode).toBe(200);
    const saved = res.json<TEmailCampaign>();
    expect(saved).toMatchObject({ status: 'draft', subject: result.output.copy.subject, preheader: result.output.copy.preheader });
    expect(saved.editor_document).not.toBeNull();
    expect(saved.html_content).toContain('{{ unsubscribe_url }}');
    expect(saved.text_content).toContain('{{ lead.first_name | default: "à vous" }}');
    expect(saved.segment_rules).toEqual(result.output.segment.rules);
    // The 201 body is the campaign as GET returns it, plus the alternatives and the suggestion.
    const { subject_alternatives, suggested_segment, ...campaign } = result.body;
    expect(campaign).toEqual(saved);
    expect(subject_alternatives).toHaveLength(3);
    // Subscribed leads with an address: Marie, the anonymous lead and Paul (Zoé unsubscribed).
    expect(suggested_segment.count).toBe(3);
    expect(suggested_segment.count).toBe(await previewCount(suggested_segment.rules));
    expect(suggested_segment.description).toMatch(/^Tous vos leads abonnés/);
  });

  it('renders the greeting with the lead’s first name, or its default', async () => {
    const { targetId } = await generateEmailCampaign(depsOf(2), { ...newsletter, type: 'welcome' });
    const campaign = await getCampaign(tenant, targetId);
    expect((await previewCampaign(t.runtime, tenant, campaign, leadIds.marie)).html).toContain('Bonjour Marie,');
    const anonymous = await previewCampaign(t.runtime, tenant, campaign, leadIds.anonyme);
    expect(anonymous.html).toContain('Bonjour à vous,');
    expect(anonymous.text).toContain('Bonjour à vous,');
  });

  it('refuses a link outside the workspace, and takes one of its funnels', async () => {
    await expect(generateEmailCampaign(depsOf(3), { ...newsletter, link_url: 'https://elsewhere.example.com/offre' })).rejects.toMatchObject({
      code: 'bad_request',
      errors: [{ path: 'body.link_url', code: 'link_not_workspace' }],
    });
    const funnel = await ws.client.post('/api/marketing/funnels', { name: 'Atelier printemps', funnel_type: 'lead_magnet', slug: 'atelier-printemps' });
    expect(funnel.statusCode, funnel.body).toBe(201);
    const link = `${t.runtime.config.publicUrl}/atelier-printemps/inscription`;
    const { body } = await generateEmailCampaign(depsOf(3), { ...newsletter, link_url: link });
    const button = body.editor_document!.sections.flatMap((s) => s.columns.flatMap((c) => c.blocks)).find((b) => b.type === 'button');
    expect(button).toMatchObject({ href: link, background_color: '#1c5fb8' });
    expect(body.html_content).toContain(link);
  });

  it('writes with the model when the workspace has one, held to the same rules', async () => {
    const requests: TObjectRequest<unknown>[] = [];
    const model: TEmailCopy = {
      name: 'Printemps',
      subject: 'Le printemps {{ lead.email }} arrive',
      subject_alternatives: ['Prêts pour le printemps ?', 'Trois idées pour le printemps', 'Dernier jour pour en profiter'],
      preheader: 'Nos nouveautés de saison',
      intro: 'Voici nos nouveautés, avec une promo à ne pas manquer.',
      sections: [{ title: 'Au programme', paragraphs: ['Des ateliers et une promo.'], bullets: ['Ateliers', 'Replays'] }],
      cta_label: 'Voir les ateliers',
      closing: 'À bientôt',
      ps: 'PS: répondez-moi.',
    };
    const deps = depsOf(7);
    deps.ctx.brand = { ...deps.ctx.brand, words_to_avoid: ['promo'] };
    deps.writer = {
      model: 'test-model',
      imageModel: null,
      object: async <T>(request: TObjectRequest<T>) => {
        requests.push(request as TObjectRequest<unknown>);
        return model as T;
      },
      image: () => Promise.reject(new Error('no image model')),
    };
    const { output, body } = await generateEmailCampaign(deps, newsletter);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ task: 'email', data: { topic: newsletter.topic, words_to_avoid: ['promo'] } });
    expect(output.copy.subject).toBe('Le printemps (( lead.email )) arrive');
    expect(output.copy.intro).not.toMatch(/promo/);
    expect(output.copy.subject_alternatives[0]).toBe('Prêts pour le printemps\u202f?');
    expect(body.subject).toBe(output.copy.subject);
    // The PS keeps one prefix, the renderer's.
    expect(body.text_content).toContain('PS\u00a0: répondez-moi.');
  });

  it('regenerates the copy of a draft, and refuses a campaign that has sent', async () => {
    const first = await generateEmailCampaign(depsOf(4), { ...newsletter, type: 'promotion' });
    const again = await regenerateEmail(depsOf(5), { ...newsletter, type: 'promotion' }, first.targetId);
    expect(again.body.id).toBe(first.targetId);
    expect(JSON.stringify(again.output.copy)).not.toBe(JSON.stringify(first.output.copy));
    expect((await getCampaign(tenant, first.targetId)).subject).toBe(again.output.copy.subject);
    // Its audience stays the one saved.
    expect(again.body.segment_rules).toEqual(first.body.segment_rules);

    await t.runtime.db.execute(sql`UPDATE email_campaigns SET status = 'completed', total_sent = 3 WHERE id = ${first.targetId}`);
    const refused = await regenerateEmail(depsOf(6), { ...newsletter, type: 'promotion' }, first.targetId).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'conflict', reason: 'campaign_sent' });
    expect((await getCampaign(tenant, first.targetId)).subject).toBe(again.output.copy.subject);
  });
});

describe('suggestSegment', () => {
  const suggest = (extra: Partial<TEmailGenerateBody>): Promise<TSuggestedSegment> => suggestSegment(tenant, { ...newsletter, ...extra }, 'fr');

  it('matches each email type to real rules, each count the segments preview', async () => {
    const expected: Record<string, number> = {
      // Marie and Paul were created now; the anonymous lead 200 days ago.
      welcome: 2,
      // Only the anonymous lead: known for 200 days, never opened (Marie opened, Paul is recent).
      re_engagement: 1,
      // Not lost and subscribed: Marie and the anonymous lead (Paul is lost, Zoé unsubscribed).
      event_invitation: 2,
    };
    for (const [type, count] of Object.entries(expected)) {
      const segment = await suggest({ type: type as TEmailGenerateBody['type'] });
      expect(segment.count, type).toBe(count);
      expect(await previewCount(segment.rules)).toBe(segment.count);
    }
    const promotion = await suggest({ type: 'promotion', audience: 'Les personnes intéressées' });
    // Not lost, and at least the median score of the active leads with a score (10 and 40: 10).
    expect(promotion.rules.rules).toContainEqual({ field: 'score', operator: 'gte', value: 10 });
    expect(promotion.count).toBe(await previewCount(promotion.rules));
    expect(promotion.description).toContain('score d’au moins 10');
  });

  it('narrows by the tags the audience names, whatever their case, accents or plural', async () => {
    const segment = await suggest({ type: 'promotion', audience: 'Mes clientes VIP fidèles' });
    expect(segment.rules.rules).toContainEqual({ field: 'tags', operator: 'in', value: expect.arrayContaining(['VIP', 'clientes']) });
    expect(segment.rules.rules.some((rule) => 'field' in rule && rule.field === 'score')).toBe(false);
    // Marie only: Paul is VIP but lost.
    expect(segment.count).toBe(1);
    expect(segment.description).toMatch(/tags «\u00a0VIP\u00a0»|tags «\u00a0clientes\u00a0»/);
  });

  it('follows up the leads warm in the last 30 days', async () => {
    const segment = await suggest({ type: 'follow_up' });
    // No click, form or visit yet.
    expect(segment.count).toBe(0);
    await t.runtime.db.execute(
      sql`INSERT INTO lead_events (workspace_id, lead_id, event_type, data) VALUES (${ws.workspaceId}, ${leadIds.anonyme}, 'form_submitted', '{}'::jsonb)`,
    );
    const after = await suggest({ type: 'follow_up' });
    expect(after.count).toBe(1);
    expect(await previewCount(after.rules)).toBe(1);
  });
});
