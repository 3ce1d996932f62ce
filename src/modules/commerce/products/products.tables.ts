import { sql } from 'drizzle-orm';
import { boolean, char, check, foreignKey, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  MAX_PRICE_AMOUNT_CENTS,
  MAX_TAX_RATE_BPS,
  PRICE_INTERVALS,
  PRICE_KINDS,
  PRODUCT_STATUSES,
  TAX_BEHAVIORS,
} from '../../../contracts/commerce-products.js';
import { id, timestamps, workspaceId } from '../../../platform/db/columns.js';
import { files } from '../../files/index.js';
import { workspaces } from '../../workspaces/index.js';

/**
 * What a workspace sells (issue 13): sold by a funnel's order form, offered as an order bump, an upsell or a
 * downsell. Its amounts are on its prices. `(workspace_id, id)` is unique so prices (and later order lines)
 * reference a product of their own workspace.
 */
export const products = pgTable(
  'products',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    /** A picture of the media library (its workspace is checked by the service); deleting the file empties it. */
    image_file_id: uuid('image_file_id').references(() => files.id, { onDelete: 'set null' }),
    status: text('status', { enum: PRODUCT_STATUSES }).notNull().default('active'),
    tax_behavior: text('tax_behavior', { enum: TAX_BEHAVIORS }).notNull().default('inclusive'),
    /** VAT rate in basis points (2000 = 20 %) for the built-in provider's receipts; null: none stated. */
    tax_rate_bps: integer('tax_rate_bps'),
    stripe_tax: boolean('stripe_tax').notNull().default(false),
    stripe_product_id: text('stripe_product_id'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('products_workspace_id_uq').on(t.workspace_id, t.id),
    index('products_workspace_created_idx').on(t.workspace_id, t.created_at, t.id),
    check('products_name_length', sql`char_length(${t.name}) BETWEEN 1 AND 120`),
    check('products_description_length', sql`${t.description} IS NULL OR char_length(${t.description}) <= 2000`),
    check('products_tax_rate_range', sql`${t.tax_rate_bps} IS NULL OR ${t.tax_rate_bps} BETWEEN 0 AND ${sql.raw(String(MAX_TAX_RATE_BPS))}`),
  ],
);

/**
 * One price of a product. Immutable once created except `nickname`, `active` and `is_default` (a trigger refuses
 * any other change, migration 0040): an order keeps pointing at the amount it was sold for. Exactly one default per
 * product: the partial unique index allows at most one, the service never leaves none.
 */
export const productPrices = pgTable(
  'product_prices',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    product_id: uuid('product_id').notNull(),
    kind: text('kind', { enum: PRICE_KINDS }).notNull(),
    interval: text('interval', { enum: PRICE_INTERVALS }),
    amount_cents: integer('amount_cents').notNull(),
    currency: char('currency', { length: 3 }).notNull().default('EUR'),
    nickname: text('nickname'),
    is_default: boolean('is_default').notNull().default(false),
    active: boolean('active').notNull().default(true),
    stripe_price_id: text('stripe_price_id'),
    created_at: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.workspace_id, t.product_id], foreignColumns: [products.workspace_id, products.id] }).onDelete('cascade'),
    index('product_prices_product_idx').on(t.workspace_id, t.product_id, t.created_at),
    uniqueIndex('product_prices_one_default_uq')
      .on(t.product_id)
      .where(sql`${t.is_default}`),
    check(
      'product_prices_interval_of_kind',
      sql`(${t.kind} = 'one_time' AND ${t.interval} IS NULL) OR (${t.kind} = 'recurring' AND ${t.interval} IS NOT NULL)`,
    ),
    check('product_prices_amount_range', sql`${t.amount_cents} > 0 AND ${t.amount_cents} <= ${sql.raw(String(MAX_PRICE_AMOUNT_CENTS))}`),
    check('product_prices_currency_code', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);
