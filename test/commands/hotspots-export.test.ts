import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { bindMount } from '../helpers/bind-mount.js';
import { describeWith, itWith } from '../helpers/capabilities.js';
import { duTotals } from '../helpers/du.js';
import { mountTmpfs } from '../helpers/mounts.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startTmux } from '../helpers/tmux.js';

type Info = { name: string; asize?: number; dsize?: number; ino?: number; hlnkc?: boolean; excluded?: string; notreg?: boolean; read_error?: boolean };
type Node = Info | [Info, ...Node[]];

// Disk usage and items of an ncdu export the way ncdu adds them up: hard links once, the root
// directory's own item not counted in "Items".
function ncduTotals(doc: [number, number, object, Node]): { dsize: number; items: number; names: string[] } {
  const seen = new Set<number>();
  const names: string[] = [];
  let dsize = 0;
  let items = 0;
  const walk = (n: Node, depth: number) => {
    const info = Array.isArray(n) ? n[0] : n;
    names.push(info.name);
    if (depth > 0) items++;
    if (info.excluded) return;
    if (info.hlnkc && info.ino !== undefined) {
      if (seen.has(info.ino)) return;
      seen.add(info.ino);
    }
    dsize += info.dsize ?? 0;
    if (Array.isArray(n)) for (const c of n.slice(1)) walk(c as Node, depth + 1);
  };
  walk(doc[3], 0);
  return { dsize, items, names };
}

// ncdu 1.18's own way of printing a size on its status line ("  1.0 GiB", "512.0 KiB").
function ncduSize(bytes: number): string {
  const units: [number, string, number][] = [[1000, 'B', 1], [1023e3, 'KiB', 1024], [1023e6, 'MiB', 1024 ** 2], [Infinity, 'GiB', 1024 ** 3]];
  const [, unit, div] = units.find(([limit]) => bytes < limit)!;
  return `${(bytes / div).toFixed(1)} ${unit}`;
}

describeWith(['root', 'mount', 'tmux', 'ncdu'], 'hotspots --export: ncdu 1.18 reads what it writes', () => {
  const tmp = makeTempDir('hotspots-export', '/var/tmp');
  const tree = path.join(tmp.dir, 'tree');
  const out = mountTmpfs(path.join(tmp.dir, 'out'), { size: '64m' });
  const other = mountTmpfs(path.join(tree, 'mnt-other'), { size: '1m' });
  fs.mkdirSync(path.join(tree, 'q/maildrop'), { recursive: true });
  for (let i = 0; i < 3000; i++) fs.writeFileSync(path.join(tree, 'q/maildrop', (0xa1b2c3d4 + i).toString(16).toUpperCase()), 'x'.repeat(i % 700));
  for (let d = 0; d < 60; d++) {
    const dir = path.join(tree, 'deep', ...Array.from({ length: (d % 12) + 1 }, (_, k) => `l${k}`), `d${d}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'mail'), Buffer.alloc(5000 + d, 1));
  }
  fs.writeFileSync(path.join(tree, 'mbox'), Buffer.alloc(3 << 20, 1));
  fs.linkSync(path.join(tree, 'mbox'), path.join(tree, 'q/mbox-hardlink'));
  fs.symlinkSync('mbox', path.join(tree, 'link'));
  fs.writeFileSync(path.join(tree, 'a "quoted" \\ name\nwith newline'), 'x');
  fs.writeFileSync(Buffer.concat([Buffer.from(tree + '/latin1-'), Buffer.from([0xe9, 0xff])]), 'y');
  fs.writeFileSync(path.join(tree, 'j\u00fcrgen'), 'z');
  fs.writeFileSync(path.join(other.dir, 'elsewhere'), Buffer.alloc(100_000, 1));
  fs.mkdirSync(path.join(tree, 'bind'));
  // du -x enters a bind mount of the same filesystem (same st_dev) and counts q/ twice; the scan
  // never enters a mount point. So du is asked before the bind mount, without bind/ itself.
  const before = duTotals(tree);
  const du = { bytes: before.bytes - fs.statSync(path.join(tree, 'bind')).blocks * 512, inodes: before.inodes - 1 };
  const bind = bindMount(path.join(tree, 'q'), path.join(tree, 'bind'));
  afterAll(() => {
    bind.unmount();
    other.unmount();
    out.unmount();
    tmp.cleanup();
  });

  it('writes an export whose totals ncdu re-reads as du -sx counts them, names byte for byte', () => {
    const file = path.join(out.dir, 'scan.json');
    const r = runCli(['hotspots', tree, '--json', '--export', file]);
    expect(r.status).toBe(0);
    expect(r.json().export).toMatchObject({ path: file, format: 'ncdu-json', sizeBytes: fs.statSync(file).size });
    expect([r.json().totalBytes, r.json().totalEntries]).toEqual([du.bytes, du.inodes]);
    expect(r.stderr).toContain(`export written to ${file}`);
    // ncdu reads it and writes it back: the same tree.
    const again = path.join(out.dir, 'again.json');
    execFileSync('ncdu', ['-f', file, '-o', again]);
    for (const f of [file, again]) {
      const doc = JSON.parse(fs.readFileSync(f, 'latin1'));
      const t = ncduTotals(doc);
      expect(t.dsize).toBe(du.bytes);
      // ncdu's items: not the root, but the two mount points (excluded) and both names of the
      // hard-linked mbox; du --inodes: the root, each inode once.
      expect(t.items + 1 - 2 - 1).toBe(du.inodes);
      expect(t.names).toContain('a "quoted" \\ name\nwith newline');
      expect(t.names).toContain(Buffer.from('latin1-\u00e9\u00ff', 'latin1').toString('latin1'));
      expect(t.names).toContain(Buffer.from('j\u00fcrgen').toString('latin1'));
    }
    const exported = fs.readFileSync(file, 'latin1');
    expect(exported).toContain('{"name":"mnt-other","excluded":"otherfs"}');
    expect(exported).toContain('{"name":"bind","excluded":"otherfs"}');
    expect(exported).toMatch(/\{"name":"link","asize":4(,"dsize":\d+)?,"notreg":true\}/);
    expect(exported).toMatch(/\{"name":"mbox-hardlink","asize":3145728,"dsize":3145728,"ino":\d+,"hlnkc":true,"nlink":2\}/);
  });

  it('is shown by ncdu -f in a real terminal with the right totals', async () => {
    const file = path.join(out.dir, 'tmux.json');
    expect(runCli(['hotspots', tree, '--export', file]).status).toBe(0);
    const t = ncduTotals(JSON.parse(fs.readFileSync(file, 'latin1')));
    const term = startTmux({ argv: ['ncdu', '-f', file], columns: 100, rows: 20, workDir: path.join(tmp.dir, 'tmux') });
    try {
      const screen = await term.waitFor(/Total disk usage:/, 20_000);
      expect(screen).toMatch(new RegExp(`Total disk usage: +${ncduSize(du.bytes).replace('.', '\\.')} +Apparent size: .* Items: ${t.items}`));
      expect(screen).toContain('/q');
    } finally {
      term.kill();
    }
  });

  it('compresses FILE.gz, which zcat | ncdu -f- reads', () => {
    const file = path.join(out.dir, 'scan.json.gz');
    expect(runCli(['hotspots', tree, '--export', file]).status).toBe(0);
    const bytes = fs.readFileSync(file);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const r = spawnSync('sh', ['-c', `zcat '${file}' | ncdu -f- -o-`], { encoding: 'latin1', maxBuffer: 64 << 20 });
    expect(r.status).toBe(0);
    expect(ncduTotals(JSON.parse(r.stdout)).dsize).toBe(du.bytes);
  });

  it('refuses an export on the filesystem being scanned (exit 3, nothing written) unless --force-export', () => {
    const file = path.join(tmp.dir, 'same-fs.json');
    const r = runCli(['hotspots', tree, '--export', file]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('refusing to write the export');
    expect(r.stderr).toContain('on the filesystem being scanned');
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(tmp.dir).filter((n) => n.startsWith('same-fs'))).toEqual([]);
    const forced = runCli(['hotspots', tree, '--export', file, '--force-export']);
    expect(forced.status).toBe(0);
    expect(forced.stderr).toContain('--force-export: writing');
    expect(ncduTotals(JSON.parse(fs.readFileSync(file, 'latin1'))).dsize).toBe(du.bytes);
  });

  it('says what is wrong with a missing directory or a FILE that is not a regular file', () => {
    const missing = runCli(['hotspots', tree, '--export', path.join(out.dir, 'nope/x.json')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('the directory of the export file does not exist');
    fs.mkdirSync(path.join(out.dir, 'adir'));
    const dir = runCli(['hotspots', tree, '--export', path.join(out.dir, 'adir')]);
    expect(dir.status).toBe(1);
    expect(dir.stderr).toContain('is not a regular file');
  });
});

itWith(['root'], 'an export leaves no spill or part file behind', () => {
  const tmp = makeTempDir('export-clean', '/dev/shm');
  // a small tree of its own on another filesystem than the export (not the host's /var/tmp, whose size varies)
  const tree = makeTempDir('export-clean-tree', '/var/tmp');
  try {
    for (let i = 0; i < 50; i++) fs.writeFileSync(path.join(tree.dir, `f${i}`), 'x'.repeat(i));
    const file = path.join(tmp.dir, 'x.json');
    expect(runCli(['hotspots', tree.dir, '--export', file, '--top', '1']).status).toBe(0);
    expect(fs.readdirSync(tmp.dir)).toEqual(['x.json']);
  } finally {
    tmp.cleanup();
    tree.cleanup();
  }
});
