// npm run bench:send — prints numbers, never pass/fail.
// The same campaign message to N recipients (BENCH_SEND_N, default 10,000 and 100,000), to the same loopback SMTP
// sink (bench/smtp-sink.ts, its own process):
// - a bare loop: nodemailer's pooled transport (the engine's pool size) sending the engine's own message for one
//   recipient (rendered once: tracked links, pixel, List-* headers), to each address in turn; and the same loop
//   composing each message in memory first, as the engine does (printed too, so the ratio hides nothing);
// - the engine: on PostgreSQL a real worker process (src/worker.ts) resolving the recipients into email_sends, then
//   claiming, rendering per recipient (Liquid, tracked links, pixel), sending and recording batches; on PGlite,
//   whose database one process opens, the same sender run in this process.
// Prints messages/s of each, the ratio (target: engine ≥ 80 % of the bare loop) and the engine process's RSS at its
// first message and at its peak (target: flat, under 256 MB at 100,000). PostgreSQL with DATABASE_URL, else PGlite.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import { createRuntime } from '../src/boot.js';
import { loadConfig } from '../src/platform/config.js';
import { Tenant } from '../src/platform/db/tenant.js';
import { createLogger } from '../src/platform/log.js';
import { BULK_POOL_SIZE } from '../src/platform/mail/mailer.js';
import { withNoDelaySockets } from '../src/platform/mail/no-delay-socket.js';
import { signup } from '../src/modules/accounts/index.js';
import { ZEmailCampaignBody } from '../src/contracts/email-campaigns.js';
import { createCampaign, getCampaign } from '../src/modules/email/email-campaigns.service.js';
import { sendCampaign } from '../src/modules/email/email-send.service.js';
import { composeRaw, type TMail } from '../src/modules/email/email-compose.js';
import { runCampaignSender, sampleCampaignMail } from '../src/modules/email/email-sender.js';
import { resolveCampaignRecipientsJob } from '../src/modules/email/email-sending.jobs.js';
import { updateWorkspace } from '../src/modules/workspaces/workspaces.service.js';
import { startSink } from './smtp-sink-client.js';
import { spawnWorker } from './worker-process.js';

const sizes = (process.env.BENCH_SEND_N ?? '10000,100000').split(',').map(Number);
const sink = await startSink();
const smtpUrl = `smtp://127.0.0.1:${sink.port}`;
const config = loadConfig({ ...process.env, SMTP_URL: smtpUrl, DATA_DIR: process.env.DATA_DIR ?? `.tmp/bench-send-${Date.now()}`, LOG_LEVEL: 'warn' });
const runtime = await createRuntime(config, { supervise: false, log: createLogger('warn') });
console.log(`database: ${runtime.database.kind}; SMTP pool: ${BULK_POOL_SIZE} connections; sink: its own process on loopback`);

const HTML = `<!doctype html><html><body><h1>Bonjour {{ lead.first_name | default: "ami" }}</h1>
<p>${'Les nouveautés du mois, pour vous et votre entreprise {{ lead.company }}. '.repeat(20)}</p>
<p><a href="https://exemple.fr/offre">Voir l'offre</a> · <a href="https://exemple.fr/blog">Le blog</a></p>
<p>{{ workspace.postal_address }} · <a href="{{ unsubscribe_url }}">Se désinscrire</a></p></body></html>`;

async function waitForSink(count: number): Promise<void> {
  while ((await sink.stats()).received < count) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function bareLoop(n: number, mail: TMail, composed: boolean): Promise<number> {
  await sink.reset();
  // The same transport the engine uses (pooled, Nagle off), without the engine around it.
  const transport = withNoDelaySockets(nodemailer.createTransport(`${smtpUrl}?pool=true&maxConnections=${BULK_POOL_SIZE}`));
  const t0 = performance.now();
  let next = 0;
  // As many sends waiting on the pool as it has connections, twice over: the pool is never idle.
  await Promise.all(
    Array.from({ length: BULK_POOL_SIZE * 2 }, async () => {
      while (next < n) {
        const i = next++;
        // The engine's message for one recipient, addressed to each in turn (a Message-ID each, as the engine's).
        const to = `lead${i}@exemple.fr`;
        const one = { ...mail, to, envelope: { from: (mail.envelope as { from: string }).from, to }, messageId: `<bare-${i}@bench>` };
        if (!composed) await transport.sendMail(one);
        // As the engine does: composed in memory, written in one piece.
        else await transport.sendMail({ envelope: one.envelope, raw: await composeRaw(one, undefined), messageId: one.messageId });
      }
    }),
  );
  await waitForSink(n);
  const seconds = (performance.now() - t0) / 1000;
  transport.close();
  return n / seconds;
}

/** A workspace with n leads and a campaign to all of them (not sent yet). */
async function benchCampaign(n: number): Promise<{ tenant: Tenant; campaignId: string }> {
  const { user, workspace } = await signup(runtime.db, {
    email: `bench-send-${Date.now()}@example.com`,
    password: 'bench password 123',
    name: 'Bench',
    workspace_name: 'Bench',
  });
  await updateWorkspace(runtime.db, workspace.id, { legal_name: 'Bench SAS', postal_address: '1 rue du Test, 75001 Paris' });
  await runtime.database.raw.query(
    `INSERT INTO leads (workspace_id, first_name, email, company) SELECT $1, 'Prénom' || g, 'lead' || g || '@exemple.fr', 'Société ' || g FROM generate_series(1, $2::int) AS g`,
    [workspace.id, n],
  );
  const tenant = new Tenant(runtime.db, workspace.id);
  const auth = { via: 'session' as const, user_id: user.id, workspace_id: workspace.id, role: 'owner' as const };
  // The body as the API would take it (defaults for what is left out).
  const campaign = await createCampaign(
    tenant,
    auth,
    ZEmailCampaignBody.parse({ name: `Bench ${n}`, subject: 'Bonjour {{ lead.first_name }}', preheader: 'Les nouveautés', html_content: HTML }),
  );
  return { tenant, campaignId: campaign.id };
}

type TEngineResult = { rate: number; resolveSeconds: number; startMb: number; peakMb: number; received: number; duplicates: number; where: string };

/**
 * The engine on PostgreSQL: a real worker process (src/worker.ts, as `npm run worker` runs it) resolves and sends
 * the campaign through its jobs; the rate is the sink's, from the first message to the last; the RSS is the worker
 * process's own (/proc), sampled every 100 ms.
 */
async function engineInWorker(tenant: Tenant, campaignId: string, n: number): Promise<TEngineResult> {
  await sink.reset();
  await sendCampaign(runtime, tenant, campaignId);
  const t0 = performance.now();
  const worker = spawnWorker({
    env: { ...process.env, SMTP_URL: smtpUrl, DATA_DIR: config.dataDir, LOG_LEVEL: 'error', DEMO_DATA: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let rss = 0;
  let peak = 0;
  const sampler = setInterval(() => {
    try {
      rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${worker.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      peak = Math.max(peak, rss);
    } catch {
      // The process is gone (or not Linux): the last sample stands.
    }
  }, 100);
  while ((await sink.stats()).received === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  const first = performance.now();
  const startRss = rss;
  await waitForSink(n);
  const rate = n / ((performance.now() - first) / 1000);
  clearInterval(sampler);
  worker.kill('SIGTERM');
  await new Promise((resolve) => worker.once('exit', resolve));
  const stats = await sink.stats();
  return {
    rate,
    resolveSeconds: (first - t0) / 1000,
    startMb: startRss / 1_048_576,
    peakMb: peak / 1_048_576,
    received: stats.received,
    duplicates: stats.duplicates,
    where: 'a worker process',
  };
}

/** The engine on PGlite (one process can open the embedded database): the sender run here, slice after slice. */
async function engineInProcess(tenant: Tenant, campaignId: string, n: number): Promise<TEngineResult> {
  await sink.reset();
  await sendCampaign(runtime, tenant, campaignId);
  let t0 = performance.now();
  // The job works in 30-second slices and queues its continuation; here, slice after slice until resolved.
  while (!(await getCampaign(tenant, campaignId)).recipients_resolved_at) await resolveCampaignRecipientsJob.handler({ campaign_id: campaignId }, runtime);
  const resolveSeconds = (performance.now() - t0) / 1000;
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  t0 = performance.now();
  for (;;) {
    const outcome = await runCampaignSender(runtime, campaignId, { budgetMs: 30_000 });
    if (outcome.kind !== 'again') break;
  }
  await waitForSink(n);
  const rate = n / ((performance.now() - t0) / 1000);
  clearInterval(sampler);
  const stats = await sink.stats();
  return {
    rate,
    resolveSeconds,
    startMb: startRss / 1_048_576,
    peakMb: peak / 1_048_576,
    received: stats.received,
    duplicates: stats.duplicates,
    where: 'this process',
  };
}

for (const n of sizes) {
  const { tenant, campaignId } = await benchCampaign(n);
  // The engine's own message for its first recipient (rendered, links tracked, headers): both sides send it.
  const mail = await sampleCampaignMail(runtime, campaignId, { first_name: 'Prénom1', email: 'lead1@exemple.fr', company: 'Société 1' });
  const bare = await bareLoop(n, mail, false);
  const composed = await bareLoop(n, mail, true);
  const result = await (runtime.database.kind === 'postgres' ? engineInWorker : engineInProcess)(tenant, campaignId, n);
  console.log(
    `${n.toLocaleString('en').padStart(8)} messages: bare loop ${bare.toFixed(0).padStart(6)} msg/s   engine ${result.rate.toFixed(0).padStart(6)} msg/s   ` +
      `ratio ${((result.rate / bare) * 100).toFixed(0)} %   RSS of ${result.where} ${result.startMb.toFixed(0)} MB at the first message, peak ${result.peakMb.toFixed(0)} MB   ` +
      `(to the first message ${result.resolveSeconds.toFixed(1)} s; sink got ${result.received.toLocaleString('en')}, ${result.duplicates} duplicates)\n` +
      `${' '.repeat(19)}a bare loop composing in memory as the engine does: ${composed.toFixed(0)} msg/s (engine at ${((result.rate / composed) * 100).toFixed(0)} % of it)`,
  );
}

sink.stop();
await runtime.queue.stop();
runtime.mailer.close();
await runtime.database.close();
