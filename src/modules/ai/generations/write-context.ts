import { eq } from 'drizzle-orm';
import type { TAiLanguage, TAiTone } from '../../../contracts/ai.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import type { Runtime } from '../../../platform/runtime.js';
import { workspaces } from '../../workspaces/index.js';
import { seedOf, type TWriteContext } from '../ai-context.js';
import { getBrandKit } from '../brand-kit/brand-kit.service.js';

/**
 * What the writers know of a generation besides its brief: the language (the brief's, else the brand kit's: French
 * by default), the tone (the brief's, else the brand kit's), the brand kit, the workspace's currency and name, and a
 * seed drawn from the brief and the regeneration count (same brief, same copy; a regeneration, other copy).
 */
export async function writeContextOf(
  runtime: Runtime,
  tenant: Tenant,
  brief: { language?: TAiLanguage; tone?: TAiTone },
  seedParts: unknown,
  regeneration = 0,
): Promise<TWriteContext> {
  const brand = await getBrandKit(tenant, runtime.config.publicUrl);
  const [workspace] = await tenant.db
    .select({ name: workspaces.name, currency: workspaces.currency })
    .from(workspaces)
    .where(eq(workspaces.id, tenant.workspaceId))
    .limit(1);
  return {
    language: brief.language ?? brand.language,
    tone: brief.tone ?? brand.tone,
    brand,
    currency: workspace?.currency ?? 'EUR',
    workspaceName: workspace?.name ?? '',
    seed: seedOf(JSON.stringify(seedParts), regeneration),
  };
}
