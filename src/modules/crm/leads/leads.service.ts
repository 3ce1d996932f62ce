import { eq, sql } from 'drizzle-orm';
import type { TLeadCreateBody, TLeadUpdateBody } from '../../../contracts/crm.js';
import type { TAuth } from '../../../platform/auth/access.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { roleIn } from '../../workspaces/index.js';
import { leads } from './leads.tables.js';
import { customFieldsByKey, mergeCustomFields, validateCustomFields } from '../custom-fields/custom-fields.service.js';
import { listLeadEvents, recordLeadEventAndRescore } from './lead-events.service.js';
import { assertNotSuppressed } from '../privacy/suppressions.js';
import { nextRoundRobinOwner } from '../settings/round-robin.service.js';

export type TLeadRow = typeof leads.$inferSelect;

/** Creates a lead and logs `created`; a duplicate email is a 409 naming the existing lead. */
export async function createLead(tenant: Tenant, actor: TAuth, input: TLeadCreateBody): Promise<TLeadRow> {
  const values = normalize(input);
  if (input.custom_fields) {
    const definitions = await customFieldsByKey(tenant.db, tenant.workspaceId);
    values.custom_fields = mergeCustomFields({}, validateCustomFields(definitions, input.custom_fields));
  }
  await assertOwnerIsMember(tenant, values.owner_id);
  await assertEmailFree(tenant, values.email ?? null);
  await assertNotSuppressed(tenant, values.email);
  return tenant.db.transaction(async (tx) => {
    // Round-robin: a lead created without an owner gets the next member of the rotation (when enabled).
    const ownerId = values.owner_id ?? (await nextRoundRobinOwner(tx, tenant.workspaceId));
    const [row] = await tx
      .insert(leads)
      .values({ ...values, owner_id: ownerId, workspace_id: tenant.workspaceId })
      .returning();
    await recordLeadEventAndRescore(new Tenant(tx, tenant.workspaceId), { leadId: row!.id, type: 'created', actorUserId: actor.user_id });
    // The `created` event scored the lead: answer with its score.
    const [scored] = await tx.select({ score: leads.score }).from(leads).where(tenant.byId(leads, row!.id));
    return { ...row!, score: scored!.score };
  });
}

/** Reads one lead of the workspace. */
export function getLead(tenant: Tenant, id: string): Promise<TLeadRow> {
  return tenant.get(leads, id, 'Lead');
}

/** Updates a lead, logging each changed field and the status change. */
export async function updateLead(tenant: Tenant, actor: TAuth, id: string, input: TLeadUpdateBody): Promise<TLeadRow> {
  const found = await getLead(tenant, id);
  const values = normalize(input);
  const customFields = input.custom_fields ? validateCustomFields(await customFieldsByKey(tenant.db, tenant.workspaceId), input.custom_fields) : undefined;
  if ('owner_id' in values) await assertOwnerIsMember(tenant, values.owner_id);
  if (values.email && values.email !== found.email) {
    await assertEmailFree(tenant, values.email, id);
    await assertNotSuppressed(tenant, values.email);
  }
  return applyLockedChange(tenant, actor, id, (before) => {
    if (customFields) values.custom_fields = mergeCustomFields(before.custom_fields, customFields);
    return values;
  });
}

/**
 * Adds and removes tags on the locked row (automations): computed from what is committed when the
 * lock is held, so a change made meanwhile (a person's PATCH adding another tag) is never overwritten.
 */
export function changeLeadTags(tenant: Tenant, actor: TAuth, id: string, change: { add?: string[]; remove?: string[] }): Promise<TLeadRow> {
  return applyLockedChange(tenant, actor, id, (before) => {
    const tags = before.tags.filter((tag) => !change.remove?.includes(tag));
    for (const tag of change.add ?? []) if (!tags.includes(tag)) tags.push(tag);
    return { tags };
  });
}

/**
 * Applies a change computed from the lead read again `FOR UPDATE` inside the transaction: two
 * changes of one lead at once each build on what the other committed instead of on the same old
 * copy (two PATCHes lost each other's custom-field keys 15 times out of 15 on PostgreSQL).
 */
export function applyLockedChange(
  tenant: Tenant,
  actor: Pick<TAuth, 'user_id'>,
  id: string,
  compute: (before: TLeadRow) => Partial<TLeadRow>,
): Promise<TLeadRow> {
  return tenant.db.transaction(async (tx) => {
    const [before] = await tx.select().from(leads).where(tenant.byId(leads, id)).for('update');
    if (!before) throw notFound('Lead');
    const values = compute(before);
    const changed = Object.entries(values).filter(([key, value]) => JSON.stringify(before[key as keyof TLeadRow]) !== JSON.stringify(value));
    if (changed.length === 0) return before;
    await tx.update(leads).set(values).where(tenant.byId(leads, id));
    const scoped = new Tenant(tx, tenant.workspaceId);
    for (const change of describeChanges(before, changed)) {
      const type = change.field === 'status' ? 'status_changed' : 'field_changed';
      await recordLeadEventAndRescore(scoped, { leadId: id, type, data: change, actorUserId: actor.user_id });
    }
    // Read back after the events: they may have rescored the lead.
    const [row] = await tx.select().from(leads).where(tenant.byId(leads, id));
    return row!;
  });
}

/** Deletes a lead and its events. */
export function deleteLead(tenant: Tenant, id: string): Promise<void> {
  return tenant.delete(leads, id, 'Lead');
}

/** The lead's event log (404 for another workspace's lead). */
export async function leadTimeline(tenant: Tenant, id: string) {
  await getLead(tenant, id);
  return listLeadEvents(tenant, id);
}

/** One entry per changed field; custom fields are logged one key at a time as `custom.<key>`. */
type TChange = { field: string; from: unknown; to: unknown };

function describeChanges(before: TLeadRow, changed: [string, unknown][]): TChange[] {
  return changed.flatMap(([field, to]): TChange[] => {
    if (field !== 'custom_fields') return [{ field, from: before[field as keyof TLeadRow], to }];
    const after = to as Record<string, unknown>;
    const keys = new Set([...Object.keys(before.custom_fields), ...Object.keys(after)]);
    return [...keys]
      .filter((key) => JSON.stringify(before.custom_fields[key]) !== JSON.stringify(after[key]))
      .map((key) => ({ field: `custom.${key}`, from: before.custom_fields[key] ?? null, to: after[key] ?? null }));
  });
}

/** The body as column values: lower-cased email, unique tags, dates as Date. */
function normalize<T extends TLeadCreateBody>(input: T) {
  const { consent_at, unsubscribed_at, ...rest } = input;
  const values: Omit<T, 'consent_at' | 'unsubscribed_at'> & { consent_at?: Date | null; unsubscribed_at?: Date | null } = rest;
  if (values.email) values.email = values.email.toLowerCase();
  if (values.tags) values.tags = [...new Set(values.tags)];
  if (consent_at !== undefined) values.consent_at = consent_at === null ? null : new Date(consent_at);
  if (unsubscribed_at !== undefined) values.unsubscribed_at = unsubscribed_at === null ? null : new Date(unsubscribed_at);
  return values;
}

async function assertEmailFree(tenant: Tenant, email: string | null, exceptId?: string): Promise<void> {
  if (!email) return;
  const [existing] = await tenant.db
    .select({ id: leads.id })
    .from(leads)
    .where(tenant.where(leads, eq(sql`lower(${leads.email})`, email.toLowerCase())));
  if (existing && existing.id !== exceptId) {
    throw new AppError('conflict', `A lead with the email ${email} already exists`, {
      errors: [{ path: 'body.email', message: 'already used by another lead', code: 'lead_email_taken' }],
      extra: { existing_id: existing.id },
    });
  }
}

async function assertOwnerIsMember(tenant: Tenant, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  if (!(await roleIn(tenant.db, ownerId, tenant.workspaceId))) {
    throw new AppError('bad_request', 'The owner must be a member of this workspace', {
      errors: [{ path: 'body.owner_id', message: 'not a member of this workspace', code: 'not_member' }],
    });
  }
}

/**
 * The person's own choice from an email's unsubscribe link (the email module): sets or clears `unsubscribed_at`
 * alone, without the field_changed event of an edit (the email module records email_unsubscribed). Returns the
 * lead's row, or undefined when the lead no longer exists.
 */
export async function setLeadUnsubscribed(tenant: Tenant, id: string, unsubscribed: boolean): Promise<TLeadRow | undefined> {
  const [row] = await tenant.db
    .update(leads)
    .set({ unsubscribed_at: unsubscribed ? sql`coalesce(${leads.unsubscribed_at}, now())` : null, updated_at: new Date() })
    .where(tenant.byId(leads, id))
    .returning();
  return row;
}
