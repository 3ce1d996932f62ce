import { index, integer, jsonb, pgTable, text, timestamp, uuid, boolean } from 'drizzle-orm/pg-core';
import { id, timestamps, workspaceId } from '../../platform/db/columns.js';
import { workspaces } from '../workspaces/tables.js';
import { WEBHOOK_DELIVERY_ERROR_CODES } from '../../contracts/webhooks.js';

/** A URL of the workspace subscribed to event types; its signing secret is sealed with the SecretBox. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    event_types: text('event_types').array().notNull(),
    is_active: boolean('is_active').notNull().default(true),
    secret_sealed: text('secret_sealed').notNull(),
    ...timestamps(),
  },
  (t) => [index('webhook_endpoints_workspace_idx').on(t.workspace_id)],
);

/** One event sent (or being sent) to one endpoint: the delivery log and the retry state. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    endpoint_id: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    event_type: text('event_type').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    response_status: integer('response_status'),
    error: text('error'),
    error_code: text('error_code', { enum: WEBHOOK_DELIVERY_ERROR_CODES }),
    last_attempt_at: timestamp('last_attempt_at', { withTimezone: true }),
    delivered_at: timestamp('delivered_at', { withTimezone: true }),
    created_at: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('webhook_deliveries_endpoint_created_idx').on(t.workspace_id, t.endpoint_id, t.created_at)],
);
