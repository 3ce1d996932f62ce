import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { OpenAiFake } from '../../../../test/openai-fake.js';
import { ZRewriteBody, type TBrandKit } from '../../../contracts/ai.js';
import { Tenant } from '../../../platform/db/tenant.js';
import type { TWriteContext } from '../ai-context.js';
import { aiStatus } from '../provider/ai-status.js';
import { resolveWriter } from '../provider/resolve-writer.js';
import { rewriteBuiltin } from './builtin-rewrite.js';
import { rewriteText } from './rewrite.service.js';

// This app has no AI_* provider: a workspace writes with the built-in rewrite unless it saves its own credential.
let t: TestContext;
let fake: OpenAiFake;
let who: SignedUp;
let tenant: Tenant;

const brand: TBrandKit = {
  brand_name: 'Atelier Sérénité',
  tone: 'friendly',
  primary_color: '#1c5fb8',
  secondary_color: '#f0b429',
  logo_file_id: null,
  logo_url: null,
  main_offer: 'Coaching de reprise de confiance',
  audience: 'Femmes entrepreneures',
  words_to_avoid: [],
  language: 'fr',
  updated_at: null,
};
const ctx: TWriteContext = { language: 'fr', tone: 'professional', brand, currency: 'EUR', workspaceName: 'Atelier Sérénité', seed: 42 };

const EMAIL =
  'Bonjour {{ lead.first_name }}, en fait notre méthode est vraiment simple (et testée par plus de 300 coachs). ' +
  'Découvrez comment trouver vos premiers clients rapidement avec un plan concret. ' +
  'Chaque semaine, vous avancez étape par étape avec le groupe et vous posez toutes vos questions en direct. ' +
  'Inscrivez-vous avant vendredi : les places sont limitées !';

const body = (input: Record<string, unknown>) => ZRewriteBody.parse(input);

beforeAll(async () => {
  fake = new OpenAiFake();
  await fake.start();
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});
beforeEach(async () => {
  fake.reset();
  who = await signUp(t.app);
  tenant = new Tenant(t.runtime.db, who.workspaceId);
});

describe('rewrite without a model', () => {
  it('is what a workspace without any provider gets', async () => {
    expect(await resolveWriter(t.runtime, tenant)).toBeNull();
    expect(await aiStatus(t.runtime, tenant)).toMatchObject({ writer: 'builtin', source: null, model: null, usage: { requests: 0, cost_cap: null } });
  });

  it('shortens to about 60 % and keeps the Liquid greeting', async () => {
    const result = await rewriteText({ runtime: t.runtime, tenant, writer: null, ctx }, body({ text: EMAIL, action: 'shorten' }));
    expect(result.writer).toBe('builtin');
    expect(result.text.length).toBeLessThan(EMAIL.length * 0.7);
    expect(result.text).toContain('{{ lead.first_name }}');
    expect(result.text).not.toMatch(/\(|vraiment|en fait/);
    expect(result.text.startsWith('Bonjour {{ lead.first_name }},')).toBe(true);
  });

  it('keeps a sentence holding a Liquid tag even late in the text', () => {
    const text = 'Notre programme dure six semaines. Il alterne vidéos et séances en groupe. Il se termine par un bilan. Votre code : {{ lead.code }}.';
    expect(rewriteBuiltin({ text, action: 'shorten', language: 'fr' }, 'professional', 1)).toBe(
      'Notre programme dure six semaines. Votre code : {{ lead.code }}.',
    );
  });

  it('lengthens with one closing sentence of the tone, and changes the tone with its words and closing', () => {
    const longer = rewriteBuiltin({ text: 'Salut {{ lead.first_name }}, la masterclass est super !', action: 'lengthen', language: 'fr' }, 'enthusiastic', 0);
    expect(longer).toBe('Salut {{ lead.first_name }}, la masterclass est super ! C’est le moment idéal pour vous lancer\u00a0!');

    const calmer = rewriteBuiltin(
      { text: 'Salut {{ lead.first_name }}, la masterclass est super !', action: 'change_tone', language: 'fr' },
      'professional',
      0,
    );
    expect(calmer).toBe('Bonjour {{ lead.first_name }}, la masterclass est remarquable. Nous restons à votre disposition pour toute question.');
    // Changing the tone again replaces our closing instead of piling a second one up.
    const friendlier = rewriteBuiltin({ text: calmer, action: 'change_tone', language: 'fr' }, 'friendly', 0);
    expect(friendlier).toBe('Bonjour {{ lead.first_name }}, la masterclass est remarquable. On a hâte de vous retrouver\u00a0!');
  });

  it('rewrites with synonyms that keep the grammar, in English too', () => {
    expect(rewriteBuiltin({ text: EMAIL, action: 'rewrite', language: 'fr' }, 'professional', 3)).toBe(
      'Bonjour {{ lead.first_name }}, en fait notre méthode est vraiment facile (et testée par plus de 300 coachs). ' +
        'Explorez comment trouver vos premiers clients vite avec un plan concret. ' +
        'Chaque semaine, vous avancez pas à pas avec le groupe et vous posez toutes vos questions en direct. ' +
        'Réservez votre place avant vendredi : les places sont limitées !',
    );
    expect(
      rewriteBuiltin({ text: 'Discover a simple way to improve your results, {{ lead.first_name }}.', action: 'rewrite', language: 'en' }, 'friendly', 0),
    ).toBe('Explore a straightforward way to boost your outcomes, {{ lead.first_name }}.');
  });

  it('refuses to translate', async () => {
    await expect(rewriteText({ runtime: t.runtime, tenant, writer: null, ctx }, body({ text: EMAIL, action: 'translate' }))).rejects.toMatchObject({
      code: 'conflict',
      reason: 'ai_model_required',
    });
  });
});

describe('rewrite with a model', () => {
  async function modelWriter() {
    fake.keys.add('sk-own');
    const saved = await who.client.put('/api/workspace/credentials/openai_compatible', { base_url: `${fake.url}/v1`, api_key: 'sk-own', model: 'own-model' });
    expect(saved.statusCode, saved.body).toBe(200);
    const writer = await resolveWriter(t.runtime, tenant, { backoffMs: 1, sleep: async () => {} });
    expect(writer?.model).toBe('own-model');
    return writer!;
  }

  it("returns the model's text, asked as data with the action's instructions", async () => {
    fake.reply = () => JSON.stringify({ text: 'Hello {{ lead.first_name }}, our method is simple.' });
    const writer = await modelWriter();
    const result = await rewriteText({ runtime: t.runtime, tenant, writer, ctx }, body({ text: EMAIL, action: 'translate' }));
    expect(result).toEqual({ text: 'Hello {{ lead.first_name }}, our method is simple.', writer: 'model' });
    const [system, user] = fake.calls[0]!.body.messages;
    expect(system!.content).toContain('Translate the text from French into idiomatic English');
    expect(system!.content).not.toContain('Découvrez');
    expect(user!.content).toContain('Découvrez comment trouver vos premiers clients');
  });

  it('takes an answer that lost a Liquid tag as invalid: asked again once, then reported', async () => {
    fake.reply = () => JSON.stringify({ text: 'Bonjour Marie, notre méthode est simple.' });
    const writer = await modelWriter();
    await expect(rewriteText({ runtime: t.runtime, tenant, writer, ctx }, body({ text: EMAIL, action: 'shorten' }))).rejects.toMatchObject({
      code: 'bad_gateway',
      reason: 'ai_answer_invalid',
    });
    expect(fake.calls).toHaveLength(2);
  });
});
