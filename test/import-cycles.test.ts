import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImportCycles } from './import-cycles.js';

// ESM evaluates a cycle's files in an order that depends on who is imported first, so a value read at load
// time can be undefined; modules stay acyclic file by file (ARCHITECTURE.md, "Module boundaries").
describe('import cycles', () => {
  it('src/modules has none', () => {
    expect(findImportCycles(path.resolve('src/modules'))).toEqual([]);
  });

  it('finds a cycle through several files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycles-'));
    fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b.js';\nexport const a = b;\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), "import type { C } from './sub/c.js';\nexport const b: C = 1;\n");
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'c.ts'), "export type C = number;\nexport { a } from '../a.js';\n");
    fs.writeFileSync(path.join(dir, 'd.ts'), "import { a } from './a.js';\nexport const d = a;\n");
    expect(findImportCycles(dir).map((c) => c.sort())).toEqual([['a.ts', 'b.ts', path.join('sub', 'c.ts')]]);
  });
});
