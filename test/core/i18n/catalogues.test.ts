import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCatalogueFile } from '../../../scripts/i18n/inline-text.js';

const ROOT = join(import.meta.dirname, '../../..');

function catalogueFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...catalogueFiles(path));
    else if (/\.tsx?$/.test(name) && isCatalogueFile(readFileSync(path, 'utf8'))) out.push(path);
  }
  return out;
}

// The shape of a message: a plain string, or a function of so many parameters; nested groups by key.
function shape(value: unknown, at: string, out: Map<string, string>): void {
  if (typeof value === 'string') out.set(at, value.length === 0 ? 'empty string' : 'string');
  else if (typeof value === 'function') out.set(at, `function/${value.length}`);
  else if (Array.isArray(value)) value.forEach((v, i) => shape(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) shape(v, at ? `${at}.${k}` : k, out);
  else out.set(at, typeof value);
}

describe('message catalogues', () => {
  it('every catalogue has the same keys, of the same kind, in English and Japanese', async () => {
    const files = catalogueFiles(join(ROOT, 'src'));
    const catalogues: { where: string; c: { en: object; ja: object } }[] = [];
    for (const file of files) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        const messages = (value as { messages?: { en: object; ja: object } } | null)?.messages;
        if (typeof value === 'function' && messages) catalogues.push({ where: `${relative(ROOT, file)} ${name}`, c: messages });
      }
    }
    // every catalogue file exports at least one catalogue
    expect(new Set(catalogues.map((x) => x.where.split(' ')[0])).size).toBe(files.length);
    const problems: string[] = [];
    catalogues.forEach(({ where, c }) => {
      const en = new Map<string, string>();
      const ja = new Map<string, string>();
      shape(c.en, '', en);
      shape(c.ja, '', ja);
      for (const [key, kind] of en) {
        if (!ja.has(key)) problems.push(`${where}: '${key}' has no Japanese`);
        else if (ja.get(key) !== kind) problems.push(`${where}: '${key}' is ${kind} in English, ${ja.get(key)} in Japanese`);
        if (kind === 'empty string') problems.push(`${where}: '${key}' is empty in English`);
      }
      for (const [key, kind] of ja) {
        if (!en.has(key)) problems.push(`${where}: '${key}' has no English`);
        if (kind === 'empty string') problems.push(`${where}: '${key}' is empty in Japanese`);
      }
    });
    expect(problems).toEqual([]);
  });
});
