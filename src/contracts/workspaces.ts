import { z } from 'zod';
import { ZCurrency, ZEmail, ZId, ZPassword, ZRole, ZTimeZone, ZTimestamp } from './common.js';

// Wire shapes of the workspaces module: team, invitations, API keys, outbox.

export const ZWorkspaceUpdateBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    timezone: ZTimeZone,
    currency: ZCurrency,
    legal_name: z.string().trim().max(200),
    postal_address: z.string().trim().max(500),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { error: 'send at least one of name, timezone, currency, legal_name, postal_address' });
export type TWorkspaceUpdateBody = z.infer<typeof ZWorkspaceUpdateBody>;

export const ZMember = z.object({
  id: ZId,
  user_id: ZId,
  name: z.string(),
  email: z.string(),
  role: ZRole,
  created_at: ZTimestamp,
});
export type TMember = z.infer<typeof ZMember>;

export const ZMemberUpdateBody = z.object({ role: ZRole });

export const ZInvitation = z.object({
  id: ZId,
  email: z.string(),
  role: ZRole,
  invited_by_name: z.string().nullable(),
  expires_at: ZTimestamp,
  created_at: ZTimestamp,
});
export type TInvitation = z.infer<typeof ZInvitation>;

export const ZInvitationCreateBody = z.object({ email: ZEmail, role: ZRole.exclude(['owner']).default('member') });
export type TInvitationCreateBody = z.infer<typeof ZInvitationCreateBody>;

/** What the invitation page shows before accepting (looked up by the secret token). */
export const ZInvitationPreview = z.object({
  workspace_name: z.string(),
  email: z.string(),
  role: ZRole,
  invited_by_name: z.string().nullable(),
  /** True when an account with this email exists: the invitee signs in instead of choosing a password. */
  account_exists: z.boolean(),
});
export type TInvitationPreview = z.infer<typeof ZInvitationPreview>;

/** New users choose a name and password; signed-in users send an empty body. */
export const ZInvitationAcceptBody = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  password: ZPassword.optional(),
});

export const ZApiKeyRole = ZRole.exclude(['owner']);

export const ZApiKey = z.object({
  id: ZId,
  name: z.string(),
  prefix: z.string(),
  /** At most its creator's current role: a key is revoked when its creator leaves and lowered when demoted. */
  role: ZRole,
  /** The member the key acts for (null only for keys whose creator's account was deleted: they no longer work). */
  created_by: ZId.nullable(),
  created_by_name: z.string().nullable(),
  created_at: ZTimestamp,
  last_used_at: ZTimestamp.nullable(),
});
export type TApiKey = z.infer<typeof ZApiKey>;

export const ZApiKeyCreateBody = z.object({ name: z.string().trim().min(1).max(120), role: ZApiKeyRole });
export type TApiKeyCreateBody = z.infer<typeof ZApiKeyCreateBody>;

/** Returned once at creation: `key` is never shown again. */
export const ZApiKeyCreated = z.object({ id: ZId, name: z.string(), prefix: z.string(), role: ZRole, key: z.string() });
export type TApiKeyCreated = z.infer<typeof ZApiKeyCreated>;

export const ZOutboxMessage = z.object({
  id: ZId,
  category: z.string(),
  to_address: z.string(),
  from_address: z.string(),
  subject: z.string(),
  text_body: z.string(),
  html_body: z.string().nullable(),
  status: z.enum(['queued', 'sending', 'sent', 'failed', 'not_sent']),
  error: z.string().nullable(),
  created_at: ZTimestamp,
  sent_at: ZTimestamp.nullable(),
});
export type TOutboxMessage = z.infer<typeof ZOutboxMessage>;

export const ZOutboxList = z.object({
  /** False when SMTP_URL is not set: mail is kept here instead of being sent. */
  smtp_configured: z.boolean(),
  items: z.array(ZOutboxMessage),
});
export type TOutboxList = z.infer<typeof ZOutboxList>;

/** A host name such as `pages.mon-coaching.fr`: lower-case letters, digits and hyphens, at least two labels. */
export const ZHostname = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .transform((value) => value.replace(/\.$/, ''))
  .refine((value) => /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(value), {
    error: 'must be a domain name such as pages.example.com',
    params: { code: 'hostname' },
  });

export const ZDomainBody = z.object({ hostname: ZHostname });
export const DOMAIN_STATUSES = ['pending', 'verified'] as const;
export const ZDomain = z.object({
  id: ZId,
  hostname: z.string(),
  /** `pending` until the TXT record below has been found (POST /:id/verify); only a verified domain serves pages. */
  status: z.enum(DOMAIN_STATUSES),
  /** The TXT record proving the workspace holds the name: create it at the DNS host, then ask for a check. */
  txt_name: z.string(),
  txt_value: z.string(),
  /** Where the name's CNAME (or A record) must point: the public server's host name. */
  cname_target: z.string(),
  verified_at: ZTimestamp.nullable(),
  checked_at: ZTimestamp.nullable(),
  /** Why the last check failed: `txt_missing`, or the DNS error code (ETIMEOUT, ESERVFAIL...). */
  check_error: z.string().nullable(),
  created_at: ZTimestamp,
});
export type TDomain = z.infer<typeof ZDomain>;
