import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

// Static imports only: `await import(...)` is how the walk is loaded lazily, and is not followed.
function staticImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)) out.push(m[1] ?? m[2]);
  return out;
}

function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop()!;
    if (files.has(f)) continue;
    files.add(f);
    for (const spec of staticImports(f)) {
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const base = path.resolve(path.dirname(f), spec).replace(/\.js$/, '');
      const found = ['.ts', '.tsx'].map((x) => base + x).find((p) => fs.existsSync(p));
      if (found) todo.push(found);
    }
  }
  return { files, packages };
}

// `spoolrescue ls` must start fast on a dying server: React and Ink load only for the guided walk.
describe('the ls code path stays lean', () => {
  it('reaches no React, Ink or UI module through static imports', () => {
    for (const entry of ['cli.ts', 'commands/ls.ts']) {
      const { files, packages } = reach(path.join(src, entry));
      expect([...packages].filter((p) => /^(react|ink)(\/|-|$)/.test(p))).toEqual([]);
      expect([...files].filter((f) => f.includes(`${path.sep}ui${path.sep}`))).toEqual([]);
    }
    const ls = reach(path.join(src, 'commands/ls.ts'));
    expect(ls.files.has(path.join(src, 'io/listing/scan.ts'))).toBe(true);
  });
});
