// npm run eval:ai — generates a fixed set of 20 briefs (funnels, emails, ad creatives, French and English) with the
// writer this environment configures (AI_BASE_URL + AI_MODEL, else the built-in generator), through the real
// endpoints on an in-memory database, and prints per output the checks the tests make (the schema through the
// endpoint's own validation, placeholders, words of the other language, the platforms' character limits) and the
// lengths, so one model can be compared with another. It prints; it never fails on a weak answer.
import { performance } from 'node:perf_hooks';
import { AD_TEXT_LIMITS, type TAiLanguage } from '../src/contracts/ai.js';
import { copyProblems, stringsOf } from '../src/modules/ai/quality/copy-checks.js';
import { rmSync } from 'node:fs';
import { buildAdminServer, createRuntime } from '../src/boot.js';
import { loadConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/log.js';
import { signUp } from '../test/harness.js';

type TBrief = { kind: 'funnel' | 'email' | 'ad'; language: TAiLanguage; body: Record<string, unknown> };

const BRIEFS: TBrief[] = [
  { kind: 'funnel', language: 'fr', body: { type: 'webinar', topic: 'Marketing Digital 2025', product_price: 497, target_audience: 'Entrepreneurs' } },
  { kind: 'funnel', language: 'fr', body: { type: 'product', topic: 'Yoga prénatal à la maison', product_price: 89, target_audience: 'Futures mamans' } },
  { kind: 'funnel', language: 'fr', body: { type: 'service', topic: 'Coaching de dirigeants', product_price: 1500, target_audience: 'Dirigeants de PME' } },
  { kind: 'funnel', language: 'fr', body: { type: 'lead_magnet', topic: 'Comptabilité pour freelances', product_price: 0, target_audience: 'Freelances' } },
  {
    kind: 'funnel',
    language: 'fr',
    body: { type: 'membership', topic: 'Club de cuisine végétale', product_price: 19, target_audience: 'Cuisiniers amateurs' },
  },
  {
    kind: 'funnel',
    language: 'en',
    body: { type: 'webinar', topic: 'Pricing your consulting offer', product_price: 297, target_audience: 'Consultants', language: 'en' },
  },
  {
    kind: 'funnel',
    language: 'en',
    body: { type: 'lead_magnet', topic: 'Instagram growth checklist', product_price: 0, target_audience: 'Small shops', language: 'en' },
  },
  {
    kind: 'funnel',
    language: 'en',
    body: { type: 'product', topic: 'Sourdough baking masterclass', product_price: 49, target_audience: 'Home bakers', language: 'en' },
  },
  { kind: 'email', language: 'fr', body: { type: 'newsletter', topic: 'Nouveautés du mois', audience: 'Clients actifs', tone: 'professionnel' } },
  {
    kind: 'email',
    language: 'fr',
    body: { type: 'promotion', topic: 'Soldes d’hiver sur les formations', audience: 'Prospects chauds', tone: 'enthousiaste' },
  },
  { kind: 'email', language: 'fr', body: { type: 'welcome', topic: 'Bienvenue dans la communauté', audience: 'Nouveaux inscrits', tone: 'amical' } },
  { kind: 'email', language: 'fr', body: { type: 're_engagement', topic: 'On ne vous a pas oublié', audience: 'Abonnés inactifs', tone: 'direct' } },
  {
    kind: 'email',
    language: 'en',
    body: { type: 'product_launch', topic: 'Our new coaching program', audience: 'Past clients', tone: 'inspiring', language: 'en' },
  },
  {
    kind: 'email',
    language: 'en',
    body: { type: 'event_invitation', topic: 'Live Q&A on Thursday', audience: 'Subscribers', tone: 'friendly', language: 'en' },
  },
  { kind: 'ad', language: 'fr', body: { platform: 'facebook', product: 'Formation Marketing', objective: 'conversions', budget: 1000 } },
  { kind: 'ad', language: 'fr', body: { platform: 'instagram', product: 'Atelier photo culinaire', objective: 'engagement', budget: 300 } },
  { kind: 'ad', language: 'fr', body: { platform: 'google', product: 'Cabinet d’ostéopathie à Lyon', objective: 'leads', budget: 600 } },
  { kind: 'ad', language: 'fr', body: { platform: 'linkedin', product: 'Audit RH pour PME', objective: 'leads', budget: 2500 } },
  { kind: 'ad', language: 'en', body: { platform: 'facebook', product: 'Online piano lessons', objective: 'traffic', budget: 500, language: 'en' } },
  { kind: 'ad', language: 'en', body: { platform: 'google', product: 'Bookkeeping for startups', objective: 'conversions', budget: 1200, language: 'en' } },
];

const PATHS = { funnel: '/api/marketing/funnels/generate', email: '/api/marketing/email-campaigns/generate', ad: '/api/marketing/ads/generate' };

const aiEnv = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('AI_') && !!e[1]));
// A throwaway embedded database: the product's own migrations, no demo data.
const dataDir = `.tmp/eval-ai-${Date.now()}`;
const config = loadConfig({
  ...aiEnv,
  DATA_DIR: dataDir,
  DEMO_DATA: 'false',
  LOG_LEVEL: 'warn',
  AI_USER_GENERATIONS_PER_HOUR: '1000',
  AI_WORKSPACE_GENERATIONS_PER_HOUR: '1000',
});
const runtime = await createRuntime(config, { supervise: false, log: createLogger('warn') });
const app = await buildAdminServer(runtime, { serveWeb: false });
await app.ready();
const owner = await signUp(app);
const status = (await owner.client.get('/api/marketing/ai/status')).json<{ writer: string; model: string | null }>();
console.log(`writer: ${status.writer === 'model' ? `model ${status.model}` : 'built-in generator (no model)'}\n`);

let failures = 0;
for (const [i, brief] of BRIEFS.entries()) {
  const started = performance.now();
  const res = await owner.client.post(PATHS[brief.kind], brief.body);
  const ms = Math.round(performance.now() - started);
  const label = `${String(i + 1).padStart(2)}. ${brief.kind.padEnd(6)} ${brief.language} ${String(Object.values(brief.body)[0]).padEnd(14)}`;
  if (res.statusCode !== 201) {
    failures++;
    console.log(`${label} ${ms} ms  FAILED ${res.statusCode} ${res.body.slice(0, 200)}`);
    continue;
  }
  const made = res.json<{ id: string }>();
  const generation = (await owner.client.get(`/api/marketing/ai/generations?target_id=${made.id}`)).json<{ items: { output: unknown }[] }>().items[0];
  const texts = stringsOf(generation?.output).filter((s) => !/url|file_id|format|source|phase|from|to$|role|rules/.test(s.path));
  const problems = texts.flatMap((s) => copyProblems(s.text, brief.language).map((p) => `${s.path}: ${p}`));
  problems.push(...limitProblems(brief, generation?.output));
  const longest = texts.reduce((max, s) => Math.max(max, s.text.length), 0);
  const words = texts.reduce((sum, s) => sum + s.text.split(/\s+/).length, 0);
  console.log(
    `${label} ${String(ms).padStart(6)} ms  ${String(texts.length).padStart(3)} texts  ${String(words).padStart(5)} words  longest ${longest}  ${problems.length === 0 ? 'ok' : `${problems.length} problem(s)`}`,
  );
  for (const problem of problems.slice(0, 8)) console.log(`      - ${problem}`);
  if (problems.length > 0) failures++;
}
console.log(`\n${BRIEFS.length - failures}/${BRIEFS.length} outputs without a problem`);
await app.close();
await runtime.queue.stop();
runtime.mailer.close();
await runtime.database.close();
rmSync(dataDir, { recursive: true, force: true });

/** The ad platforms' character limits, checked on each variant. */
function limitProblems(brief: TBrief, output: unknown): string[] {
  if (brief.kind !== 'ad') return [];
  const variants = ((output as { variants?: Record<string, unknown>[] })?.variants ?? []) as Record<string, string | string[]>[];
  const platform = brief.body.platform as string;
  const limits: Record<string, number> =
    platform === 'google'
      ? { headlines: AD_TEXT_LIMITS.google.headline, descriptions: AD_TEXT_LIMITS.google.description }
      : platform === 'linkedin'
        ? { intro_text: AD_TEXT_LIMITS.linkedin.intro_text, headline: AD_TEXT_LIMITS.linkedin.headline }
        : { ...AD_TEXT_LIMITS.meta };
  const problems: string[] = [];
  if (variants.length !== 5) problems.push(`${variants.length} variants instead of 5`);
  for (const [i, variant] of variants.entries()) {
    for (const [field, max] of Object.entries(limits)) {
      for (const text of ([] as string[]).concat(variant[field] ?? []))
        if (text.length > max) problems.push(`variant ${i + 1} ${field}: ${text.length} > ${max}`);
    }
  }
  return problems;
}
