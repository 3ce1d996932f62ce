import type { TAdCampaign } from '../../../contracts/ads.js';
import type {
  TAdCopy,
  TAdCreativeSet,
  TAdGenerateBody,
  TAdVariant,
  TAdVisual,
  TBudgetPlanPhase,
  TGoogleAdVariant,
  TLinkedInAdVariant,
  TMetaAdVariant,
} from '../../../contracts/ai.js';
import { daysBetween } from '../../../contracts/calendar-days.js';
import { AppError } from '../../../platform/errors.js';
import { adCampaignBody, adCampaignRow, createAdCampaign, updateAdCampaign } from '../../ads/index.js';
import { deleteFile } from '../../files/index.js';
import { getWorkspace } from '../../workspaces/index.js';
import type { TGenerated, TGenerationDeps, TWriteContext } from '../ai-context.js';
import { isWorkspaceLink } from '../ai-links.js';
import { makeAdVisuals } from '../visuals/ad-visuals.js';
import { slugOf } from '../visuals/stored-visual.js';
import { containsAvoided } from '../builtin-kit/avoided-words.js';
import { typeset } from '../builtin-kit/typography.js';
import { adPeriod, budgetPlan } from './ad-budget.js';
import { builtinAdCopy, builtinAdVariant } from './ad-builtin.js';
import { AD_TYPESETTING, cleanBriefText, shortenAtWord } from './ad-fit.js';
import { adPrompt, adVariantPrompt } from './ad-prompt.js';
import { TARGETING_PHRASES } from './phrases/index.js';

// POST /ads/generate's work: the copy (model or built-in writer), the 3 visuals stored in the media library, the
// budget plan, then a DRAFT ad campaign made through the ads module, filled from the first variant and audience.

export type TAdGenerationOutput = TAdCopy & { visuals: TAdVisual[]; budget_plan: TBudgetPlanPhase[] };
export type TGeneratedAdBody = TAdCampaign & Omit<TAdCreativeSet, 'generation_id'>;

const STEPS = 3;

export async function generateAdCampaign(deps: TGenerationDeps, body: TAdGenerateBody): Promise<TGenerated<TAdGenerationOutput, TGeneratedAdBody>> {
  const { runtime, tenant, ctx, progress } = deps;
  // Checked before anything is written: a refused link costs no model call and leaves no file behind.
  if (body.landing_url !== undefined && !(await isWorkspaceLink(runtime, tenant, body.landing_url))) {
    throw new AppError('bad_request', 'The landing page must be one of the workspace’s own pages or domains', {
      errors: [
        {
          path: 'body.landing_url',
          code: 'link_not_workspace',
          message: 'must be a page of one of your funnels or an address on one of your verified domains',
        },
      ],
    });
  }
  const language = body.language ?? ctx.language;
  const copy = await writeAdCopy(deps, body);
  progress('copy', 1, STEPS);

  const product = shortenAtWord(cleanBriefText(body.product), 60, TARGETING_PHRASES[language].stopWords) ?? copy.campaign_name.slice(0, 60);
  const visuals = await makeAdVisuals(deps, { texts: copy.visual_texts, product, language, slug: slugOf(body.product, 'campagne') });
  progress('visuals', 2, STEPS);

  const workspace = await getWorkspace(tenant.db, tenant.workspaceId);
  const period = adPeriod(body, workspace.timezone);
  const currency = (body.currency ?? ctx.currency).toUpperCase();
  const budget_plan = budgetPlan(body.budget, currency, period.start, period.end, {
    language,
    variants: copy.variants.length,
    audiences: copy.audiences.length,
  });
  const first = firstTexts(copy.variants[0]!);
  const view = await createAdCampaign(tenant, {
    name: copy.campaign_name,
    description: body.landing_url ? `${language === 'fr' ? 'Page de destination' : 'Landing page'}: ${body.landing_url}` : null,
    platform: body.platform,
    status: 'draft',
    ad_copy: first.ad_copy,
    headline: first.headline,
    image_url: visuals[0]?.url ?? null,
    target_audience: copy.audiences[0]!.targeting,
    total_budget: body.budget,
    daily_budget: Math.round((body.budget / daysBetween(period.start, period.end)) * 100) / 100,
    currency,
    start_date: period.start,
    end_date: period.end,
    utm_campaign: slugOf(copy.campaign_name, 'campagne-ia'),
  }).catch(async (error: unknown) => {
    // No campaign (the workspace's cap, a race): its visuals would only clutter the media library.
    await Promise.allSettled(visuals.map((v) => deleteFile(runtime, tenant, v.file_id)));
    throw error;
  });
  progress('save', 3, STEPS);
  return {
    targetId: view.row.id,
    output: { ...copy, visuals, budget_plan },
    body: { ...adCampaignBody(view), variants: copy.variants, visuals, audiences: copy.audiences, budget_plan },
  };
}

/**
 * One variant (by index, from 0) rewritten with the context's new seed, different from the other four. The campaign's
 * own texts follow when the first variant changes and the member has not edited them since.
 */
export async function regenerateAdVariant(
  deps: TGenerationDeps,
  brief: TAdGenerateBody,
  output: TAdGenerationOutput,
  campaignId: string,
  index: number,
): Promise<{ output: TAdGenerationOutput; variant: TAdVariant }> {
  const { runtime, tenant, ctx } = deps;
  if (!Number.isInteger(index) || index < 0 || index >= output.variants.length) {
    throw new AppError('bad_request', `There is no variant ${index}`, {
      errors: [
        {
          path: 'body.index',
          code: 'variant_index',
          message: `must be between 0 and ${output.variants.length - 1}`,
          params: { max: output.variants.length - 1 },
        },
      ],
    });
  }
  const campaign = await adCampaignRow(tenant, campaignId);
  const variant = deps.writer
    ? finishModelVariant(await deps.writer.object(adVariantPrompt(brief, ctx, output.variants)), brief, ctx, output.variants)
    : builtinAdVariant(brief, ctx, output.variants);
  const variants = output.variants.map((v, i) => (i === index ? variant : v));
  if (index === 0) {
    const before = firstTexts(output.variants[0]!);
    if (campaign.ad_copy === before.ad_copy && campaign.headline === before.headline) await updateAdCampaign(runtime, tenant, campaignId, firstTexts(variant));
  }
  return { output: { ...output, variants }, variant };
}

async function writeAdCopy(deps: TGenerationDeps, body: TAdGenerateBody): Promise<TAdCopy> {
  if (!deps.writer) return builtinAdCopy(body, deps.ctx);
  const copy = await deps.writer.object(adPrompt(body, deps.ctx));
  const variants: TAdVariant[] = [];
  for (const variant of copy.variants) variants.push(finishModelVariant(variant, body, deps.ctx, [...copy.variants, ...variants]));
  return { ...copy, variants };
}

/**
 * A model's variant held to the built-in writer's rules: the language's typography, and none of the brand's avoided
 * words (the prompt asks; a variant that still uses one is replaced by a built-in one).
 */
function finishModelVariant(variant: TAdVariant, brief: TAdGenerateBody, ctx: TWriteContext, others: readonly TAdVariant[]): TAdVariant {
  const language = brief.language ?? ctx.language;
  const texts = Object.values(variant).flat() as string[];
  if (texts.some((text) => containsAvoided(text, ctx.brand.words_to_avoid))) return builtinAdVariant(brief, ctx, others);
  return Object.fromEntries(
    Object.entries(variant).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.map((t: string) => typeset(language, t, AD_TYPESETTING)) : typeset(language, value as string, AD_TYPESETTING),
    ]),
  ) as TAdVariant;
}

/** What the campaign itself shows of a variant: its main text and headline (Google: first description and headline). */
function firstTexts(variant: TAdVariant): { ad_copy: string; headline: string } {
  if ('headlines' in variant) return { ad_copy: (variant as TGoogleAdVariant).descriptions[0]!, headline: variant.headlines[0]! };
  if ('intro_text' in variant) return { ad_copy: (variant as TLinkedInAdVariant).intro_text, headline: variant.headline };
  return { ad_copy: (variant as TMetaAdVariant).primary_text, headline: variant.headline };
}
