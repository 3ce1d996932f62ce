import { inArray } from 'drizzle-orm';
import { leadEvents, type TLeadEventSubscriber } from '../crm/index.js';
import { queueWebhookEvents, workspacesWithWebhooks } from './webhook-delivery.service.js';

/**
 * Lead events reach the workspace's webhooks as `lead.<type>` (`lead.created`, `lead.status_changed`…)
 * with the lead's id, the event's id and time, and its data.
 */
export const queueLeadEventWebhooks: TLeadEventSubscriber = async (runtime, all) => {
  // The lead lookup below is only worth doing for workspaces that have a webhook.
  const subscribed = await workspacesWithWebhooks(
    runtime.db,
    all.map((e) => e.workspaceId),
  );
  const events = all.filter((e) => subscribed.has(e.workspaceId));
  if (events.length === 0) return;
  const rows = await runtime.db
    .select({ id: leadEvents.id, lead_id: leadEvents.lead_id, occurred_at: leadEvents.occurred_at })
    // eslint-disable-next-line local/tenant-scope -- events of an outbox batch, by id (each carries its workspace)
    .from(leadEvents)
    .where(
      inArray(
        leadEvents.id,
        events.map((e) => e.id),
      ),
    );
  const byId = new Map(rows.map((row) => [row.id, row]));
  await queueWebhookEvents(
    runtime,
    runtime.db,
    events.map((event) => ({
      workspaceId: event.workspaceId,
      type: `lead.${event.type}`,
      data: {
        event_id: event.id,
        lead_id: byId.get(event.id)?.lead_id ?? null,
        occurred_at: byId.get(event.id)?.occurred_at?.toISOString() ?? null,
        ...event.data,
      },
    })),
  );
};
