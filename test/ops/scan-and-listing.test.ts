import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { countDirectory, directoryPages, type PathLabel } from '../../src/ops/listing.js';
import { realListingDeps } from '../../src/ops/real/listing.js';
import { realScanDeps } from '../../src/ops/real/scan.js';
import { planScan, runScan } from '../../src/ops/scan.js';
import { createSystemPaths } from '../../src/core/system-paths.js';
import { memoryIo } from '../helpers/memory-io.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { realPortsFor } from '../ui/real/context.js';

// The scan and listing ops are what `hotspots`/`ls` and the walk's Hotspots/Look inside steps run:
// the same figures come out of the op, the CLI's --json and the walk's port on one real tree.

async function cliJson(args: string[]) {
  const m = memoryIo();
  const code = await runCli([...args, '--json'], { io: m.io });
  return { code, doc: JSON.parse(m.stdout()), stderr: m.stderr() };
}

describe('scan and listing ops behind both front-ends', () => {
  const tmp = makeTempDir('ops-scan');
  afterAll(tmp.cleanup);
  const tree = path.join(tmp.dir, 'tree');
  fs.mkdirSync(path.join(tree, 'spool/maildrop'), { recursive: true });
  fs.mkdirSync(path.join(tree, 'log'), { recursive: true });
  for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(tree, 'spool/maildrop', `M${i}`), 'x'.repeat(100 + i));
  fs.writeFileSync(path.join(tree, 'log/big'), Buffer.alloc(256 * 1024, 1));
  const paths = createSystemPaths(undefined);

  it('ranks the same directories and totals in the op, `hotspots --json` and the walk', async () => {
    const deps = realScanDeps();
    const plan = planScan({ start: tree, paths, top: 5 }, deps);
    if ('refused' in plan) throw new Error(plan.refused.reason);
    const op = await runScan(plan, deps);
    const cli = await cliJson(['hotspots', tree, '--top', '5']);
    expect(cli.code, cli.stderr).toBe(0);
    const walk = await realPortsFor(undefined).hotspots.scan(tree, { signal: new AbortController().signal, top: 5 });
    const dirsByEntries = (r: { byEntries: { path: string }[] }) => r.byEntries.map((d) => d.path);
    expect(dirsByEntries(op.report)[0]).toBe(path.join(tree, 'spool/maildrop'));
    expect(dirsByEntries(cli.doc)).toEqual(dirsByEntries(op.report));
    expect(dirsByEntries(walk.report)).toEqual(dirsByEntries(op.report));
    const totals = (r: { totalBytes: number; totalEntries: number; directories: number }) => [r.totalBytes, r.totalEntries, r.directories];
    expect(op.report.totalEntries).toBe(300 + 1 + 4);
    expect(totals(cli.doc)).toEqual(totals(op.report));
    expect(totals(walk.report)).toEqual(totals(op.report));
  });

  it('refuses an export onto the scanned filesystem as data; the CLI words the same reason, exit 3', async () => {
    const file = path.join(tmp.dir, 'scan.json');
    const plan = planScan({ start: tree, paths, export: { file, force: false } }, realScanDeps());
    if (!('refused' in plan)) throw new Error('an export onto the scanned filesystem was accepted');
    expect(plan.refused.code).toBe('export-destination-refused');
    expect(plan.refused.reason).not.toMatch(/spoolrescue|--/);
    const m = memoryIo();
    const code = await runCli(['hotspots', tree, '--export', file], { io: m.io });
    expect(code).toBe(3);
    expect(m.stderr().split('\n')[0]).toBe(`spoolrescue hotspots: ${plan.refused.reason}`);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('pages and counts a directory the same way for `ls` and Look inside', async () => {
    const dir = path.join(tree, 'spool/maildrop');
    const deps = realListingDeps();
    const label: PathLabel = { shown: dir, where: 'test', root: undefined };
    const pages = directoryPages(dir, label, deps);
    const seen = new Set<string>();
    for (;;) {
      const page = await pages.next(64, new AbortController().signal);
      for (const e of page.entries) seen.add(e.name as string);
      if (page.done) break;
    }
    pages.close();
    expect(seen.size).toBe(300);
    const counted = await countDirectory(dir, label, { oldest: 2, newest: 2 }, deps);
    expect(counted.count).toBe(300);
    const cli = await cliJson(['ls', dir, '--count']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.doc.count).toBe(300);
    const walk = await realPortsFor(undefined).inside.scan(dir, 2, { signal: new AbortController().signal });
    expect(walk.count).toBe(300);
    expect(walk.oldest.map((e) => e.name)).toEqual(counted.oldest.map((e) => e.name));
  });
});
