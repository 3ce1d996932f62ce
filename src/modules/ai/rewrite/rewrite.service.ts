import type { TRewriteBody } from '../../../contracts/ai.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import type { TModelWriter, TWriteContext } from '../ai-context.js';
import { rewriteBuiltin } from './builtin-rewrite.js';
import { rewriteWithModel } from './rewrite-model.js';

export type TRewriteDeps = { runtime: Runtime; tenant: Tenant; writer: TModelWriter | null; ctx: TWriteContext };

/**
 * The editors' "on a selected text": a model when the workspace has one, else the built-in edits. A translation
 * without a model is refused rather than faked: word swaps are not a translation.
 */
export async function rewriteText(deps: TRewriteDeps, body: TRewriteBody): Promise<{ text: string; writer: 'builtin' | 'model' }> {
  const tone = body.tone ?? deps.ctx.tone;
  if (deps.writer) return { text: await rewriteWithModel(deps.writer, body, tone), writer: 'model' };
  if (body.action === 'translate') {
    throw new AppError('conflict', 'Translating a text needs an AI model (none is set for this workspace)', { reason: 'ai_model_required' });
  }
  return { text: rewriteBuiltin(body, tone, deps.ctx.seed), writer: 'builtin' };
}
