// npm run bench:ads — prints numbers, never pass/fail.
// The ads' heavy paths a user can trigger: a report import at the size limit (50,000 rows: 250 campaigns × 200
// days, Google Ads CSV), the /ads list of those campaigns with their totals, results, pacing and CPA alerts, and
// /stats over a year. While the import runs, the health check's query (`select 1`) is timed every 100 ms through
// the same database handle, and the event loop's longest stall is recorded: the server must keep answering.
// PostgreSQL with DATABASE_URL, else PGlite in a fresh folder.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { createRuntime } from '../src/boot.js';
import { signup } from '../src/modules/accounts/index.js';
import { adStats, importAdReport, listAdCampaigns } from '../src/modules/ads/index.js';
import { loadConfig } from '../src/platform/config.js';
import { Tenant } from '../src/platform/db/tenant.js';
import { createLogger } from '../src/platform/log.js';

const CAMPAIGNS = 250;
const DAYS = 200;
const config = loadConfig({ ...process.env, DATA_DIR: process.env.DATA_DIR ?? `.tmp/bench-ads-${Date.now()}`, LOG_LEVEL: 'warn' });
const runtime = await createRuntime(config, { supervise: false, log: createLogger('warn') });
const { user, workspace } = await signup(runtime.db, {
  email: `bench-ads-${Date.now()}@example.com`,
  password: 'bench password 123',
  name: 'Bench',
  workspace_name: 'Bench',
});
const tenant = new Tenant(runtime.db, workspace.id);

// A Google Ads daily campaign report (English columns) ending yesterday.
const day = (i: number) => new Date(Date.now() - (DAYS - i) * 86_400_000).toISOString().slice(0, 10);
const lines = ['Campaign report', `${day(0)} - ${day(DAYS - 1)}`, 'Day,Campaign,Campaign ID,Currency code,Impr.,Clicks,Cost,Conversions,Conv. value'];
for (let c = 0; c < CAMPAIGNS; c++)
  for (let d = 0; d < DAYS; d++)
    lines.push(
      `${day(d)},Campagne ${c},${900_000 + c},EUR,${1000 + ((c * 7 + d * 13) % 900)},${20 + ((c + d) % 40)},${(15 + ((c * d) % 50) / 3).toFixed(2)},${(c + d) % 5},${((c + d) % 5) * 49}`,
    );
const bytes = Buffer.from(lines.join('\n'), 'utf8');

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const pings: number[] = [];
let importing = true;
const pinger = (async () => {
  while (importing) {
    const t0 = performance.now();
    await runtime.db.execute(sql`select 1`);
    pings.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
})();
const t0 = performance.now();
const report = await importAdReport(tenant, user.id, { fileName: 'bench.csv', bytes });
const importMs = performance.now() - t0;
importing = false;
await pinger;
loop.disable();
pings.sort((a, b) => a - b);
const pct = (values: number[], p: number) => values[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? 0;
console.log(`database: ${runtime.database.kind}`);
console.log(
  `import of ${report.rows.toLocaleString('en')} rows (${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${report.campaigns_created} campaigns created, ${report.days_written.toLocaleString('en')} days): ${(importMs / 1000).toFixed(1)} s`,
);
console.log(
  `during it, health query: ${pings.length} pings, p50 ${pct(pings, 50).toFixed(1)} ms, p99 ${pct(pings, 99).toFixed(1)} ms, max ${(pings.at(-1) ?? 0).toFixed(1)} ms; longest event-loop stall ${(loop.max / 1e6).toFixed(0)} ms`,
);

async function timed(label: string, run: () => Promise<unknown>, runs = 10): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await run();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: p50 ${pct(times, 50).toFixed(0)} ms, max ${(times.at(-1) ?? 0).toFixed(0)} ms (${runs} runs)`);
}
await timed('list, first page of 50 campaigns with totals, results, pacing, CPA alerts', () => listAdCampaigns(tenant, { limit: 50 }));
await timed('list, 100 campaigns', () => listAdCampaigns(tenant, { limit: 100 }));
await timed('stats over the 200 days', () => adStats(tenant, { from: day(0), to: day(DAYS - 1) }));
const again = performance.now();
await importAdReport(tenant, user.id, { fileName: 'bench.csv', bytes });
console.log(`the same report again (every day replaced): ${((performance.now() - again) / 1000).toFixed(1)} s`);

await runtime.queue.stop();
runtime.mailer.close();
await runtime.database.close();
