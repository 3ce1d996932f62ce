// CSV import throughput — prints numbers, never pass/fail.
// Standalone: `npx tsx bench/crm-import.ts` (PGlite in .tmp/, or PostgreSQL with DATABASE_URL; BENCH_IMPORT_ROWS, default 100,000;
// BENCH_ON_DUPLICATE=update for the update mode).
// bench/crm.bench.ts can call benchImport(runtime, rows) on its own runtime.
// Generates a French-Excel-like CSV (`;`, Windows-1252, French numbers, 1 % bad rows) as a stream,
// uploads it through the real upload service (chunks into the database) and runs the real import
// job through the queue, then reports rows per second.
import { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { createRuntime } from '../src/boot.js';
import { signup } from '../src/modules/accounts/index.js';
import { startLeadImport, type TUploadPart } from '../src/modules/crm/imports/lead-import-upload.service.js';
import { getLeadImport } from '../src/modules/crm/imports/lead-imports.service.js';
import { loadConfig } from '../src/platform/config.js';
import { Tenant } from '../src/platform/db/tenant.js';
import { createLogger } from '../src/platform/log.js';
import type { Runtime } from '../src/platform/runtime.js';

export type TImportBench = {
  rows: number;
  fileBytes: number;
  uploadSeconds: number;
  /** From the end of the upload until the import is completed (queue pickup included). */
  importSeconds: number;
  /** From the end of the upload until the queue is idle: the import, then its statistics refresh. */
  drainSeconds: number;
  /** Data rows handled per second by the import job (the target is >= 10,000 on PostgreSQL). */
  rowsPerSecond: number;
  created: number;
  failed: number;
};

const FIRST = ['Élodie', 'François', 'Zoé', 'Hugo', 'Chloé', 'Benoît', 'Inès', 'Léa'];
const LAST = ['Garçon', 'Lefèvre', 'Dubois', 'Mercier', 'Faure', 'Noël'];
const COMPANIES = ['Café de la Gare', 'Façade & Cie', 'Crème brûlée SARL', 'Studio Pixel', 'Atelier Bois'];

/** The workspace to import into: one that already holds leads (the target is set with 1,000,000 of them). */
export type TImportTarget = { workspaceId: string; userId: string };

/**
 * Imports `rows` generated leads into `target` (by default a new, empty workspace of this runtime's
 * database) and measures it.
 */
export async function benchImport(runtime: Runtime, rows: number, target?: TImportTarget): Promise<TImportBench> {
  const stamp = `${Date.now().toString(36)}${process.pid}`;
  const { user, workspace } = target
    ? { user: { id: target.userId }, workspace: { id: target.workspaceId } }
    : await signup(runtime.db, {
        email: `bench-import-${stamp}@example.com`,
        password: 'bench password 123',
        name: 'Bench import',
        workspace_name: 'Bench import',
      });
  const tenant = new Tenant(runtime.db, workspace.id);
  let fileBytes = 0;
  const csv = Readable.from(
    (function* () {
      const lines: string[] = ['Prénom;Nom;E-mail;Téléphone;Société;Valeur;Tags;Statut'];
      for (let i = 1; i <= rows; i++) {
        const email = i % 100 === 0 ? `pas-un-email-${i}` : `lead${i}-${stamp}@exemple.fr`;
        lines.push(
          `${FIRST[i % FIRST.length]};${LAST[i % LAST.length]};${email};+33 6 12 34 ${String(i % 100).padStart(2, '0')} 00;` +
            `${COMPANIES[i % COMPANIES.length]};${1000 + (i % 5000)},50;vip|salon;${i % 7 === 0 ? 'Qualifié' : 'Nouveau'}`,
        );
        if (lines.length === 2000 || i === rows) {
          const bytes = iconv.encode(`${lines.join('\r\n')}\r\n`, 'win1252');
          fileBytes += bytes.length;
          lines.length = 0;
          yield bytes;
        }
      }
    })(),
  );
  const mapping = {
    Prénom: 'first_name',
    Nom: 'last_name',
    'E-mail': 'email',
    Téléphone: 'phone',
    Société: 'company',
    Valeur: 'estimated_value',
    Tags: 'tags',
    Statut: 'status',
  };
  async function* parts(): AsyncGenerator<TUploadPart> {
    yield { kind: 'field', name: 'mapping', value: JSON.stringify(mapping) };
    // `update` also reads each batch's existing emails (skip leaves them to the insert's ON CONFLICT).
    yield { kind: 'field', name: 'on_duplicate', value: process.env.BENCH_ON_DUPLICATE === 'update' ? 'update' : 'skip' };
    yield { kind: 'file', name: 'file', fileName: 'bench.csv', stream: csv };
  }

  let t0 = performance.now();
  const queued = await startLeadImport(runtime, tenant, { via: 'session', user_id: user.id, workspace_id: workspace.id, role: 'owner' }, parts());
  const uploadSeconds = (performance.now() - t0) / 1000;
  const uploaded = Date.now();
  t0 = performance.now();
  await runtime.queue.drain();
  const drainSeconds = (performance.now() - t0) / 1000;
  const done = await getLeadImport(tenant, queued.id);
  if (done.status !== 'completed') throw new Error(`import ended ${done.status}: ${done.error}`);
  // What the user waits for: from the end of the upload until the import says "completed" (its finished_at,
  // written by the job with the server's clock, this process's). The job then refreshes the planner statistics
  // (ANALYZE, after the import is shown done); that part is printed on its own.
  const importSeconds = (new Date(done.finished_at!).getTime() - uploaded) / 1000;
  return {
    rows: done.processed_rows,
    fileBytes,
    uploadSeconds,
    importSeconds,
    drainSeconds,
    rowsPerSecond: Math.round(done.processed_rows / importSeconds),
    created: done.created_count,
    failed: done.failed_count,
  };
}

/** One line for the bench output. */
export function formatImportBench(result: TImportBench): string {
  return (
    `import ${result.rows.toLocaleString('en')} rows (${(result.fileBytes / 1024 / 1024).toFixed(1)} MB, Windows-1252, ;): ` +
    `upload ${result.uploadSeconds.toFixed(1)} s, then ${result.importSeconds.toFixed(1)} s until completed = ${result.rowsPerSecond.toLocaleString('en')} rows/s ` +
    `(${result.created.toLocaleString('en')} created, ${result.failed.toLocaleString('en')} failed; ` +
    `the job's statistics refresh after it: queue idle at ${result.drainSeconds.toFixed(1)} s)`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const config = loadConfig({ ...process.env, DATA_DIR: process.env.DATA_DIR ?? `.tmp/bench-import-${Date.now()}`, LOG_LEVEL: 'warn' });
  const runtime = await createRuntime(config, { supervise: false, log: createLogger('warn') });
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
  console.log(`database: ${runtime.database.kind}`);
  console.log(formatImportBench(await benchImport(runtime, rows)));
  console.log('target (issue 3): >= 10,000 rows/s on PostgreSQL');
  await runtime.queue.stop();
  await runtime.database.close();
}
