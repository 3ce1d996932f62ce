import { eq, sql } from 'drizzle-orm';
import { IMPORT_LEAD_FIELDS, type TImportLeadField, type TImportReason, type TOnDuplicate } from '../../../contracts/crm-imports.js';
import type { Db } from '../../../platform/db/database.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { leadSuppressions } from '../privacy/privacy.tables.js';
import { leads } from '../leads/leads.tables.js';
import type { TCustomFieldRow } from '../custom-fields/custom-fields.service.js';
import { emailHash } from '../privacy/email-hash.js';
import { collectLeadEvent } from '../leads/lead-event-scope.js';
import { leadImports } from './imports.tables.js';
import { importedLeadEventsWanted } from './imported-lead-events.js';
import { rowToLead, type TImportColumn, type TImportedLead, type TOwners } from './lead-import-mapping.js';
import { roundRobinOwners } from '../settings/round-robin.service.js';
import type { TLeadRow } from '../leads/leads.service.js';

// One batch of CSV rows -> leads, in one transaction: a few set-based statements per batch
// (jsonb_to_recordset), whatever its size, so imports run at thousands of rows per second.

export type TImportContext = {
  tenant: Tenant;
  importId: string;
  actorUserId: string | null;
  onDuplicate: TOnDuplicate;
  headers: string[];
  columns: TImportColumn[];
  definitions: Map<string, TCustomFieldRow>;
  owners: TOwners;
  /** Whether this run wrote lead events (updates, or `imported` events for their consumers): lead_events is analyzed at the end. */
  wroteEvents?: boolean;
};

export type TBatchRow = { rowNumber: number; cells: string[] };

/** Thrown when another run of the same import already processed these rows (at-least-once delivery). */
export class ImportSuperseded extends Error {}

/** The reason written for rows whose email was erased (GDPR) and must not come back (in English; code `suppressed`). */
export const SUPPRESSED_REASON = 'erased (suppression list)';

/** A report row: the English text (`reason`, for API users) and the same as codes (`reasons`, translated). */
type TFailure = { row_number: number; reason: string; reasons: TImportReason[]; raw: Record<string, string> };
type TPending = { lead: TImportedLead; rows: number; current?: TLeadRow };
type TChange = { field: string; from: unknown; to: unknown };

/** A batch whose rows are validated, ready to be written. */
export type TPreparedBatch = {
  /** processed_rows before this batch: the batch commits only on top of exactly that many rows. */
  startRow: number;
  rows: number;
  valid: { row: TBatchRow; lead: TImportedLead }[];
  failures: TFailure[];
  bytesRead: number;
};

/** Validates a batch's rows like the API validates a lead (CPU only: runs while the previous batch is written). */
export function prepareBatch(ctx: TImportContext, rows: TBatchRow[], startRow: number, bytesRead: number): TPreparedBatch {
  const batch: TPreparedBatch = { startRow, rows: rows.length, valid: [], failures: [], bytesRead };
  for (const row of rows) {
    const result = rowToLead(row.cells, ctx.columns, ctx.definitions, ctx.owners);
    if (result.ok) batch.valid.push({ row, lead: result.lead });
    else {
      const reasons = result.reasons.map(({ message: _english, ...reason }) => reason);
      batch.failures.push({ row_number: row.rowNumber, reason: result.reason, reasons, raw: rawOf(ctx.headers, row.cells) });
    }
  }
  return batch;
}

/** The emails a batch writes (lower case), for the writers to keep two batches in flight apart. */
export function batchEmails(batch: TPreparedBatch): Set<string> {
  return new Set(batch.valid.map((v) => v.lead.email).filter((e): e is string => !!e));
}

/**
 * Writes one batch: skips erased emails, resolves duplicates by email (existing leads and earlier
 * rows) per on_duplicate, writes leads, events and failures, and advances the import's counters,
 * all in one transaction so a rerun resumes exactly after it.
 *
 * The counters move last, on the condition that processed_rows is still the batch's start, so
 * processed_rows stays a prefix of the file, and a second runner of the same import (ImportSuperseded) or a
 * batch whose predecessor failed commits nothing. With `ordered` (two writers on PostgreSQL,
 * lead-import-run.service.ts) the next batch runs its statements while this one is still being written:
 * each batch holds a transaction lock named by the row it ends at from its first statement (`started` is
 * called once it is held) and, before its counters, waits for the lock named by the row it starts at, i.e.
 * for its predecessor's commit or rollback. The wait is the database's own, so a deadlock with another
 * writer is seen and broken by PostgreSQL (40P01), never a hang.
 */
export async function writeBatch(ctx: TImportContext, batch: TPreparedBatch, ordered?: { started: () => void }): Promise<void> {
  const counts = { created: 0, updated: 0, skipped: 0, failed: batch.failures.length };
  const failures = [...batch.failures];
  const { valid, bytesRead } = batch;
  const emails = [...new Set(valid.map((v) => v.lead.email).filter((e): e is string => !!e))];
  const { tenant } = ctx;

  await tenant.db.transaction(async (tx) => {
    if (ordered) {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${ctx.importId}), ${batch.startRow + batch.rows})`);
      ordered.started();
    }
    // Safe without waiting for the disk: a batch lost in a crash is lost with its processed_rows, and the rerun redoes it.
    await tx.execute(sql`SET LOCAL synchronous_commit = off`);

    const suppressed = await suppressedHashes(tx, tenant, emails);
    // Skipping duplicates needs no lookup: the insert's ON CONFLICT DO NOTHING leaves an existing email's lead
    // alone and the row counts as skipped (below). One index probe per row less.
    const existing = ctx.onDuplicate === 'update' ? await existingLeads(tx, tenant, emails) : new Map<string, TLeadRow>();
    const withoutEmail: TPending[] = [];
    const byEmail = new Map<string, TPending>();
    for (const { row, lead } of valid) {
      const email = lead.email;
      if (!email) {
        withoutEmail.push({ lead, rows: 1 });
        continue;
      }
      if (suppressed.has(emailHash(email))) {
        counts.skipped++;
        failures.push({ row_number: row.rowNumber, reason: SUPPRESSED_REASON, reasons: [{ code: 'suppressed' }], raw: rawOf(ctx.headers, row.cells) });
        continue;
      }
      const pending = byEmail.get(email);
      const current = existing.get(email);
      if ((pending || current) && ctx.onDuplicate === 'skip') counts.skipped++;
      else if (pending) {
        mergeInto(pending.lead, lead);
        pending.rows++;
      } else byEmail.set(email, { lead, rows: 1, current });
    }

    // New leads (a later row with the same email has been merged in: it counts as an update).
    const toCreate = [...withoutEmail, ...[...byEmail.values()].filter((p) => !p.current)];
    if (toCreate.length > 0) {
      // Leads without an owner get one from the round-robin rotation, as leads added by hand do.
      const ownerless = toCreate.filter((p) => !p.lead.owner_id);
      const owners = await roundRobinOwners(tx, tenant.workspaceId, ownerless.length);
      owners.forEach((owner, i) => {
        if (owner) ownerless[i]!.lead.owner_id = owner;
      });
      const announce = await importedLeadEventsWanted(tx, tenant.workspaceId);
      const inserted = await insertLeads(
        tx,
        ctx,
        toCreate.map((p) => p.lead),
        announce,
      );
      if (announce && inserted.size > 0) ctx.wroteEvents = true;
      for (const pending of toCreate) {
        // A lead created meanwhile by someone else with the same email: left as it is.
        if (pending.lead.email && !inserted.has(pending.lead.email)) counts.skipped += pending.rows;
        else {
          counts.created++;
          counts.updated += pending.rows - 1;
        }
      }
    }

    // Existing leads (on_duplicate = update): only those whose values change are written.
    const updates: { merged: TLeadRow; changes: TChange[] }[] = [];
    for (const pending of byEmail.values()) {
      if (!pending.current) continue;
      const changes = changesOf(pending.current, pending.lead);
      if (changes.length === 0) counts.skipped += pending.rows;
      else {
        counts.updated += pending.rows;
        updates.push({ merged: mergedRow(pending.current, pending.lead), changes });
      }
    }
    if (updates.length > 0) {
      await updateLeads(tx, ctx, updates);
      ctx.wroteEvents = true;
    }
    if (failures.length > 0) await insertFailures(tx, ctx, failures);

    if (ordered) await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(hashtext(${ctx.importId}), ${batch.startRow})`);
    const advanced = await tx
      .update(leadImports)
      .set({
        processed_rows: sql`${leadImports.processed_rows} + ${batch.rows}`,
        created_count: sql`${leadImports.created_count} + ${counts.created}`,
        updated_count: sql`${leadImports.updated_count} + ${counts.updated}`,
        skipped_count: sql`${leadImports.skipped_count} + ${counts.skipped}`,
        failed_count: sql`${leadImports.failed_count} + ${counts.failed}`,
        bytes_read: sql`greatest(${leadImports.bytes_read}, ${bytesRead})`,
      })
      .where(tenant.where(leadImports, eq(leadImports.id, ctx.importId), eq(leadImports.processed_rows, batch.startRow)))
      .returning({ id: leadImports.id });
    if (advanced.length === 0) throw new ImportSuperseded();
  });
}

/** The row as the file had it, keyed by column name (for the report). */
function rawOf(headers: string[], cells: string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  headers.forEach((header, i) => {
    if (header !== '') raw[header] = cells[i] ?? '';
  });
  return raw;
}

async function suppressedHashes(tx: Db, tenant: Tenant, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await tx
    .select({ hash: leadSuppressions.email_hash })
    .from(leadSuppressions)
    .where(tenant.where(leadSuppressions, sql`${leadSuppressions.email_hash} = ANY (${jsonTextArray(emails.map(emailHash))})`));
  return new Set(rows.map((r) => r.hash));
}

async function existingLeads(tx: Db, tenant: Tenant, emails: string[]): Promise<Map<string, TLeadRow>> {
  if (emails.length === 0) return new Map();
  // One probe of the unique (workspace_id, lower(email)) index per email: LATERAL makes it a nested loop
  // whatever the planner's statistics say. With `= ANY` it read every lead of a workspace that grew since its
  // last ANALYZE (quadratic), and the import had to ANALYZE leads again and again (0.4 s each at 1M leads).
  const found = await tx.execute(sql`
    SELECT l.id FROM unnest(${jsonTextArray(emails)}) AS e(email)
    CROSS JOIN LATERAL (SELECT id FROM leads WHERE workspace_id = ${tenant.workspaceId}::uuid AND lower(email) = e.email) AS l`);
  const ids = (found as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(leads)
    .where(tenant.where(leads, sql`${leads.id} = ANY (${jsonTextArray(ids)}::uuid[])`));
  return new Map(rows.map((row) => [row.email!.toLowerCase(), row]));
}

/** A text[] from one JSON parameter (drizzle would bind one parameter per element, slow on PGlite). */
function jsonTextArray(values: string[]) {
  return sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

/** A later row's values over an earlier one's with the same email (empty cells were never set). */
function mergeInto(target: TImportedLead, later: TImportedLead): void {
  const { custom_fields: custom, ...fields } = later;
  Object.assign(target, fields);
  if (custom) target.custom_fields = { ...target.custom_fields, ...custom };
}

const UPDATABLE = IMPORT_LEAD_FIELDS.filter((field) => field !== 'email');

function changesOf(current: TLeadRow, lead: TImportedLead): TChange[] {
  const changes: TChange[] = [];
  for (const field of UPDATABLE) {
    const to = lead[field];
    if (to !== undefined && JSON.stringify(current[field]) !== JSON.stringify(to)) changes.push({ field, from: current[field], to });
  }
  for (const [key, to] of Object.entries(lead.custom_fields ?? {})) {
    const from = current.custom_fields[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field: `custom.${key}`, from, to });
  }
  return changes;
}

function mergedRow(current: TLeadRow, lead: TImportedLead): TLeadRow {
  const merged: TLeadRow = { ...current, custom_fields: { ...current.custom_fields, ...lead.custom_fields } };
  for (const field of UPDATABLE) {
    if (lead[field] !== undefined) (merged as Record<string, unknown>)[field] = lead[field];
  }
  return merged;
}

const SQL_TYPES: Partial<Record<TImportLeadField, string>> = { estimated_value: 'numeric', tags: 'text[]', owner_id: 'uuid' };
/** The JSON record shape of a lead row, for jsonb_to_recordset. */
const RECORD_COLUMNS = sql.raw([...IMPORT_LEAD_FIELDS.map((f) => `${f} ${SQL_TYPES[f] ?? 'text'}`), 'custom_fields jsonb'].join(', '));
const INSERT_COLUMNS = sql.raw([...IMPORT_LEAD_FIELDS, 'custom_fields'].join(', '));
const INSERT_VALUES = sql.raw(
  [
    ...IMPORT_LEAD_FIELDS.map((f) => (f === 'status' ? `coalesce(x.status, 'new')` : f === 'tags' ? `coalesce(x.tags, '{}')` : `x.${f}`)),
    `coalesce(x.custom_fields, '{}')`,
  ].join(', '),
);
const UPDATE_SET = sql.raw([...UPDATABLE, 'custom_fields'].map((f) => `${f} = x.${f}`).join(', '));

/**
 * Inserts new leads, stamped with the import's id (their "imported" record); returns the emails actually
 * inserted (a concurrent duplicate is not). With `announce`, each also gets an `imported` event and its outbox
 * row, in the same statement, for the consumers of those events (imported-lead-events.ts): an automation on
 * "lead created" starts for imported leads as for leads added by hand.
 */
async function insertLeads(tx: Db, ctx: TImportContext, rows: TImportedLead[], announce: boolean): Promise<Set<string>> {
  const ws = ctx.tenant.workspaceId;
  const insert = sql`
      INSERT INTO leads (workspace_id, import_id, ${INSERT_COLUMNS})
      SELECT ${ws}::uuid, ${ctx.importId}::uuid, ${INSERT_VALUES} FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(${RECORD_COLUMNS})
      ON CONFLICT DO NOTHING
      RETURNING id, email`;
  if (!announce) {
    const result = await tx.execute(insert);
    return new Set((result as unknown as { rows: { email: string | null }[] }).rows.map((row) => row.email).filter((e): e is string => !!e));
  }
  const data = { import_id: ctx.importId };
  const result = await tx.execute(sql`
    WITH inserted AS (${insert}), events AS (
      INSERT INTO lead_events (workspace_id, lead_id, event_type, data, actor_user_id)
      SELECT ${ws}::uuid, inserted.id, 'imported', ${JSON.stringify(data)}::jsonb, ${ctx.actorUserId}::uuid FROM inserted
      RETURNING id, lead_id
    ), queued AS (
      INSERT INTO lead_event_outbox (event_id, workspace_id) SELECT id, ${ws}::uuid FROM events
    )
    SELECT inserted.email, events.id AS event_id FROM inserted JOIN events ON events.lead_id = inserted.id`);
  const inserted = (result as unknown as { rows: { email: string | null; event_id: string }[] }).rows;
  for (const row of inserted) collectLeadEvent({ id: row.event_id, workspaceId: ws, type: 'imported', data });
  return new Set(inserted.map((row) => row.email).filter((e): e is string => !!e));
}

/** Writes the merged values of changed leads and logs each change like a manual edit (field_changed, status_changed). */
async function updateLeads(tx: Db, ctx: TImportContext, updates: { merged: TLeadRow; changes: TChange[] }[]): Promise<void> {
  const ws = ctx.tenant.workspaceId;
  const records = updates.map(({ merged }) => ({
    id: merged.id,
    ...Object.fromEntries([...UPDATABLE, 'custom_fields'].map((f) => [f, merged[f as keyof TLeadRow]])),
  }));
  await tx.execute(sql`
    UPDATE leads AS l SET ${UPDATE_SET}, updated_at = now()
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS x(id uuid, ${RECORD_COLUMNS})
    WHERE l.id = x.id AND l.workspace_id = ${ws}::uuid`);
  await insertEvents(
    tx,
    ctx,
    updates.flatMap(({ merged, changes }) =>
      changes.map((change) => ({
        lead_id: merged.id,
        event_type: change.field === 'status' ? 'status_changed' : 'field_changed',
        data: { ...change, import_id: ctx.importId },
      })),
    ),
  );
}

/**
 * Appends events and their outbox rows in one statement, as recordLeadEventRows does; one JSON parameter
 * instead of five per row binds several times faster on PGlite.
 */
async function insertEvents(tx: Db, ctx: TImportContext, events: { lead_id: string; event_type: string; data: Record<string, unknown> }[]): Promise<void> {
  if (events.length === 0) return;
  const ws = ctx.tenant.workspaceId;
  // One statement writes the events and their outbox rows (see lead-event-log.ts).
  const result = await tx.execute(sql`
    WITH written AS (
      INSERT INTO lead_events (workspace_id, lead_id, event_type, data, actor_user_id)
      SELECT ${ws}::uuid, x.lead_id, x.event_type, x.data, ${ctx.actorUserId}::uuid
      FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb) AS x(lead_id uuid, event_type text, data jsonb)
      RETURNING id, event_type, data
    ), queued AS (
      INSERT INTO lead_event_outbox (event_id, workspace_id) SELECT id, ${ws}::uuid FROM written
    )
    SELECT id, event_type, data FROM written`);
  for (const event of (result as unknown as { rows: { id: string; event_type: string; data: Record<string, unknown> }[] }).rows) {
    collectLeadEvent({ id: event.id, workspaceId: ws, type: event.event_type, data: event.data });
  }
}

async function insertFailures(tx: Db, ctx: TImportContext, failures: TFailure[]): Promise<void> {
  await tx.execute(sql`
    INSERT INTO lead_import_failures (workspace_id, import_id, row_number, reason, reasons, raw)
    SELECT ${ctx.tenant.workspaceId}::uuid, ${ctx.importId}::uuid, x.row_number, x.reason, x.reasons, x.raw
    FROM jsonb_to_recordset(${JSON.stringify(failures)}::jsonb) AS x(row_number int, reason text, reasons jsonb, raw jsonb)`);
}
