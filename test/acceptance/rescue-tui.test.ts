import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fitMiddle } from '../../src/core/text/text-fit.js';
import { DEST_MOUNT_WIDTH } from '../../src/ui/steps/evidence/view.js';
import { describeWith } from '../helpers/capabilities.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import type { TmuxSession } from '../helpers/tmux.js';
import { moveUntil, selectedLine, shownIncidentFile } from '../ui/journey/walk.js';
import { expectEvidence, expectRescued, expectSerialBytes, expectSummaryAndQuit, floodedPostfix, startWalk, TERMINALS, type FloodedPostfix } from './flooded-postfix.js';

// The same incident as the CLI acceptance (a real Postfix on a really full ext4 filesystem),
// rescued through the guided walk on a serial console: tmux at 80x24, --serial, TERM=vt100, keys
// one by one. The end state must be the CLI's: maildrop empty with its owner, group and mode,
// nothing else changed, postfix check silent, mail flows again, the evidence in the incident file
// on the tmpfs. Every byte that reached the terminal must be ASCII, with no colour.
describeWith(['root', 'postfix', 'mount', 'tmux'], 'acceptance: the same rescue through the walk (tmux 80x24, --serial)', () => {
  const tmp = makeTempDir('accept-tui', '/var/tmp');
  let scene: FloodedPostfix;
  let s: TmuxSession;
  let rest: Map<string, string>;
  let extremes: { oldest: Set<string>; newest: Set<string> };
  let incidentFile = '';
  let shownOldest = '';
  let shownNewest = '';

  beforeAll(async () => {
    scene = await floodedPostfix(tmp.dir);
    ({ s, rest, extremes } = startWalk(scene, tmp.dir, TERMINALS.serial));
  }, 600_000);

  afterAll(() => {
    s?.kill();
    scene?.dispose();
    tmp.cleanup();
  });

  const flooded = () => scene.flood.submitted + scene.flood.copies;

  it('Disks: the flooded filesystem is flagged for its inodes; Enter scans it and maildrop comes first by entries', async () => {
    await s.waitFor('Which filesystem is full?');
    const disks = await moveUntil(s, (sc) => sc.includes(`${scene.disk.dir} on /dev/`), scene.disk.dir);
    expect(disks).toMatch(/^Inodes: [\d,]+ used of [\d,]+ \(100%\), 0 free$/m);
    expect(disks).toMatch(/^Needs attention: inodes 100% used/m);
    const hot = await s.press('Enter', /Scanned \S+: [\d,]+ entries/, 60_000);
    expect(hot).toContain(`Scanned ${scene.disk.dir}:`);
    expect(selectedLine(hot)).toMatch(new RegExp(`^ +${flooded().toLocaleString('en-US')} +\\S+ \\S+ +\\S+maildrop \\(maildrop queue\\)$`));
  }, 120_000);

  it("Evidence: root's mailbox, then maildrop, captured into an incident file on the tmpfs (the full filesystem is not offered)", async () => {
    const files = await s.press('f', /\[f files\]/);
    expect(selectedLine(files)).toMatch(/\/mail\/root \(root's mailbox\)$/);
    const dest = await s.press('e', 'Where should the incident file go?');
    expect(dest).not.toContain(fitMiddle(scene.disk.dir, DEST_MOUNT_WIDTH, true));
    await moveUntil(s, (sc) => selectedLine(sc).startsWith(fitMiddle(scene.evidence.dir, DEST_MOUNT_WIDTH, true)), scene.evidence.dir);
    const ready = await s.press('Enter', 'What now?');
    incidentFile = shownIncidentFile(ready);
    expect(path.dirname(incidentFile)).toBe(scene.evidence.dir);
    const mbox = await s.press('Enter', /sha256 [0-9a-f]{64}/, 30_000);
    expect(mbox).toMatch(/^ {2}captured: first 5 and last 5 messages$/m);
    // Back to the ranking by entries ([ twice; 2 would jump there at once).
    await s.press('[', /\[3\*?Look inside\]/);
    await s.press('[', /\[2\*Hotspots\]/);
    const ranked = await s.press('C', /\[C entries\]/);
    expect(selectedLine(ranked)).toMatch(/maildrop \(maildrop queue\)$/);
    await s.press('e', /^Source: \S+maildrop \(maildrop q/m);
    const queue = await s.press('Enter', /newest: \S+ \S+\n(.*\n)*.*sha256 [0-9a-f]{64}/, 30_000);
    expect(queue).toMatch(new RegExp(`^ {2}files: ${flooded()}$`, 'm'));
    shownOldest = /^ {2}oldest: \S+ (\S+)$/m.exec(queue)![1];
    shownNewest = /^ {2}newest: \S+ (\S+)$/m.exec(queue)![1];
    expect(extremes.oldest.has(shownOldest)).toBe(true);
    expect(extremes.newest.has(shownNewest)).toBe(true);
  }, 120_000);

  it('Purge: the plan (in place: no inode free), the typed name, the verification and a clean postfix check', async () => {
    const plan = await s.press('p', /Enter or p to purge: you will type 'maildrop' to confirm\./, 60_000);
    expect(plan).toMatch(new RegExp(`^ {2}contents: +${flooded().toLocaleString('en-US')} entries, `, 'm'));
    expect(plan).toMatch(/^ {2}filesystem: .*, 0 inodes free, /m);
    expect(plan).toMatch(/^ {2}Postfix: +not running/m);
    expect(plan).toMatch(/^ {2}strategy: +in-place$/m);
    await s.press('Enter', 'DANGER');
    s.type('maildrop');
    await s.waitFor(/: maildrop_?$/m);
    // Long lines continue on the next row, indented by four: read them joined.
    const done = (await s.press('Enter', /postfix check: /, 120_000)).replace(/\n {4}(?=\S)/g, ' ');
    expect(done).toMatch(new RegExp(`^Purged: \\S+ \\(in-place\\): ${flooded().toLocaleString('en-US')} entries`, 'm'));
    expect(done).toMatch(/^ {2}verified: owner \S+ \(\d+:\d+\), mode 0730, label none: as snapshotted$/m);
    expect(done).toMatch(/^ {2}contents: empty$/m);
    expect(done).toMatch(/^ {2}postfix check: ok, nothing to report$/m);
    expect(done.replace(/\s+/g, '')).toContain(`incidentfile:sectionappendedto${incidentFile}`);
  }, 180_000);

  it('Summary: the inodes came back; q leaves the walk and names the incident file', async () => {
    const summary = await s.press('Tab', 'Summary appended to', 30_000);
    await expectSummaryAndQuit(s, scene, summary, incidentFile);
  }, 60_000);

  it('wrote only ASCII and no colour to the serial console', () => {
    expectSerialBytes(s.raw());
  });

  it('left the same end state as the CLI rescue: maildrop intact and empty, the rest unchanged, postfix check silent, mail flows', async () => {
    expect(fs.existsSync(incidentFile)).toBe(true);
    await expectEvidence(scene, incidentFile, 5, shownOldest, shownNewest);
    await expectRescued(scene, rest);
  }, 120_000);
});
