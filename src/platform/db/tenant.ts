import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { notFound } from '../errors.js';
import type { Db } from './database.js';

/** A table owned by a workspace: it has `id` and `workspace_id` columns. */
export type TenantTable = PgTable & { id: PgColumn; workspace_id: PgColumn };

/**
 * The single place where tenant scoping is written. Services receive a Tenant for the
 * caller's workspace and build every query on tenant-owned tables through it, so a row
 * of another workspace is simply invisible (and surfaces as 404, never 403).
 */
export class Tenant {
  constructor(
    readonly db: Db,
    readonly workspaceId: string,
  ) {}

  /** `workspace_id = <this workspace>` AND the extra conditions. */
  where(table: TenantTable, ...conditions: (SQL | undefined)[]): SQL {
    return and(eq(table.workspace_id, this.workspaceId), ...conditions) as SQL;
  }

  /** `workspace_id = <this workspace> AND id = <id>`; non-UUID ids match nothing. */
  byId(table: TenantTable, id: string): SQL {
    return this.where(table, eq(table.id, isUuid(id) ? id : '00000000-0000-0000-0000-000000000000'));
  }

  /** Inserts rows stamped with this workspace's id and returns them. */
  async insert<T extends TenantTable>(table: T, values: Omit<T['$inferInsert'], 'workspace_id'>): Promise<T['$inferSelect']> {
    const rows = (await this.db
      .insert(table)
      .values({ ...values, workspace_id: this.workspaceId } as T['$inferInsert'])
      .returning()) as T['$inferSelect'][];
    return rows[0]!;
  }

  /** Reads one row of this workspace or throws not_found. */
  async get<T extends TenantTable>(table: T, id: string, what: string): Promise<T['$inferSelect']> {
    const rows = (await this.db
      .select()
      .from(table as PgTable)
      .where(this.byId(table, id))
      .limit(1)) as T['$inferSelect'][];
    if (!rows[0]) throw notFound(what);
    return rows[0];
  }

  /** Updates one row of this workspace or throws not_found. */
  async update<T extends TenantTable>(
    table: T,
    id: string,
    values: Partial<Omit<T['$inferInsert'], 'workspace_id' | 'id'>>,
    what: string,
  ): Promise<T['$inferSelect']> {
    // Nothing to change (a PATCH with an empty body) is no error: the row as it is (an empty SET is invalid SQL).
    if (Object.values(values).every((value) => value === undefined)) return this.get(table, id, what);
    const rows = (await this.db
      .update(table)
      .set(values as never)
      .where(this.byId(table, id))
      .returning()) as T['$inferSelect'][];
    if (!rows[0]) throw notFound(what);
    return rows[0];
  }

  /**
   * Makes the callers that take the same `name` in this workspace take turns until the transaction ends
   * (pg_advisory_xact_lock on "<workspace>:<name>"). `db` must be a transaction: outside one the lock is
   * released as soon as it is taken.
   */
  async lockForTransaction(name: string): Promise<void> {
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${this.workspaceId}:${name}`}, 0))`);
  }

  /** Deletes one row of this workspace or throws not_found. */
  async delete(table: TenantTable, id: string, what: string): Promise<void> {
    const rows = await this.db.delete(table).where(this.byId(table, id)).returning({ id: table.id });
    if (rows.length === 0) throw notFound(what);
  }
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a syntactically valid UUID (ids in URLs are checked before reaching SQL). */
export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}
