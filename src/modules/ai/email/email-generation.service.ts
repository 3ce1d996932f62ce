import { ZEmailCopy, type TAiLanguage, type TEmailCopy, type TEmailGenerateBody, type TSuggestedSegment } from '../../../contracts/ai.js';
import { ZEmailCampaignBody, type TEmailCampaign } from '../../../contracts/email-campaigns.js';
import type { TEmailDocument } from '../../../contracts/email-document.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { compileDocument, createCampaign, emailCampaignWire, getCampaign, htmlToText, updateCampaign } from '../../email/index.js';
import type { TGenerated, TGenerationDeps, TWriteContext } from '../ai-context.js';
import { defaultWorkspaceLink, isWorkspaceLink } from '../ai-links.js';
import { avoidedWords } from '../builtin-kit/avoided-words.js';
import { typeset } from '../builtin-kit/typography.js';
import { builtinEmailCopy } from './builtin-email.js';
import { emailPrompt } from './email-prompt.js';
import { renderEmailDocument } from './email-render-document.js';
import { suggestSegment } from './email-segment.js';
import { withoutLiquid } from './email-text.js';

// POST /api/marketing/email-campaigns/generate and its regeneration: the copy (a model's or the built-in writer's),
// the suggested audience, then a draft saved through the email module's own service, which compiles the document to
// HTML and checks its Liquid like any campaign a member writes.

export type TEmailGenerationOutput = { copy: TEmailCopy; segment: TSuggestedSegment };
export type TGeneratedEmailBody = TEmailCampaign & { subject_alternatives: string[]; suggested_segment: TSuggestedSegment };

const STEPS = 3;

export async function generateEmailCampaign(deps: TGenerationDeps, body: TEmailGenerateBody): Promise<TGenerated<TEmailGenerationOutput, TGeneratedEmailBody>> {
  const { runtime, tenant, actor, ctx, progress } = deps;
  const language = body.language ?? ctx.language;
  // Checked before anything is written: a refused link costs no model call.
  const link = await linkOf(runtime, tenant, body.link_url);
  const copy = await writeCopy(deps, body);
  progress('copy', 1, STEPS);
  const segment = await suggestSegment(tenant, body, language);
  progress('segment', 2, STEPS);
  const document = renderEmailDocument(copy, ctx, link, language);
  const row = await createCampaign(
    tenant,
    actor,
    ZEmailCampaignBody.parse({
      name: body.name ?? copy.name,
      subject: copy.subject,
      preheader: copy.preheader,
      editor_document: document,
      text_content: await emailTextVersion(document),
      segment_rules: segment.rules,
    }),
  );
  progress('save', 3, STEPS);
  return { targetId: row.id, output: { copy, segment }, body: bodyOf(row, copy, segment) };
}

/**
 * New copy for a generated draft (the caller's context carries a new seed): its subject, preheader, document and
 * text change; its name, sender and audience stay as the member may have set them. A campaign that has sent is
 * refused by the email module's own rule before anything is written.
 */
export async function regenerateEmail(
  deps: TGenerationDeps,
  brief: TEmailGenerateBody,
  campaignId: string,
): Promise<{ output: TEmailGenerationOutput; body: TGeneratedEmailBody }> {
  const { runtime, tenant, ctx } = deps;
  const current = await getCampaign(tenant, campaignId);
  // The same subject written back runs the module's own rule (a sent campaign: 409 campaign_sent) before any copy is paid for.
  await updateCampaign(tenant, current.id, { subject: current.subject });
  const language = brief.language ?? ctx.language;
  const link = await linkOf(runtime, tenant, brief.link_url);
  const copy = await writeCopy(deps, brief);
  const segment = await suggestSegment(tenant, brief, language);
  const document = renderEmailDocument(copy, ctx, link, language);
  const row = await updateCampaign(tenant, current.id, {
    subject: copy.subject,
    preheader: copy.preheader,
    editor_document: document,
    text_content: await emailTextVersion(document),
  });
  return { output: { copy, segment }, body: bodyOf(row, copy, segment) };
}

/** The text version of a document: the email module's own conversion of the compiled HTML (Liquid kept). */
export async function emailTextVersion(document: TEmailDocument): Promise<string> {
  return htmlToText(await compileDocument(document));
}

/** The member's link when it is one of the workspace's own addresses; none given: the workspace's main page, if any. */
async function linkOf(runtime: Runtime, tenant: Tenant, url: string | undefined): Promise<string | null> {
  if (url === undefined) return defaultWorkspaceLink(runtime, tenant);
  if (await isWorkspaceLink(runtime, tenant, url)) return url;
  throw new AppError('bad_request', 'The link must lead to one of the workspace’s own pages or domains', {
    errors: [
      { path: 'body.link_url', code: 'link_not_workspace', message: 'must be a page of one of your funnels or an address on one of your verified domains' },
    ],
  });
}

async function writeCopy(deps: TGenerationDeps, brief: TEmailGenerateBody): Promise<TEmailCopy> {
  if (!deps.writer) return builtinEmailCopy(brief, deps.ctx);
  return finishModelCopy(await deps.writer.object(emailPrompt(brief, deps.ctx)), deps.ctx, brief.language ?? deps.ctx.language);
}

/**
 * A model's copy held to the built-in writer's rules: no Liquid braces, none of the brand's avoided words (the
 * prompt asks; this makes sure), the language's typography.
 */
export function finishModelCopy(copy: TEmailCopy, ctx: TWriteContext, language: TAiLanguage): TEmailCopy {
  const avoid = avoidedWords(ctx.brand.words_to_avoid);
  const finish = (text: string) => avoid.scrub(typeset(language, withoutLiquid(text)));
  return ZEmailCopy.parse({
    name: finish(copy.name),
    subject: finish(copy.subject),
    subject_alternatives: copy.subject_alternatives.map(finish),
    preheader: finish(copy.preheader),
    intro: finish(copy.intro),
    sections: copy.sections.map((section) => ({
      title: finish(section.title),
      paragraphs: section.paragraphs.map(finish),
      bullets: section.bullets.map(finish),
    })),
    cta_label: finish(copy.cta_label),
    closing: finish(copy.closing),
    ps: finish(copy.ps),
  });
}

function bodyOf(row: Parameters<typeof emailCampaignWire.campaign>[0], copy: TEmailCopy, segment: TSuggestedSegment): TGeneratedEmailBody {
  return { ...emailCampaignWire.campaign(row), subject_alternatives: copy.subject_alternatives, suggested_segment: segment };
}
