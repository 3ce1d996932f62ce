import { desc, eq, ilike, isNull, or, type SQL } from 'drizzle-orm';
import { isCampaignEditable, type TEmailCampaignBody, type TEmailCampaignListQuery, type TEmailCampaignUpdateBody } from '../../contracts/email-campaigns.js';
import type { TAuth } from '../../platform/auth/access.js';
import { decodeKeysetCursor, encodeKeysetCursor, olderThan } from '../../platform/db/keyset-cursor.js';
import { containsPattern } from '../../platform/db/like-pattern.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { AppError, type TFieldError } from '../../platform/errors.js';
import { compileLeadRules, getSegment } from '../segments/index.js';
import { compileDocument, normalizeDocument } from './document/document-compile.js';
import { emailCampaigns } from './email.tables.js';
import { liquidSyntaxErrors, mentions } from './email-merge-fields.js';
import { emailSequences } from './sequences/sequences.tables.js';
import { getWorkspace } from '../workspaces/index.js';
import { variantSyntaxErrors } from './email-ab-variants.js';

export type TEmailCampaignRow = typeof emailCampaigns.$inferSelect;

/** A new draft. */
export async function createCampaign(tenant: Tenant, actor: TAuth, body: TEmailCampaignBody): Promise<TEmailCampaignRow> {
  const values = await withDocument(body, false);
  await checkCampaign(tenant, values);
  return tenant.insert(emailCampaigns, { ...values, status: 'draft', created_by: actor.user_id });
}

/** Newest first, keyset-paginated on (created_at, id); by status, and by words of the name or subject. */
export async function listCampaigns(tenant: Tenant, query: TEmailCampaignListQuery) {
  const after = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
  const conditions: (SQL | undefined)[] = [
    // A sequence's emails are listed with their sequence.
    isNull(emailCampaigns.sequence_id),
    query.status ? eq(emailCampaigns.status, query.status) : undefined,
    query.q ? or(ilike(emailCampaigns.name, containsPattern(query.q)), ilike(emailCampaigns.subject, containsPattern(query.q))) : undefined,
    after ? olderThan(emailCampaigns.created_at, emailCampaigns.id, after) : undefined,
  ];
  const rows = await tenant.db
    .select()
    .from(emailCampaigns)
    .where(tenant.where(emailCampaigns, ...conditions))
    .orderBy(desc(emailCampaigns.created_at), desc(emailCampaigns.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > query.limit && last ? encodeKeysetCursor(last.created_at, last.id) : null };
}

export function getCampaign(tenant: Tenant, id: string): Promise<TEmailCampaignRow> {
  return tenant.get(emailCampaigns, id, 'Campaign');
}

/** Changes a campaign; once it has started sending, its content and audience are what was sent, only its name changes. */
export async function updateCampaign(tenant: Tenant, id: string, body: TEmailCampaignUpdateBody): Promise<TEmailCampaignRow> {
  const current = await getCampaign(tenant, id);
  const { name, ...content } = body;
  if (!isCampaignEditable(current) && Object.keys(content).length > 0) {
    throw new AppError('conflict', 'This campaign has been sent: its content can no longer change (duplicate it to send a new version)', {
      reason: 'campaign_sent',
    });
  }
  const values = await withDocument(content, current.editor_document !== null);
  await checkCampaign(tenant, values);
  if (current.sequence_id !== null && values.html_content !== undefined) await assertLiveEmailCompliant(tenant, current.sequence_id, values.html_content);
  // A sequence email's test that changes starts again: its earlier winner and numbers were another test's.
  const restart =
    current.sequence_id !== null && values.ab_test !== undefined && JSON.stringify(values.ab_test) !== JSON.stringify(current.ab_test)
      ? { ab_winner: null, ab_decided_at: null, ab_decision: { started_at: new Date().toISOString() } }
      : {};
  return tenant.update(emailCampaigns, current.id, { ...(name === undefined ? {} : { name }), ...values, ...restart }, 'Campaign');
}

/**
 * A running sequence's email keeps what its activation checked: its next message may go within the minute, so an
 * edit may not drop the unsubscribe link or the postal address (the rest of a send's checks ran at activation).
 */
async function assertLiveEmailCompliant(tenant: Tenant, sequenceId: string, html: string): Promise<void> {
  const [sequence] = await tenant.db
    .select({ status: emailSequences.status })
    .from(emailSequences)
    .where(tenant.where(emailSequences, eq(emailSequences.id, sequenceId)));
  if (sequence?.status !== 'active') return;
  const errors: TFieldError[] = [];
  if (!mentions(html, ['unsubscribe_url'])) {
    errors.push({ path: 'body.html_content', message: 'the content needs an unsubscribe link ({{ unsubscribe_url }})', code: 'unsubscribe_link_missing' });
  }
  const { postal_address } = await getWorkspace(tenant.db, tenant.workspaceId);
  if (!mentions(html, ['workspace', 'postal_address']) && !html.includes(postal_address.trim())) {
    errors.push({
      path: 'body.html_content',
      message: 'the content must show the postal address ({{ workspace.postal_address }})',
      code: 'postal_address_not_shown',
    });
  }
  if (errors.length > 0) throw new AppError('bad_request', 'This email is sent by a running sequence: it must stay sendable', { errors });
}

/** Deletes a campaign that has sent nothing; a sent one stays, with its report. */
export async function deleteCampaign(tenant: Tenant, id: string): Promise<void> {
  const current = await getCampaign(tenant, id);
  if (!isCampaignEditable(current)) {
    throw new AppError('conflict', 'This campaign has been sent: it stays with its report', { reason: 'campaign_sent' });
  }
  if (current.sequence_id !== null) {
    // Its step would point at nothing; it goes with its sequence.
    throw new AppError('conflict', 'This email belongs to a sequence: remove its step, or delete the sequence', {
      reason: 'sequence_email',
      params: { sequence_id: current.sequence_id },
    });
  }
  await tenant.delete(emailCampaigns, current.id, 'Campaign');
}

/** A new draft with the same content, sender and audience (named `name`, else "<name> (copie)"); no status, date or counter is copied. */
export async function duplicateCampaign(tenant: Tenant, actor: TAuth, id: string, name?: string): Promise<TEmailCampaignRow> {
  const source = await getCampaign(tenant, id);
  return tenant.insert(emailCampaigns, {
    name: name ?? `${source.name} (copie)`.slice(0, 200),
    subject: source.subject,
    preheader: source.preheader,
    html_content: source.html_content,
    text_content: source.text_content,
    editor_document: source.editor_document,
    from_name: source.from_name,
    from_email: source.from_email,
    reply_to: source.reply_to,
    segment_id: source.segment_id,
    segment_rules: source.segment_rules,
    ab_test: source.ab_test,
    send_time_optimization: source.send_time_optimization,
    status: 'draft',
    created_by: actor.user_id,
  });
}

/**
 * The block editor's document decides the HTML: a body with a document gets html_content compiled from it (what it
 * sent as html_content is ignored), and so does a body that changes only html_content of a campaign kept in the
 * editor. `editor_document: null` is raw HTML mode: html_content is what was sent.
 */
async function withDocument<T extends TEmailCampaignUpdateBody>(body: T, storedDocument: boolean): Promise<T> {
  if (body.editor_document) {
    const editor_document = normalizeDocument(body.editor_document);
    return { ...body, editor_document, html_content: await compileDocument(editor_document) };
  }
  if (body.editor_document === undefined && storedDocument && body.html_content !== undefined) {
    const { html_content: _ignored, ...rest } = body;
    return rest as T;
  }
  return body;
}

/**
 * What a save can check: Liquid syntax in every template field, the segment (this workspace's), the rules
 * (they compile against this workspace's fields). One 400 names every faulty field.
 */
async function checkCampaign(tenant: Tenant, body: TEmailCampaignUpdateBody): Promise<void> {
  const errors: TFieldError[] = [...liquidSyntaxErrors(body), ...variantSyntaxErrors(body.ab_test)];
  if (body.segment_id) {
    try {
      await getSegment(tenant, body.segment_id);
    } catch {
      errors.push({ path: 'body.segment_id', message: 'no such segment in this workspace', code: 'unknown_segment' });
    }
  }
  if (errors.length > 0) throw new AppError('bad_request', `Invalid campaign: ${errors.map((e) => e.path).join(', ')}`, { errors });
  if (body.segment_rules) await compileLeadRules(tenant, body.segment_rules);
}
