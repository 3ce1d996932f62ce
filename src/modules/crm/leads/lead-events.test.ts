import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { dispatchLeadEventsJob } from './publish-lead-events.js';
import { recordLeadEvent } from './lead-events.service.js';
import { leadEventOutbox, leadEvents } from './leads.tables.js';
import { queueScoreRecalculation, recalculateScoresJob, RESCORE_DELAY_SECONDS, rescoreLeadJob } from '../scoring/scoring.jobs.js';

// recordLeadEvent is append-only: the event and its outbox row, no rescoring in the caller's transaction.
// The rescore comes from a debounced job (crm.scores.rescore-lead) queued by the outbox dispatcher.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function scoredWorkspace() {
  const ws = await signUp(t.app);
  const rule = await ws.client.post('/api/marketing/scoring-rules', { name: 'Ouverture', kind: 'event', event_type: 'email_opened', points: 10 });
  expect(rule.statusCode, rule.body).toBe(201);
  const lead = (await ws.client.post('/api/marketing/leads', { email: uniqueEmail('event') })).json() as { id: string; score: number };
  await t.drain();
  return { ws, lead, tenant: new Tenant(t.runtime.db, ws.workspaceId) };
}
const scoreOf = async (ws: SignedUp, id: string) => (await ws.client.get(`/api/marketing/leads/${id}`)).json().score as number;

/** Waiting rescore jobs of a lead (pgboss.job), with their start time. */
async function waitingRescores(leadId: string) {
  const result = await t.runtime.db.execute(
    sql`SELECT id, start_after, created_on FROM pgboss.job WHERE name = ${rescoreLeadJob.name} AND singleton_key = ${leadId} AND state = 'created'`,
  );
  return (result as unknown as { rows: { id: string; start_after: Date | string; created_on: Date | string }[] }).rows;
}

/** What the workers do a few seconds later: the debounced rescores become due and run. */
async function runDebouncedRescores(): Promise<void> {
  await t.runtime.db.execute(sql`UPDATE pgboss.job SET start_after = now() WHERE name = ${rescoreLeadJob.name} AND state = 'created'`);
  await t.drain();
}

describe('recordLeadEvent', () => {
  it('appends the event without rescoring; the debounced job rescores the lead once for a burst of events', async () => {
    const { ws, lead, tenant } = await scoredWorkspace();
    for (let i = 0; i < 3; i++) await recordLeadEvent(tenant, { leadId: lead.id, type: 'email_opened', data: { campaign_id: 'c1' } });
    // Append-only: the score did not move in the writer's transaction.
    expect(await scoreOf(ws, lead.id)).toBe(0);
    const outbox = await t.runtime.db.select().from(leadEventOutbox).where(eq(leadEventOutbox.workspace_id, ws.workspaceId));
    expect(outbox.map((row) => row.rescore)).toEqual([true, true, true]);

    await dispatchLeadEventsJob.handler({}, t.runtime);
    const waiting = await waitingRescores(lead.id);
    expect(waiting).toHaveLength(1); // one rescore for the three events
    const delay = (new Date(waiting[0]!.start_after).getTime() - new Date(waiting[0]!.created_on).getTime()) / 1000;
    expect(delay).toBeGreaterThanOrEqual(RESCORE_DELAY_SECONDS - 1);
    await t.drain();
    expect(await scoreOf(ws, lead.id)).toBe(0); // not due yet

    await runDebouncedRescores();
    expect(await scoreOf(ws, lead.id)).toBe(30);
    const history = (await ws.client.get(`/api/marketing/leads/${lead.id}/score`)).json().history as { cause: string; score: number }[];
    expect(history[0]).toMatchObject({ score: 30, cause: 'email_opened' });
  });

  it('queues no rescore in a workspace without scoring rules', async () => {
    const ws = await signUp(t.app);
    const lead = (await ws.client.post('/api/marketing/leads', { email: uniqueEmail('norule') })).json() as { id: string };
    await recordLeadEvent(new Tenant(t.runtime.db, ws.workspaceId), { leadId: lead.id, type: 'page_visited' });
    await dispatchLeadEventsJob.handler({}, t.runtime);
    expect(await waitingRescores(lead.id)).toHaveLength(0);
  });

  it('records a replayed event once: the same dedupe key returns the first id', async () => {
    const { ws, lead, tenant } = await scoredWorkspace();
    const first = await recordLeadEvent(tenant, { leadId: lead.id, type: 'email_opened', dedupeKey: 'open:msg-1' });
    const again = await recordLeadEvent(tenant, { leadId: lead.id, type: 'email_opened', dedupeKey: 'open:msg-1' });
    const other = await recordLeadEvent(tenant, { leadId: lead.id, type: 'email_opened', dedupeKey: 'open:msg-2' });
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    const opened = await t.runtime.db
      .select({ id: leadEvents.id })
      .from(leadEvents)
      .where(and(eq(leadEvents.lead_id, lead.id), eq(leadEvents.event_type, 'email_opened')));
    expect(opened).toHaveLength(2);
    expect(await t.runtime.db.select().from(leadEventOutbox).where(eq(leadEventOutbox.workspace_id, ws.workspaceId))).toHaveLength(2);
    // The key is the workspace's: another workspace may use the same one.
    const b = await scoredWorkspace();
    expect(await recordLeadEvent(b.tenant, { leadId: b.lead.id, type: 'email_opened', dedupeKey: 'open:msg-1' })).not.toBe(first);
  });

  it('records one event when the same replay arrives several times at once', async () => {
    const { lead, tenant } = await scoredWorkspace();
    const ids = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.runtime.db.transaction((tx) => recordLeadEvent(new Tenant(tx, tenant.workspaceId), { leadId: lead.id, type: 'email_clicked', dedupeKey: 'click:1' })),
      ),
    );
    expect(new Set(ids).size).toBe(1);
    const rows = await t.runtime.db
      .select()
      .from(leadEvents)
      .where(and(eq(leadEvents.lead_id, lead.id), eq(leadEvents.event_type, 'email_clicked')));
    expect(rows).toHaveLength(1);
  });

  it('records only types declared in the registry, with data of their shape', async () => {
    const { lead, tenant } = await scoredWorkspace();
    await expect(recordLeadEvent(tenant, { leadId: lead.id, type: 'moon_landing' })).rejects.toThrow(/not declared/);
    await expect(recordLeadEvent(tenant, { leadId: lead.id, type: 'score_changed', data: { from: 'a' } })).rejects.toThrow();
    expect(await recordLeadEvent(tenant, { leadId: lead.id, type: 'email_clicked', data: { url: 'https://exemple.fr', extra: 1 } })).toEqual(
      expect.any(String),
    );
  });

  it("refuses another workspace's lead (404), with or without a dedupe key", async () => {
    const a = await scoredWorkspace();
    const b = await scoredWorkspace();
    for (const dedupeKey of [undefined, 'x:1', 'x:1']) {
      const error = await recordLeadEvent(a.tenant, { leadId: b.lead.id, type: 'email_opened', dedupeKey }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('not_found');
    }
    expect(await recordLeadEvent(a.tenant, { leadId: 'not-a-uuid', type: 'email_opened' }).catch((e: AppError) => e.code)).toBe('not_found');
    expect(
      await t.runtime.db
        .select()
        .from(leadEvents)
        .where(and(eq(leadEvents.lead_id, b.lead.id), eq(leadEvents.event_type, 'email_opened'))),
    ).toEqual([]);
  });
});

describe('crm.scores.recalculate', () => {
  it('keeps one waiting recalculation per workspace, with a long expiry', async () => {
    const { ws } = await signUp(t.app).then((s) => ({ ws: s }));
    for (let i = 0; i < 4; i++) await queueScoreRecalculation(t.runtime.queue, ws.workspaceId, 'bulk_action');
    const result = await t.runtime.db.execute(
      sql`SELECT expire_in FROM pgboss.job WHERE name = ${recalculateScoresJob.name} AND singleton_key = ${ws.workspaceId} AND state = 'created'`,
    );
    const rows = (result as unknown as { rows: { expire_in: unknown }[] }).rows;
    expect(rows).toHaveLength(1);
    expect(String(rows[0]!.expire_in)).toMatch(/^04:00:00$|4 hours/);
    await t.drain();
    // Once it ran, the next change queues the next one.
    await queueScoreRecalculation(t.runtime.queue, ws.workspaceId, 'bulk_action');
    const again = await t.runtime.db.execute(
      sql`SELECT id FROM pgboss.job WHERE name = ${recalculateScoresJob.name} AND singleton_key = ${ws.workspaceId} AND state = 'created'`,
    );
    expect((again as unknown as { rows: unknown[] }).rows).toHaveLength(1);
  });
});
