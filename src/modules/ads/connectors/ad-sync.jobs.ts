import { and, asc, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AD_NETWORKS } from '../../../contracts/ads.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { defineJob } from '../../../platform/jobs/define-job.js';
import type { Runtime } from '../../../platform/runtime.js';
import { adConnections } from '../ads.tables.js';
import { syncConnection } from './ad-sync.js';
import { adNetworkSetup } from './connector-config.js';

// Daily: one job per connection (a failing or slow account never holds up the others, and each is retried alone),
// fanned out by a cron job; "Synchroniser" queues the same per-connection job. Expired connections wait for the user to
// reconnect; rate-limited ones for their time to pass (checked again by useConnection when the job runs).

/** Connections queued per statement by the fan-out. */
const FAN_OUT_BATCH = 500;

export const adSyncJob = defineJob({
  name: 'ads.connections.sync',
  schema: z.object({ workspace_id: z.uuid(), connection_id: z.uuid() }),
  // At most one sync per connection waiting: a second click while one waits is the same sync.
  policy: 'short',
  retryLimit: 2,
  retryDelaySeconds: 60,
  expireInSeconds: 1_800,
  handler: async ({ workspace_id, connection_id }, runtime) => {
    const tenant = new Tenant(runtime.db, workspace_id);
    const [row] = await tenant.db.select({ network: adConnections.network }).from(adConnections).where(tenant.byId(adConnections, connection_id)).limit(1);
    if (!row) return; // removed since it was queued
    // The app's credentials were removed from this installation since: retrying cannot help, the page says what to set.
    if (!adNetworkSetup(runtime.config, row.network).configured) {
      runtime.log.warn({ connection_id, network: row.network }, 'ad connection not synced: its network is not configured on this installation');
      return;
    }
    const outcome = await syncConnection(runtime, tenant, connection_id);
    if (!outcome.ok) runtime.log.warn({ connection_id, kind: outcome.kind, message: outcome.message }, 'ad connection sync refused by the platform');
  },
});

/** Queues the sync of one connection (the route's "Synchroniser"); false when one is already waiting. */
export async function queueConnectionSync(runtime: Runtime, workspaceId: string, connectionId: string): Promise<boolean> {
  const id = await runtime.queue.send(adSyncJob, { workspace_id: workspaceId, connection_id: connectionId }, { singletonKey: connectionId });
  return id !== null;
}

/**
 * Queues the sync of every connection that may call its platform (its network configured on this installation, not
 * expired, not rate limited); returns how many were queued.
 */
export async function queueDailySyncs(runtime: Runtime, now = new Date()): Promise<number> {
  const networks = AD_NETWORKS.filter((network) => adNetworkSetup(runtime.config, network).configured);
  if (networks.length === 0) return 0;
  let queued = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await runtime.db
      .select({ id: adConnections.id, workspace_id: adConnections.workspace_id })
      // eslint-disable-next-line local/tenant-scope -- the daily fan-out reads every workspace's connections
      .from(adConnections)
      .where(
        and(
          gt(adConnections.id, after),
          inArray(adConnections.network, networks),
          ne(adConnections.status, 'expired'),
          or(isNull(adConnections.rate_limited_until), sql`${adConnections.rate_limited_until} <= ${now.toISOString()}::timestamptz`),
        ),
      )
      .orderBy(asc(adConnections.id))
      .limit(FAN_OUT_BATCH);
    if (rows.length === 0) return queued;
    await runtime.queue.insert(
      adSyncJob,
      rows.map((r) => ({ data: { workspace_id: r.workspace_id, connection_id: r.id }, singletonKey: r.id })),
    );
    queued += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}

export const adDailySyncJob = defineJob({
  name: 'ads.connections.daily-sync',
  schema: z.object({}).passthrough(),
  policy: 'singleton',
  // 05:30 UTC: early morning in Europe, yesterday (in the workspace's zone) is over and reported.
  cron: '30 5 * * *',
  handler: async (_payload, runtime) => {
    await queueDailySyncs(runtime);
  },
});
