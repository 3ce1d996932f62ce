import { desc, eq, gt, sql } from 'drizzle-orm';
import type { TAiGeneration } from '../../../contracts/ai.js';
import { iso } from '../../../contracts/common.js';
import { isUuid, type Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { aiGenerations } from '../ai.tables.js';

// Generations as records: the brief and the copy written (to regenerate one part later, and for the ads page's
// creatives), and the hourly limits counted from them.

export type TGenerationRow = typeof aiGenerations.$inferSelect;
type TKind = TGenerationRow['kind'];

/** Keeps a generation; returns its row. */
export async function recordGeneration(
  tenant: Tenant,
  input: { kind: TKind; userId: string | null; writer: 'builtin' | 'model'; model: string | null; targetId: string | null; brief: object; output: object },
): Promise<TGenerationRow> {
  const [row] = await tenant.db
    .insert(aiGenerations)
    .values({
      workspace_id: tenant.workspaceId,
      user_id: input.userId,
      kind: input.kind,
      writer: input.writer,
      model: input.model,
      target_id: input.targetId,
      brief: input.brief as Record<string, unknown>,
      output: input.output as Record<string, unknown>,
    })
    .returning();
  return row!;
}

export async function getGeneration(tenant: Tenant, id: string): Promise<TGenerationRow> {
  return tenant.get(aiGenerations, id, 'generation');
}

/** A regeneration's new copy; returns the regeneration's number (its seed). */
export async function saveRegeneration(tenant: Tenant, id: string, output: object, writer: 'builtin' | 'model', model: string | null): Promise<TGenerationRow> {
  const [row] = await tenant.db
    .update(aiGenerations)
    .set({ output: output as Record<string, unknown>, writer, model, regenerations: sql`${aiGenerations.regenerations} + 1`, updated_at: new Date() })
    .where(tenant.byId(aiGenerations, id))
    .returning();
  if (!row) throw new AppError('not_found', 'generation not found', { reason: 'not_found' });
  return row;
}

/** The generations that made a funnel, an email or an ad campaign, latest first. */
export async function generationsOf(tenant: Tenant, targetId: string): Promise<TGenerationRow[]> {
  if (!isUuid(targetId)) return [];
  return tenant.db
    .select()
    .from(aiGenerations)
    .where(tenant.where(aiGenerations, eq(aiGenerations.target_id, targetId)))
    .orderBy(desc(aiGenerations.created_at))
    .limit(20);
}

export function generationWire(row: TGenerationRow): TAiGeneration {
  return {
    id: row.id,
    kind: row.kind,
    writer: row.writer,
    model: row.model,
    target_id: row.target_id,
    brief: row.brief,
    output: row.output,
    created_at: iso(row.created_at),
  };
}

/**
 * Refuses a generation over the hourly limits (AI_USER_GENERATIONS_PER_HOUR for the member,
 * AI_WORKSPACE_GENERATIONS_PER_HOUR for the workspace), counting generations, regenerations and rewrites of the last
 * hour. Two requests at the same instant may both pass at the limit's edge: the limit protects the server and the
 * bill, one over is harmless.
 */
export async function checkGenerationLimits(runtime: Runtime, tenant: Tenant, userId: string | null): Promise<void> {
  const since = new Date(Date.now() - 3_600_000);
  const [counts] = await tenant.db
    .select({
      workspace: sql<number>`(count(*) + coalesce(sum(${aiGenerations.regenerations}) FILTER (WHERE ${aiGenerations.updated_at} > ${since.toISOString()}::timestamptz), 0))::int`,
      user: sql<number>`(count(*) FILTER (WHERE ${aiGenerations.user_id} = ${userId}::uuid))::int`,
    })
    .from(aiGenerations)
    .where(tenant.where(aiGenerations, gt(aiGenerations.updated_at, since)));
  const { userGenerationsPerHour, workspaceGenerationsPerHour } = runtime.config.ai;
  const over =
    userId && (counts?.user ?? 0) >= userGenerationsPerHour
      ? { scope: 'user', limit: userGenerationsPerHour }
      : (counts?.workspace ?? 0) >= workspaceGenerationsPerHour
        ? { scope: 'workspace', limit: workspaceGenerationsPerHour }
        : null;
  if (over) {
    throw new AppError('rate_limited', `Too many generations in the last hour (${over.limit} per ${over.scope}): try again later`, {
      reason: 'ai_rate_limited',
      params: over,
      extra: { retry_after_seconds: 600 },
    });
  }
}
