import { z } from 'zod';
import { CONSENT_INPUT_NAME, CUSTOM_FIELD_INPUT_PREFIX } from '../../../contracts/funnel-blocks.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { captureLead, publishLeadEvents, recordLeadEvent } from '../../crm/index.js';
import { recordFunnelEvents } from '../analytics/record-funnel-events.js';
import type { TLivePage } from './live-pages.js';
import type { TPublishedForm } from './page-forms.js';
import { sendConfirmationMail } from './double-optin.js';
import { HONEYPOT_FIELD } from './public-paths.js';

// A visitor submits an opt-in form of a published page: the submission is checked against the form as it was
// published (its fields, required ones, consent, messages), then the lead is created or completed in the CRM with
// the funnel as its source, the page's address, the UTM parameters and the consent, and a `funnel_optin` lead event
// is recorded for automations, scoring and segments, with the funnel's opt-in event, in one transaction.

/** Longest value kept from one field (a lead field is a name, a phone, a company). */
const MAX_VALUE = 500;
const ZEmail = z.email();

export type TOptinVisit = {
  ip: string;
  visitorId: string;
  sourceUrl: string | null;
  utm: Record<string, string>;
  /** Ad click ids from the landing address (gclid, fbclid, li_fat_id), kept in the event only, not on the lead. */
  clickIds?: Record<string, string>;
  referrerHost: string | null;
};
export type TOptinOutcome = { ok: true; leadId: string | null } | { ok: false; errors: { field: string; message: string }[] };

const LEAD_FIELDS: Record<string, 'first_name' | 'last_name' | 'phone' | 'company' | 'job_title'> = {
  first_name: 'first_name',
  last_name: 'last_name',
  phone: 'phone',
  company: 'company',
  position: 'job_title',
};

export async function submitOptin(
  runtime: Runtime,
  page: TLivePage,
  form: TPublishedForm,
  body: Record<string, unknown>,
  visit: TOptinVisit,
  /** Runs in the opt-in's transaction once the lead is captured (a webinar's registration: webinar/webinar-register.ts). */
  onCaptured?: (tx: Tenant, lead: { id: string; timezone?: string | null }) => Promise<void>,
): Promise<TOptinOutcome> {
  // A bot filled the field people never see: it is told all went well, and nothing is recorded.
  if (text(body[HONEYPOT_FIELD])) return { ok: true, leadId: null };
  const errors: { field: string; message: string }[] = [];
  const values = new Map<string, string>();
  for (const field of form.fields) {
    const value = text(body[field.name]);
    if (!value) {
      if (field.required) errors.push({ field: field.name, message: form.messages.required });
      continue;
    }
    if (field.type === 'email' && !ZEmail.safeParse(value).success) errors.push({ field: field.name, message: form.messages.email });
    values.set(field.name, value);
  }
  const consented = ['on', 'true', '1', 'yes'].includes(text(body[CONSENT_INPUT_NAME]).toLowerCase());
  if (form.consent_required && !consented) errors.push({ field: CONSENT_INPUT_NAME, message: form.messages.consent });
  if (errors.length > 0) return { ok: false, errors };

  const fields: Partial<Record<(typeof LEAD_FIELDS)[string], string>> = {};
  const customFields: Record<string, unknown> = {};
  for (const [name, value] of values) {
    if (LEAD_FIELDS[name]) fields[LEAD_FIELDS[name]] = value;
    else if (name.startsWith(CUSTOM_FIELD_INPUT_PREFIX)) customFields[name.slice(CUSTOM_FIELD_INPUT_PREFIX.length)] = value;
  }
  const tenant = new Tenant(runtime.db, page.workspaceId);
  try {
    return await publishLeadEvents(runtime, () =>
      tenant.db.transaction(async (tx) => {
        const scoped = new Tenant(tx, page.workspaceId);
        const captured = await captureLead(scoped, {
          email: values.get('email')!,
          fields,
          customFields,
          source: 'funnel',
          sourceUrl: visit.sourceUrl,
          utm: visit.utm,
          consent: consented ? { source: `funnel:${page.funnelSlug}/${page.slug}`, ip: visit.ip } : null,
          customFieldPath: CUSTOM_FIELD_INPUT_PREFIX.replace(/\.$/, ''),
          doubleOptin: page.doubleOptin,
        });
        // An erased person (suppression list): nothing is written, and the visitor sees the next step like anyone.
        if (captured.outcome === 'suppressed') return { ok: true as const, leadId: null };
        if (captured.sendConfirmation) {
          await sendConfirmationMail(runtime, tx, {
            workspaceId: page.workspaceId,
            leadId: captured.lead.id,
            email: captured.lead.email!,
            firstName: captured.lead.first_name,
            funnelName: page.funnelName,
            language: page.language,
          });
        }
        await recordLeadEvent(scoped, {
          leadId: captured.lead.id,
          type: 'funnel_optin',
          data: {
            funnel_id: page.funnelId,
            page_id: page.id,
            form_index: form.index,
            ...visit.utm,
            ...visit.clickIds,
            ...(consented && form.consent_text ? { consent_text: form.consent_text } : {}),
          },
        });
        await recordFunnelEvents(tx, [
          {
            workspaceId: page.workspaceId,
            funnelId: page.funnelId,
            pageId: page.id,
            variantId: page.variantId ?? null,
            kind: 'optin',
            visitorId: visit.visitorId,
            leadId: captured.lead.id,
            utmSource: visit.utm.utm_source ?? null,
            utmMedium: visit.utm.utm_medium ?? null,
            utmCampaign: visit.utm.utm_campaign ?? null,
            referrerHost: visit.referrerHost,
            occurredAt: new Date(),
          },
        ]);
        if (onCaptured) await onCaptured(scoped, captured.lead);
        return { ok: true as const, leadId: captured.lead.id };
      }),
    );
  } catch (err) {
    // A custom field's value the CRM refuses (a number field, a list's option): the field's own error.
    if (err instanceof AppError && err.code === 'bad_request' && err.errors?.length) {
      return { ok: false, errors: err.errors.map((e) => ({ field: `${CUSTOM_FIELD_INPUT_PREFIX}${e.path.split('.').at(-1)}`, message: form.messages.error })) };
    }
    throw err;
  }
}

function text(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim().slice(0, MAX_VALUE) : '';
}
