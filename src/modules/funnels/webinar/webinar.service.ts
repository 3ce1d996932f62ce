import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { DEFAULT_TIME_ZONE } from '../../../contracts/common.js';
import type { TWebinarRegistrationList, TWebinarSettings, TWebinarSettingsBody } from '../../../contracts/funnels.js';
import { businessNow } from '../../../platform/clock.js';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../../platform/db/keyset-cursor.js';
import { rowsOf } from '../../../platform/db/rows.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { leads } from '../../crm/tables.js';
import { listSequenceChoices } from '../../email/index.js';
import { getWorkspace } from '../../workspaces/index.js';
import { getFunnel } from '../funnels.service.js';
import { offeredSessions } from './webinar-schedule.js';
import { funnelWebinars, webinarRegistrations } from './webinar.tables.js';

// A webinar funnel's settings (GET/PUT /funnels/:id/webinar) and its registrations, for the members.

export type TWebinarRow = typeof funnelWebinars.$inferSelect;

/** The funnel's webinar row, if set up. */
export async function webinarRow(tenant: Tenant, funnelId: string): Promise<TWebinarRow | undefined> {
  const [row] = await tenant.db
    .select()
    .from(funnelWebinars)
    .where(tenant.where(funnelWebinars, eq(funnelWebinars.funnel_id, funnelId)))
    .limit(1);
  return row;
}

async function webinarFunnel(tenant: Tenant, funnelId: string) {
  const funnel = await getFunnel(tenant, funnelId);
  if (funnel.funnel_type !== 'webinar') {
    throw new AppError('conflict', 'Only a webinar funnel has sessions', { reason: 'not_webinar_funnel' });
  }
  return funnel;
}

export async function getWebinarSettings(tenant: Tenant, funnelId: string): Promise<TWebinarSettings> {
  await webinarFunnel(tenant, funnelId);
  const row = await webinarRow(tenant, funnelId);
  const workspace = await getWorkspace(tenant.db, tenant.workspaceId);
  const timeZone = row?.timezone ?? workspace.timezone ?? DEFAULT_TIME_ZONE;
  const offered = row ? offeredSessions(row, businessNow(), timeZone) : [];
  // Registrations per session: the offered ones, then the 20 latest sessions that have any.
  const counted = rowsOf<{ session_at: Date | string; registrations: number }>(
    await tenant.db.execute(sql`
      SELECT session_at, count(*)::int AS registrations FROM ${webinarRegistrations}
      WHERE workspace_id = ${tenant.workspaceId}::uuid AND funnel_id = ${funnelId}::uuid
      GROUP BY session_at ORDER BY session_at DESC LIMIT 20`),
  );
  const counts = new Map(counted.map((r) => [new Date(r.session_at).getTime(), r.registrations]));
  const sessions = [
    ...offered.map((d) => ({ starts_at: d.toISOString(), registrations: counts.get(d.getTime()) ?? 0, offered: true })),
    ...counted
      .map((r) => new Date(r.session_at))
      .filter((d) => !offered.some((o) => o.getTime() === d.getTime()))
      .map((d) => ({ starts_at: d.toISOString(), registrations: counts.get(d.getTime()) ?? 0, offered: false })),
  ];
  return {
    settings: row
      ? {
          mode: row.mode,
          sessions: row.sessions,
          schedule_days: row.schedule_days,
          schedule_times: row.schedule_times,
          timezone: row.timezone,
          min_delay_minutes: row.min_delay_minutes,
          slots_offered: row.slots_offered,
          video_url: row.video_url,
          duration_minutes: row.duration_minutes,
          replay_hours: row.replay_hours,
          reminder_sequence_id: row.reminder_sequence_id,
          updated_at: row.updated_at.toISOString(),
        }
      : null,
    time_zone: timeZone,
    sessions,
    sequences: await listSequenceChoices(tenant),
  };
}

export async function putWebinarSettings(tenant: Tenant, funnelId: string, body: TWebinarSettingsBody): Promise<TWebinarSettings> {
  await webinarFunnel(tenant, funnelId);
  if (body.reminder_sequence_id && !(await listSequenceChoices(tenant)).some((s) => s.id === body.reminder_sequence_id)) {
    throw new AppError('bad_request', 'No such sequence in this workspace', {
      errors: [{ path: 'body.reminder_sequence_id', message: 'no such sequence in this workspace', code: 'unknown_sequence' }],
    });
  }
  const values = {
    mode: body.mode,
    sessions: [...new Set(body.sessions.map((s) => new Date(s).toISOString()))].sort(),
    schedule_days: [...new Set(body.schedule_days)].sort(),
    schedule_times: [...new Set(body.schedule_times)].sort(),
    timezone: body.timezone,
    min_delay_minutes: body.min_delay_minutes,
    slots_offered: body.slots_offered,
    video_url: body.video_url || null,
    duration_minutes: body.duration_minutes,
    replay_hours: body.replay_hours,
    reminder_sequence_id: body.reminder_sequence_id,
  };
  await tenant.db
    .insert(funnelWebinars)
    .values({ ...values, workspace_id: tenant.workspaceId, funnel_id: funnelId })
    .onConflictDoUpdate({ target: funnelWebinars.funnel_id, set: { ...values, updated_at: new Date() } });
  return getWebinarSettings(tenant, funnelId);
}

/** Registrations newest first (optionally of one session), with the lead's name and address; never their token. */
export async function listRegistrations(
  tenant: Tenant,
  funnelId: string,
  query: { session_at?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<TWebinarRegistrationList> {
  await webinarFunnel(tenant, funnelId);
  const after = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
  const conditions: (SQL | undefined)[] = [
    eq(webinarRegistrations.funnel_id, funnelId),
    query.session_at ? eq(webinarRegistrations.session_at, new Date(query.session_at)) : undefined,
    after ? sql`(${webinarRegistrations.created_at}, ${webinarRegistrations.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
  ];
  const rows = await tenant.db
    .select({
      id: webinarRegistrations.id,
      lead_id: webinarRegistrations.lead_id,
      session_at: webinarRegistrations.session_at,
      created_at: webinarRegistrations.created_at,
      first_name: leads.first_name,
      last_name: leads.last_name,
      email: leads.email,
    })
    .from(webinarRegistrations)
    .innerJoin(leads, and(eq(leads.workspace_id, webinarRegistrations.workspace_id), eq(leads.id, webinarRegistrations.lead_id)))
    .where(tenant.where(webinarRegistrations, ...conditions))
    .orderBy(desc(webinarRegistrations.created_at), desc(webinarRegistrations.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      lead_id: r.lead_id,
      lead: { first_name: r.first_name, last_name: r.last_name, email: r.email },
      session_at: r.session_at.toISOString(),
      created_at: r.created_at.toISOString(),
    })),
    next_cursor: rows.length > query.limit && last ? encodeKeysetCursor(last.created_at, last.id) : null,
  };
}
