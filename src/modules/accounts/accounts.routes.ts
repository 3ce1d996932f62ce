import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAuthOptions,
  ZChangePasswordBody,
  ZLoginBody,
  ZMe,
  ZPasswordResetConfirmBody,
  ZPasswordResetRequestBody,
  ZProfileBody,
  ZSignupBody,
  ZSignupResponse,
  ZSwitchWorkspaceBody,
  ZUser,
} from '../../contracts/accounts.js';
import { consumeRateLimit } from '../../platform/http/rate-limit.js';
import { authOf } from '../../platform/http/api-app.js';
import { SESSION_COOKIE, sessionCookie } from '../../platform/http/authenticate.js';
import type { Runtime } from '../../platform/runtime.js';
import { assertMember, checkCredentials, describeCaller, getUser, setPassword, updateProfile, workspaceForLogin } from './accounts.service.js';
import { authenticateSession, revokeSession, revokeUserSessions, setActiveWorkspace } from './sessions.service.js';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.service.js';
import { verifyPassword } from '../../platform/auth/passwords.js';
import { AppError } from '../../platform/errors.js';
import * as wire from './accounts.wire.js';
import { limitLoginAttempts } from './login-limits.js';
import { signupAsAllowed } from './signup-policy.js';
import { startSession } from './session-cookie.js';

const tags = ['auth'];

/** Sign-up, login, logout, the caller's identity, profile and password. */
export function accountsRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, config } = runtime;

  app.post(
    '/api/auth/signup',
    { config: { access: 'public' }, schema: { tags, summary: 'Create an account and its workspace', body: ZSignupBody, response: { 201: ZSignupResponse } } },
    async (req, reply) => {
      await consumeRateLimit(db, `signup:ip:${req.ip}`, config.loginRateLimitPerMinute);
      const { user, workspaceId } = await signupAsAllowed(db, config.signup, req.body);
      const me = await startSession(runtime, req, reply, user.id, workspaceId);
      return reply.code(201).send({ ...me, user: me.user! });
    },
  );

  app.get(
    '/api/auth/options',
    { config: { access: 'public' }, schema: { tags, summary: 'What the sign-in pages offer on this instance (SIGNUP mode)', response: { 200: ZAuthOptions } } },
    async () => ({ signup: config.signup }),
  );

  app.post(
    '/api/auth/login',
    { config: { access: 'public' }, schema: { tags, summary: 'Sign in (sets the session cookie)', body: ZLoginBody, response: { 200: ZMe } } },
    async (req, reply) => {
      await limitLoginAttempts(runtime, req.ip, req.body.email);
      const user = await checkCredentials(db, req.body);
      return startSession(runtime, req, reply, user.id, await workspaceForLogin(db, user));
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'user' }, schema: { tags, summary: 'Sign out (ends the session)', response: { 204: z.null() } } },
    async (req, reply) => {
      await revokeSession(db, authOf(req).session_id!);
      const cookie = sessionCookie(config);
      void reply.clearCookie(cookie.name, { path: cookie.path, secure: cookie.secure, httpOnly: true, sameSite: 'lax' });
      // Earlier versions set it on Path=/: clear that one too.
      if (cookie.path !== '/') void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: { role: 'viewer' } },
      schema: { tags, summary: 'Who is calling (user or API key), in which workspace and role', response: { 200: ZMe } },
    },
    async (req) => wire.me(await describeCaller(db, authOf(req))),
  );

  app.post(
    '/api/auth/switch-workspace',
    { config: { access: 'user' }, schema: { tags, summary: 'Act in another of your workspaces', body: ZSwitchWorkspaceBody, response: { 200: ZMe } } },
    async (req) => {
      const auth = authOf(req);
      await assertMember(db, auth.user_id!, req.body.workspace_id);
      await setActiveWorkspace(db, auth.session_id!, req.body.workspace_id);
      const next = await authenticateSession(db, config, req.cookies[sessionCookie(config).name]!);
      return wire.me(await describeCaller(db, next!));
    },
  );

  app.patch(
    '/api/auth/profile',
    { config: { access: 'user' }, schema: { tags, summary: 'Update your name or language', body: ZProfileBody, response: { 200: ZUser } } },
    async (req) => wire.user(await updateProfile(db, authOf(req).user_id!, req.body)),
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Change your password (signs out your other sessions)', body: ZChangePasswordBody, response: { 200: ZMe } },
    },
    async (req, reply) => {
      const auth = authOf(req);
      await consumeRateLimit(db, `password:user:${auth.user_id}`, config.loginRateLimitPerMinute);
      const user = await getUser(db, auth.user_id!);
      if (!(await verifyPassword(user.password_hash, req.body.current_password))) {
        throw new AppError('bad_request', 'The current password is wrong', {
          errors: [{ path: 'body.current_password', message: 'wrong password', code: 'wrong_password' }],
        });
      }
      await setPassword(db, user.id, req.body.new_password);
      await revokeUserSessions(db, user.id);
      return startSession(runtime, req, reply, user.id, auth.workspace_id);
    },
  );

  app.post(
    '/api/auth/password-reset/request',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Mail a password reset link (always 202, whether the account exists or not)',
        body: ZPasswordResetRequestBody,
        response: { 202: z.null() },
      },
    },
    async (req, reply) => {
      // Per address only: the per-account limit is applied by the job, after the answer (see requestPasswordReset).
      await consumeRateLimit(db, `reset:ip:${req.ip}`, config.loginRateLimitPerMinute);
      await requestPasswordReset(runtime, req.body.email);
      return reply.code(202).send(null);
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Choose a new password with the mailed token', body: ZPasswordResetConfirmBody, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await consumeRateLimit(db, `reset-confirm:ip:${req.ip}`, config.loginRateLimitPerMinute);
      await confirmPasswordReset(runtime, req.body.token, req.body.password);
      return reply.code(204).send(null);
    },
  );
}
