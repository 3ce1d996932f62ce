import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAdAccountChoice,
  ZAdAuthorize,
  ZAdCallbackQuery,
  ZAdCampaignLinkBody,
  ZAdConnectionList,
  ZAdNetworkParams,
  ZAdPendingConnection,
  ZAdRemoteCampaign,
  ZAdRemoteCampaignList,
  ZAdSyncQueued,
} from '../../../contracts/ads-connections.js';
import { AD_NETWORKS, ZAdConnection, type TAdNetwork } from '../../../contracts/ads.js';
import { ZIdParams } from '../../../contracts/common.js';
import { authOf, tenantOf } from '../../../platform/http/api-app.js';
import { AppError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { adConnections } from '../ads.tables.js';
import { AdPlatformError } from './ad-connector.js';
import { queueConnectionSync } from './ad-sync.jobs.js';
import { adNetworkSetup } from './connector-config.js';
import { connectorFor } from './connector-registry.js';
import { connectAccount, deleteConnection, linkCampaign, listConnections, pendingAccounts, remoteCampaigns } from './connections.service.js';
import { connection as connectionWire } from './connections.wire.js';
import { clearPending, keepPending, readPending, redirectUriOf, signState, stateMatches } from './oauth-round-trip.js';

const tags = ['ads'];
const BASE = '/api/marketing/ad-connections';
const connectionRoute = { table: 'ad_connections' };
const admins = { role: 'admin' as const };
/** The settings page the browser comes back to after the consent. */
const SETTINGS_PAGE = '/settings/ads';

/**
 * Ad accounts connected with OAuth (Meta, Google, LinkedIn). Connecting and removing is for admins (it grants the
 * workspace access to an ad account and its spend); everyone reads, members link campaigns and ask for a sync.
 */
export function adConnectionsRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config, secrets } = runtime;

  app.get(
    BASE,
    { schema: { tags, summary: 'Connected ad accounts, and which networks this installation can connect', response: { 200: ZAdConnectionList } } },
    async (req) => ({
      items: (await listConnections(tenantOf(req, runtime))).map(connectionWire),
      networks: AD_NETWORKS.map((network) => {
        const setup = adNetworkSetup(config, network);
        return { network, configured: setup.configured, missing: setup.configured ? [] : setup.missing, redirect_uri: redirectUriOf(config, network) };
      }),
    }),
  );

  app.post(
    `${BASE}/:network/authorize`,
    {
      config: { access: admins, tenant: { optOut: 'a network name (meta, google, linkedin), not a row of any workspace' } },
      schema: {
        tags,
        summary: "The platform's consent page to send the browser to (signed-in admins)",
        params: ZAdNetworkParams,
        response: { 200: ZAdAuthorize },
      },
    },
    async (req) => {
      const who = sessionUser(req);
      const connector = connectorFor(req.params.network, config);
      return { url: connector.authorizeUrl(signState(secrets, req.params.network, who.workspaceId, who.userId), redirectUriOf(config, req.params.network)) };
    },
  );

  app.get(
    `${BASE}/:network/callback`,
    {
      config: { access: admins, tenant: { optOut: 'a network name; the signed state is checked against the session' } },
      schema: {
        tags,
        summary: 'Where the platform sends the browser back: trades the code for tokens, then redirects to /settings/ads?connect=<id>',
        params: ZAdNetworkParams,
        querystring: ZAdCallbackQuery,
      },
    },
    async (req, reply) => {
      const { network } = req.params;
      const who = sessionUser(req);
      // The state first: nothing else of the request is trusted before it proves this user started this consent here.
      if (!stateMatches(secrets, network, req.query.state, who.workspaceId, who.userId)) return backToSettings(reply, network, 'state_invalid');
      if (req.query.error || !req.query.code) return backToSettings(reply, network, 'denied');
      let tokens;
      try {
        tokens = await connectorFor(network, config).exchangeCode(req.query.code, redirectUriOf(config, network));
      } catch (err) {
        if (err instanceof AppError && err.reason === 'ad_network_not_configured') return backToSettings(reply, network, 'not_configured');
        if (!(err instanceof AdPlatformError)) throw err;
        req.log.warn({ network, kind: err.kind, message: err.message }, 'ad platform refused the OAuth code');
        return backToSettings(reply, network, 'platform_error');
      }
      const id = keepPending(reply, config, secrets, who, network, tokens);
      return reply.header('cache-control', 'no-store').redirect(`${SETTINGS_PAGE}?connect=${id}`, 303);
    },
  );

  const pendingRoute = { access: admins, tenant: { optOut: "a pending consent's id, held in the browser's sealed cookie, not a row" } };

  app.get(
    `${BASE}/pending/:id`,
    {
      config: pendingRoute,
      schema: { tags, summary: 'The ad accounts the consent just given opens, to pick one', params: ZIdParams, response: { 200: ZAdPendingConnection } },
    },
    async (req) => pendingAccounts(runtime, tenantOf(req, runtime), pendingOf(req, req.params.id)),
  );

  app.post(
    `${BASE}/pending/:id`,
    {
      config: pendingRoute,
      schema: {
        tags,
        summary: 'Connect the account picked (reconnecting an account already connected renews its tokens)',
        params: ZIdParams,
        body: ZAdAccountChoice,
        response: { 200: ZAdConnection, 201: ZAdConnection },
      },
    },
    async (req, reply) => {
      const { row, created } = await connectAccount(runtime, tenantOf(req, runtime), authOf(req), pendingOf(req, req.params.id), req.body.account_id);
      clearPending(reply, config);
      return reply.code(created ? 201 : 200).send(connectionWire(row));
    },
  );

  app.delete(
    `${BASE}/:id`,
    {
      config: { access: admins, tenant: connectionRoute },
      schema: { tags, summary: 'Remove a connection (its campaigns and their figures stay)', params: ZIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteConnection(tenantOf(req, runtime), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${BASE}/:id/campaigns`,
    {
      config: { tenant: connectionRoute },
      schema: {
        tags,
        summary: "The account's campaigns on the platform, with the local campaign each is linked to",
        params: ZIdParams,
        response: { 200: ZAdRemoteCampaignList },
      },
    },
    async (req) => ({ items: await remoteCampaigns(runtime, tenantOf(req, runtime), req.params.id) }),
  );

  app.post(
    `${BASE}/:id/campaigns/link`,
    {
      config: { tenant: { ...connectionRoute, sampleBody: { platform_campaign_id: '120200000000000001' } } },
      schema: {
        tags,
        summary: 'Link a platform campaign: the local campaign with its id, or a new one; the sync fills its days',
        params: ZIdParams,
        body: ZAdCampaignLinkBody,
        response: { 200: ZAdRemoteCampaign },
      },
    },
    async (req) => linkCampaign(runtime, tenantOf(req, runtime), req.params.id, req.body.platform_campaign_id),
  );

  app.post(
    `${BASE}/:id/sync`,
    {
      config: { tenant: connectionRoute },
      schema: { tags, summary: 'Queue a sync of the last 29 days now', params: ZIdParams, response: { 202: ZAdSyncQueued } },
    },
    async (req, reply) => {
      const tenant = tenantOf(req, runtime);
      const row = await tenant.get(adConnections, req.params.id, 'ad connection');
      return reply.code(202).send({ queued: await queueConnectionSync(runtime, tenant.workspaceId, row.id) });
    },
  );

  /** The pending consent of this browser and session, or 404 `ad_pending_expired`. */
  function pendingOf(req: FastifyRequest, id: string) {
    const who = sessionUser(req);
    const pending = readPending(req, secrets, who, id);
    if (!pending)
      throw new AppError('not_found', 'This connection attempt expired or belongs to another browser: connect again', { reason: 'ad_pending_expired' });
    return pending;
  }
}

/** The signed-in person (the OAuth round trip belongs to a browser session, not to an API key). */
function sessionUser(req: FastifyRequest): { workspaceId: string; userId: string } {
  const auth = authOf(req);
  if (auth.via !== 'session' || !auth.user_id) {
    throw new AppError('forbidden', 'Connecting an ad account is done by a signed-in person, not an API key', { reason: 'session_only' });
  }
  return { workspaceId: auth.workspace_id, userId: auth.user_id };
}

/** Back to the settings page with why the connection did not happen (the page says it in the user's language). */
function backToSettings(reply: FastifyReply, network: TAdNetwork, error: 'state_invalid' | 'denied' | 'not_configured' | 'platform_error'): FastifyReply {
  return reply.header('cache-control', 'no-store').redirect(`${SETTINGS_PAGE}?network=${network}&connect_error=${error}`, 303);
}
