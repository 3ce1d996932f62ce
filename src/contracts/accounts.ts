import { z } from 'zod';
import { ZEmail, ZId, ZPassword, ZRole, ZTimestamp, ZTimeZone, ZCurrency } from './common.js';

// Wire shapes of the accounts module: sign-up, sessions, profile, password reset.

export const ZLocale = z.enum(['fr', 'en']);

export const ZUser = z.object({
  id: ZId,
  email: z.string(),
  name: z.string(),
  locale: ZLocale,
  created_at: ZTimestamp,
});
export type TUser = z.infer<typeof ZUser>;

export const ZWorkspace = z.object({
  id: ZId,
  name: z.string(),
  /** IANA time zone: days, periods and "today" are computed in it. */
  timezone: z.string(),
  /** ISO 4217 code: new leads' values and reports are in it. */
  currency: z.string(),
  /** The sender's legal name and postal address: marketing emails must carry them (required before a first send). */
  legal_name: z.string(),
  postal_address: z.string(),
  created_at: ZTimestamp,
});
export type TWorkspace = z.infer<typeof ZWorkspace>;

export const ZSignupBody = z.object({
  email: ZEmail,
  password: ZPassword,
  name: z.string().trim().min(1).max(120),
  workspace_name: z.string().trim().min(1).max(120),
  locale: ZLocale.optional(),
  /** The browser's time zone and currency; Europe/Paris and EUR when absent. */
  timezone: ZTimeZone.optional(),
  currency: ZCurrency.optional(),
  /** The token of an invitation link: the account joins that workspace instead of creating one (required when SIGNUP=invite). */
  invitation_token: z.string().min(10).max(200).optional(),
});
export type TSignupBody = z.infer<typeof ZSignupBody>;

export const ZLoginBody = z.object({
  email: ZEmail,
  password: z.string().min(1).max(256),
});
export type TLoginBody = z.infer<typeof ZLoginBody>;

/** The caller's identity. `user` is null when the caller is an API key. */
export const ZMe = z.object({
  user: ZUser.nullable(),
  workspace: ZWorkspace,
  role: ZRole,
  /** Echo it in the x-csrf-token header on every POST/PATCH/PUT/DELETE made with the session cookie. */
  csrf_token: z.string().optional(),
  /** Every workspace the user belongs to (for the workspace switcher). */
  workspaces: z.array(z.object({ id: ZId, name: z.string(), role: ZRole })),
});
export type TMe = z.infer<typeof ZMe>;

export const ZSignupResponse = ZMe.extend({ user: ZUser });

export const ZSwitchWorkspaceBody = z.object({ workspace_id: ZId });

export const ZProfileBody = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    locale: ZLocale.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { error: 'send at least one field' });
export type TProfileBody = z.infer<typeof ZProfileBody>;

export const ZChangePasswordBody = z.object({
  current_password: z.string().min(1).max(256),
  new_password: ZPassword,
});

export const ZPasswordResetRequestBody = z.object({ email: ZEmail });
export const ZPasswordResetConfirmBody = z.object({ token: z.string().min(10).max(200), password: ZPassword });

/** SIGNUP mode of the instance: open (anyone), invite (only with an invitation link), closed (no sign-up form). */
export const ZSignupMode = z.enum(['open', 'invite', 'closed']);
export const ZAuthOptions = z.object({ signup: ZSignupMode });
export type TAuthOptions = z.infer<typeof ZAuthOptions>;
