import fs from 'node:fs';
import path from 'node:path';

// "A query on a tenant table says whose rows it wants": a Drizzle `.from(t)`, `.update(t)` or `.delete(t)` on a
// table with a workspace_id column must have a `.where(…)` in its chain that scopes it to a workspace
// (`tenant.where(…)`, `tenant.byId(…)`, a `workspace_id` / `workspaceId` condition). A query meant to read every
// workspace (a nightly job, the outbox dispatcher) says so and why with
// `// eslint-disable-next-line local/tenant-scope -- <reason>`. Tenant tables are found by reading the
// `*.tables.ts` files, so a new table is covered without config. Raw `sql` strings are not checked (they are few,
// reviewed, and PostgreSQL's composite foreign keys keep lead rows in their workspace whatever the code does).

// What a scoped condition looks like: built by a Tenant, naming the workspace column, or a variable named `scoped…`.
const SCOPED = /\.where\(|\.byId\(|workspace_?[iI]d|^scoped/;
let cache;

/** Names of the exported Drizzle tables that have a workspace_id column (read once per lint run). */
function tenantTables(root) {
  if (cache) return cache;
  cache = new Set();
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.tables.ts')) {
        const text = fs.readFileSync(file, 'utf8');
        for (const match of text.matchAll(/export const (\w+) = pgTable\(\s*'\w+',\s*\{([\s\S]*?)\n {2}\}/g)) {
          if (/\n\s+workspace_id:/.test(match[2])) cache.add(match[1]);
        }
      }
    }
  };
  walk(path.join(root, 'src'));
  return cache;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Queries on tenant tables are scoped to a workspace' },
    messages: {
      unscoped:
        "Query on the tenant table '{{table}}' without a workspace scope: add tenant.where(…) / tenant.byId(…), or say why it reads every workspace (eslint-disable-next-line local/tenant-scope -- reason)",
    },
    schema: [],
  },
  create(context) {
    const tables = tenantTables(context.cwd);
    const source = context.sourceCode;
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        if (!['from', 'update', 'delete'].includes(callee.property.name)) return;
        // Drizzle's builders take the table alone; Tenant's own helpers (tenant.update(table, id, …)) scope themselves.
        const [table] = node.arguments;
        if (node.arguments.length !== 1 || table.type !== 'Identifier' || !tables.has(table.name)) return;
        // Up the chain: db.select().from(t).innerJoin(…).where(…).orderBy(…)
        let scoped = false;
        let current = node;
        while (current.parent?.type === 'MemberExpression' && current.parent.object === current && current.parent.parent?.type === 'CallExpression') {
          const call = current.parent.parent;
          const name = current.parent.property.type === 'Identifier' ? current.parent.property.name : '';
          if (name === 'where' && call.arguments.some((arg) => SCOPED.test(source.getText(arg)))) scoped = true;
          current = call;
        }
        if (!scoped) context.report({ node: table, messageId: 'unscoped', data: { table: table.name } });
      },
    };
  },
};
