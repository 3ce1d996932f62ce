import { desc, eq } from 'drizzle-orm';
import type { TInteractionCreateBody } from '../../../contracts/crm.js';
import type { TAuth } from '../../../platform/auth/access.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { leadInteractions } from './leads.tables.js';
import { recordLeadEventAndRescore } from './lead-events.service.js';
import { getLead } from './leads.service.js';

/** Logs an interaction on a lead (and an `interaction_added` event for its timeline and scoring). */
export async function addInteraction(tenant: Tenant, actor: TAuth, leadId: string, input: TInteractionCreateBody) {
  await getLead(tenant, leadId);
  return tenant.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(leadInteractions)
      .values({
        workspace_id: tenant.workspaceId,
        lead_id: leadId,
        interaction_type: input.interaction_type,
        subject: input.subject ?? null,
        content: input.content ?? null,
        metadata: input.metadata ?? {},
        author_id: actor.user_id,
        ...(input.occurred_at ? { occurred_at: new Date(input.occurred_at) } : {}),
      })
      .returning();
    await recordLeadEventAndRescore(new Tenant(tx, tenant.workspaceId), {
      leadId,
      type: 'interaction_added',
      data: { interaction_id: row!.id, interaction_type: row!.interaction_type, subject: row!.subject },
      actorUserId: actor.user_id,
      occurredAt: row!.occurred_at,
    });
    return row!;
  });
}

/** A lead's interactions, most recent first (404 for another workspace's lead). */
export async function listInteractions(tenant: Tenant, leadId: string) {
  await getLead(tenant, leadId);
  return tenant.db
    .select()
    .from(leadInteractions)
    .where(tenant.where(leadInteractions, eq(leadInteractions.lead_id, leadId)))
    .orderBy(desc(leadInteractions.occurred_at), desc(leadInteractions.id))
    .limit(500);
}
