import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inlineText, renderBlocks } from '../../scripts/cli-doc/render.js';
import { spliceBlocks } from '../../scripts/cli-doc/splice.js';
import { GLOBAL_FLAGS } from '../../src/cli/global-flags.js';
import { loadCommands } from '../../src/commands/index.js';
import { ExitCode } from '../../src/core/exit-codes.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const COMMANDS = await loadCommands();

// docs/cli.md cannot drift from the CLI: its generated parts must equal what the command table
// that `--help` prints renders to, and the generator must notice every kind of drift.
const top = path.resolve(__dirname, '../..');
const script = path.join(top, 'scripts', 'cli-doc.ts');
const doc = path.join(top, 'docs', 'cli.md');
const tmp = makeTempDir('cli-doc');
afterAll(tmp.cleanup);

const generate = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: top, encoding: 'utf8' });
const copyOfDoc = (name: string, edit: (text: string) => string) => {
  const file = path.join(tmp.dir, name);
  fs.writeFileSync(file, edit(fs.readFileSync(doc, 'utf8')));
  return file;
};

describe('docs/cli.md', () => {
  it('is up to date with the command table (run npm run docs:cli when this fails)', () => {
    const r = generate('--check');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('docs/cli.md is up to date');
    expect(r.status).toBe(0);
  });

  it('has a section for every command, naming each of its options, and every global option', () => {
    const text = fs.readFileSync(doc, 'utf8');
    for (const c of COMMANDS) {
      expect(text).toContain(`\n## ${c.name}\n`);
      const section = text.slice(text.indexOf(`<!-- BEGIN generated: command ${c.name} -->`), text.indexOf(`<!-- END generated: command ${c.name} -->`));
      for (const f of c.flags) expect(section).toContain(`\`--${f.name}`);
      for (const p of c.positionals) expect(section).toContain(`\`${p.name}\``);
    }
    for (const f of GLOBAL_FLAGS) expect(text).toContain(`\`--${f.name}`);
    for (const code of Object.values(ExitCode)) expect(text).toContain(`| \`${code}\` |`);
  });
});

describe('the docs/cli.md generator', () => {
  it('--check fails on an edited generated part, and writing restores it', () => {
    const file = copyOfDoc('edited.md', (t) => t.replace('| how long statfs of one filesystem may take (default 3000) |', '| some old wording |'));
    const r = generate('--check', '--file', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('is out of date with the CLI\'s command table; run npm run docs:cli');
    expect(fs.readFileSync(file, 'utf8')).toContain('| some old wording |');
    const w = generate('--file', file);
    expect(w.status).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(fs.readFileSync(doc, 'utf8'));
  });

  it('names a command without a section, and writing appends one', () => {
    const file = copyOfDoc('missing.md', (t) => t.replace(/<!-- BEGIN generated: command ls -->[\s\S]*?<!-- END generated: command ls -->\n/, ''));
    const r = generate('--check', '--file', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no section for command ls');
    expect(generate('--file', file).status).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.endsWith(`\n## ls\n\n<!-- BEGIN generated: command ls -->\n${renderBlocks(COMMANDS, GLOBAL_FLAGS, ExitCode).get('command ls')}\n<!-- END generated: command ls -->\n`)).toBe(true);
    expect(generate('--check', '--file', file).status).toBe(0);
  });

  it('refuses to keep a section for a command the CLI no longer has', () => {
    const file = copyOfDoc('stale.md', (t) => `${t}\n## gone\n\n<!-- BEGIN generated: command gone -->\nold\n<!-- END generated: command gone -->\n`);
    const before = fs.readFileSync(file, 'utf8');
    const r = generate('--file', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('sections for what the CLI no longer has: command gone');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('keeps the hand-written text around the blocks as it is', () => {
    const doc = 'intro\n<!-- BEGIN generated: a -->\nold\n<!-- END generated: a -->\nhand-written `{"x": 1}`\n';
    const out = spliceBlocks(doc, new Map([['a', 'new']]));
    expect(out).toEqual({ text: 'intro\n<!-- BEGIN generated: a -->\nnew\n<!-- END generated: a -->\nhand-written `{"x": 1}`\n', missing: [], stale: [] });
  });

  it('escapes what help text holds that Markdown would turn into markup', () => {
    expect(inlineText('sender=<> and user.*, trusted.* | NO_COLOR [x]')).toBe('sender=&lt;&gt; and user.\\*, trusted.\\* \\| NO\\_COLOR \\[x\\]');
  });
});
