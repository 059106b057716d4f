import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { generateServer } from '../../fixtures/generate.js';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeMbox } from '../../fixtures/lib/mbox.js';
import { createSystemPaths } from '../../src/core/system-paths.js';
import { plan as planPurge } from '../../src/ops/purge.js';
import { realPurgeDeps } from '../../src/ops/real/purge.js';
import { realTruncateDeps } from '../../src/ops/real/truncate.js';
import { plan as planTruncate, run as runTruncate } from '../../src/ops/truncate.js';
import { describeWith } from '../helpers/capabilities.js';
import { waitFor } from '../helpers/postfix-instance.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { realPortsFor } from '../ui/real/context.js';

// The CLI and the walk run one purge and one truncate (src/ops): what the op decides is what both
// front-ends say, each in its own words: the CLI prefixes its command name and exits 3 (refused)
// or 1 (failed), the walk shows the same reason on the step and never crashes.

describe('purge: one decision, two front-ends', () => {
  const tmp = makeTempDir('ops-purge-fronts', '/var/tmp');
  afterAll(tmp.cleanup);
  const root = path.join(tmp.dir, 'srv');
  generateServer(root, { maildrop: 5, bounce: 1, deferred: 1, mboxMessages: 2, maillogLines: 2 });
  const paths = createSystemPaths(root, '/');
  const request = (dirArg: string) => ({ dirArg, paths, anyDirectory: false, inPlace: false, postsuper: false, countFirst: true });

  it('a forbidden directory: the op refuses as data, the CLI prints that reason (exit 3), the walk shows it', async () => {
    const r = await planPurge(request('/var/spool/postfix/pid'), realPurgeDeps());
    expect('refused' in r && r.refused.code).toBe('forbidden-target');
    const reason = 'refused' in r ? r.refused.reason : '';
    expect(reason).toMatch(/^\/var\/spool\/postfix\/pid is .*; nothing was changed$/);
    expect(reason).not.toMatch(/spoolrescue/);
    const cli = runCli(['purge', '--root', root, '/var/spool/postfix/pid', '--dry-run']);
    expect(cli.status).toBe(3);
    expect(cli.stderr.split('\n')[0]).toBe(`spoolrescue purge: refused: ${reason}`);
    const walk = await realPortsFor(root).purge.plan(path.join(root, 'var/spool/postfix/pid'), { signal: new AbortController().signal });
    expect(walk.refusal?.startsWith(reason)).toBe(true);
  });

  it('a missing directory: the op fails as data, the CLI exits 1 with it, the walk shows it instead of crashing', async () => {
    const r = await planPurge(request('/var/spool/postfix/nothere'), realPurgeDeps());
    expect('failed' in r && r.failed).toEqual({ code: 'missing', reason: '/var/spool/postfix/nothere does not exist' });
    const cli = runCli(['purge', '--root', root, '/var/spool/postfix/nothere', '--dry-run']);
    expect(cli.status).toBe(1);
    expect(cli.stderr.split('\n')[0]).toBe('spoolrescue purge: /var/spool/postfix/nothere does not exist');
    const walk = await realPortsFor(root).purge.plan(path.join(root, 'var/spool/postfix/nothere'), { signal: new AbortController().signal });
    expect(walk).toMatchObject({ refusal: '/var/spool/postfix/nothere does not exist', lines: [] });
  });
});

// Postfix's own postlock holds the spool, as a delivery would; run by its full path.
const postlockBin = ['/usr/sbin/postlock', '/usr/bin/postlock', '/sbin/postlock'].find((p) => fs.existsSync(p)) ?? 'postlock';

describeWith(['root', 'postlock'], 'truncate: a held lock is handled the same way by both front-ends', () => {
  const tmp = makeTempDir('ops-truncate-fronts', '/var/tmp');
  const holders: ReturnType<typeof spawn>[] = [];
  afterEach(() => {
    for (const h of holders.splice(0)) if (h.exitCode === null) h.kill('SIGKILL');
    spawnSync('sleep', ['0.2']);
  });
  afterAll(tmp.cleanup);
  const spool = path.join(tmp.dir, 'root');
  writeMbox({ path: spool, rng: createRng(7), messages: 20, startMs: Date.UTC(2025, 0, 1), endMs: Date.UTC(2026, 0, 1), mode: 0o660, uid: 8, gid: 8 });
  const incident = path.join(tmp.dir, 'incident.md');

  const hold = async () => {
    const marker = `${spool}.holder-${holders.length}`;
    const h = spawn(postlockBin, [spool, '/bin/sh', '-c', `touch '${marker}'; sleep 60`], { stdio: 'ignore' });
    holders.push(h);
    expect(await waitFor(() => fs.existsSync(marker), 10_000)).toBe(true);
  };

  it('the op returns the lock failure as data; the CLI exits 1 with that reason; the walk reports it, nothing changed', async () => {
    expect(runCli(['capture', spool, '--incident', incident]).status).toBe(0);
    const size = fs.statSync(spool).size;
    await hold();
    const req = { hostPath: spool, paths: createSystemPaths(undefined, '/'), incidentFile: incident, noEvidence: false, acceptLoss: false, waitMs: 1000, dotlockOnly: false };
    const planned = await planTruncate(req, realTruncateDeps());
    if (!('file' in planned && 'request' in planned)) throw new Error(`not planned: ${JSON.stringify(planned)}`);
    const op = await runTruncate(planned, realTruncateDeps(), undefined, new AbortController().signal);
    expect('failed' in op && op.failed.code).toBe('lock-failed');
    const reason = 'failed' in op ? op.failed.reason : '';
    expect(reason).toMatch(/nothing was changed/i);
    expect(reason).not.toMatch(/spoolrescue/);

    const cli = runCli(['truncate', spool, '--incident', incident, '--yes', '--wait', '1']);
    expect(cli.status).toBe(1);
    expect(cli.stderr.split('\n')[0]).toMatch(/^spoolrescue truncate: /);
    expect(cli.stderr.split('\n')[0].replace(/^spoolrescue truncate: /, '').replace(/\d+ s/, 'N s')).toBe(reason.replace(/\d+ s/, 'N s'));

    // The walk waits as long as the CLI's default; the operator stops it: a result, not a crash.
    const t = realPortsFor(undefined).truncate;
    const review = await t.plan(spool, incident);
    expect(review.refusal).toBeUndefined();
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 1000);
    const walk = await t.execute(review, { signal: stop.signal, incidentFile: incident });
    expect(walk).toMatchObject({ ok: false, recorded: false });
    expect(walk.message).toMatch(/nothing was changed/i);
    expect(fs.statSync(spool).size).toBe(size);
  }, 60_000);
});
