import type { TAiStatus } from '../../../contracts/ai.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import type { Runtime } from '../../../platform/runtime.js';
import { monthUsage, pricesSet, usageMonth } from './ai-usage.js';
import { providerSettings } from './provider-settings.js';

/** Which writer the workspace uses, from where, and this month's usage against the caps (GET status). */
export async function aiStatus(runtime: Runtime, tenant: Tenant): Promise<TAiStatus> {
  const settings = await providerSettings(runtime, tenant);
  const { prices, monthlyCostCap, monthlyTokenCap } = runtime.config.ai;
  const usage = await monthUsage(tenant, usageMonth());
  return {
    writer: settings ? 'model' : 'builtin',
    source: settings?.source ?? null,
    model: settings?.model ?? null,
    image_model: settings?.imageModel ?? null,
    usage: {
      month: usage.month,
      requests: usage.requests,
      input_tokens: usage.input_tokens,
      output_tokens: usage.output_tokens,
      images: usage.images,
      cost: usage.cost_micros / 1_000_000,
      // Without prices the cost stays 0 and the cost cap is not enforced (ai-usage.ts): no cap to show.
      cost_cap: pricesSet(prices) ? monthlyCostCap : null,
      token_cap: monthlyTokenCap,
    },
  };
}
