import { z } from 'zod';
import { ZTimestamp } from './common.js';

// Encrypted credentials a workspace gives the product (its own SMTP server, Stripe, ad platforms, AI).
// Each provider declares its fields once here: the server validates with it, the web builds its form from it.

const secret = (schema: z.ZodString = z.string()) => schema.trim().min(1).max(4096).describe('secret');
const plain = (schema: z.ZodString = z.string()) => schema.trim().min(1).max(500);

/** Field schemas per provider. A field described as `secret` is never sent back, only masked. */
export const CREDENTIAL_PROVIDERS = {
  smtp: z.object({
    host: plain(),
    port: z.coerce.number().int().min(1).max(65535),
    secure: z.boolean().default(false),
    username: plain().optional(),
    password: secret().optional(),
  }),
  /** A workspace sending through Mailgun's SMTP: its "HTTP webhook signing key", to check Mailgun's bounce and complaint webhooks. */
  mailgun: z.object({ webhook_signing_key: secret() }),
  stripe: z.object({
    secret_key: secret(z.string().regex(/^(sk|rk)_(test|live)_/, 'must start with sk_test_, sk_live_, rk_test_ or rk_live_')),
    publishable_key: plain(z.string().regex(/^pk_(test|live)_/, 'must start with pk_test_ or pk_live_')),
    webhook_secret: secret(z.string().regex(/^whsec_/, 'must start with whsec_')).optional(),
  }),
  /** The workspace's own AI provider (modules/ai), over the installation's AI_* variables. */
  openai_compatible: z.object({
    base_url: z.url({ protocol: /^https?$/ }).max(500),
    api_key: secret().optional(),
    model: plain(),
    image_model: plain().optional(),
  }),
  meta_ads: z.object({ ad_account_id: plain(), access_token: secret() }),
  google_ads: z.object({
    customer_id: plain(),
    developer_token: secret(),
    client_id: plain(),
    client_secret: secret(),
    refresh_token: secret(),
  }),
  linkedin_ads: z.object({ ad_account_id: plain(), access_token: secret() }),
} as const;

export type TCredentialProvider = keyof typeof CREDENTIAL_PROVIDERS;
export const CREDENTIAL_PROVIDER_NAMES = Object.keys(CREDENTIAL_PROVIDERS) as TCredentialProvider[];
export const ZCredentialProvider = z.enum(CREDENTIAL_PROVIDER_NAMES as [TCredentialProvider, ...TCredentialProvider[]]);
export type TCredentialValue<P extends TCredentialProvider> = z.infer<(typeof CREDENTIAL_PROVIDERS)[P]>;

/** Names of a provider's secret fields (masked on the wire). */
export function secretFieldsOf(provider: TCredentialProvider): string[] {
  const shape = CREDENTIAL_PROVIDERS[provider].shape as Record<string, z.ZodType>;
  return Object.entries(shape)
    .filter(([, field]) => isSecret(field))
    .map(([name]) => name);
}

function isSecret(field: z.ZodType): boolean {
  if (field.description === 'secret') return true;
  const inner = (field as unknown as { unwrap?: () => z.ZodType }).unwrap;
  return typeof inner === 'function' ? isSecret(inner.call(field)) : false;
}

export const ZCredentialParams = z.object({ provider: ZCredentialProvider });

/** What the API shows of stored credentials: plain fields as stored, secrets only as `••••` + last 4 characters. */
export const ZCredential = z.object({
  provider: ZCredentialProvider,
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  updated_at: ZTimestamp,
});
export type TCredential = z.infer<typeof ZCredential>;
