import { eq, sql } from 'drizzle-orm';
import type { TEmailSettings, TEmailSettingsBody } from '../../contracts/email-campaigns.js';
import type { Db } from '../../platform/db/database.js';
import { rowsOf } from '../../platform/db/rows.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { emailSends, emailSettings } from './email.tables.js';

// A workspace's sending settings: the throttle its SMTP provider needs (messages per minute and per hour),
// whether campaign links get UTM tags, and the default sender. No row means the defaults: no limit, UTM on,
// campaigns sent as the workspace's name at the instance's MAIL_FROM.

const DEFAULTS: TEmailSettings = {
  max_per_minute: null,
  max_per_hour: null,
  utm_enabled: true,
  conversion_window_days: 7,
  default_from_name: '',
  default_from_email: '',
  default_reply_to: '',
};

export async function getEmailSettings(db: Db, workspaceId: string): Promise<TEmailSettings> {
  const [row] = await db.select().from(emailSettings).where(eq(emailSettings.workspace_id, workspaceId));
  if (!row) return DEFAULTS;
  return Object.fromEntries(Object.keys(DEFAULTS).map((key) => [key, row[key as keyof TEmailSettings]])) as TEmailSettings;
}

/** Changes the settings (the caller checked the default sender's domain: email-senders.ts). */
export async function updateEmailSettings(tenant: Tenant, body: TEmailSettingsBody): Promise<TEmailSettings> {
  const next = { ...(await getEmailSettings(tenant.db, tenant.workspaceId)), ...body };
  await tenant.db
    .insert(emailSettings)
    .values({ workspace_id: tenant.workspaceId, ...next })
    .onConflictDoUpdate({ target: emailSettings.workspace_id, set: { ...next, updated_at: new Date() } });
  return next;
}

/**
 * How many campaign messages the workspace may still start now, and when the next one may start if none: the
 * messages claimed in the last minute and hour (every sender of every campaign of the workspace) against its
 * limits. Called under the workspace's throttle lock, so two senders never both take the last places.
 */
export async function throttleAllowance(db: Db, workspaceId: string, settings: TEmailSettings): Promise<{ allowed: number; nextAt: Date | null }> {
  const [row] = rowsOf<{ minute: number; hour: number; minute_frees: Date | null; hour_frees: Date | null }>(
    await db.execute(sql`
      SELECT count(*) FILTER (WHERE claimed_at > now() - interval '1 minute')::int AS minute,
        count(*)::int AS hour,
        min(claimed_at) FILTER (WHERE claimed_at > now() - interval '1 minute') + interval '1 minute' AS minute_frees,
        min(claimed_at) + interval '1 hour' AS hour_frees
      FROM ${emailSends} WHERE workspace_id = ${workspaceId}::uuid AND claimed_at > now() - interval '1 hour'`),
  );
  const minuteLeft = settings.max_per_minute === null ? Infinity : settings.max_per_minute - (row?.minute ?? 0);
  const hourLeft = settings.max_per_hour === null ? Infinity : settings.max_per_hour - (row?.hour ?? 0);
  const allowed = Math.max(0, Math.min(minuteLeft, hourLeft));
  if (allowed > 0) return { allowed, nextAt: null };
  const frees = hourLeft <= 0 ? row?.hour_frees : row?.minute_frees;
  return { allowed: 0, nextAt: frees ? new Date(frees) : new Date(Date.now() + 60_000) };
}
