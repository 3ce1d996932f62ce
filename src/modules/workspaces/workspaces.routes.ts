import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZWorkspace } from '../../contracts/accounts.js';
import { ZIdParams } from '../../contracts/common.js';
import {
  ZApiKey,
  ZApiKeyCreateBody,
  ZApiKeyCreated,
  ZInvitation,
  ZInvitationCreateBody,
  ZMember,
  ZMemberUpdateBody,
  ZOutboxList,
  ZOutboxMessage,
  ZWorkspaceUpdateBody,
} from '../../contracts/workspaces.js';
import { authOf, tenantOf } from '../../platform/http/api-app.js';
import type { Runtime } from '../../platform/runtime.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.js';
import { createInvitation, listInvitations, revokeInvitation } from './invitations.service.js';
import { getOutboxMessage, listOutbox } from './outbox.service.js';
import * as wire from './workspaces.wire.js';
import { getWorkspace, leaveWorkspace, listMembers, removeMember, updateMemberRole, updateWorkspace } from './workspaces.service.js';

const tags = ['workspace'];
const admin = { role: 'admin' } as const;

/** Routes of Settings: workspace, team, invitations, API keys, outbox. */
export function workspacesRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/workspace', { schema: { tags, summary: 'The current workspace', response: { 200: ZWorkspace } } }, async (req) =>
    wire.workspace(await getWorkspace(runtime.db, authOf(req).workspace_id)),
  );

  app.patch(
    '/api/workspace',
    {
      config: { access: admin },
      schema: {
        tags,
        summary: 'Rename the workspace, or change its time zone (IANA), currency (ISO 4217), legal name or postal address',
        body: ZWorkspaceUpdateBody,
        response: { 200: ZWorkspace },
      },
    },
    async (req) => wire.workspace(await updateWorkspace(runtime.db, authOf(req).workspace_id, req.body)),
  );

  app.get('/api/workspace/members', { schema: { tags, summary: 'Members and their roles', response: { 200: z.array(ZMember) } } }, async (req) =>
    (await listMembers(tenantOf(req, runtime))).map(wire.member),
  );

  app.patch(
    '/api/workspace/members/:id',
    {
      config: { access: admin, tenant: { table: 'workspace_members', sampleBody: { role: 'viewer' } } },
      schema: { tags, summary: "Change a member's role", params: ZIdParams, body: ZMemberUpdateBody, response: { 200: ZMember } },
    },
    async (req) => wire.member(await updateMemberRole(tenantOf(req, runtime), authOf(req), req.params.id, req.body.role)),
  );

  app.delete(
    '/api/workspace/members/:id',
    {
      config: { access: admin, tenant: { table: 'workspace_members' } },
      schema: { tags, summary: 'Remove a member', params: ZIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await removeMember(tenantOf(req, runtime), authOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/workspace/leave',
    { config: { access: 'user' }, schema: { tags, summary: 'Leave the current workspace', response: { 204: z.null() } } },
    async (req, reply) => {
      await leaveWorkspace(tenantOf(req, runtime), authOf(req));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/workspace/invitations',
    { config: { access: admin }, schema: { tags, summary: 'Pending invitations', response: { 200: z.array(ZInvitation) } } },
    async (req) => (await listInvitations(tenantOf(req, runtime))).map(wire.invitation),
  );

  app.post(
    '/api/workspace/invitations',
    {
      config: { access: admin },
      schema: { tags, summary: 'Invite someone by email (sends the link by mail)', body: ZInvitationCreateBody, response: { 201: ZInvitation } },
    },
    async (req, reply) => {
      const created = await createInvitation(runtime, tenantOf(req, runtime), authOf(req), req.body);
      return reply.code(201).send(wire.invitation(created));
    },
  );

  app.delete(
    '/api/workspace/invitations/:id',
    {
      config: { access: admin, tenant: { table: 'invitations' } },
      schema: { tags, summary: 'Revoke a pending invitation', params: ZIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await revokeInvitation(tenantOf(req, runtime), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/workspace/api-keys',
    { config: { access: admin }, schema: { tags, summary: 'Active API keys (never their secret)', response: { 200: z.array(ZApiKey) } } },
    async (req) => (await listApiKeys(tenantOf(req, runtime))).map(wire.apiKey),
  );

  app.post(
    '/api/workspace/api-keys',
    {
      config: { access: admin },
      schema: { tags, summary: 'Create an API key (the key is shown once)', body: ZApiKeyCreateBody, response: { 201: ZApiKeyCreated } },
    },
    async (req, reply) => {
      const { row, key } = await createApiKey(tenantOf(req, runtime), authOf(req), req.body);
      return reply.code(201).send({ id: row.id, name: row.name, prefix: row.prefix, role: row.role, key });
    },
  );

  app.delete(
    '/api/workspace/api-keys/:id',
    {
      config: { access: admin, tenant: { table: 'api_keys' } },
      schema: { tags, summary: 'Revoke an API key', params: ZIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await revokeApiKey(tenantOf(req, runtime), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/workspace/outbox',
    { config: { access: admin }, schema: { tags, summary: 'Mails the product sent or would have sent', response: { 200: ZOutboxList } } },
    async (req) => ({ smtp_configured: runtime.mailer.delivers, items: (await listOutbox(tenantOf(req, runtime))).map(wire.outboxMessage) }),
  );

  app.get(
    '/api/workspace/outbox/:id',
    {
      config: { access: admin, tenant: { table: 'outbox_messages' } },
      schema: { tags, summary: 'One mail of the outbox', params: ZIdParams, response: { 200: ZOutboxMessage } },
    },
    async (req) => wire.outboxMessage(await getOutboxMessage(tenantOf(req, runtime), req.params.id)),
  );
}
