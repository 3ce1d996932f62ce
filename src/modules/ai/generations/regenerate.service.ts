import { ZAdGenerateBody, ZEmailGenerateBody, ZFunnelGenerateBody, type TRegenerateBody, type TRegenerateResult } from '../../../contracts/ai.js';
import type { TAuth } from '../../../platform/auth/access.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import type { TGenerationDeps } from '../ai-context.js';
import { regenerateAdVariant } from '../ads/ad-generation.service.js';
import { regenerateEmail } from '../email/email-generation.service.js';
import { regenerateFunnelPage } from '../funnels/funnel-generation.service.js';
import { resolveWriter } from '../provider/resolve-writer.js';
import { generationWire, getGeneration, saveRegeneration, type TGenerationRow } from './generations.service.js';
import { writeContextOf } from './write-context.js';

const PART_OF_KIND: Record<TGenerationRow['kind'], TRegenerateBody['part'] | null> = { funnel: 'page', email: 'email', ad: 'variant', rewrite: null };

/**
 * Rewrites one part of a generation's draft with the writer the workspace has now and the next seed (so the built-in
 * generator gives other copy), then keeps the new copy on the generation.
 */
export async function regenerate(runtime: Runtime, tenant: Tenant, actor: TAuth, generationId: string, body: TRegenerateBody): Promise<TRegenerateResult> {
  const row = await getGeneration(tenant, generationId);
  if (PART_OF_KIND[row.kind] !== body.part || !row.target_id) {
    throw new AppError('bad_request', `A ${row.kind} generation has no ${body.part} to regenerate`, {
      errors: [{ path: 'body.part', message: `not a part of a ${row.kind} generation`, code: 'part_not_in_generation' }],
    });
  }
  const writer = await resolveWriter(runtime, tenant);
  const depsFor = async (brief: object): Promise<TGenerationDeps> => ({
    runtime,
    tenant,
    actor,
    writer,
    ctx: await writeContextOf(runtime, tenant, brief, brief, row.regenerations + 1),
    progress: () => {},
  });
  const keep = async (output: object) => generationWire(await saveRegeneration(tenant, row.id, output, writer ? 'model' : 'builtin', writer?.model ?? null));

  if (body.part === 'page') {
    const brief = ZFunnelGenerateBody.parse(row.brief);
    const result = await regenerateFunnelPage(await depsFor(brief), brief, row.output as never, row.target_id, body.index);
    return { generation: await keep(result.output), page: result.page };
  }
  if (body.part === 'email') {
    const brief = ZEmailGenerateBody.parse(row.brief);
    const result = await regenerateEmail(await depsFor(brief), brief, row.target_id);
    return { generation: await keep(result.output), campaign: result.body };
  }
  const brief = ZAdGenerateBody.parse(row.brief);
  const result = await regenerateAdVariant(await depsFor(brief), brief, row.output as never, row.target_id, body.index);
  return { generation: await keep(result.output), variant: result.variant as Record<string, unknown> };
}
