import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fitMiddle } from '../../src/core/text/text-fit.js';
import { DEST_MOUNT_WIDTH } from '../../src/ui/steps/evidence/view.js';
import { describeWith } from '../helpers/capabilities.js';
import { waitFor } from '../helpers/postfix-instance.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import type { TmuxSession } from '../helpers/tmux.js';
import { moveUntil, selectedLine, shownIncidentFile } from '../ui/journey/walk.js';
import { expectEvidence, expectRescued, expectSummaryAndQuit, floodedPostfix, startWalk, TERMINALS, type FloodedPostfix, type Lang, type WalkStart } from './flooded-postfix.js';
import { expectScreensFit, keptSession, purgeMaildrop, type Until } from './journey-kit.js';

// The incident of the CLI acceptance (a real Postfix on a really full ext4 filesystem), rescued
// through the free walk in tmux at 80x24, keys one by one: Disks -> Hotspots -> Look inside ->
// Evidence -> Purge -> Summary. The end state must be the CLI's: maildrop empty with its owner,
// group and mode, nothing else changed, postfix check silent, mail flows again, the evidence in
// the incident file on the tmpfs. The journey is the same in every language; a WalkVoice says
// what its screens show in one language and how its terminal is set up.

// The free walk's words in one language: what each wait looks for and the checks of its screens
// (the language-free checks are the journey's own).
export interface WalkVoice {
  lang: Lang;
  title: string;
  terminal: (typeof TERMINALS)[keyof typeof TERMINALS];
  /** Real messages in root's mbox before the flood (default: the scene's). */
  delivered?: number;
  disks: { ready: Until; detail(dir: string): string; expect(screen: string): void; scanned: RegExp; scannedRoot(dir: string): string };
  hotspots: { queueTag: string; files: Until; mailboxTag: RegExp; lookInside: Until; back: Until; entries: Until };
  evidence: { dest: Until; ready: Until; fileLabel: string; mboxCaptured: RegExp; source: Until; queueCaptured: Until; files(n: number): RegExp; oldest: RegExp; newest: RegExp };
  purge: { review: Until; danger: Until; expectReview(screen: string, flooded: string): void; expectDone(screen: string, flooded: string, incidentFile: string): void };
  summary: { shown: Until; headings: string[] };
  /** What every byte that reached the terminal must be. */
  expectTerminal(raw: Buffer): void;
  /** What every screen read on the way must show (its step line, its help bar). */
  expectScreen(screen: string): void;
}

// Declares the free walk's tests in one language.
export function describeFreeWalk(v: WalkVoice): void {
  describeWith(['root', 'postfix', 'mount', 'tmux'], `acceptance: the same rescue through the walk (tmux 80x24, ${v.title})`, () => {
    const tmp = makeTempDir('accept-tui', '/var/tmp');
    let scene: FloodedPostfix;
    let walk: WalkStart;
    // The session as the tests drive it: every screen read is kept for the checks of the whole walk.
    let s: TmuxSession;
    const screens: string[] = [];
    let incidentFile = '';
    let shownOldest = '';
    let shownNewest = '';

    beforeAll(async () => {
      scene = await floodedPostfix(tmp.dir, v.delivered === undefined ? {} : { delivered: v.delivered });
      walk = startWalk(scene, tmp.dir, v.terminal);
      s = keptSession(walk.s, screens);
    }, 600_000);

    afterAll(() => {
      walk?.s.kill();
      scene?.dispose();
      tmp.cleanup();
    });

    const flooded = () => (scene.flood.submitted + scene.flood.copies).toLocaleString('en-US');
    const ascii = v.terminal.ascii;

    it('Disks: the flooded filesystem is flagged for its inodes; Enter scans it and maildrop comes first by entries', async () => {
      await s.waitFor(v.disks.ready, 30_000);
      const disks = await moveUntil(s, (sc) => sc.includes(v.disks.detail(scene.disk.dir)), scene.disk.dir);
      v.disks.expect(disks);
      const hot = await s.press('Enter', v.disks.scanned, 60_000);
      expect(hot).toContain(v.disks.scannedRoot(scene.disk.dir));
      expect(selectedLine(hot)).toMatch(new RegExp(`^ +${flooded()} +\\S+ \\S+ +\\S+maildrop ${v.hotspots.queueTag}$`));
    }, 120_000);

    it("Evidence: root's mailbox, then maildrop, captured into an incident file on the tmpfs (the full filesystem is not offered)", async () => {
      const files = await s.press('f', v.hotspots.files);
      expect(selectedLine(files)).toMatch(v.hotspots.mailboxTag);
      const dest = await s.press('e', v.evidence.dest);
      expect(dest).not.toContain(fitMiddle(scene.disk.dir, DEST_MOUNT_WIDTH, ascii));
      await moveUntil(s, (sc) => selectedLine(sc).startsWith(fitMiddle(scene.evidence.dir, DEST_MOUNT_WIDTH, ascii)), scene.evidence.dir);
      const ready = await s.press('Enter', v.evidence.ready);
      incidentFile = shownIncidentFile(ready, v.evidence.fileLabel);
      expect(path.dirname(incidentFile)).toBe(scene.evidence.dir);
      const mbox = await s.press('Enter', /sha256 [0-9a-f]{64}/, 30_000);
      expect(mbox).toMatch(v.evidence.mboxCaptured);
      // Back to the ranking by entries ([ twice; 2 would jump there at once).
      await s.press('[', v.hotspots.lookInside);
      await s.press('[', v.hotspots.back);
      const ranked = await s.press('C', v.hotspots.entries);
      expect(selectedLine(ranked)).toMatch(new RegExp(`maildrop ${v.hotspots.queueTag}$`));
      await s.press('e', v.evidence.source);
      const queue = await s.press('Enter', v.evidence.queueCaptured, 30_000);
      expect(queue).toMatch(v.evidence.files(scene.flood.submitted + scene.flood.copies));
      shownOldest = v.evidence.oldest.exec(queue)![1];
      shownNewest = v.evidence.newest.exec(queue)![1];
      expect(walk.extremes.oldest.has(shownOldest)).toBe(true);
      expect(walk.extremes.newest.has(shownNewest)).toBe(true);
    }, 120_000);

    it('Purge: the plan (in place: no inode free), the typed name, the verification and a clean postfix check', async () => {
      const done = await purgeMaildrop(s, 'p', { ...v.purge, done: /postfix check: / }, (plan) => v.purge.expectReview(plan, flooded()));
      v.purge.expectDone(done, flooded(), incidentFile);
    }, 180_000);

    it('Summary: the inodes came back; the summary is appended to the incident file; q leaves the walk and names it', async () => {
      const summary = await s.press('Tab', v.summary.shown, 30_000);
      const appended = () => v.summary.headings.every((h) => fs.readFileSync(incidentFile, 'utf8').includes(h));
      await waitFor(appended, 30_000);
      for (const h of v.summary.headings) expect(fs.readFileSync(incidentFile, 'utf8')).toContain(h);
      await expectSummaryAndQuit(s, scene, summary, incidentFile, { lang: v.lang, ascii });
    }, 60_000);

    it('every screen fit the terminal (24 rows, no line wider than 80 columns by display width) and spoke its language; every byte suited the terminal', () => {
      expectScreensFit(screens, v.expectScreen);
      v.expectTerminal(walk.s.raw());
    });

    it('left the same end state as the CLI rescue: maildrop intact and empty, the rest unchanged, postfix check silent, mail flows', async () => {
      expect(fs.existsSync(incidentFile)).toBe(true);
      await expectEvidence(scene, incidentFile, 5, shownOldest, shownNewest, v.lang);
      await expectRescued(scene, walk.rest);
    }, 120_000);
  });
}
