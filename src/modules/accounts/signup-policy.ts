import type { TSignupBody } from '../../contracts/accounts.js';
import type { TConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { acceptInvitation, previewInvitation } from '../workspaces/index.js';
import { createUser, signup } from './accounts.service.js';

/**
 * Sign-up under the instance's SIGNUP mode:
 * - open: anyone creates an account and their workspace (the embedded quick start);
 * - invite: only with a valid invitation token for this email; the account joins that workspace;
 * - closed: never here; people join through the invitation page (`/api/invitations/:token/accept`).
 * "Already registered" stays a 409: with invite or closed, a stranger cannot reach that answer.
 */
export async function signupAsAllowed(db: Db, mode: TConfig['signup'], input: TSignupBody): Promise<{ user: { id: string }; workspaceId: string }> {
  if (mode === 'closed') {
    throw new AppError('forbidden', 'Sign-up is closed on this instance: ask an administrator for an invitation', { reason: 'signup_closed' });
  }
  if (input.invitation_token) return signupWithInvitation(db, input.invitation_token, input);
  if (mode === 'invite') {
    throw new AppError('forbidden', 'Sign-up needs an invitation on this instance', {
      errors: [{ path: 'body.invitation_token', message: 'required (SIGNUP=invite)', code: 'invitation_required' }],
      reason: 'signup_invite_only',
    });
  }
  const { user, workspace } = await signup(db, input);
  return { user, workspaceId: workspace.id };
}

async function signupWithInvitation(db: Db, token: string, input: TSignupBody) {
  const invitation = await previewInvitation(db, token); // 404 when unknown, expired, revoked or used
  if (invitation.email !== input.email.toLowerCase()) {
    throw new AppError('forbidden', 'This invitation was sent to another address', {
      errors: [{ path: 'body.email', message: 'not the invited address', code: 'not_invited_address' }],
    });
  }
  // Account and membership together: a failed acceptance leaves no account behind.
  return db.transaction(async (tx) => {
    const user = await createUser(tx, input);
    return { user, workspaceId: await acceptInvitation(tx, token, user) };
  });
}
