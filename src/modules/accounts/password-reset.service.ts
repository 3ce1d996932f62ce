import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { randomToken, sha256 } from '../../platform/auth/secrets.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { consumeRateLimit } from '../../platform/http/rate-limit.js';
import { defineJob } from '../../platform/jobs/define-job.js';
import { sendMail } from '../../platform/mail/mail.jobs.js';
import type { Runtime } from '../../platform/runtime.js';
import { findUserByEmail, setPassword } from './accounts.service.js';
import { passwordResets } from './accounts.tables.js';
import { passwordResetMail } from './password-reset.mail.js';
import { revokeUserSessions } from './sessions.service.js';

const RESET_TTL_MS = 60 * 60_000;
/** Reset mails one account receives at most per minute (a stranger cannot flood a mailbox). */
const RESET_MAILS_PER_ACCOUNT_PER_MINUTE = 3;

/**
 * Answers a reset request: queues the work and nothing else, so the request does the same thing in the
 * same time whether the account exists or not (no probing by answer or by timing). The job looks the
 * account up and mails the link.
 */
export async function requestPasswordReset(runtime: Runtime, email: string): Promise<void> {
  await runtime.queue.send(passwordResetRequestJob, { email: email.toLowerCase() });
}

/** Mails a one-hour link when the account exists; issuing it cancels the account's earlier links. */
export const passwordResetRequestJob = defineJob({
  name: 'accounts.password-reset.request',
  schema: z.object({ email: z.string().max(320) }),
  handler: async ({ email }, runtime) => {
    const user = await findUserByEmail(runtime.db, email);
    if (!user) return;
    // Counted after the lookup, silently: the answer was already the same 202 for everyone.
    try {
      await consumeRateLimit(runtime.db, `reset-mail:user:${user.id}`, RESET_MAILS_PER_ACCOUNT_PER_MINUTE);
    } catch {
      return;
    }
    const token = randomToken();
    await runtime.db.transaction(async (tx) => {
      await cancelPasswordResets(tx, user.id);
      await tx.insert(passwordResets).values({ user_id: user.id, token_hash: sha256(token), expires_at: new Date(Date.now() + RESET_TTL_MS) });
    });
    await sendMail(runtime, {
      workspaceId: null,
      category: 'password_reset',
      to: user.email,
      ...passwordResetMail({ name: user.name, locale: user.locale, link: `${runtime.config.appUrl}/reset-password?token=${token}` }),
    });
  },
});

/** Sets the new password from a valid link (cancelling every other link), then signs the user out everywhere. */
export async function confirmPasswordReset(runtime: Runtime, token: string, password: string): Promise<void> {
  const { db } = runtime;
  const [reset] = await db
    .update(passwordResets)
    .set({ used_at: new Date() })
    .where(and(eq(passwordResets.token_hash, sha256(token)), isNull(passwordResets.used_at), gt(passwordResets.expires_at, new Date())))
    .returning();
  if (!reset)
    throw new AppError('bad_request', 'This reset link is invalid, expired or already used', {
      errors: [{ path: 'body.token', message: 'invalid or expired', code: 'reset_link_invalid' }],
    });
  await setPassword(db, reset.user_id, password); // cancels the other links
  await revokeUserSessions(db, reset.user_id);
}

/** Cancels the user's outstanding links before a new one is issued (setPassword cancels them too). */
async function cancelPasswordResets(db: Db, userId: string): Promise<void> {
  await db
    .update(passwordResets)
    .set({ used_at: sql`now()` })
    .where(and(eq(passwordResets.user_id, userId), isNull(passwordResets.used_at)));
}
