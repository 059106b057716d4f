import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { BUNDLE, runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { describeWith } from '../helpers/capabilities.js';
import { mountTmpfs } from '../helpers/mounts.js';
import { bytePath, fillWithLinks } from '../helpers/flat-dir.js';

const MILLION = 1_000_000;
const queueId = (i: number) => (0x10000000 + i * 2654435761 % 0xefffffff).toString(16).toUpperCase();

// A flooded maildrop: a million entries (made in seconds on a tmpfs with enough inodes), plus
// three files whose mtimes stand out, one of them with a name that is not UTF-8.
describeWith(['mount'], 'spoolrescue ls on a directory of 1,000,000 entries', () => {
  const tmp = makeTempDir('ls-million');
  const mnt = mountTmpfs(path.join(tmp.dir, 'm'), { size: '64m', nrInodes: MILLION + 1000 });
  afterAll(() => {
    mnt.unmount();
    tmp.cleanup();
  });
  const dir = path.join(mnt.dir, 'maildrop');
  fillWithLinks(dir, MILLION, queueId);
  const mark = (p: string | Buffer, body: string, when: Date) => {
    fs.writeFileSync(p, body);
    fs.utimesSync(p, when, when);
  };
  const BAD = Buffer.from([0x30, 0xff, 0x0a, 0x1b, 0x5b]);
  mark(path.join(dir, 'OLDEST0000'), 'old', new Date('2019-03-04T05:06:07Z'));
  mark(bytePath(dir, BAD), 'bad!', new Date('2019-03-04T05:06:08Z'));
  mark(path.join(dir, 'NEWEST9999'), 'new!!', new Date('2030-01-01T00:00:00Z'));
  const total = MILLION + 3;

  it('counts every entry exactly, in bounded memory', () => {
    const rssFile = path.join(tmp.dir, 'rss');
    const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, BUNDLE, 'ls', dir, '--count', '--json'], { encoding: 'utf8', maxBuffer: 1 << 20 });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ path: dir, count: total, entries: [], truncated: true, incomplete: null });
    const rssMB = Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024;
    expect(rssMB).toBeLessThan(100);
    // The classic count, with -q: a name holding a newline would count twice with plain ls -U | wc -l.
    const ref = spawnSync('sh', ['-c', 'ls -Uq "$1" | wc -l', 'sh', dir], { encoding: 'utf8' });
    expect(Number(ref.stdout.trim())).toBe(total);
  });

  it('shows the first 50 without reading the rest', () => {
    const r = runCli(['ls', dir], { env: { TZ: 'UTC' } });
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBe(2 + 50 + 1);
    expect(lines.at(-1)).toBe('more entries follow; the first 50 are shown (--limit N, --count)');
  });

  it('finds the oldest and newest among a million by lstat, with exact bytes for a non-UTF-8 name', () => {
    const r = runCli(['ls', dir, '--oldest', '2', '--newest', '1', '--count', '--json'], { timeoutMs: 110_000 });
    expect(r.status).toBe(0);
    const doc = r.json();
    expect(doc.count).toBe(total);
    expect(doc.oldest.map((e: { name: string }) => e.name)).toEqual(['OLDEST0000', '0\uFFFD\n\x1b[']);
    expect(Buffer.from(doc.oldest[1].nameBase64, 'base64')).toEqual(BAD);
    expect(doc.oldest[1]).toMatchObject({ sizeBytes: 4, mtime: '2019-03-04T05:06:08.000Z' });
    expect(doc.newest).toEqual([{ name: 'NEWEST9999', type: 'file', sizeBytes: 5, mtime: '2030-01-01T00:00:00.000Z' }]);
  });

  it('stops on Ctrl-C part-way and says how far it got', async () => {
    const child = spawn(process.execPath, [BUNDLE, 'ls', dir, '--oldest', '1', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Wait until the process holds the directory open (it is reading), then interrupt it.
    const holdsDir = () => {
      try {
        return fs.readdirSync(`/proc/${child.pid}/fd`).some((fd) => fs.readlinkSync(`/proc/${child.pid}/fd/${fd}`) === dir);
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 600 && !holdsDir(); i++) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    expect(await exited).toBe(1);
    const doc = JSON.parse(out);
    expect(doc.incomplete).toMatch(/^stopped after \d+ entries: interrupted by Ctrl-C$/);
    expect(err).toContain('interrupted, stopping cleanly');
    expect(err).not.toMatch(/\n\s+at /);
  });
});
