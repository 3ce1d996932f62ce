import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type TestContext } from './harness.js';

// The database itself keeps rows about a lead in the lead's workspace: every table with a lead_id references
// leads by (workspace_id, lead_id), so a forgotten scope in code cannot attach a row to another workspace's lead.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const query = (text: string, params: unknown[] = []) => t.runtime.database.raw.query(text, params);

describe('rows about a lead stay in its workspace', () => {
  it('every lead_id column of a workspace table references leads with its workspace_id', async () => {
    // Tables with both columns, and the foreign keys that cover lead_id.
    const { rows: tables } = await query(`
      SELECT c.table_name FROM information_schema.columns c
        JOIN information_schema.columns w ON w.table_name = c.table_name AND w.table_schema = c.table_schema AND w.column_name = 'workspace_id'
       WHERE c.column_name = 'lead_id' AND c.table_schema = 'public' ORDER BY 1`);
    const { rows: keys } = await query(`
      SELECT conrelid::regclass::text AS table_name, array_to_string(array(SELECT attname FROM pg_attribute WHERE attrelid = conrelid AND attnum = ANY(conkey) ORDER BY attname), ',') AS columns
        FROM pg_constraint WHERE contype = 'f' AND confrelid = 'leads'::regclass`);
    const composite = new Set((keys as { table_name: string; columns: string }[]).filter((k) => k.columns === 'lead_id,workspace_id').map((k) => k.table_name));
    const names = (tables as { table_name: string }[]).map((r) => r.table_name);
    expect(names).toEqual(expect.arrayContaining(['lead_events', 'lead_interactions', 'lead_tasks', 'lead_score_history']));
    expect(names.filter((name) => !composite.has(name))).toEqual([]);
  });

  it("refuses an event, a task, an interaction or a score change pointing at another workspace's lead", async () => {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    const lead = (await a.client.post('/api/marketing/leads', { first_name: 'Alice' })).json().id as string;
    const attempts: string[][] = [
      [`INSERT INTO lead_events (workspace_id, lead_id, event_type) VALUES ($1, $2, 'created')`],
      [`INSERT INTO lead_tasks (workspace_id, lead_id, title) VALUES ($1, $2, 'x')`],
      [`INSERT INTO lead_interactions (workspace_id, lead_id, interaction_type) VALUES ($1, $2, 'note')`],
      [`INSERT INTO lead_score_history (workspace_id, lead_id, score, previous_score, cause) VALUES ($1, $2, 1, 0, 'x')`],
    ];
    // automation_runs: the same key, and deleting the lead keeps the run with lead_id emptied (ON DELETE SET NULL (lead_id)).
    const automation = await a.client.post('/api/marketing/automations', {
      name: 'Bienvenue',
      active: false,
      trigger: { type: 'lead_created' },
      actions: [{ type: 'add_tag', params: { tag: 'x' } }],
    });
    expect(automation.statusCode, automation.body).toBe(201);
    const run = `INSERT INTO automation_runs (workspace_id, automation_id, lead_id, status) VALUES ($1, '${automation.json().id}', $2, 'succeeded')`;
    attempts.push([run]);
    for (const [sql] of attempts) {
      await expect(query(sql!, [b.workspaceId, lead]), sql).rejects.toThrow(/foreign key/);
      // The same row in the lead's own workspace is accepted (the refusal above is about the workspace).
      await expect(query(sql!, [a.workspaceId, lead])).resolves.toBeDefined();
    }
    expect((await a.client.delete(`/api/marketing/leads/${lead}`)).statusCode).toBe(204);
    const { rows } = await query(`SELECT lead_id FROM automation_runs WHERE workspace_id = $1`, [a.workspaceId]);
    expect(rows).toEqual([{ lead_id: null }]);
  });
});
