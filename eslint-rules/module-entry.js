import path from 'node:path';

// "Other modules import only index.ts (or tables.ts)": a file under src/modules/<a>/ may import a file of
// src/modules/<b>/ (b ≠ a) only through b's index.ts (its public surface) or tables.ts (the Drizzle tables
// other modules may read in SQL). Generic over module names, so a new module is covered without config.
const ENTRIES = new Set(['index', 'tables']);

function moduleOf(file) {
  const parts = path.resolve(file).split(path.sep);
  const at = parts.lastIndexOf('modules');
  if (at < 1 || parts[at - 1] !== 'src' || at + 2 >= parts.length) return null;
  return { name: parts[at + 1], rest: parts.slice(at + 2) };
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Another module is imported only through its index.ts or tables.ts' },
    messages: { entry: "'{{source}}' reaches inside module '{{module}}': import '../{{module}}/index.js' (or tables.js) instead" },
    schema: [],
  },
  create(context) {
    const from = moduleOf(context.filename);
    if (!from) return {};
    function check(node) {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = moduleOf(path.resolve(path.dirname(context.filename), source));
      if (!to || to.name === from.name) return;
      const file = to.rest.join('/').replace(/\.(js|ts)$/, '');
      if (!ENTRIES.has(file)) context.report({ node: node.source, messageId: 'entry', data: { source, module: to.name } });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
