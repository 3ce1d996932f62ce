import { asc } from 'drizzle-orm';
import type { TSavedViewBody, TSavedViewUpdateBody } from '../../../contracts/crm-contacts.js';
import type { TAuth } from '../../../platform/auth/access.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { savedViews } from './leads.tables.js';
import { WORKSPACE_LIMITS } from '../../../contracts/limits.js';
import { createWithinWorkspaceLimit } from '../../../platform/db/workspace-limit.js';

export type TSavedViewRow = typeof savedViews.$inferSelect;

/** The workspace's saved Contacts views, by name (everyone in the workspace sees them). */
export function listSavedViews(tenant: Tenant): Promise<TSavedViewRow[]> {
  return tenant.db
    .select()
    .from(savedViews)
    .where(tenant.where(savedViews))
    .orderBy(asc(savedViews.name), asc(savedViews.id))
    .limit(WORKSPACE_LIMITS.savedViews);
}

/** Saves the table's current columns, filter and sort under a name. */
export async function createSavedView(tenant: Tenant, actor: TAuth, body: TSavedViewBody): Promise<TSavedViewRow> {
  return createWithinWorkspaceLimit(tenant, { table: savedViews, list: 'savedViews' }, (tx) =>
    tx.insert(savedViews, { name: body.name, config: body.config, created_by: actor.user_id }),
  );
}

/** Renames a view or replaces its configuration. */
export async function updateSavedView(tenant: Tenant, id: string, body: TSavedViewUpdateBody): Promise<TSavedViewRow> {
  if (body.name === undefined && body.config === undefined) return tenant.get(savedViews, id, 'Saved view');
  return tenant.update(
    savedViews,
    id,
    { ...(body.name !== undefined ? { name: body.name } : {}), ...(body.config ? { config: body.config } : {}) },
    'Saved view',
  );
}

/** Deletes a view. */
export function deleteSavedView(tenant: Tenant, id: string): Promise<void> {
  return tenant.delete(savedViews, id, 'Saved view');
}
