import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZMe } from '../../contracts/accounts.js';
import { ZInvitationAcceptBody, ZInvitationPreview } from '../../contracts/workspaces.js';
import { AppError } from '../../platform/errors.js';
import { consumeRateLimit } from '../../platform/http/rate-limit.js';
import type { Runtime } from '../../platform/runtime.js';
import { acceptInvitation, previewInvitation } from '../workspaces/index.js';
import { createUser, findUserByEmail, getUser } from './accounts.service.js';
import { startSession } from './session-cookie.js';

const tags = ['auth'];
const ZTokenParams = z.object({ token: z.string().min(10).max(200) });
// The token is the secret that grants access; an unknown one is a 404 like any missing row.
const tokenRoute = { optOut: 'the :token is a secret invitation token, not a tenant id; unknown tokens are 404' };

/** The invitation page: preview by token, then accept (signing in or creating the account). */
export function invitationRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = runtime;

  app.get(
    '/api/invitations/:token',
    {
      config: { access: 'public', tenant: tokenRoute },
      schema: { tags, summary: 'What an invitation link offers', params: ZTokenParams, response: { 200: ZInvitationPreview } },
    },
    async (req) => {
      await consumeRateLimit(db, `invitation:ip:${req.ip}`, 60);
      const invitation = await previewInvitation(db, req.params.token);
      return {
        workspace_name: invitation.workspace_name,
        email: invitation.email,
        role: invitation.role,
        invited_by_name: invitation.invited_by_name,
        account_exists: invitation.account_exists,
      };
    },
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      config: { access: 'public', tenant: tokenRoute },
      schema: {
        tags,
        summary: 'Accept an invitation: signed-in users join; new users send name and password',
        params: ZTokenParams,
        body: ZInvitationAcceptBody,
        response: { 200: ZMe },
      },
    },
    async (req, reply) => {
      await consumeRateLimit(db, `invitation:ip:${req.ip}`, 60);
      const invitation = await previewInvitation(db, req.params.token);
      let user;
      if (req.auth?.via === 'session' && req.auth.user_id) {
        user = await getUser(db, req.auth.user_id);
      } else if (invitation.account_exists || (await findUserByEmail(db, invitation.email))) {
        throw new AppError('unauthorized', `Sign in as ${invitation.email} to accept this invitation`, {
          reason: 'invitation_other_email',
          params: { email: invitation.email },
        });
      } else {
        if (!req.body.name || !req.body.password) {
          const missing = (['name', 'password'] as const).filter((f) => !req.body[f]);
          throw new AppError('bad_request', 'Choose a name and a password to create your account', {
            errors: missing.map((f) => ({ path: `body.${f}`, message: 'required', code: 'required' })),
          });
        }
        const { name, password } = req.body;
        // Account and membership together, so a failed acceptance leaves no orphan account.
        const joined = await db.transaction(async (tx) => {
          const created = await createUser(tx, { email: invitation.email, name, password });
          return { created, workspaceId: await acceptInvitation(tx, req.params.token, created) };
        });
        return startSession(runtime, req, reply, joined.created.id, joined.workspaceId);
      }
      const workspaceId = await acceptInvitation(db, req.params.token, user);
      return startSession(runtime, req, reply, user.id, workspaceId);
    },
  );
}
