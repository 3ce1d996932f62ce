import { asc, eq, sql } from 'drizzle-orm';
import { isCalendarDate } from '../../../contracts/common.js';
import type { TCustomFieldCreateBody, TCustomFieldType, TCustomFieldUpdateBody } from '../../../contracts/crm.js';
import type { Db } from '../../../platform/db/database.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { AppError, type TFieldError } from '../../../platform/errors.js';
import { customFieldDefinitions } from './custom-fields.tables.js';
import { leads } from '../leads/leads.tables.js';
import { WORKSPACE_LIMITS } from '../../../contracts/limits.js';
import { createWithinWorkspaceLimit } from '../../../platform/db/workspace-limit.js';

export type TCustomFieldRow = typeof customFieldDefinitions.$inferSelect;

/** The workspace's custom field definitions, in display order. */
export function listCustomFields(tenant: Tenant): Promise<TCustomFieldRow[]> {
  return tenant.db
    .select()
    .from(customFieldDefinitions)
    .where(tenant.where(customFieldDefinitions))
    .orderBy(asc(customFieldDefinitions.position), asc(customFieldDefinitions.created_at))
    .limit(WORKSPACE_LIMITS.customFields);
}

/** Defines a custom field; a `select` needs its options, a key already used is a 409. */
export async function createCustomField(tenant: Tenant, input: TCustomFieldCreateBody): Promise<TCustomFieldRow> {
  const options = checkOptions(input.field_type, input.options);
  return createWithinWorkspaceLimit(tenant, { table: customFieldDefinitions, list: 'customFields' }, async (tx) => {
    const [taken] = await tx.db
      .select({ id: customFieldDefinitions.id })
      .from(customFieldDefinitions)
      .where(tx.where(customFieldDefinitions, eq(customFieldDefinitions.key, input.key)));
    if (taken) {
      throw new AppError('conflict', `A custom field with the key ${input.key} already exists`, {
        errors: [{ path: 'body.key', message: 'already used by another custom field', code: 'key_taken' }],
        extra: { existing_id: taken.id },
      });
    }
    return tx.insert(customFieldDefinitions, { ...input, options });
  });
}

/** Renames, reorders or changes the options of a custom field (its key and type stay). */
export async function updateCustomField(tenant: Tenant, id: string, input: TCustomFieldUpdateBody): Promise<TCustomFieldRow> {
  const before = await tenant.get(customFieldDefinitions, id, 'Custom field');
  const options = input.options === undefined ? undefined : checkOptions(before.field_type, input.options);
  return tenant.update(customFieldDefinitions, id, { ...input, ...(options ? { options } : {}) }, 'Custom field');
}

/** Deletes a definition and removes its values from every lead, in one transaction. */
export async function deleteCustomField(tenant: Tenant, id: string): Promise<void> {
  const definition = await tenant.get(customFieldDefinitions, id, 'Custom field');
  await tenant.db.transaction(async (tx) => {
    await tx
      .update(leads)
      .set({ custom_fields: sql`${leads.custom_fields} - ${definition.key}::text` })
      .where(tenant.where(leads, sql`${leads.custom_fields} ? ${definition.key}::text`));
    await tx.delete(customFieldDefinitions).where(tenant.byId(customFieldDefinitions, id));
  });
}

/** The definitions by key (what validation, segments and export need). */
export async function customFieldsByKey(db: Db, workspaceId: string): Promise<Map<string, TCustomFieldRow>> {
  const rows = await db.select().from(customFieldDefinitions).where(eq(customFieldDefinitions.workspace_id, workspaceId));
  return new Map(rows.map((row) => [row.key, row]));
}

/**
 * Checks custom field values against the definitions and returns them normalized
 * (numbers as numbers, dates as YYYY-MM-DD, booleans); null means "remove the value".
 * Throws one 400 listing every bad key, e.g. `body.custom_fields.budget`.
 */
export function validateCustomFields(
  definitions: Map<string, TCustomFieldRow>,
  values: Record<string, unknown>,
  pathPrefix = 'body.custom_fields',
): Record<string, unknown> {
  const errors: TFieldError[] = [];
  const normalized: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const definition = definitions.get(key);
    const path = `${pathPrefix}.${key}`;
    if (!definition) {
      errors.push({ path, message: 'unknown custom field', code: 'unknown_custom_field' });
      continue;
    }
    if (value === null || value === '') {
      normalized[key] = null;
      continue;
    }
    const result = normalizeValue(definition.field_type, definition.options, value);
    if ('error' in result) errors.push({ path, message: result.error });
    else normalized[key] = result.value;
  }
  if (errors.length > 0) throw new AppError('bad_request', `Invalid custom field value: ${errors.map((e) => e.path).join(', ')}`, { errors });
  return normalized;
}

/** Applies validated values to the stored ones: null removes a key. */
export function mergeCustomFields(current: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

function normalizeValue(type: TCustomFieldType, options: string[], value: unknown): { value: unknown } | { error: string } {
  switch (type) {
    case 'text':
      return typeof value === 'string' && value.length <= 2000 ? { value: value.trim() } : { error: 'must be a text of 2000 characters at most' };
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { value } : { error: 'must be a number' };
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { error: 'must be true or false' };
    case 'select':
      return typeof value === 'string' && options.includes(value) ? { value } : { error: `must be one of: ${options.join(', ')}` };
    case 'date': {
      // A real calendar day only: Date.parse rolls `2024-02-30` over to March and takes `0000-01-01`,
      // and one such stored value would make every date filter on the field fail in PostgreSQL.
      const day = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(value)?.[1] : undefined;
      const valid = day !== undefined && isCalendarDate(day) && (day.length === (value as string).length || !Number.isNaN(Date.parse(value as string)));
      return valid ? { value: day } : { error: 'must be a real date (YYYY-MM-DD)' };
    }
  }
}

function checkOptions(type: TCustomFieldType, options: string[] | undefined): string[] {
  if (type !== 'select') return [];
  const unique = [...new Set(options ?? [])];
  if (unique.length === 0) {
    throw new AppError('bad_request', 'A select field needs at least one option', {
      errors: [{ path: 'body.options', message: 'a select field needs at least one option', code: 'select_needs_options' }],
    });
  }
  return unique;
}
