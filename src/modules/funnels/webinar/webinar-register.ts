import { randomBytes } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../../contracts/common.js';
import type { TFunnelLanguage } from '../../../contracts/funnels.js';
import { businessNow } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { rowsOf } from '../../../platform/db/rows.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import type { Runtime } from '../../../platform/runtime.js';
import { enrollWithAnchor } from '../../email/index.js';
import { workspaceDomains, workspaces } from '../../workspaces/index.js';
import { funnelPages, funnels } from '../funnels.tables.js';
import type { TLivePage } from '../publishing/live-pages.js';
import { submitOptin, type TOptinOutcome, type TOptinVisit } from '../publishing/optin.service.js';
import type { TPublishedForm } from '../publishing/page-forms.js';
import { pageUrl } from '../publishing/public-paths.js';
import { chosenSession, formatSession, offeredSessions } from './webinar-schedule.js';
import { funnelWebinars, webinarRegistrations } from './webinar.tables.js';
import type { TWebinarRow } from './webinar.service.js';

// A visitor registers through a webinar form of a published page (the public server; these reads cross workspaces
// on purpose: the page names its funnel). The chosen session must be one offered now; the lead is captured as an
// opt-in does (same checks, `funnel_optin` lead event, opt-in event), and in the same transaction the registration is
// written (once per lead and session: a second submission gets the same watch link) and the lead enrolled in the
// reminder sequence with the session's start as the anchor.

/** A webinar funnel's settings, with the zone its sessions are computed in. */
export type TPublicWebinar = TWebinarRow & { zone: string };

export async function publicWebinar(db: Db, funnelId: string): Promise<TPublicWebinar | undefined> {
  const [row] = rowsOf<TWebinarRow & { workspace_zone: string | null }>(
    await db.execute(sql`
      SELECT w.*, ws.timezone AS workspace_zone FROM ${funnelWebinars} w JOIN ${workspaces} ws ON ws.id = w.workspace_id
      WHERE w.funnel_id = ${funnelId}::uuid`),
  );
  if (!row) return undefined;
  return { ...row, zone: row.timezone ?? row.workspace_zone ?? DEFAULT_TIME_ZONE };
}

/** The sessions a registration page offers now (ISO starts). */
export async function sessionsOffered(db: Db, page: TLivePage): Promise<{ zone: string; sessions: Date[] } | null> {
  const webinar = await publicWebinar(db, page.funnelId);
  if (!webinar) return null;
  return { zone: webinar.zone, sessions: offeredSessions(webinar, businessNow(), webinar.zone) };
}

/**
 * The funnel's watch page (its first published page of type `webinar`): on the funnel's proved custom domain
 * `https://<domain>/<page>` (where its visitors registered), else `<PUBLIC_URL>/<funnel>/<page>`; none: null.
 */
export async function watchPageUrl(db: Db, publicUrl: string, page: Pick<TLivePage, 'funnelId' | 'funnelSlug'>): Promise<string | null> {
  const [row] = await db
    .select({ slug: funnelPages.slug, hostname: workspaceDomains.hostname, verifiedAt: workspaceDomains.verified_at })
    // eslint-disable-next-line local/tenant-scope -- the funnel of a live page (public server)
    .from(funnelPages)
    .innerJoin(funnels, eq(funnels.id, funnelPages.funnel_id))
    .leftJoin(workspaceDomains, eq(workspaceDomains.id, funnels.domain_id))
    .where(and(eq(funnelPages.funnel_id, page.funnelId), eq(funnelPages.page_type, 'webinar'), eq(funnelPages.is_published, true)))
    .orderBy(asc(funnelPages.position))
    .limit(1);
  if (!row) return null;
  return row.hostname && row.verifiedAt ? `https://${row.hostname}/${row.slug}` : pageUrl(publicUrl, page.funnelSlug, row.slug);
}

export type TRegisterOutcome = TOptinOutcome & { token?: string };

const SESSION_GONE: Record<TFunnelLanguage, string> = {
  fr: 'Cette session n’est plus proposée : choisissez-en une autre.',
  en: 'This session is no longer available: please pick another one.',
};

/** A webinar form's submission: a plain opt-in while the funnel has no webinar settings. */
export async function submitWebinarRegistration(
  runtime: Runtime,
  page: TLivePage,
  form: TPublishedForm,
  body: Record<string, unknown>,
  visit: TOptinVisit,
): Promise<TRegisterOutcome> {
  const webinar = await publicWebinar(runtime.db, page.funnelId);
  if (!webinar) return submitOptin(runtime, page, form, body, visit);
  const now = businessNow();
  const choice = typeof body.session === 'string' ? body.session.trim().slice(0, 40) : '';
  const session = chosenSession(webinar, choice, now, webinar.zone);
  if (!session) return { ok: false, errors: [{ field: 'session', message: SESSION_GONE[page.language] }] };
  const watchBase = (await watchPageUrl(runtime.db, runtime.config.publicUrl, page)) ?? pageUrl(runtime.config.publicUrl, page.funnelSlug, page.slug);
  let token: string | undefined;
  const outcome = await submitOptin(runtime, page, form, body, visit, async (tx, lead) => {
    const registration = await register(tx, { funnelId: page.funnelId, leadId: lead.id, session });
    token = registration.token;
    // The same session again: the same link, and no second confirmation.
    if (!registration.created || !webinar.reminder_sequence_id) return;
    const zone = lead.timezone && isTimeZone(lead.timezone) ? lead.timezone : webinar.zone;
    await enrollWithAnchor(tx, {
      sequenceId: webinar.reminder_sequence_id,
      leadId: lead.id,
      now,
      anchorAt: session,
      leadTimeZone: zone,
      mergeData: {
        webinar: { starts_at: formatSession(session, page.language, zone), starts_at_iso: session.toISOString(), watch_url: `${watchBase}?t=${token}` },
      },
    });
  });
  return outcome.ok && token ? { ...outcome, token } : outcome;
}

/** Writes the registration (or finds the lead's one for that session) and returns its token. */
async function register(tx: Tenant, input: { funnelId: string; leadId: string; session: Date }): Promise<{ token: string; created: boolean }> {
  const [inserted] = await tx.db
    .insert(webinarRegistrations)
    .values({
      workspace_id: tx.workspaceId,
      funnel_id: input.funnelId,
      lead_id: input.leadId,
      session_at: input.session,
      token: randomBytes(32).toString('base64url'),
    })
    .onConflictDoNothing()
    .returning({ token: webinarRegistrations.token });
  if (inserted) return { token: inserted.token, created: true };
  const [existing] = await tx.db
    .select({ token: webinarRegistrations.token })
    .from(webinarRegistrations)
    .where(
      tx.where(
        webinarRegistrations,
        eq(webinarRegistrations.funnel_id, input.funnelId),
        eq(webinarRegistrations.lead_id, input.leadId),
        eq(webinarRegistrations.session_at, input.session),
      ),
    );
  return { token: existing!.token, created: false };
}
