// npm run bench:sequences — prints numbers, never pass/fail.
// N active enrollments (BENCH_SEQUENCES_N, default 100,000) whose first step, an email, is due: the step worker
// (runDueSteps, as the `email.sequences.steps` job runs it) claims them in batches, queues each email in email_sends
// and moves each lead to a one-day wait, while the campaign engine's sender sends those emails to a loopback SMTP
// sink (bench/smtp-sink.ts, its own process) in the same process. Prints steps processed per second, messages sent
// per second, and the lag from each step's due time to its message's send (p50, p95, max): all are due at the start,
// so the lag is the time to work through N (the worst case of a backlog). PostgreSQL with DATABASE_URL
// (BENCH_SEQUENCES_WORKERS step workers at once on the pool's connections, default 2), else PGlite (one).
import { performance } from 'node:perf_hooks';
import { createRuntime } from '../src/boot.js';
import { loadConfig } from '../src/platform/config.js';
import { rowsOf } from '../src/platform/db/rows.js';
import { Tenant } from '../src/platform/db/tenant.js';
import { createLogger } from '../src/platform/log.js';
import { signup } from '../src/modules/accounts/index.js';
import { ZSequenceCreateBody } from '../src/contracts/email-sequences.js';
import { updateCampaign } from '../src/modules/email/email-campaigns.service.js';
import { runCampaignSender } from '../src/modules/email/email-sender.js';
import { runDueSteps } from '../src/modules/email/sequences/sequence-engine.js';
import { activateSequence, createSequence, createSequenceEmail, updateSequence } from '../src/modules/email/sequences/sequences.service.js';
import { updateWorkspace } from '../src/modules/workspaces/workspaces.service.js';
import { startSink } from './smtp-sink-client.js';

const n = Number(process.env.BENCH_SEQUENCES_N ?? 100_000);
const sink = await startSink();
const config = loadConfig({
  ...process.env,
  SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
  DATA_DIR: process.env.DATA_DIR ?? `.tmp/bench-sequences-${Date.now()}`,
  LOG_LEVEL: 'warn',
});
const runtime = await createRuntime(config, { supervise: false, log: createLogger('warn') });
const workers = runtime.database.kind === 'postgres' ? Number(process.env.BENCH_SEQUENCES_WORKERS ?? 2) : 1;
console.log(`database: ${runtime.database.kind}; ${n.toLocaleString('en')} enrollments due; ${workers} step worker(s) and one sender in this process`);

const HTML = `<h1>Bonjour {{ lead.first_name }}</h1><p>${'Bienvenue dans notre programme. '.repeat(20)}</p>
<p><a href="https://exemple.fr/guide">Le guide</a></p><p>{{ workspace.postal_address }} · <a href="{{ unsubscribe_url }}">Se désinscrire</a></p>`;

const { user, workspace } = await signup(runtime.db, {
  email: `bench-seq-${Date.now()}@example.com`,
  password: 'bench password 123',
  name: 'Bench',
  workspace_name: 'Bench',
});
await updateWorkspace(runtime.db, workspace.id, { legal_name: 'Bench SAS', postal_address: '1 rue du Test, 75001 Paris' });
const tenant = new Tenant(runtime.db, workspace.id);
const auth = { via: 'session' as const, user_id: user.id, workspace_id: workspace.id, role: 'owner' as const };
const sequence = await createSequence(tenant, auth, ZSequenceCreateBody.parse({ name: 'Bench' }));
const email = await createSequenceEmail(tenant, auth, sequence.id, 'Bienvenue');
await updateCampaign(tenant, email.id, { subject: 'Bienvenue {{ lead.first_name }}', html_content: HTML });
await updateSequence(tenant, sequence.id, {
  steps: [
    { id: 'welcome', type: 'email', email_id: email.id },
    { id: 'wait', type: 'wait', amount: 1, unit: 'days' },
  ],
});
await activateSequence(runtime, tenant, sequence.id);

let t0 = performance.now();
await runtime.database.raw.query(
  `INSERT INTO leads (workspace_id, first_name, email) SELECT $1, 'Prénom' || g, 'lead' || g || '@exemple.fr' FROM generate_series(1, $2::int) AS g`,
  [workspace.id, n],
);
// All due now, as the end of a wait that N leads started together (a day's sign-ups, an import) leaves them.
await runtime.database.raw.query(
  `INSERT INTO email_sequence_enrollments (workspace_id, sequence_id, lead_id, step_id, due_at, entered_at)
   SELECT workspace_id, $2, id, 'welcome', now(), now() - interval '1 day' FROM leads WHERE workspace_id = $1`,
  [workspace.id, sequence.id],
);
await runtime.database.raw.query('ANALYZE email_sequence_enrollments');
// Each enrollment's due time, kept aside (the worker moves due_at on to the wait's end).
await runtime.database.raw.query('DROP TABLE IF EXISTS bench_due');
await runtime.database.raw.query(`CREATE TABLE bench_due AS SELECT id, due_at FROM email_sequence_enrollments WHERE sequence_id = '${sequence.id}'`);
console.log(`set-up: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

t0 = performance.now();
let stepsDone = 0;
let stepsSeconds = 0;
const steps = Promise.all(
  Array.from({ length: workers }, async () => {
    // The job's slices (30 s each), one after the other, until nothing is due.
    for (;;) {
      const moved = await runDueSteps(runtime, { now: new Date(), budgetMs: 30_000 });
      stepsDone += moved;
      if (moved === 0) break;
    }
  }),
).then(() => (stepsSeconds = (performance.now() - t0) / 1000));
const sending = (async () => {
  for (;;) {
    const outcome = await runCampaignSender(runtime, email.id, { budgetMs: 30_000 });
    if (outcome.kind === 'finished' && stepsSeconds > 0) {
      const left = await runtime.database.raw.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM email_sends WHERE campaign_id = $1 AND status IN ('queued', 'sending')`,
        [email.id],
      );
      if (left.rows[0]!.n === 0) return;
    }
    if (outcome.kind !== 'again') await new Promise((resolve) => setTimeout(resolve, 50));
  }
})();
await Promise.all([steps, sending]);
const totalSeconds = (performance.now() - t0) / 1000;

const [lag] = rowsOf<{ sent: number; p50: number; p95: number; max: number; waiting: number }>(
  await runtime.database.raw.query(
    `SELECT count(*)::int AS sent,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.sent_at - d.due_at)) AS p50,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM s.sent_at - d.due_at)) AS p95,
       max(extract(epoch FROM s.sent_at - d.due_at)) AS max,
       (SELECT count(*)::int FROM email_sequence_enrollments WHERE sequence_id = $1 AND state = 'active' AND step_id = 'wait') AS waiting
     FROM bench_due d
     JOIN email_sends s ON s.workspace_id = $2 AND s.dedupe_key = 'sequence:' || d.id || ':welcome'
     WHERE s.status = 'sent'`,
    [sequence.id, workspace.id],
  ),
);
const stats = await sink.stats();
console.log(
  `${stepsDone.toLocaleString('en')} steps in ${stepsSeconds.toFixed(1)} s: ${(stepsDone / stepsSeconds).toFixed(0)} steps/s; ` +
    `${stats.received.toLocaleString('en')} messages in ${totalSeconds.toFixed(1)} s: ${(stats.received / totalSeconds).toFixed(0)} msg/s (${stats.duplicates} duplicates); ` +
    `${lag!.waiting.toLocaleString('en')} leads now at the wait`,
);
console.log(
  `lag from the step's due time to its message's send: p50 ${Number(lag!.p50).toFixed(1)} s, p95 ${Number(lag!.p95).toFixed(1)} s, max ${Number(lag!.max).toFixed(1)} s`,
);

sink.stop();
await runtime.queue.stop();
runtime.mailer.close();
await runtime.database.close();
