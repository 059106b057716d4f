import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateServer, type ServerManifest } from '../../fixtures/generate.js';
import { describeWith } from '../helpers/capabilities.js';
import { BUNDLE } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';

// The walk in a real terminal (tmux, 80x24) on a generated mail server with --root: every screen
// that works in this build, then the files it wrote. The same journey on a serial console
// (TERM=vt100) must write nothing but ASCII and no colour.

const MAILDROP = 1500;

interface Journey {
  session: TmuxSession;
  incident: string;
}

async function journey(server: ServerManifest, work: string, env: Record<string, string>, sessions: TmuxSession[]): Promise<Journey> {
  const incident = path.join(work, 'evidence', 'incident.md');
  fs.mkdirSync(path.dirname(incident), { recursive: true });
  const session = startTmux({ argv: [process.execPath, BUNDLE, '--root', server.root], env: { ...env, LANG: 'C.UTF-8' }, workDir: path.join(work, 'tmux') });
  sessions.push(session);
  const s = session;
  // 1. Disks: the table with its header, the step line on step 1.
  const first = await s.waitFor('Which filesystem is full?');
  expect(first.includes('(serial mode)')).toBe(env.TERM === 'vt100');
  await s.waitFor(/\[1 Disks\]/);
  await s.waitFor(/MOUNT +TYPE +SIZE +USE%/);
  // 2. Hotspots: without the scanner, the known mail paths from the fixture's main.cf.
  s.key('Enter');
  await s.waitFor('Hotspot scan: not in this build yet');
  const hot = await s.waitFor('Postfix maildrop');
  expect(hot).toMatch(/\[2 Hotspots\]/);
  expect(hot).toContain('/var/spool/postfix/maildrop');
  expect(hot).toContain("root's mailbox");
  // 3. Look inside maildrop: first page at once, a count, then the oldest and newest files.
  s.key('i');
  const inside = await s.waitFor(/Entries 1-\d+ in directory order/);
  const names = new Set(fs.readdirSync(path.join(server.root, 'var/spool/postfix/maildrop')));
  const shown = [...inside.matchAll(/^. f +\S+ \S+ +\S+ \S+ +(\S+)$/gm)].map((m) => m[1]);
  expect(shown.length).toBeGreaterThan(5);
  for (const n of shown) expect(names.has(n)).toBe(true);
  s.key('n');
  await s.waitFor(/Entries \d+-\d+ in directory order/);
  s.key('c');
  await s.waitFor(`${MAILDROP.toLocaleString('en-US')} entries in all`);
  s.key('o');
  const on = await s.waitFor('Newest');
  expect(on).toContain(server.queue.maildrop.oldest!.name);
  expect(on).toContain(server.queue.maildrop.newest!.name);
  // 4. Evidence: a destination, then our own incident file path, then the disks snapshot.
  s.key('Tab');
  let ev = await s.waitFor(/Where should the incident file go\?|No writable filesystem/);
  if (ev.includes('No writable filesystem')) {
    s.key('A');
    ev = await s.waitFor('Where should the incident file go?');
  }
  await s.press('Enter', 'What now?');
  await s.press('j');
  await s.press('j');
  await s.press('Enter', 'Incident file: /');
  await s.waitFor('Enter to accept, Esc to cancel.');
  for (let i = 0; i < 120; i++) s.key('BSpace');
  s.type(incident);
  s.key('Enter');
  await s.waitFor(`Incident file: ${incident}`);
  await s.press('k');
  await s.press('k');
  await s.press('Enter', 'Capturing messages: not in this build yet.');
  await s.press('j');
  const snap = await s.press('Enter', /sha256 [0-9a-f]{64}/);
  expect(snap).toContain('Disks seen by the walk');
  // 5. Purge says plainly that it cannot run here; 6. the summary is written to the file.
  s.key('Tab');
  await s.waitFor('Purge: not in this build yet. Nothing will be changed.');
  s.key('Tab');
  await s.waitFor('So that it does not happen again:');
  await s.waitFor('Summary appended to');
  s.key('q');
  expect(await s.waitExit()).toBe(0);
  expect(session.raw().toString('latin1')).toContain(`spoolrescue: incident file ${incident}\r\n`);
  return { session, incident };
}

function checkIncident(file: string): void {
  const text = fs.readFileSync(file, 'utf8');
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  const sections = text.split(/^## /m).slice(1);
  expect(sections.map((s) => s.split('\n')[0])).toEqual(['Disks seen by the walk', 'Summary of the walk']);
  for (const s of sections) {
    const sha = /sha256 of the body below: ([0-9a-f]{64})\n\n/.exec(s);
    expect(sha).not.toBeNull();
    const body = s.slice(sha!.index + sha![0].length);
    expect(createHash('sha256').update(body).digest('hex')).toBe(sha![1]);
  }
  expect(text).toMatch(/\| mount \| type \| size \|/);
  expect(text).toContain('So that it does not happen again:');
}

describeWith(['tmux'], 'the guided walk in a real terminal (tmux 80x24, --root on a generated server)', () => {
  const tmp = makeTempDir('tui-journey');
  let server: ServerManifest;
  const sessions: TmuxSession[] = [];
  beforeAll(() => {
    server = generateServer(path.join(tmp.dir, 'srv'), { maildrop: MAILDROP, bounce: 20, deferred: 20, mboxMessages: 40, maillogLines: 200 });
  });
  afterAll(() => {
    for (const s of sessions) s.kill();
    tmp.cleanup();
  });

  it('walks Disks, Hotspots (mail paths), Look inside, Evidence, Purge and Summary, and writes the incident file', async () => {
    const j = await journey(server, path.join(tmp.dir, 'colour'), { TERM: 'xterm-256color' }, sessions);
    checkIncident(j.incident);
    expect(fs.readdirSync(path.join(server.root, 'var/spool/postfix/maildrop'))).toHaveLength(MAILDROP);
    const raw = j.session.raw().toString('latin1');
    expect(raw).toContain('\u001b[?1049h');
    expect(raw.endsWith('\u001b[?25h\u001b[?1049l') || raw.includes('\u001b[?25h\u001b[?1049l')).toBe(true);
  });

  it('on a serial console (TERM=vt100) writes only ASCII, no colour, and the same walk works', async () => {
    const j = await journey(server, path.join(tmp.dir, 'serial'), { TERM: 'vt100' }, sessions);
    checkIncident(j.incident);
    const raw = j.session.raw();
    const high = raw.findIndex((b) => b > 0x7e || (b < 0x20 && b !== 0x1b && b !== 0x0d && b !== 0x0a));
    expect(high, `byte ${raw[high]} at ${high}: ${JSON.stringify(raw.subarray(Math.max(0, high - 40), high + 10).toString('latin1'))}`).toBe(-1);
    expect(raw.toString('latin1')).not.toMatch(/\u001b\[[0-9;]*m/);
    expect(raw.toString('latin1')).not.toContain('\u001b[?1049h');
  });

  it('--serial alone (any TERM) is serial too: ASCII only, no colour', async () => {
    const work = path.join(tmp.dir, 'serial-flag');
    const s = startTmux({ argv: [process.execPath, BUNDLE, '--root', server.root, '--serial'], env: { TERM: 'xterm-256color', LANG: 'C.UTF-8' }, workDir: work });
    sessions.push(s);
    await s.waitFor('Which filesystem is full?');
    await s.waitFor('(serial mode)');
    s.key('?');
    await s.waitFor('Anywhere');
    s.key('Escape');
    await s.waitFor('Which filesystem is full?');
    s.key('q');
    expect(await s.waitExit()).toBe(0);
    const raw = s.raw();
    expect(raw.every((b) => b <= 0x7e)).toBe(true);
    expect(raw.toString('latin1')).not.toMatch(/\u001b\[[0-9;]*m/);
  });
});
