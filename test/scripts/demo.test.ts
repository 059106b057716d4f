import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { floodInodes, leaveInodes, mountDemoDisk } from '../../scripts/demo/full-disk.js';
import { describeWith } from '../helpers/capabilities.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';

// `npm run demo` shows the incident: as root the fixture server sits on a really full filesystem
// that the walk opens on, and that filesystem is gone again after the walk, also after Ctrl-C.
const top = path.resolve(__dirname, '../..');
const demo = path.join(top, 'scripts', 'demo.ts');
const tmp = makeTempDir('demo');
afterAll(tmp.cleanup);

// Demo directories left in a TMPDIR (tsx keeps its own cache there too).
const demoDirs = (tmpdir: string) => fs.readdirSync(tmpdir).filter((n) => n.startsWith('spoolrescue-demo-'));
const mountedAt = (dir: string) => fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n').some((l) => l.split(' ')[4] === dir);

describe('npm run demo', () => {
  it('--help explains and builds nothing', () => {
    const tmpdir = fs.mkdtempSync(path.join(tmp.dir, 'help-'));
    const r = spawnSync(process.execPath, ['--import', 'tsx', demo, '--help'], { cwd: top, encoding: 'utf8', env: { ...process.env, TMPDIR: tmpdir } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: npm run demo -- [--host-disk] [--keep] [walk options]');
    expect(r.stderr).toBe('');
    expect(demoDirs(tmpdir)).toEqual([]);
  });

  it('on the host\'s disk it says plainly that the disks shown are the host\'s, and removes its tree', () => {
    const tmpdir = fs.mkdtempSync(path.join(tmp.dir, 'host-'));
    // no terminal: the walk refuses (exit 2) once the server is built
    const r = spawnSync(process.execPath, ['--import', 'tsx', demo, '--host-disk'], { cwd: top, encoding: 'utf8', input: '', env: { ...process.env, TMPDIR: tmpdir }, timeout: 300_000 });
    expect(r.stderr).toMatch(/on the host's disk, which is NOT full: the disks the walk shows are the host's\./);
    expect(r.stderr).toContain('the guided walk needs an interactive terminal');
    expect(r.status).toBe(2);
    expect(demoDirs(tmpdir)).toEqual([]);
  }, 300_000);
});

describeWith(['root', 'mount'], 'the demo\'s full filesystem', () => {
  it('is a tmpfs with no inode left once flooded, and gone after unmount', () => {
    const dir = path.join(tmp.dir, 'disk');
    const disk = mountDemoDisk(dir, { size: '8m', inodes: 5000 });
    try {
      expect(mountedAt(dir)).toBe(true);
      fs.mkdirSync(path.join(dir, 'maildrop'));
      for (let i = 0; i < 100; i++) fs.writeFileSync(path.join(dir, 'maildrop', `queued-${i}`), 'x');
      const inodes = leaveInodes(dir, 40);
      expect(fs.statfsSync(dir).files).toBe(inodes);
      expect(floodInodes(path.join(dir, 'maildrop'))).toBe(40);
      expect(fs.readdirSync(path.join(dir, 'maildrop')).filter((n) => n.startsWith('queued-'))).toHaveLength(100);
      expect(fs.statfsSync(dir).ffree).toBe(0);
      expect(() => fs.writeFileSync(path.join(dir, 'one-more'), '')).toThrow(/ENOSPC/);
    } finally {
      disk.unmount();
    }
    expect(mountedAt(dir)).toBe(false);
  });
});

describeWith(['root', 'mount', 'tmux'], 'npm run demo as root (tmux)', () => {
  let s: TmuxSession | undefined;
  let root = '';
  afterAll(() => {
    s?.kill();
    // a failed check must not leave the demo's tmpfs mounted under the test directory
    if (root && mountedAt(root)) spawnSync('umount', ['-l', root]);
  });

  it('opens the walk with the cursor on the full demo filesystem, flagged; Ctrl-C unmounts it', async () => {
    const tmpdir = fs.mkdtempSync(path.join(tmp.dir, 'root-'));
    s = startTmux({
      argv: [process.execPath, '--import', 'tsx', demo],
      cwd: top,
      env: { TERM: 'xterm-256color', TMPDIR: tmpdir, PATH: process.env.PATH ?? '/usr/bin:/bin' },
      columns: 160,
      rows: 30,
      workDir: path.join(tmp.dir, 'tmux'),
    });
    const screen = await s.waitFor('Which filesystem is full?', 240_000);
    const [demoDir] = demoDirs(tmpdir);
    root = path.join(tmpdir, demoDir, 'root');
    expect(mountedAt(root)).toBe(true);
    expect(fs.statfsSync(root).ffree).toBe(0);
    // the cursor row (the mount point is shortened in its middle to fit the column)
    const selected = screen.split('\n').find((l) => /^[>❯] /.test(l));
    if (!selected) throw new Error(`no selected row on the screen:\n${screen}`);
    expect(selected).toMatch(/-demo-\w+\/root +tmpfs .* 100% ! inodes$/);
    expect(screen).toContain(`${root} on spoolrescue-demo (tmpfs)`);
    expect(screen).toContain('Needs attention: inodes 100% used');
    // every other row of the table is the host's, and says so
    const table = screen.split('\n');
    const first = table.findIndex((l) => /^ {2}MOUNT /.test(l)) + 1;
    const others = table.slice(first, table.indexOf('', first)).filter((l) => l.startsWith('  '));
    for (const row of others) expect(row, screen).toMatch(/ host( !|$)/);
    s.key('C-c');
    await s.waitExit(60_000);
    expect(mountedAt(root)).toBe(false);
    expect(demoDirs(tmpdir)).toEqual([]);
  }, 400_000);
});
