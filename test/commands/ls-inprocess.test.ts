import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { createLsCommand } from '../../src/commands/ls.js';
import { openListing } from '../../src/io/listing/listing.js';
import { scanDirectory } from '../../src/io/listing/scan.js';
import { resolveListingTarget } from '../../src/io/listing/target.js';
import { memoryIo } from '../helpers/memory-io.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { fillWithLinks } from '../helpers/flat-dir.js';

// The real outside world, except that the count deletes the directory when it has just begun.
const deletingDuringCount = {
  resolveTarget: resolveListingTarget,
  openListing,
  scanDirectory: (dir: string, o: Parameters<typeof scanDirectory>[1] = {}) => {
    let done = false;
    return scanDirectory(dir, {
      ...o,
      onProgress: (n) => {
        o.onProgress?.(n);
        if (!done) {
          done = true;
          fs.rmSync(dir, { recursive: true });
        }
      },
    });
  },
};

describe('spoolrescue ls in-process', () => {
  const tmp = makeTempDir('ls-inproc');
  afterAll(tmp.cleanup);
  const fill = (name: string, n: number) => {
    const dir = path.join(tmp.dir, name);
    fillWithLinks(dir, n);
    return dir;
  };

  it('says the directory was deleted during a count and reports what was counted (exit 1)', async () => {
    const dir = fill('deleted-human', 9000);
    const m = memoryIo();
    const code = await runCli(['ls', dir, '--count'], { io: m.io, commands: [createLsCommand(deletingDuringCount)] });
    expect(code).toBe(1);
    const counted = /^([\d,]+) entries counted before the scan stopped$/m.exec(m.stdout());
    expect(counted).not.toBeNull();
    const n = Number(counted![1].replace(/,/g, ''));
    expect(n).toBeGreaterThanOrEqual(4096);
    expect(n).toBeLessThan(9000);
    expect(m.stderr()).toBe(`spoolrescue ls: the directory was deleted while it was being read (after ${n} entries)\n`);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('says in Japanese that the directory was deleted during a count, with no English', async () => {
    const dir = fill('gone-ja', 9000);
    const m = memoryIo();
    const code = await runCli(['--lang', 'ja', 'ls', dir, '--count', '--limit', '3'], { io: m.io, commands: [createLsCommand(deletingDuringCount)] });
    expect(code).toBe(1);
    expect(m.stderr()).toMatch(/^spoolrescue ls: 読み取り中にディレクトリが削除されました（[\d,]+ エントリの後）\n$/);
    expect(m.stdout() + m.stderr()).not.toMatch(/deleted|while|entries/);
  });

  it('keeps --json one document when the directory goes away part-way', async () => {
    const dir = fill('deleted-json', 9000);
    const m = memoryIo();
    const code = await runCli(['ls', dir, '--count', '--oldest', '2', '--limit', '2', '--json'], { io: m.io, commands: [createLsCommand(deletingDuringCount)] });
    expect(code).toBe(1);
    const doc = JSON.parse(m.stdout());
    expect(doc.entries.length).toBe(2);
    expect(doc.count).toBeGreaterThanOrEqual(1024);
    expect(doc.count).toBeLessThan(9000);
    expect(doc.incomplete).toBe(`the directory was deleted while it was being read (after ${doc.count} entries)`);
    expect(doc.oldest.length).toBe(2);
  });

  it('shows live progress on a terminal and erases it, and never on a pipe', async () => {
    const dir = fill('progress', 5000);
    const tty = memoryIo({ tty: true });
    expect(await runCli(['ls', dir, '--count'], { io: tty.io })).toBe(0);
    const err = tty.stderr();
    expect(err).toMatch(new RegExp(`^\\rcounting ${dir}: [\\d,]+ entries`));
    expect(err.endsWith('\r')).toBe(true);
    expect(err).not.toMatch(/\n/);
    expect(tty.stdout()).toContain('5,000 entries\n');
    const pipe = memoryIo();
    expect(await runCli(['ls', dir, '--count', '--oldest', '1'], { io: pipe.io })).toBe(0);
    expect(pipe.stderr()).toBe('');
  });

  it('stops on Ctrl-C (the abort signal) and says after how many entries', async () => {
    const dir = fill('abort', 5000);
    const ac = new AbortController();
    const m = memoryIo();
    const stopping = {
      ...deletingDuringCount,
      scanDirectory: (d: string, o: Parameters<typeof scanDirectory>[1] = {}) =>
        scanDirectory(d, { ...o, onProgress: (n) => (n >= 1024 ? ac.abort(new Error('interrupted by Ctrl-C')) : undefined) }),
    };
    const code = await runCli(['ls', dir, '--oldest', '3', '--json'], { io: m.io, signal: ac.signal, commands: [createLsCommand(stopping)] });
    expect(code).toBe(1);
    expect(JSON.parse(m.stdout()).incomplete).toBe('stopped after 1024 entries: interrupted by Ctrl-C');
    expect(fs.existsSync(dir)).toBe(true);
  });

  it('ends the listing itself cleanly when aborted before the first page', async () => {
    const dir = fill('abort-list', 100);
    const m = memoryIo();
    const code = await runCli(['ls', dir, '--json'], { io: m.io, signal: AbortSignal.abort(new Error('terminated')) });
    expect(code).toBe(1);
    expect(JSON.parse(m.stdout())).toMatchObject({ entries: [], truncated: false, incomplete: 'stopped after 0 entries: terminated' });
    expect(m.stderr()).toBe('spoolrescue ls: stopped after 0 entries: terminated\n');
  });

  it('uses the width of a wide terminal', async () => {
    const dir = path.join(tmp.dir, 'wide');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'W'.repeat(100)), '');
    const m = memoryIo({ tty: true });
    (m.io.stdout as { columns?: number }).columns = 160;
    await runCli(['ls', dir], { io: m.io });
    expect(m.stdout()).toContain(' ' + 'W'.repeat(100) + '\n');
    const narrow = memoryIo();
    await runCli(['ls', dir], { io: narrow.io });
    expect(narrow.stdout()).not.toContain('W'.repeat(100));
  });
});
