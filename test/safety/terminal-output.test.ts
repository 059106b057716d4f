import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { terminalFrame, terminalLine, terminalSafeJson, terminalText } from '../../src/core/text/terminal-text.js';
import { describeWith } from '../helpers/capabilities.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Names, paths, link targets and mail text are written by strangers. Whatever a step prints, no
// raw control byte may reach the terminal: only \n and \t (and, on stderr, nothing else).

// A raw byte that acts on a terminal: C0 controls but \n and \t, DEL, C1 controls.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const HOSTILE = ['\u001b]0;owned\u0007', 'cr\rover', 'bell\u0007', 'nl\nfake: done', 'csi\u009b2J', 'rtl\u202eexe.txt'];

describe('the terminal sink', () => {
  it('escapes every control and invisible code point, keeps line ends, tabs and text', () => {
    for (const h of HOSTILE) expect(terminalText(`a ${h} b`)).not.toMatch(RAW_CONTROL);
    expect(terminalText('a\tb\nc')).toBe('a\tb\nc');
    expect(terminalText('\u001b[2Jx\r')).toBe('\\033[2Jx\\r');
    expect(terminalLine('one\ntwo')).toBe('one\\ntwo');
    expect(terminalText('日本語 ok')).toBe('日本語 ok');
  });
  it('keeps JSON values exact while making its text terminal-safe', () => {
    const value = { name: 'a\u009b\u202eb\u001b', n: 1 };
    const safe = terminalSafeJson(JSON.stringify(value));
    expect(safe).not.toMatch(/[\u0080-\u009f\u202e]/);
    expect(JSON.parse(safe)).toEqual(value);
  });
  it('lets a TUI frame keep its colours but not a name\'s cursor moves', () => {
    expect(terminalFrame('\u001b[1mbold\u001b[22m name\u001b[2J\u0007')).toBe('\u001b[1mbold\u001b[22m name\u001b[2J'.replace('\u001b[2J', '\\033[2J') + '\\a');
  });
});

describeWith(['root'], 'hostile names reach the terminal escaped', () => {
  const tmp = makeTempDir('termout');
  afterAll(tmp.cleanup);
  const inc = path.join(tmp.dir, 'incident.md');
  const check = (r: { status: number | null; stdout: string; stderr: string }, what: string) => {
    expect(r.stdout, `${what} stdout`).not.toMatch(RAW_CONTROL);
    expect(r.stderr, `${what} stderr`).not.toMatch(RAW_CONTROL);
  };

  it('capture: queue file names in "oldest/newest", exact in JSON (nameBase64), stat of the real file', () => {
    const q = path.join(tmp.dir, 'maildrop');
    fs.mkdirSync(q);
    const names = [Buffer.from('ESC\u001b]0;pwned\u0007'), Buffer.from('CR\rX'), Buffer.concat([Buffer.from('bad'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')])];
    names.forEach((n, i) => {
      const p = Buffer.concat([Buffer.from(q + '/'), n]);
      fs.writeFileSync(p, `T record ${i}`);
      const t = new Date(Date.UTC(2026, 0, 1 + i));
      fs.utimesSync(p, t, t);
    });
    const r = runCli(['capture', q, '--incident', inc, '--messages', '3']);
    expect(r.status, r.stderr).toBe(0);
    check(r, 'capture queue');
    expect(r.stdout).toMatch(/oldest: \S+ ESC\\033\]0;pwned\\a/);
    const j = runCli(['capture', q, '--incident', inc, '--messages', '3', '--json']);
    expect(j.status, j.stderr).toBe(0);
    const files = [...j.json().queue.oldest, ...j.json().queue.newest];
    const bad = files.find((f: { nameBase64?: string }) => f.nameBase64)!;
    expect(Buffer.from(bad.nameBase64, 'base64')).toEqual(names[2]);
    // the real file was opened: its size and mode, not an error
    expect(bad.sizeBytes).toBe('T record 2'.length);
    expect(files.some((f: { error?: string }) => /cannot open/.test(f.error ?? ''))).toBe(false);
  });

  it('capture: a From line without a date, and a mailbox name with control bytes', () => {
    const spool = Buffer.concat([Buffer.from(tmp.dir + '/'), Buffer.from('mbox\u001b[2J')]);
    fs.writeFileSync(spool, 'From \u001b]2;title\u0007\u001b[31mred\r\nSubject: x\n\nbody\n\n');
    const r = runCli(['capture', spool.toString(), '--incident', inc]);
    expect(r.status, r.stderr).toBe(0);
    check(r, 'capture mbox');
    expect(r.stdout).toContain('\\033]2;title');
  });

  it('symlink targets and missing paths in errors (capture, truncate, hotspots, ls, purge)', () => {
    const evil = `${tmp.dir}/target\u001b[2J\u0007\r`;
    const link = path.join(tmp.dir, 'link');
    fs.symlinkSync(evil, link);
    const runs = {
      capture: runCli(['capture', link, '--incident', inc]),
      truncate: runCli(['truncate', link, '--no-evidence', '--yes']),
      hotspots: runCli(['hotspots', link]),
      ls: runCli(['ls', link]),
      purge: runCli(['purge', link, '--yes']),
      missing: runCli(['capture', `${tmp.dir}/gone\u001b[1;1H\rspoolrescue: all fine`, '--incident', inc]),
      truncateMissing: runCli(['truncate', `${tmp.dir}/gone\u001b]0;x\u0007`, '--no-evidence', '--yes']),
    };
    for (const [what, r] of Object.entries(runs)) {
      expect(r.status, what).not.toBe(0);
      check(r, what);
    }
    expect(runs.capture.stderr).toContain('\\033[2J');
    expect(runs.hotspots.stderr).toContain('\\033[2J');
  });
});
