import { and, eq, gt, isNull } from 'drizzle-orm';
import { randomToken, sha256 } from '../../platform/auth/secrets.js';
import { AppError } from '../../platform/errors.js';
import { sendMail } from '../../platform/mail/mail.jobs.js';
import type { Runtime } from '../../platform/runtime.js';
import { findUserByEmail, setPassword } from './accounts.service.js';
import { passwordResets } from './accounts.tables.js';
import { passwordResetMail } from './password-reset.mail.js';
import { revokeUserSessions } from './sessions.service.js';

const RESET_TTL_MS = 60 * 60_000;

/** Mails a one-hour reset link when the account exists; silent otherwise (no account probing). */
export async function requestPasswordReset(runtime: Runtime, email: string): Promise<void> {
  const user = await findUserByEmail(runtime.db, email);
  if (!user) return;
  const token = randomToken();
  await runtime.db.insert(passwordResets).values({
    user_id: user.id,
    token_hash: sha256(token),
    expires_at: new Date(Date.now() + RESET_TTL_MS),
  });
  await sendMail(runtime, {
    workspaceId: null,
    category: 'password_reset',
    to: user.email,
    ...passwordResetMail({ name: user.name, locale: user.locale, link: `${runtime.config.appUrl}/reset-password?token=${token}` }),
  });
}

/** Sets the new password from a valid link, then signs the user out everywhere. */
export async function confirmPasswordReset(runtime: Runtime, token: string, password: string): Promise<void> {
  const { db } = runtime;
  const [reset] = await db
    .update(passwordResets)
    .set({ used_at: new Date() })
    .where(and(eq(passwordResets.token_hash, sha256(token)), isNull(passwordResets.used_at), gt(passwordResets.expires_at, new Date())))
    .returning();
  if (!reset) throw new AppError('bad_request', 'This reset link is invalid, expired or already used', { errors: [{ path: 'body.token', message: 'invalid or expired' }] });
  await setPassword(db, reset.user_id, password);
  await revokeUserSessions(db, reset.user_id);
}
