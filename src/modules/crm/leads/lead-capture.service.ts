import { eq, isNotNull, sql } from 'drizzle-orm';
import { Tenant } from '../../../platform/db/tenant.js';
import { customFieldsByKey, mergeCustomFields, validateCustomFields } from '../custom-fields/custom-fields.service.js';
import { isSuppressed } from '../privacy/suppressions.js';
import { nextRoundRobinOwner } from '../settings/round-robin.service.js';
import { recordLeadEventAndRescore } from './lead-events.service.js';
import { leads } from './leads.tables.js';
import { applyLockedChange, type TLeadRow } from './leads.service.js';

// A person leaves their address on a public form (a funnel's opt-in page): the lead is created, or the lead with this
// email completed. What the team already knows wins: a form fills empty fields and never overwrites one; UTM
// parameters are the first touch's and are kept. A ticked consent is recorded anew (time, source, address) and, being
// a new explicit request, lifts an earlier unsubscribe. An erased person's email (the suppression list) creates
// nothing, as in the CRM.

export const CAPTURED_FIELDS = ['first_name', 'last_name', 'phone', 'company', 'job_title'] as const;
const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;

export type TLeadCapture = {
  email: string;
  fields: Partial<Record<(typeof CAPTURED_FIELDS)[number], string>>;
  /** Custom field values by key, checked against the definitions (a bad one is a 400 naming `<pathPrefix>.<key>`). */
  customFields: Record<string, unknown>;
  source: string;
  sourceUrl: string | null;
  utm: Partial<Record<(typeof UTM_KEYS)[number], string>>;
  consent: { source: string; ip: string | null } | null;
  /** Where custom field errors point (the form's field names). */
  customFieldPath: string;
  /**
   * The form asks for a confirmation by mail (double opt-in): a new person, or one who had unsubscribed or not
   * confirmed yet, waits for it (`optin_pending_at`) and is not mailed until then; a person already mailed stays so.
   */
  doubleOptin?: boolean;
};

/** How long a new confirmation mail waits after the previous one (a form posted again and again mails once). */
export const CONFIRMATION_MAIL_INTERVAL_MS = 10 * 60_000;

export type TLeadCaptureResult =
  | {
      outcome: 'created' | 'updated';
      lead: TLeadRow;
      /** Double opt-in: a confirmation mail is to be sent now (at most one per CONFIRMATION_MAIL_INTERVAL_MS). */
      sendConfirmation: boolean;
    }
  | { outcome: 'suppressed' };

export async function captureLead(tenant: Tenant, input: TLeadCapture): Promise<TLeadCaptureResult> {
  const email = input.email.trim().toLowerCase();
  if (await isSuppressed(tenant, email)) return { outcome: 'suppressed' };
  const definitions = await customFieldsByKey(tenant.db, tenant.workspaceId);
  const customFields = validateCustomFields(definitions, input.customFields, input.customFieldPath);
  return tenant.db.transaction(async (tx) => {
    const scoped = new Tenant(tx, tenant.workspaceId);
    // Two submissions of one address at once (a double click, two tabs): one creates, the other completes.
    await scoped.lockForTransaction(`lead-email:${email}`);
    const [existing] = await tx
      .select()
      .from(leads)
      .where(scoped.where(leads, eq(sql`lower(${leads.email})`, email)))
      .limit(1);
    const now = new Date();
    const consent = input.consent ? { consent_at: now, consent_source: input.consent.source, consent_ip: input.consent.ip } : {};
    if (!existing) {
      const ownerId = await nextRoundRobinOwner(tx, tenant.workspaceId);
      const [row] = await tx
        .insert(leads)
        .values({
          workspace_id: tenant.workspaceId,
          email,
          ...input.fields,
          custom_fields: mergeCustomFields({}, customFields),
          source: input.source,
          source_url: input.sourceUrl,
          ...input.utm,
          ...consent,
          optin_pending_at: input.doubleOptin ? now : null,
          owner_id: ownerId,
        })
        .returning();
      await recordLeadEventAndRescore(scoped, { leadId: row!.id, type: 'created', data: { source: input.source } });
      return { outcome: 'created' as const, lead: row!, sendConfirmation: input.doubleOptin === true };
    }
    // Double opt-in for someone not mailed now (unsubscribed, or still unconfirmed): the unsubscribe is lifted by the
    // confirmation link, not by the form; a confirmation mail goes unless one went a moment ago.
    const awaitsConfirmation = input.doubleOptin === true && (existing.unsubscribed_at !== null || existing.optin_pending_at !== null);
    const sendConfirmation =
      awaitsConfirmation && (existing.optin_pending_at === null || now.getTime() - existing.optin_pending_at.getTime() >= CONFIRMATION_MAIL_INTERVAL_MS);
    const lead = await applyLockedChange(scoped, { user_id: null }, existing.id, (before) => {
      const values: Partial<TLeadRow> = {};
      for (const field of CAPTURED_FIELDS) if (!before[field] && input.fields[field]) values[field] = input.fields[field];
      const hasUtm = UTM_KEYS.some((key) => before[key]);
      if (!hasUtm) for (const key of UTM_KEYS) if (input.utm[key]) values[key] = input.utm[key];
      const newKeys = Object.fromEntries(Object.entries(customFields).filter(([key]) => before.custom_fields[key] === undefined));
      if (Object.keys(newKeys).length > 0) values.custom_fields = mergeCustomFields(before.custom_fields, newKeys);
      if (input.consent) Object.assign(values, consent, awaitsConfirmation ? {} : { unsubscribed_at: null });
      if (sendConfirmation) values.optin_pending_at = now;
      return values;
    });
    return { outcome: 'updated' as const, lead, sendConfirmation };
  });
}

/**
 * The person clicked a double opt-in link: the address is confirmed, mailable again (the consent of the form they
 * filled is what lifts an earlier unsubscribe). Answers false when there was nothing to confirm (already confirmed).
 */
export async function confirmOptin(tenant: Tenant, leadId: string): Promise<boolean> {
  const [row] = await tenant.db
    .update(leads)
    .set({ optin_pending_at: null, optin_confirmed_at: new Date(), unsubscribed_at: null, updated_at: new Date() })
    .where(tenant.where(leads, eq(leads.id, leadId), isNotNull(leads.optin_pending_at)))
    .returning({ id: leads.id });
  return row !== undefined;
}
