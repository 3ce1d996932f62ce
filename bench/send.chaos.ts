// npm run chaos:send — prints numbers, never pass/fail. PostgreSQL only (DATABASE_URL).
// A campaign of CHAOS_RECIPIENTS (default 20,000) sent by a real worker process (src/worker.ts) to a loopback SMTP
// sink (bench/smtp-sink.ts); the worker is killed with SIGKILL at CHAOS_KILLS (default 10) random moments and
// started again each time. Prints what the sink received, lost messages (target 0), duplicates (target: at most
// the pool size per kill) and the campaign's final status. Claims left by a killed worker are taken back after
// EMAIL_SEND_STALE_SECONDS, set to 5 here (the sink answers in milliseconds).
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createRuntime } from '../src/boot.js';
import { loadConfig } from '../src/platform/config.js';
import { Tenant } from '../src/platform/db/tenant.js';
import { createLogger } from '../src/platform/log.js';
import { BULK_POOL_SIZE } from '../src/platform/mail/mailer.js';
import { signup } from '../src/modules/accounts/index.js';
import { ZEmailCampaignBody } from '../src/contracts/email-campaigns.js';
import { createCampaign, getCampaign } from '../src/modules/email/email-campaigns.service.js';
import { sendCampaign } from '../src/modules/email/email-send.service.js';
import { updateWorkspace } from '../src/modules/workspaces/workspaces.service.js';
import { startSink } from './smtp-sink-client.js';
import { spawnWorker } from './worker-process.js';

if (!process.env.DATABASE_URL) {
  console.error('chaos:send runs on PostgreSQL: set DATABASE_URL=postgres://… (several processes share one database)');
  process.exit(2);
}
const recipients = Number(process.env.CHAOS_RECIPIENTS ?? 20_000);
const kills = Number(process.env.CHAOS_KILLS ?? 10);
const dataDir = process.env.DATA_DIR ?? `.tmp/chaos-send-${Date.now()}`;
const sink = await startSink();
const env = {
  ...process.env,
  SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
  DATA_DIR: dataDir,
  LOG_LEVEL: 'error',
  EMAIL_SEND_STALE_SECONDS: '5',
  DEMO_DATA: 'false',
};
const runtime = await createRuntime(loadConfig(env), { supervise: false, log: createLogger('error') });

const { user, workspace } = await signup(runtime.db, {
  email: `chaos-${Date.now()}@example.com`,
  password: 'chaos password 123',
  name: 'Chaos',
  workspace_name: 'Chaos',
});
await updateWorkspace(runtime.db, workspace.id, { postal_address: '1 rue du Test, 75001 Paris' });
await runtime.database.raw.query(
  `INSERT INTO leads (workspace_id, first_name, email) SELECT $1, 'Prénom' || g, 'chaos' || g || '@exemple.fr' FROM generate_series(1, $2::int) AS g`,
  [workspace.id, recipients],
);
const tenant = new Tenant(runtime.db, workspace.id);
const campaign = await createCampaign(
  tenant,
  { via: 'session', user_id: user.id, workspace_id: workspace.id, role: 'owner' },
  ZEmailCampaignBody.parse({
    name: 'Chaos',
    subject: 'Bonjour {{ lead.first_name }}',
    html_content:
      '<p>Bonjour {{ lead.first_name }}</p><p><a href="https://exemple.fr">Lien</a></p><p>{{ workspace.postal_address }} <a href="{{ unsubscribe_url }}">Désinscription</a></p>',
  }),
);
await sendCampaign(runtime, tenant, campaign.id);

let worker: ChildProcess | undefined;
const startWorker = () => {
  worker = spawnWorker({ env, stdio: ['ignore', 'ignore', 'inherit'] });
};
const status = async () => (await getCampaign(tenant, campaign.id)).status;

const t0 = performance.now();
startWorker();
for (let kill = 1; kill <= kills; kill++) {
  // A random moment: startup, resolution or sending, whatever the worker is doing (it needs about 3 s to start).
  await new Promise((resolve) => setTimeout(resolve, 3000 + Math.random() * 7000));
  if ((await status()) === 'completed') {
    console.log(`kill ${kill}: the campaign completed before it; stopping the kills`);
    break;
  }
  worker!.kill('SIGKILL');
  await new Promise((resolve) => worker!.once('exit', resolve));
  const stats = await sink.stats();
  console.log(`kill ${String(kill).padStart(2)}: sink has ${stats.received.toLocaleString('en')} messages (${stats.duplicates} duplicates so far)`);
  startWorker();
}
const deadline = Date.now() + 10 * 60_000;
while ((await status()) !== 'completed' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1000));
await new Promise((resolve) => setTimeout(resolve, 500));
worker!.kill('SIGTERM');
const stats = await sink.stats();
const final = await getCampaign(tenant, campaign.id);
const lost = recipients - stats.distinct;
console.log(
  `\n${recipients.toLocaleString('en')} recipients, ${kills} kills, ${((performance.now() - t0) / 1000).toFixed(0)} s: ` +
    `sink received ${stats.received.toLocaleString('en')} (${stats.distinct.toLocaleString('en')} distinct); lost ${lost}; ` +
    `duplicates ${stats.duplicates} (target at most ${BULK_POOL_SIZE} per kill, ${BULK_POOL_SIZE * kills} in all); ` +
    `final status ${final.status}, total_sent ${final.total_sent.toLocaleString('en')}`,
);
sink.stop();
await runtime.queue.stop();
runtime.mailer.close();
await runtime.database.close();
process.exit(0);
