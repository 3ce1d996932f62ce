import type { Authenticator } from '../../platform/auth/access.js';
import type { Runtime } from '../../platform/runtime.js';
import { authenticateApiKey } from '../workspaces/index.js';
import { authenticateSession } from './sessions.service.js';

// Public surface of the accounts module.
export { accountsRoutes } from './accounts.routes.js';
export { invitationRoutes } from './invitations.routes.js';
export { createUser, findUserByEmail, signup } from './accounts.service.js';
export { purgeSessionsJob } from './accounts.jobs.js';
export { passwordResetRequestJob } from './password-reset.service.js';
export { users, sessions, passwordResets } from './accounts.tables.js';

/** Resolves session cookies and API keys for the HTTP layer. */
export function createAuthenticator(runtime: Runtime): Authenticator {
  return {
    fromSessionToken: (token) => authenticateSession(runtime.db, runtime.config, token),
    fromApiKey: (key) => authenticateApiKey(runtime.db, key),
  };
}
