import { and, eq, sql } from 'drizzle-orm';
import type { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import type { TAiEnv } from '../../../platform/config.js';
import { aiUsageMonths } from '../ai.tables.js';

/** What one model call used. */
export type TUsageDelta = { requests?: number; inputTokens?: number; outputTokens?: number; images?: number };

/** A workspace's usage of one month, as stored. */
export type TMonthUsage = { month: string; requests: number; input_tokens: number; output_tokens: number; images: number; cost_micros: number };

/** The usage bucket of an instant: its UTC calendar month, `YYYY-MM`. */
export function usageMonth(at: Date = new Date()): string {
  return at.toISOString().slice(0, 7);
}

/** Whether the installation bills anything: without prices every cost is 0 and the cost cap means nothing. */
export function pricesSet(prices: TAiEnv['prices']): boolean {
  return prices.inputPerMTok > 0 || prices.outputPerMTok > 0 || prices.perImage > 0;
}

/**
 * Millionths of a dollar: a price per million tokens times tokens is exactly micro-dollars, so nothing is lost to
 * rounding but the fraction of a micro-dollar.
 */
export function costMicrosOf(prices: TAiEnv['prices'], delta: TUsageDelta): number {
  return Math.round(
    (delta.inputTokens ?? 0) * prices.inputPerMTok + (delta.outputTokens ?? 0) * prices.outputPerMTok + (delta.images ?? 0) * prices.perImage * 1_000_000,
  );
}

/** Adds a call's usage to its month, in one upsert so two generations at once both count. */
export async function recordUsage(runtime: Runtime, tenant: Tenant, delta: TUsageDelta, at: Date = new Date()): Promise<void> {
  const row = {
    requests: delta.requests ?? 0,
    input_tokens: delta.inputTokens ?? 0,
    output_tokens: delta.outputTokens ?? 0,
    images: delta.images ?? 0,
    cost_micros: costMicrosOf(runtime.config.ai.prices, delta),
  };
  await tenant.db
    .insert(aiUsageMonths)
    .values({ workspace_id: tenant.workspaceId, month: usageMonth(at), ...row })
    .onConflictDoUpdate({
      target: [aiUsageMonths.workspace_id, aiUsageMonths.month],
      set: {
        requests: sql`${aiUsageMonths.requests} + ${row.requests}`,
        input_tokens: sql`${aiUsageMonths.input_tokens} + ${row.input_tokens}`,
        output_tokens: sql`${aiUsageMonths.output_tokens} + ${row.output_tokens}`,
        images: sql`${aiUsageMonths.images} + ${row.images}`,
        cost_micros: sql`${aiUsageMonths.cost_micros} + ${row.cost_micros}`,
      },
    });
}

/** The workspace's usage of a month (zeros when it has not called a model that month). */
export async function monthUsage(tenant: Tenant, month: string): Promise<TMonthUsage> {
  const [row] = await tenant.db
    .select()
    .from(aiUsageMonths)
    .where(and(eq(aiUsageMonths.workspace_id, tenant.workspaceId), eq(aiUsageMonths.month, month)))
    .limit(1);
  return row
    ? { month, requests: row.requests, input_tokens: row.input_tokens, output_tokens: row.output_tokens, images: row.images, cost_micros: row.cost_micros }
    : { month, requests: 0, input_tokens: 0, output_tokens: 0, images: 0, cost_micros: 0 };
}

/**
 * Refuses a call once this month's cost (when the installation sets prices) or tokens reached the cap. Checked before
 * each call, so a generation in flight may overshoot by its last call: a cap, not an exact budget.
 */
export async function assertUnderCap(runtime: Runtime, tenant: Tenant, at: Date = new Date()): Promise<void> {
  const { prices, monthlyCostCap, monthlyTokenCap } = runtime.config.ai;
  const usage = await monthUsage(tenant, usageMonth(at));
  if (monthlyCostCap !== null && pricesSet(prices) && usage.cost_micros >= monthlyCostCap * 1_000_000) {
    throw capReached(usage.month, monthlyCostCap, 'cost');
  }
  if (monthlyTokenCap !== null && usage.input_tokens + usage.output_tokens >= monthlyTokenCap) {
    throw capReached(usage.month, monthlyTokenCap, 'tokens');
  }
}

function capReached(month: string, cap: number, kind: 'cost' | 'tokens'): AppError {
  return new AppError('rate_limited', `This month's AI ${kind === 'cost' ? 'cost' : 'token'} cap (${cap}) is reached`, {
    reason: 'ai_monthly_cap_reached',
    params: { cap, month, kind },
  });
}
