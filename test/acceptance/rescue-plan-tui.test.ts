import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import { treeChecksums } from '../helpers/flood.js';
import { BUNDLE } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';
import { moveUntil } from '../ui/journey/walk.js';
import { expectEvidence, expectMaildropEmptyAndChecked, expectSerialBytes, expectSummaryAndQuit, floodedPostfix, maildropExtremes, type FloodedPostfix } from './flooded-postfix.js';

// The incident of rescue-tui.test.ts (a real Postfix on a really full ext4 filesystem, tmux 80x24,
// --serial, TERM=vt100), rescued by following the plan the walk proposes on its first screen:
// the culprit is named there before any scan, Enter does each step (the evidence of every
// source in one go, the purge's own review and typed name, Postfix started and a test message
// delivered, the summary). Every key sent is counted: at most 12 besides the typed name.
const MAX_KEYS = 12;

describeWith(['root', 'postfix', 'mount', 'tmux'], 'acceptance: the rescue by the plan (tmux 80x24, --serial), in at most 12 keys', () => {
  const tmp = makeTempDir('accept-plan', '/var/tmp');
  let scene: FloodedPostfix;
  let s: TmuxSession;
  let rest: Map<string, string>;
  let mboxBefore: Buffer;
  let extremes: { oldest: Set<string>; newest: Set<string> };
  let incidentFile = '';
  let keys = 0;
  // The session as the tests drive it: every key pressed is counted (typed text is not).
  let k: TmuxSession;

  beforeAll(async () => {
    scene = await floodedPostfix(tmp.dir);
    rest = treeChecksums(scene.disk.dir, scene.maildrop);
    mboxBefore = fs.readFileSync(scene.mbox);
    extremes = maildropExtremes(scene);
    s = startTmux({
      argv: [process.execPath, BUNDLE, '--serial', '--postfix-config', scene.inst.configDir],
      env: { TERM: 'vt100', LANG: 'C.UTF-8' },
      columns: 80,
      rows: 24,
      workDir: path.join(tmp.dir, 'tmux'),
    });
    k = {
      ...s,
      key: (key) => {
        keys++;
        s.key(key);
      },
      press: (key, until, timeoutMs) => {
        keys++;
        return s.press(key, until, timeoutMs);
      },
    };
  }, 600_000);

  afterAll(() => {
    s?.kill();
    scene?.dispose();
    if (incidentFile && !incidentFile.startsWith(tmp.dir)) fs.rmSync(incidentFile, { force: true });
    tmp.cleanup();
  });

  const flooded = () => scene.flood.submitted + scene.flood.copies;
  // Long lines continue on the next row, indented: read them joined.
  const joined = (screen: string) => screen.replace(/\n {4}(?=\S)/g, ' ');

  it('the first screen names the culprit and offers the plan, before any scan', async () => {
    await s.waitFor('Which filesystem is full?');
    const disks = await moveUntil(k, (sc) => sc.includes(`${scene.disk.dir} on /dev/`), scene.disk.dir);
    expect(disks).toMatch(/^Needs attention: inodes 100% used/m);
    expect(disks).toMatch(/^Likely culprits \(no scan[\s\S]*?maildrop ~[\d,]+ entries/m);
    expect(disks).toMatch(/^P: the rescue plan: evidence, purge maildrop, mail flow, summary$/m);
    expect(disks).not.toContain('Scanned');
  }, 60_000);

  it('P shows the plan: the filesystem, the culprit, where the evidence goes, four steps', async () => {
    const plan = joined(await k.press('P', /Evidence goes to: [\s\S]*Enter: capture/, 30_000));
    expect(plan).toContain(`Rescue plan for ${scene.disk.dir} (inodes 100% used`);
    expect(plan).toMatch(/^Culprit \(no scan yet\): (Postfix )?maildrop queue, ~[\d,]+ entries$/m);
    incidentFile = /^Evidence goes to: (\S+)$/m.exec(plan)![1];
    // The filesystem with room, chosen by the destination rules: never the flooded one.
    expect(incidentFile.startsWith(scene.disk.dir)).toBe(false);
    expect(path.basename(incidentFile)).toMatch(/^spoolrescue-incident-.+\.md$/);
    expect(plan).toMatch(/^> 1 Keep evidence of: root's mailbox, (Postfix )?maildrop queue/m);
    expect(plan).toMatch(new RegExp(`^ {2}2 Purge ${scene.maildrop.replace(/[/.]/g, '\\$&')}: review,`, 'm'));
    expect(plan).toMatch(/^ {2}3 Start Postfix if stopped/m);
    expect(plan).toMatch(/^ {2}4 Summary/m);
  }, 60_000);

  it('Enter captures root\'s mailbox and maildrop into the one incident file', async () => {
    const done = joined(await k.press('Enter', /Enter: review the purge/, 60_000));
    expect(done).toContain(`Evidence in ${incidentFile}:`);
    expect(done).toMatch(new RegExp(`^mbox ${scene.mbox}$`, 'm'));
    expect(done).toMatch(new RegExp(`^queue ${scene.maildrop}$`, 'm'));
    const oldest = /^ {2}oldest: \S+ (\S+)$/m.exec(done)![1];
    const newest = /^ {2}newest: \S+ (\S+)$/m.exec(done)![1];
    expect(extremes.oldest.has(oldest)).toBe(true);
    expect(extremes.newest.has(newest)).toBe(true);
    expect(done).toMatch(/^\* 1 Keep evidence/m);
    expect(fs.statSync(incidentFile).mode & 0o777).toBe(0o600);
    (globalThis as { shown?: string[] }).shown = [oldest, newest];
  }, 120_000);

  it("Enter opens the purge's own review; the typed name purges in place; Enter goes on with the plan", async () => {
    const plan = await k.press('Enter', /Enter or p to purge: you will type 'maildrop' to confirm\./, 60_000);
    expect(plan).toMatch(new RegExp(`^ {2}contents: +${flooded().toLocaleString('en-US')} entries, `, 'm'));
    expect(plan).toMatch(/^ {2}Postfix: +not running/m);
    expect(plan).toMatch(/^ {2}strategy: +in-place$/m);
    await k.press('Enter', 'DANGER');
    s.type('maildrop');
    await s.waitFor(/: maildrop_?$/m);
    const done = joined(await k.press('Enter', /postfix check: [\s\S]*Enter goes on with the plan/, 120_000));
    expect(done).toMatch(new RegExp(`^Purged: \\S+ \\(in-place\\): ${flooded().toLocaleString('en-US')} entries`, 'm'));
    expect(done).toMatch(/^ {2}verified: owner \S+ \(\d+:\d+\), mode 0730, label none: as snapshotted$/m);
    expect(done).toMatch(/^ {2}postfix check: ok, nothing to report$/m);
    const [oldest, newest] = (globalThis as { shown?: string[] }).shown!;
    expectEvidence(scene, incidentFile, 5, oldest, newest);
  }, 180_000);

  it('after the purge: Postfix is started and a test message to the offered address is seen delivered in the mail log; then the summary', async () => {
    const next = await k.press('Enter', 'Enter: start Postfix and send the test message.', 30_000);
    expect(next).toMatch(/^\* 2 Purge/m);
    await k.press('Enter', /Send the test message to .*: root@localhost_?$/m);
    const flow = joined(await k.press('Enter', /delivered to |NOT|not seen/, 90_000));
    expect(flow).toMatch(/^Postfix: started \(postfix -c \S+ start\)$/m);
    const queueId = /^queue ID (\w+)$/m.exec(flow)?.[1];
    expect(queueId, flow).toBeDefined();
    expect(flow).toMatch(new RegExp(`^delivered to root@localhost: .*postfix/local\\[\\d+\\]: ${queueId}: to=<root@localhost>, .*status=sent`, 'm'));
    expect(fs.readFileSync(scene.inst.logFile, 'utf8')).toMatch(new RegExp(`${queueId}: to=<root@localhost>, .*status=sent \\(delivered to mailbox\\)`));
    const summary = await k.press('Enter', 'Summary appended to', 60_000);
    await expectSummaryAndQuit(k, scene, summary, incidentFile);
  }, 180_000);

  it(`took at most ${MAX_KEYS} keys besides the typed name`, () => {
    expect(keys).toBeGreaterThan(0);
    expect(keys).toBeLessThanOrEqual(MAX_KEYS);
  });

  it('wrote only ASCII and no colour to the serial console', () => {
    expectSerialBytes(s.raw());
  });

  it('left the end state of the free walk: maildrop intact and empty, postfix check silent, nothing else changed but the test message', async () => {
    expectMaildropEmptyAndChecked(scene);
    // Postfix runs now (the walk started it): its pid files are new; root's mailbox only grew by the test message.
    scene.inst.stop();
    const mboxRel = path.relative(scene.disk.dir, scene.mbox);
    const runtime = (rel: string) => rel.startsWith(path.relative(scene.disk.dir, path.join(scene.inst.queueDir, 'pid')) + '/');
    const after = treeChecksums(scene.disk.dir, scene.maildrop);
    for (const [rel, sum] of rest) if (rel !== mboxRel && !runtime(rel)) expect(after.get(rel), rel).toBe(sum);
    for (const rel of after.keys()) if (!runtime(rel)) expect(rest.has(rel), `new: ${rel}`).toBe(true);
    const mbox = fs.readFileSync(scene.mbox);
    expect(mbox.subarray(0, mboxBefore.length).equals(mboxBefore)).toBe(true);
    expect(mbox.subarray(mboxBefore.length).toString('utf8')).toMatch(/^From root@\S+ .*\n[\s\S]*Subject: spoolrescue test message [0-9a-f]{8}\n/);
  }, 60_000);
});
