import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps, workspaceId } from '../../../platform/db/columns.js';
import { funnelPages } from '../../funnels/index.js';
import { workspaces } from '../../workspaces/index.js';
import { productPrices } from '../products/products.tables.js';

/**
 * What a funnel page sells (ARCHITECTURE.md, "Checkout"): on an order-form page its price and an optional order bump,
 * on an upsell or downsell page the price its accept button charges. One per page; kept by commerce so funnels knows
 * nothing of products. Deleting the page deletes it; a price is never deleted while it is named here (its product
 * cannot be deleted once sold, and an unsold product's deletion takes its offers with its prices).
 */
export const pageOffers = pgTable(
  'page_offers',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    page_id: uuid('page_id')
      .notNull()
      .references(() => funnelPages.id, { onDelete: 'cascade' }),
    price_id: uuid('price_id')
      .notNull()
      .references(() => productPrices.id, { onDelete: 'cascade' }),
    bump_price_id: uuid('bump_price_id').references(() => productPrices.id, { onDelete: 'set null' }),
    bump_title: text('bump_title'),
    bump_pitch: text('bump_pitch'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('page_offers_page_uq').on(t.page_id),
    index('page_offers_workspace_idx').on(t.workspace_id),
    index('page_offers_price_idx').on(t.price_id),
  ],
);
