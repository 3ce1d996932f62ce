import type { TFunction } from 'i18next';
import { LEAD_STATUSES, type TCustomField } from '../../../../contracts/crm.js';

// One line of French (or English) for a lead event: "Statut : Nouveau → Qualifié".

type TEvent = { event_type: string; data: Record<string, unknown> };

export type TDescribeContext = {
  t: TFunction;
  memberName: (userId: string) => string | undefined;
  customFields: TCustomField[];
  date: (iso: string, withTime?: boolean) => string;
  /** For amounts ("224,00 €"); French when not given. */
  locale?: string;
};

const LEAD_FIELDS = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'company',
  'job_title',
  'status',
  'estimated_value',
  'source',
  'tags',
  'notes',
  'lost_reason',
] as const;

function fieldLabel(field: string, ctx: TDescribeContext): string {
  if (field === 'owner_id') return ctx.t('crmContacts.drawer.fields.owner');
  if (field.startsWith('custom.')) return ctx.customFields.find((f) => `custom.${f.key}` === field)?.label ?? field.slice('custom.'.length);
  const known = LEAD_FIELDS.find((f) => f === field);
  return known ? ctx.t(`crmContacts.drawer.fields.${known}`) : field;
}

function statusLabel(value: unknown, ctx: TDescribeContext): string {
  const status = LEAD_STATUSES.find((s) => s === value);
  return status ? ctx.t(`crmBoard.status.${status}`) : show(value, ctx);
}

function show(value: unknown, ctx: TDescribeContext): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(String).join(', ');
  if (typeof value === 'boolean') return value ? ctx.t('crmContacts.drawer.yes') : ctx.t('crmContacts.drawer.no');
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function money(cents: unknown, currency: unknown, ctx: TDescribeContext): string {
  if (typeof cents !== 'number' || typeof currency !== 'string') return '—';
  try {
    return new Intl.NumberFormat(ctx.locale ?? 'fr', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}

/** The event as one readable line. */
export function describeEvent(event: TEvent, ctx: TDescribeContext): string {
  const { t } = ctx;
  const d = event.data;
  switch (event.event_type) {
    case 'created':
      return t('crmContacts.timeline.events.created');
    case 'imported':
      return t('crmContacts.timeline.events.imported');
    case 'status_changed': {
      const from = statusLabel(d.from, ctx);
      const to = statusLabel(d.to, ctx);
      return typeof d.lost_reason === 'string' && d.lost_reason
        ? t('crmContacts.timeline.events.statusLost', { from, to, reason: d.lost_reason })
        : t('crmContacts.timeline.events.status', { from, to });
    }
    case 'field_changed': {
      const field = typeof d.field === 'string' ? d.field : '?';
      const value = (v: unknown) => (field === 'owner_id' && typeof v === 'string' ? (ctx.memberName(v) ?? '—') : show(v, ctx));
      return t('crmContacts.timeline.events.field', { field: fieldLabel(field, ctx), from: value(d.from), to: value(d.to) });
    }
    case 'tag_added':
      return t('crmContacts.timeline.events.tagAdded', { tag: show(d.tag ?? d.tags, ctx) });
    case 'tag_removed':
      return t('crmContacts.timeline.events.tagRemoved', { tag: show(d.tag ?? d.tags, ctx) });
    case 'task_added':
      return t('crmContacts.timeline.events.taskAdded', { title: show(d.title, ctx) });
    case 'task_completed':
      return t('crmContacts.timeline.events.taskCompleted', { title: show(d.title, ctx) });
    case 'score_changed':
      return t('crmContacts.timeline.events.score', { from: show(d.from, ctx), to: show(d.to, ctx) });
    case 'form_submitted':
      return t('crmContacts.timeline.events.formSubmitted');
    case 'funnel_optin':
      return t('crmContacts.timeline.events.funnelOptin');
    case 'email_opened':
      return t('crmContacts.timeline.events.emailOpened');
    case 'email_clicked':
      return t('crmContacts.timeline.events.emailClicked');
    case 'email_bounced':
      return t('crmContacts.timeline.events.emailBounced');
    case 'email_complained':
      return t('crmContacts.timeline.events.emailComplained');
    case 'email_unsubscribed':
      return t('crmContacts.timeline.events.emailUnsubscribed');
    case 'page_visited':
      return t('crmContacts.timeline.events.pageVisited');
    case 'order_paid':
    case 'order_refunded':
      return t(event.event_type === 'order_paid' ? 'crmContacts.timeline.events.orderPaid' : 'crmContacts.timeline.events.orderRefunded', {
        number: show(d.number, ctx),
        amount: money(d.amount_cents, d.currency, ctx),
      });
    default: {
      // Another module's event: its name as the segments and automations show it, else its code.
      const key = `crmSegments.events.${event.event_type}`;
      return t('crmContacts.timeline.events.other', { type: ctx.t(key as 'crmSegments.events.created', { defaultValue: event.event_type }) });
    }
  }
}
