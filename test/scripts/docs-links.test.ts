import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The README and docs/ point at each other, at files of the tree and at npm scripts: every one
// of those must exist, so a moved file or a renamed script shows up here, not in a reader's 404.
const top = path.resolve(__dirname, '../..');
const pages = ['README.md', ...fs.readdirSync(path.join(top, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const scripts = Object.keys(JSON.parse(fs.readFileSync(path.join(top, 'package.json'), 'utf8')).scripts);

describe('README and docs/', () => {
  it('link only to files that exist', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const text = fs.readFileSync(path.join(top, page), 'utf8');
      for (const m of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(m[1])) continue;
        if (!fs.existsSync(path.join(top, path.dirname(page), m[1]))) broken.push(`${page}: ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
    expect(pages).toContain('docs/ARCHITECTURE.md');
  });

  it('the README names only npm scripts that package.json has (a newcomer runs them as written)', () => {
    const readme = fs.readFileSync(path.join(top, 'README.md'), 'utf8');
    const named = [...readme.matchAll(/npm run ([a-z][\w:-]*)/g)].map((m) => m[1]);
    expect(named).toContain('demo');
    expect(named.filter((s) => !scripts.includes(s))).toEqual([]);
  });

  it('keep the README short enough for a newcomer (12 KB), with the quick start first', () => {
    const readme = fs.readFileSync(path.join(top, 'README.md'), 'utf8');
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(12 * 1024);
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings[0]).toBe('Quick start');
    expect(headings).toContain('Install');
    expect(readme).toContain('npm install && npm run demo');
    expect(readme).toContain('\nnpm test ');
  });
});
