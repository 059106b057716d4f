import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE, runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { bytePath, namesHex } from '../helpers/flat-dir.js';
import { describeWith } from '../helpers/capabilities.js';
import { generateServer } from '../../fixtures/generate.js';

const UTC = { TZ: 'UTC' };
const ls = (...args: string[]) => runCli(['ls', ...args], { env: UTC });
const entryLines = (out: string) => out.split('\n').filter((l) => /^[-dlpscb?] /.test(l));
const bytesOf = (e: { name: string; nameBase64?: string }) => (e.nameBase64 ? Buffer.from(e.nameBase64, 'base64') : Buffer.from(e.name));

describe('spoolrescue ls on hostile names', () => {
  const tmp = makeTempDir('ls-hostile');
  afterAll(tmp.cleanup);
  const dir = path.join(tmp.dir, 'maildrop');
  fs.mkdirSync(dir);
  const names = ['new\nline', '\x1b]0;owned\x07\x1b[2J\x1b[31mred', 'tab\there', 'back\\slash', 'rtl\u202eevil.txt', 'N'.repeat(255), 'é'.repeat(127), 'plain-4B2C1D9E0F'];
  for (const n of names) fs.writeFileSync(path.join(dir, n), n);
  const raw = [Buffer.from([0xff, 0xfe, 0x0a, 0x1b]), Buffer.from([0x41, 0xc3]), Buffer.concat([Buffer.alloc(254, 0x42), Buffer.from([0x80])])];
  for (const r of raw) fs.writeFileSync(bytePath(dir, r), r);
  const total = names.length + raw.length;

  it('prints one escaped line per entry within 80 columns, no control byte ever raw', () => {
    const r = ls(dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`${dir}  (directory order, not sorted)`);
    expect(lines[1]).toBe('T  SIZE MODIFIED            NAME');
    expect(entryLines(r.stdout).length).toBe(total);
    expect(r.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f\x80-\x9f]/);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain(' new\\nline\n');
    expect(r.stdout).toContain(' \\033]0;owned\\a\\033[2J\\033[31mred\n');
    expect(r.stdout).toContain(' rtl\\u{202e}evil.txt\n');
    expect(r.stdout).toContain(' \\377\\376\\n\\033\n');
    expect(r.stdout).toContain(' A\\303\n');
    expect(r.stdout).toMatch(/ N+\u2026N+\n/);
    expect(r.stdout).toMatch(/long name\(s\) shortened in the middle to fit; --json has them in full/);
  });

  it('keeps every name exact in JSON (nameBase64 for invalid UTF-8)', () => {
    const r = ls(dir, '--json');
    expect(r.status).toBe(0);
    const doc = r.json();
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'path', 'symlink', 'entries', 'count', 'truncated', 'oldest', 'newest', 'incomplete']);
    expect(doc).toMatchObject({ path: dir, symlink: null, count: null, truncated: false, oldest: [], newest: [], incomplete: null });
    expect(doc.entries.length).toBe(total);
    expect(new Set(doc.entries.map((e: { name: string }) => bytesOf(e).toString('hex')))).toEqual(namesHex(dir));
    for (const e of doc.entries) {
      expect(e.sizeBytes).toBe(bytesOf(e).length);
      expect(e.type).toBe('file');
      expect(e.mtime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    expect(doc.entries.filter((e: { nameBase64?: string }) => e.nameBase64).length).toBe(raw.length);
  });

  it('is pure ASCII with --ascii (serial consoles)', () => {
    const r = ls(dir, '--ascii');
    expect(r.status).toBe(0);
    expect(Buffer.from(r.stdout)).toSatisfy((b: Buffer) => b.every((x) => x === 0x0a || (x >= 0x20 && x < 0x7f)));
    expect(r.stdout).toContain(' \\303\\251\\303\\251');
    expect(r.stdout).toContain('...');
  });
});

describe('spoolrescue ls limits, counts and ages', () => {
  const tmp = makeTempDir('ls-limits');
  afterAll(tmp.cleanup);
  const dir = path.join(tmp.dir, 'deferred');
  fs.mkdirSync(dir);
  const base = Date.UTC(2025, 2, 1) / 1000;
  for (let i = 0; i < 2000; i++) {
    const p = path.join(dir, `D${i}`);
    fs.writeFileSync(p, '');
    const t = base + ((i * 7919) % 2000) * 60;
    fs.utimesSync(p, t, t);
  }
  const byAge = fs
    .readdirSync(dir)
    .map((n) => [n, fs.statSync(path.join(dir, n)).mtimeMs] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([n]) => n);

  it('shows the first 50 by default and says more follow', () => {
    const r = ls(dir);
    expect(entryLines(r.stdout).length).toBe(50);
    expect(r.stdout).toContain('more entries follow; the first 50 are shown (--limit N, --count)\n');
    const j = ls(dir, '--json').json();
    expect(j.entries.length).toBe(50);
    expect(j.truncated).toBe(true);
  });

  it('shows everything with a big enough --limit, and nothing with --limit 0', () => {
    const all = ls(dir, '--json', '--limit', '100000').json();
    expect(all.entries.length).toBe(2000);
    expect(all.truncated).toBe(false);
    const none = ls(dir, '--json', '--limit', '0').json();
    expect(none.entries).toEqual([]);
    expect(none.truncated).toBe(true);
  });

  it('counts exactly, printing only the summary unless --limit is given', () => {
    const r = ls(dir, '--count');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${dir}\n2,000 entries\n`);
    expect(r.stderr).toBe('');
    const j = ls(dir, '--count', '--limit', '3', '--json').json();
    expect(j).toMatchObject({ count: 2000, truncated: true });
    expect(j.entries.length).toBe(3);
  });

  it('finds the K oldest and K newest by mtime', () => {
    const j = ls(dir, '--oldest', '3', '--newest', '2', '--json').json();
    expect(j.oldest.map((e: { name: string }) => e.name)).toEqual(byAge.slice(0, 3));
    expect(j.newest.map((e: { name: string }) => e.name)).toEqual(byAge.slice(-2).reverse());
    expect(j.oldest[0].mtime).toBe(new Date(base * 1000).toISOString());
    expect(j.count).toBeNull();
    const h = ls(dir, '--oldest', '1', '--newest', '1');
    expect(h.stdout).toBe(
      [
        dir,
        'oldest 1 by modification time:',
        'T  SIZE MODIFIED            NAME',
        `-     0 2025-03-01 00:00:00 ${byAge[0]}`,
        'newest 1 by modification time:',
        'T  SIZE MODIFIED            NAME',
        `-     0 2025-03-02 09:19:00 ${byAge.at(-1)}`,
        '',
      ].join('\n'),
    );
  });

  it('rejects nonsense limits as usage errors', () => {
    expect(ls(dir, '--oldest', '0').status).toBe(2);
    expect(ls(dir, '--limit', '-1').status).toBe(2);
    expect(ls().status).toBe(2);
  });

  it('stops quietly when the reader goes away (| head)', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BUNDLE}" ls "${dir}" --limit 100000 | head -n 2; echo "rc=\${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    expect(r.stdout.split('\n').length).toBe(3);
    expect(r.stderr).toBe('rc=0\n');
  });
});

describe('spoolrescue ls on what is not a plain directory', () => {
  const tmp = makeTempDir('ls-kinds');
  afterAll(tmp.cleanup);
  const dir = path.join(tmp.dir, 'spool');
  fs.mkdirSync(path.join(dir, 'mail'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'mail', 'root'), 'From x\n');
  fs.symlinkSync('spool/mail', path.join(tmp.dir, 'mail-link'));
  fs.symlinkSync(path.join(tmp.dir, 'nowhere'), path.join(tmp.dir, 'dangling'));

  it('refuses a file (exit 2) and says what it is', () => {
    const file = path.join(dir, 'mail', 'root');
    const r = ls(file);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(`spoolrescue ls: ${file} is a regular file of 7 bytes, not a directory`);
    const j = ls(file, '--json');
    expect(j.json().error).toMatchObject({ exitCode: 2, message: `spoolrescue ls: ${file} is a regular file of 7 bytes, not a directory` });
  });

  it('does not follow a symlink to a directory unless --follow, and says where it points', () => {
    const link = path.join(tmp.dir, 'mail-link');
    const r = ls(link);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `spoolrescue ls: ${link} is a symbolic link to spool/mail (${path.join(dir, 'mail')}), a directory; not followed\n` +
        `Look inside the target with spoolrescue ls ${path.join(dir, 'mail')}   (or add --follow)\n`,
    );
    const f = ls(link, '--follow', '--json').json();
    expect(f).toMatchObject({ path: path.join(dir, 'mail'), symlink: { path: link, target: 'spool/mail' } });
    expect(f.entries.map((e: { name: string }) => e.name)).toEqual(['root']);
    const slash = ls(link + '/');
    expect(slash.status).toBe(3);
    expect(slash.stderr.split('\n')[0]).toContain(`${link} is a symbolic link to spool/mail`);
    const h = ls(link, '--follow');
    expect(h.stdout.split('\n')[1]).toBe(`(followed the symbolic link ${link} -> spool/mail)`);
  });

  it('says when a symlink dangles, and when nothing is there', () => {
    const r = ls(path.join(tmp.dir, 'dangling'));
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('missing: the link is dangling; not followed');
    const m = ls(path.join(tmp.dir, 'nothing-here'), '--json');
    expect(m.status).toBe(1);
    expect(m.json()).toEqual({ schemaVersion: 1, error: { message: `spoolrescue ls: ${path.join(tmp.dir, 'nothing-here')}: no such file or directory`, exitCode: 1, hint: null } });
    expect(m.stderr).not.toMatch(/at .*\.js/);
  });
});

describe('spoolrescue ls under --root', () => {
  const tmp = makeTempDir('ls-root');
  afterAll(tmp.cleanup);
  const m = generateServer(tmp.dir, { maildrop: 300, bounce: 5, deferred: 5, mboxMessages: 3, maillogLines: 5 });

  it('maps system paths under the root and shows them as system paths', () => {
    const j = runCli(['--root', tmp.dir, 'ls', '/var/spool/postfix/maildrop', '--count', '--oldest', '1', '--newest', '1', '--json'], { env: UTC }).json();
    expect(j.path).toBe('/var/spool/postfix/maildrop');
    expect(j.count).toBe(300);
    expect(j.oldest[0].name).toBe(m.queue.maildrop.oldest!.name);
    expect(j.newest[0].name).toBe(m.queue.maildrop.newest!.name);
  });

  it('resolves a symlink inside the root, not on the host', () => {
    const r = runCli(['--root', tmp.dir, 'ls', '/var/mail'], { env: UTC });
    expect(r.status).toBe(3);
    expect(r.stderr.split('\n')[0]).toBe('spoolrescue ls: /var/mail is a symbolic link to spool/mail (/var/spool/mail), a directory; not followed');
    const f = runCli(['--root', tmp.dir, 'ls', '/var/mail', '--follow', '--json'], { env: UTC }).json();
    expect(f.path).toBe('/var/spool/mail');
    expect(f.entries.map((e: { name: string }) => e.name)).toEqual(['root']);
  });

  it('refuses the symlink and a file in Japanese under a Japanese locale; --json keeps its shape', () => {
    const ja = { ...UTC, LANG: 'ja_JP.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    const r = runCli(['--root', tmp.dir, 'ls', '/var/mail'], { env: ja });
    expect(r.status).toBe(3);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'spoolrescue ls: /var/mail は spool/mail（/var/spool/mail） へのシンボリックリンクで、リンク先はディレクトリです。たどりません',
      `リンク先の中身を見るには spoolrescue ls /var/spool/mail --root ${tmp.dir}   （または --follow を付けてください）`,
    ]);
    const file = runCli(['--root', tmp.dir, 'ls', '/var/spool/mail/root'], { env: ja });
    expect(file.status).toBe(2);
    expect(file.stderr.split('\n')[0]).toMatch(/^spoolrescue ls: \/var\/spool\/mail\/root は通常のファイル（\d+ バイト）で、ディレクトリではありません$/);
    const missing = runCli(['--root', tmp.dir, 'ls', '/var/nothing', '--json'], { env: ja });
    expect(missing.status).toBe(1);
    expect(missing.json().error).toMatchObject({ exitCode: 1, message: 'spoolrescue ls: /var/nothing: そのようなファイルやディレクトリはありません' });
  });
});

describeWith(['root'], 'spoolrescue ls on directories it may not read', () => {
  const tmp = makeTempDir('ls-perm');
  fs.chmodSync(tmp.dir, 0o755);
  afterAll(tmp.cleanup);
  const secret = path.join(tmp.dir, 'secret');
  fs.mkdirSync(secret, { mode: 0o700 });
  fs.writeFileSync(path.join(secret, 'x'), '');
  const listOnly = path.join(tmp.dir, 'list-only');
  fs.mkdirSync(listOnly);
  for (const n of ['a', 'b']) fs.writeFileSync(path.join(listOnly, n), '');
  fs.chmodSync(listOnly, 0o744);
  const asNobody = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BUNDLE, 'ls', ...args], { encoding: 'utf8', uid: 65534, gid: 65534, env: { PATH: process.env.PATH, TZ: 'UTC' } });
    return r;
  };

  it('says plainly that an unreadable directory cannot be read, and what to do', () => {
    const r = asNobody(secret);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`spoolrescue ls: cannot read ${secret}: permission denied\nRun as root (or as the owner of the directory) to look inside it.\n`);
    const j = asNobody(secret, '--count', '--json');
    expect(JSON.parse(j.stdout).error.message).toBe(`spoolrescue ls: cannot read ${secret}: permission denied`);
  });

  it('lists names it can read and marks entries it cannot lstat (errors are entries)', () => {
    const r = asNobody(listOnly, '--json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.entries.map((e: { name: string }) => e.name).sort()).toEqual(['a', 'b']);
    for (const e of doc.entries) expect(e).toMatchObject({ sizeBytes: null, mtime: null, error: 'permission denied' });
    const h = asNobody(listOnly);
    expect(entryLines(h.stdout).every((l) => l.endsWith('  [permission denied]'))).toBe(true);
  });
});
