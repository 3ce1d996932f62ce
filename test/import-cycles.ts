import fs from 'node:fs';
import path from 'node:path';

/**
 * Import cycles between the files under `root` (static `import`/`export … from` of relative paths;
 * `import type` is counted too: a type cycle is a design cycle even if TypeScript erases it).
 * Tarjan's strongly connected components; each cycle is listed as its files.
 */
export function findImportCycles(root: string): string[][] {
  const files: string[] = [];
  (function walk(dir: string) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) files.push(full);
    }
  })(root);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const deps: string[] = [];
    for (const match of text.matchAll(/^(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?'(\.[^']+)'/gm)) {
      const target = path.join(path.dirname(file), match[1]!).replace(/\.js$/, '.ts');
      if (known.has(target)) deps.push(target);
      else if (known.has(`${target}x`)) deps.push(`${target}x`);
    }
    graph.set(file, deps);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(path.relative(root, w));
    } while (w !== v);
    if (component.length > 1 || graph.get(v)!.includes(v)) cycles.push(component);
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return cycles;
}
