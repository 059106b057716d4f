import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateServer } from '../../fixtures/generate.js';
import { describeWith } from '../helpers/capabilities.js';
import { createPostfixInstance, type PostfixInstance } from '../helpers/postfix-instance.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { vocabularyBreaches } from './vocabulary.js';

// Every command's --json (and every --list line) on a synthetic mail server under --root, checked
// against the one vocabulary of docs/json.md by the mechanical rules of ./vocabulary.ts.
describe('the JSON of every command speaks one vocabulary', () => {
  const tmp = makeTempDir('json-vocabulary');
  afterAll(tmp.cleanup);
  const root = path.join(tmp.dir, 'srv');
  generateServer(root, { mboxMessages: 30, maildrop: 40, bounce: 12, deferred: 20, maillogLines: 3000 });
  const roots = [root, fs.realpathSync(root)];
  const incident = path.join(tmp.dir, 'incident.md');
  const cli = (...args: string[]) => runCli(['--root', root, ...args]);

  // The one document a command printed, after checking it ran and speaks the vocabulary.
  function vocabulary(r: CliRun, what: string): any {
    expect(r.status, `${what}: ${r.stderr}`).toBe(0);
    const doc = r.json();
    expect(vocabularyBreaches(doc, ...roots), what).toEqual([]);
    return doc;
  }

  it('df: schemaVersion, byte counts in *Bytes, whole milliseconds, free inodes', () => {
    const j = vocabulary(cli('df', '--json'), 'df');
    expect(j.schemaVersion).toBe(1);
    expect(j.filesystems.every((f: any) => f.inodesFree === null || Number.isInteger(f.inodesFree))).toBe(true);
  });

  it('hotspots: paths as the rescued system sees them, the host path beside them', () => {
    const j = vocabulary(cli('hotspots', '--json', '--top', '5'), 'hotspots');
    expect(j).toMatchObject({ path: '/', hostPath: fs.realpathSync(root) });
    const maildrop = j.byEntries.find((r: any) => r.path === '/var/spool/postfix/maildrop');
    expect(maildrop).toMatchObject({ hostPath: path.join(fs.realpathSync(root), 'var/spool/postfix/maildrop'), entries: 40 });
    expect(maildrop.allocatedBytes).toBeGreaterThan(0);
    expect(j.largestFiles.find((f: any) => f.path === '/var/spool/mail/root').sizeBytes).toBe(fs.statSync(path.join(root, 'var/spool/mail/root')).size);
  });

  it('ls: the listing as one document, entries with sizeBytes and UTC times', () => {
    const j = vocabulary(cli('ls', '/var/spool/postfix/maildrop', '--limit', '3', '--oldest', '2', '--count', '--json'), 'ls');
    expect(j).toMatchObject({ path: '/var/spool/postfix/maildrop', hostPath: path.join(root, 'var/spool/postfix/maildrop'), count: 40 });
    expect(j.entries[0].sizeBytes).toBeGreaterThan(0);
  });

  it('capture of an mbox, a queue directory and a log: one pair path/hostPath, times in UTC', () => {
    for (const source of ['/var/spool/mail/root', '/var/spool/postfix/deferred', '/var/log/maillog']) {
      const j = vocabulary(cli('capture', source, '--incident', incident, '--messages', '2', '--json'), `capture ${source}`);
      expect(j).toMatchObject({ path: source, hostPath: path.join(root, source), stat: { path: source }, incident: { file: incident, ok: true } });
      expect(j.incident.writtenBytes).toBeGreaterThan(0);
    }
  });

  it('queue: the table and a --list line per message (Postfix names kept), each line versioned', () => {
    vocabulary(cli('queue', '--json'), 'queue');
    vocabulary(cli('queue', 'deferred', '--match', 'sender=*', '--delete', '--dry-run', '--json'), 'queue --delete --dry-run');
    const r = cli('queue', '--list');
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(40 + 20); // maildrop and deferred (bounce holds delivery logs, not messages)
    for (const line of lines) expect(vocabularyBreaches(line, ...roots)).toEqual([]);
    expect(lines[0]).toHaveProperty('queue_id');
    expect(lines[0]).toHaveProperty('arrival_time');
  });

  it('maillog: the first look and the full pass', () => {
    vocabulary(cli('maillog', '--first-look', '--json'), 'maillog --first-look');
    const j = vocabulary(cli('maillog', '--json'), 'maillog');
    expect(j.pass.files[0].readBytes).toBe(fs.statSync(path.join(root, 'var/log/maillog')).size);
  });

  it('prevent: the findings', () => {
    vocabulary(cli('prevent', '--json'), 'prevent');
  });

  it('purge --dry-run and a real purge: the same path/hostPath pair, durations from the purge start', () => {
    const dry = vocabulary(cli('purge', '/var/spool/postfix/bounce', '--dry-run', '--json'), 'purge --dry-run');
    expect(dry.plan).toMatchObject({ path: '/var/spool/postfix/bounce', hostPath: path.join(root, 'var/spool/postfix/bounce'), count: { entries: 12 } });
    const j = vocabulary(cli('purge', '/var/spool/postfix/bounce', '--yes', '--json'), 'purge');
    expect(j.result.entriesRemoved).toBe(12);
    expect(j.result.freedBytes).toBeGreaterThan(0);
    if (j.result.dirBackInPlaceAfterMs !== null) expect(j.result.dirBackInPlaceAfterMs).toBeLessThanOrEqual(j.result.durationMs);
  });

  it('truncate after a capture: sizes before and after in *Bytes', () => {
    const spool = '/var/spool/mail/root';
    const size = fs.statSync(path.join(root, spool)).size;
    const j = vocabulary(cli('truncate', spool, '--incident', incident, '--yes', '--json'), 'truncate');
    expect(j).toMatchObject({ path: spool, hostPath: path.join(root, spool), sizeBeforeBytes: size, sizeAfterBytes: 0 });
  });

  it('an error is a versioned document too', () => {
    const r = cli('ls', '/nowhere', '--json');
    expect(r.status).toBe(1);
    expect(vocabularyBreaches(r.json(), ...roots)).toEqual([]);
  });
});

// Exit 3 for every symlink operand (refused for safety), and --follow where only reading follows.
describe('a symlink operand is refused with exit 3 by every command; the read-only ones follow it on request', () => {
  const tmp = makeTempDir('json-symlinks');
  afterAll(tmp.cleanup);
  const root = path.join(tmp.dir, 'srv');
  generateServer(root, { mboxMessages: 10, maildrop: 5, bounce: 2, deferred: 3, maillogLines: 100 });
  const incident = path.join(tmp.dir, 'incident.md');
  const link = (name: string, to: string) => fs.symlinkSync(to, path.join(root, name));
  link('var/spool/postfix/maildrop-link', 'maildrop');
  link('var/spool/mail/root-link', 'root');
  link('var/log/maillog-link', 'maillog');
  const cli = (...args: string[]) => runCli(['--root', root, ...args, '--json']);

  it.each([
    ['hotspots', ['hotspots', '/var/spool/postfix/maildrop-link']],
    ['ls', ['ls', '/var/spool/postfix/maildrop-link']],
    ['capture', ['capture', '/var/spool/mail/root-link', '--incident', incident]],
    ['purge', ['purge', '/var/spool/postfix/maildrop-link', '--dry-run']],
    ['truncate', ['truncate', '/var/spool/mail/root-link', '--no-evidence', '--yes']],
    ['maillog', ['maillog', '/var/log/maillog-link']],
  ])('%s: exit 3, nothing done', (_, args) => {
    const r = cli(...args);
    expect(r.status, r.stderr).toBe(3);
    expect(r.json()).toMatchObject({ schemaVersion: 1 });
    expect(fs.readdirSync(path.join(root, 'var/spool/postfix/maildrop'))).toHaveLength(5);
  });

  it('hotspots, ls and capture follow it with --follow, inside the root', () => {
    const h = cli('hotspots', '/var/spool/postfix/maildrop-link', '--follow');
    expect(h.status, h.stderr).toBe(0);
    expect(h.json()).toMatchObject({ path: '/var/spool/postfix/maildrop', totalEntries: 6 });
    const l = cli('ls', '/var/spool/postfix/maildrop-link', '--follow', '--count');
    expect(l.status, l.stderr).toBe(0);
    expect(l.json()).toMatchObject({ path: '/var/spool/postfix/maildrop', count: 5 });
    const c = cli('capture', '/var/spool/mail/root-link', '--follow', '--incident', incident);
    expect(c.status, c.stderr).toBe(0);
    expect(c.json()).toMatchObject({ path: '/var/spool/mail/root', kind: 'mbox' });
  });

  it('purge and truncate have no --follow (a usage error, exit 2)', () => {
    expect(cli('purge', '/var/spool/postfix/maildrop-link', '--follow').status).toBe(2);
    expect(cli('truncate', '/var/spool/mail/root-link', '--follow').status).toBe(2);
  });
});

// The queue of a real Postfix (a private instance, stopped, mail dropped by its own sendmail):
// the --list lines and capture of its maildrop in the same vocabulary.
describeWith(['root', 'postfix'], 'the JSON on a real Postfix queue', () => {
  const tmp = makeTempDir('json-postfix');
  let pf: PostfixInstance;
  afterAll(() => {
    pf?.dispose();
    tmp.cleanup();
  });

  it('queue --list, queue --json and capture of maildrop', () => {
    fs.chmodSync(tmp.dir, 0o755);
    pf = createPostfixInstance(path.join(tmp.dir, 'pf'));
    for (let i = 0; i < 3; i++) expect(pf.sendmail(`user${i}@example.test`, `stuck ${i}`, 'body', `sender${i}@rescue.example.test`).status).toBe(0);
    const list = runCli(['--postfix-config', pf.configDir, 'queue', '--list']);
    expect(list.status, list.stderr).toBe(0);
    const lines = list.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.queue_name)).toEqual(['maildrop', 'maildrop', 'maildrop']);
    for (const l of lines) expect(vocabularyBreaches(l)).toEqual([]);
    const table = runCli(['--postfix-config', pf.configDir, 'queue', '--json']);
    expect(table.status, table.stderr).toBe(0);
    expect(vocabularyBreaches(table.json())).toEqual([]);
    const c = runCli(['--postfix-config', pf.configDir, 'capture', path.join(pf.queueDir, 'maildrop'), '--incident', path.join(tmp.dir, 'incident.md'), '--json']);
    expect(c.status, c.stderr).toBe(0);
    expect(vocabularyBreaches(c.json())).toEqual([]);
    expect(c.json().queue.oldest[0].envelope.arrival).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});
