import type { Tenant } from '../../../platform/db/tenant.js';
import type { Runtime } from '../../../platform/runtime.js';
import { findCredential } from '../../credentials/index.js';

/** Where a workspace's model comes from: its own credential (Settings > Connexions) or the installation's AI_* variables. */
export type TAiSource = 'workspace' | 'environment';

/** The OpenAI-compatible endpoint a workspace's generations call. */
export type TProviderSettings = {
  source: TAiSource;
  /** Without a trailing slash, e.g. `https://api.openai.com/v1`. */
  baseUrl: string;
  apiKey: string | undefined;
  model: string;
  imageModel: string | null;
};

/**
 * The workspace's own `openai_compatible` credential wins over the installation's provider: a member who brings a key
 * (or a local Ollama) uses it. null: neither is set, the built-in generator writes.
 */
export async function providerSettings(runtime: Runtime, tenant: Tenant): Promise<TProviderSettings | null> {
  const own = await findCredential(tenant, runtime.secrets, 'openai_compatible');
  if (own) {
    return { source: 'workspace', baseUrl: own.base_url.replace(/\/+$/, ''), apiKey: own.api_key, model: own.model, imageModel: own.image_model ?? null };
  }
  const installation = runtime.config.ai.provider;
  if (!installation) return null;
  return {
    source: 'environment',
    baseUrl: installation.baseUrl,
    apiKey: installation.apiKey,
    model: installation.model,
    imageModel: installation.imageModel ?? null,
  };
}

/** Where the workspace's model comes from; null: the built-in generator writes. */
export async function aiSource(runtime: Runtime, tenant: Tenant): Promise<TAiSource | null> {
  return (await providerSettings(runtime, tenant))?.source ?? null;
}
