/** The rows of a raw `db.execute(sql…)`: node-postgres and PGlite both answer `{ rows }`, one object per row. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
