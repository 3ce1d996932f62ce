import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { uploadLeadLines } from '../../../../test/lead-import-upload.js';
import { runLeadImport } from './lead-import-run.service.js';

// Two batch writers (what the import job uses on PostgreSQL): batches overlap in the database but commit in
// file order, so processed_rows stays a prefix, duplicates count once, a crash resumes exactly, and two imports
// sharing emails both finish. Meaningful on PostgreSQL (npm run test:pg); on PGlite the transactions take turns.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function query<T>(sql: string, params: unknown[]): Promise<T[]> {
  return (await t.runtime.database.raw.query<T>(sql, params)).rows;
}

async function importState(ws: SignedUp, id: string) {
  return (await ws.client.get(`/api/marketing/imports/${id}`)).json() as Record<string, unknown>;
}

/** created / skipped / failed as the import must count them, rows in file order. */
function expectedCounts(emails: string[]) {
  const seen = new Set<string>();
  const counts = { created: 0, skipped: 0, failed: 0 };
  for (const email of emails) {
    if (!email.includes('@')) counts.failed++;
    else if (seen.has(email)) counts.skipped++;
    else {
      seen.add(email);
      counts.created++;
    }
  }
  return counts;
}

describe('lead import with two writers', () => {
  it('commits batches in file order and counts an email repeated in the next batch once', async () => {
    const ws = await signUp(t.app);
    // Every tenth row repeats the email of the row 50 before it (the previous batch, still being written),
    // and some rows are not emails at all.
    const emails = Array.from({ length: 1000 }, (_, i) =>
      i % 97 === 5 ? `pas-un-email-${i}` : i % 10 === 9 && i >= 50 ? `p${i - 50}@exemple.fr` : `p${i}@exemple.fr`,
    );
    const id = await uploadLeadLines(
      ws,
      emails.map((email, i) => `Lead${i},${email}`),
    );
    const progress: number[] = [];
    // Reads one after the other: the two writers' reads, on two PostgreSQL connections, could otherwise complete
    // out of order and show a later value before an earlier one (a flaky test, not a step back).
    let reads = Promise.resolve();
    const observe = async (fn: () => Promise<void>) => {
      await fn();
      reads = reads.then(async () => {
        const [row] = await query<{ processed_rows: number }>('SELECT processed_rows FROM lead_imports WHERE id = $1', [id]);
        progress.push(row!.processed_rows);
      });
      await reads;
    };
    await runLeadImport(t.runtime.db, ws.workspaceId, id, { batchRows: 50, writers: 2, publish: observe });

    const expected = expectedCounts(emails);
    expect(await importState(ws, id)).toMatchObject({
      status: 'completed',
      processed_rows: 1000,
      created_count: expected.created,
      skipped_count: expected.skipped,
      failed_count: expected.failed,
    });
    // Seen after each commit: whole batches, never going back.
    expect(progress).toHaveLength(20);
    for (const [i, rows] of progress.entries()) {
      expect(rows % 50).toBe(0);
      if (i > 0) expect(rows).toBeGreaterThanOrEqual(progress[i - 1]!);
    }
    const [leads] = await query<{ n: number; emails: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT email)::int AS emails FROM leads WHERE workspace_id = $1',
      [ws.workspaceId],
    );
    expect(leads).toEqual({ n: expected.created, emails: expected.created });
    await t.drain(); // the upload's own job, which finds the import done
  });

  it('resumes exactly after a crash while two batches were in flight', async () => {
    const ws = await signUp(t.app);
    const emails = Array.from({ length: 500 }, (_, i) => `q${i}@exemple.fr`);
    const id = await uploadLeadLines(
      ws,
      emails.map((email, i) => `Lead${i},${email}`),
    );
    let batches = 0;
    const dieOnFourthBatch = async (fn: () => Promise<void>) => {
      if (++batches === 4) throw new Error('worker killed');
      await fn();
    };
    await expect(runLeadImport(t.runtime.db, ws.workspaceId, id, { batchRows: 50, writers: 2, publish: dieOnFourthBatch })).rejects.toThrow('worker killed');
    // The three batches before the failed one committed, none after it.
    expect(await importState(ws, id)).toMatchObject({ status: 'running', processed_rows: 150, created_count: 150 });
    const [midway] = await query<{ n: number }>('SELECT count(*)::int AS n FROM leads WHERE workspace_id = $1', [ws.workspaceId]);
    expect(midway!.n).toBe(150);

    await runLeadImport(t.runtime.db, ws.workspaceId, id, { batchRows: 50, writers: 2 });
    expect(await importState(ws, id)).toMatchObject({ status: 'completed', processed_rows: 500, created_count: 500, skipped_count: 0 });
    const [leads] = await query<{ n: number; emails: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT email)::int AS emails FROM leads WHERE workspace_id = $1',
      [ws.workspaceId],
    );
    expect(leads).toEqual({ n: 500, emails: 500 });
    await t.drain();
  });

  it('runs again after the database cancels a batch to break a deadlock, resuming after the rows committed', async () => {
    const ws = await signUp(t.app);
    const id = await uploadLeadLines(
      ws,
      Array.from({ length: 200 }, (_, i) => `Lead${i},d${i}@exemple.fr`),
    );
    let batches = 0;
    // What pg raises when PostgreSQL picks this transaction as a deadlock's victim, on the third batch once.
    const deadlockOnce = async (fn: () => Promise<void>) => {
      if (++batches === 3) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      await fn();
    };
    await runLeadImport(t.runtime.db, ws.workspaceId, id, { batchRows: 50, writers: 2, publish: deadlockOnce });
    expect(await importState(ws, id)).toMatchObject({ status: 'completed', processed_rows: 200, created_count: 200, skipped_count: 0 });
    // Four batches, the third twice: the second run started after the two committed ones.
    expect(batches).toBe(5);
    await t.drain();
  });

  it('finishes two imports of one workspace at once whose batches hold the same emails in opposite orders', { timeout: 60_000 }, async () => {
    const ws = await signUp(t.app);
    const shared = Array.from({ length: 400 }, (_, i) => `s${i}@exemple.fr`);
    const first = [...shared, ...Array.from({ length: 100 }, (_, i) => `a${i}@exemple.fr`)];
    // The same emails in each batch of 20, reversed: two batches that run at once lock them in opposite orders.
    const reversedInBatches = shared.map((_, i) => shared[i - (i % 20) + 19 - (i % 20)]!);
    const second = [...reversedInBatches, ...Array.from({ length: 100 }, (_, i) => `b${i}@exemple.fr`)];
    const ids = [
      await uploadLeadLines(
        ws,
        first.map((email, i) => `A${i},${email}`),
      ),
      await uploadLeadLines(
        ws,
        second.map((email, i) => `B${i},${email}`),
      ),
    ];
    const [deadlocksBefore] = await query<{ n: number }>('SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()', []);
    // Both at once, each with two writers: the database sees up to four batch transactions locking the same emails.
    await Promise.all(ids.map((id) => runLeadImport(t.runtime.db, ws.workspaceId, id, { batchRows: 20, writers: 2 })));
    // Each backend reports its statistics a second after its last transaction at the latest.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const [deadlocksAfter] = await query<{ n: number }>('SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()', []);
    console.info(`two imports sharing 400 emails: ${deadlocksAfter!.n - deadlocksBefore!.n} deadlock(s) broken by the database and retried`);

    const states = await Promise.all(ids.map((id) => importState(ws, id)));
    for (const state of states) expect(state).toMatchObject({ status: 'completed', processed_rows: 500, failed_count: 0 });
    // Each shared email became one lead, by whichever import reached it first; the other skipped it.
    const created = states.reduce((sum, state) => sum + (state.created_count as number), 0);
    const skipped = states.reduce((sum, state) => sum + (state.skipped_count as number), 0);
    expect({ created, skipped }).toEqual({ created: 600, skipped: 400 });
    const [leads] = await query<{ n: number; emails: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT email)::int AS emails FROM leads WHERE workspace_id = $1',
      [ws.workspaceId],
    );
    expect(leads).toEqual({ n: 600, emails: 600 });
    await t.drain();
  });
});
