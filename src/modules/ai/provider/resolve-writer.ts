import type { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { publicAddressOf } from '../../../platform/http/outbound-webhook.js';
import type { Runtime } from '../../../platform/runtime.js';
import type { TModelWriter } from '../ai-context.js';
import { createModelWriter, type TWriterOptions } from './model-writer.js';
import { providerSettings } from './provider-settings.js';

/** The model the workspace's generations use (its own credential over the installation's); null: the built-in generator. */
export async function resolveWriter(runtime: Runtime, tenant: Tenant, options: TWriterOptions = {}): Promise<TModelWriter | null> {
  const settings = await providerSettings(runtime, tenant);
  if (!settings) return null;
  // A workspace's own endpoint must not make the server call its network (like webhooks and workspaces' SMTP servers,
  // WEBHOOK_ALLOW_PRIVATE_ADDRESSES lifts it, e.g. for a local Ollama). The installation's own AI_BASE_URL is trusted.
  // Checked on the name's addresses before each generation: a name re-pointed between this check and the call is the
  // gap left (the webhooks' pinned lookup is not available through the SDK's fetch).
  if (settings.source === 'workspace' && !runtime.config.webhookAllowPrivateAddresses) {
    const host = new URL(settings.baseUrl).hostname;
    await publicAddressOf(host).catch(() => {
      throw new AppError('bad_request', `The AI provider's address (${host}) leads to a private network address`, {
        reason: 'ai_provider_private_address',
        params: { host },
      });
    });
  }
  return createModelWriter(runtime, tenant, settings, options);
}
