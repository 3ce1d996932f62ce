import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionCookie } from '../../platform/http/authenticate.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { roleIn } from '../workspaces/index.js';
import { describeCaller } from './accounts.service.js';
import { authenticateSession, createSession, revokeSession } from './sessions.service.js';
import * as wire from './accounts.wire.js';

/** Opens a session for the user, sets the cookie and returns what /api/auth/me would. */
export async function startSession(runtime: Runtime, req: FastifyRequest, reply: FastifyReply, userId: string, workspaceId: string) {
  const { db, config } = runtime;
  // Rotation: whatever session the browser had before is ended, never upgraded.
  const cookie = sessionCookie(config);
  const previous = req.cookies[cookie.name];
  if (previous) {
    const old = await authenticateSession(db, config, previous);
    if (old?.session_id) await revokeSession(db, old.session_id);
  }
  const role = await roleIn(db, userId, workspaceId);
  if (!role) throw new AppError('forbidden', 'Not a member of this workspace', { reason: 'not_member' });
  const session = await createSession(db, config, { userId, workspaceId, ip: req.ip, userAgent: req.headers['user-agent'] });
  void reply.setCookie(cookie.name, session.token, {
    path: cookie.path,
    httpOnly: true,
    sameSite: 'lax',
    secure: cookie.secure,
    expires: session.expiresAt,
  });
  return wire.me(await describeCaller(db, { via: 'session', user_id: userId, workspace_id: workspaceId, role, csrf_token: session.csrfToken }));
}
