import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
// @ts-expect-error: a plain-JS ESLint rule of ours, without type declarations
import tenantScope from '../eslint-rules/tenant-scope.js';

// The lint rule that catches a query on a tenant table without a workspace scope (eslint-rules/tenant-scope.js).
// `leads` and `leadEvents` are real tenant tables: the rule finds them by reading src/**/*.tables.ts.

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser as never } });

tester.run('tenant-scope', tenantScope, {
  valid: [
    'db.select().from(leads).where(tenant.where(leads, eq(leads.id, id)))',
    'tenant.db.update(leads).set({ score: 1 }).where(tenant.byId(leads, id))',
    'db.delete(leadEvents).where(and(eq(leadEvents.workspace_id, workspaceId), eq(leadEvents.lead_id, id)))',
    'db.select().from(leads).where(scoped).orderBy(leads.id)',
    // Tenant's own helpers scope themselves.
    'tenant.update(leads, id, values, "Lead")',
    // Not a tenant table.
    'db.select().from(users).where(eq(users.id, id))',
  ],
  invalid: [
    { code: 'db.select().from(leads).where(eq(leads.id, req.params.id))', errors: [{ messageId: 'unscoped' }] },
    { code: 'db.select().from(leadEvents)', errors: [{ messageId: 'unscoped' }] },
    { code: 'tx.update(leads).set({ status: "won" }).where(eq(leads.id, id))', errors: [{ messageId: 'unscoped' }] },
    { code: 'db.delete(leads).where(inArray(leads.id, ids)).returning()', errors: [{ messageId: 'unscoped' }] },
  ],
});
