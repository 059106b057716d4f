import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import { treeChecksums } from '../helpers/flood.js';
import { waitFor } from '../helpers/postfix-instance.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import type { TmuxSession } from '../helpers/tmux.js';
import { moveUntil, selectedLine } from '../ui/journey/walk.js';
import { escaped, expectScreensFit, joined, keptSession, purgeMaildrop, type Until } from './journey-kit.js';
import { expectEvidence, expectMaildropEmptyAndChecked, expectSummaryAndQuit, floodedPostfix, startWalk, summaryRow, TERMINALS, type FloodedPostfix, type Lang, type WalkStart } from './flooded-postfix.js';

// The incident of rescue-tui.test.ts (a real Postfix on a really full ext4 filesystem, tmux
// 80x24), rescued by following the plan the walk proposes on its first screen: the culprit is
// named there before any scan, Enter does each step (the evidence of every source in one go, the
// purge's own review and typed name, Postfix started and a test message delivered, the summary).
// Every key sent is counted: at most 12 besides the typed name. The journey is the same in every
// language; a Voice says what its screens show in one language and how its terminal is set up.

const MAX_KEYS = 12;

// The journey's words in one language: what each wait looks for, and the checks of the screens
// in that language (the language-free checks are the journey's own).
export interface Voice {
  lang: Lang;
  title: string;
  terminal: (typeof TERMINALS)[keyof typeof TERMINALS];
  /** Real messages in root's mbox before the flood (default: the scene's). */
  delivered?: number;
  disks: { ready: Until; expect(screen: string): void };
  plan: { shown: Until; expect(screen: string, scene: FloodedPostfix, incidentFile: string): void };
  captured: { shown: Until; oldest: RegExp; newest: RegExp; expect(screen: string, scene: FloodedPostfix, incidentFile: string): void };
  purge: { review: Until; danger: Until; done: Until; expectReview(screen: string, flooded: string): void; expectDone(screen: string, flooded: string): void };
  flow: { next: Until; address: Until; done: Until; expect(screen: string): void };
  summary: { shown: Until; headings: string[] };
  /** What every byte that reached the terminal must be. */
  expectTerminal(raw: Buffer): void;
  /** What every screen read on the way must show (its step line, its help bar). */
  expectScreen(screen: string): void;
}

// Declares the journey's tests in one language.
export function describePlanJourney(v: Voice): void {
  describeWith(['root', 'postfix', 'mount', 'tmux'], `acceptance: the rescue by the plan (tmux 80x24, ${v.title}), in at most 12 keys`, () => {
    const tmp = makeTempDir('accept-plan', '/var/tmp');
    let scene: FloodedPostfix;
    let walk: WalkStart;
    let mboxBefore: Buffer;
    let incidentFile = '';
    let shown: [string, string] = ['', ''];
    let keys = 0;
    // Every screen the journey read, for the checks of the whole walk.
    const screens: string[] = [];
    // The session as the tests drive it: every key pressed is counted (typed text is not) and
    // every screen read is kept.
    let k: TmuxSession;

    beforeAll(async () => {
      scene = await floodedPostfix(tmp.dir, v.delivered === undefined ? {} : { delivered: v.delivered });
      mboxBefore = fs.readFileSync(scene.mbox);
      walk = startWalk(scene, tmp.dir, v.terminal);
      k = keptSession(walk.s, screens, () => keys++);
    }, 600_000);

    afterAll(() => {
      walk?.s.kill();
      scene?.dispose();
      if (incidentFile && !incidentFile.startsWith(tmp.dir)) fs.rmSync(incidentFile, { force: true });
      tmp.cleanup();
    });

    const flooded = () => (scene.flood.submitted + scene.flood.copies).toLocaleString('en-US');

    it('the first screen names the culprit and offers the plan, before any scan', async () => {
      await k.waitFor(v.disks.ready, 30_000);
      // the details of the selected filesystem start with its mount point
      const detail = new RegExp(`^${escaped(scene.disk.dir)}(?![\\w/-])`, 'm');
      const disks = await moveUntil(k, (sc) => detail.test(sc), scene.disk.dir);
      expect(selectedLine(disks)).toMatch(/ 100% /);
      v.disks.expect(disks);
    }, 60_000);

    it('P shows the plan: the filesystem, the culprit, where the evidence goes, four steps', async () => {
      const plan = joined(await k.press('P', v.plan.shown, 30_000));
      expect(plan).toContain(scene.disk.dir);
      incidentFile = /(\/\S*spoolrescue-incident-[^\s/]+?\.md)/.exec(plan)![1];
      // The filesystem with room, chosen by the destination rules: never the flooded one.
      expect(incidentFile.startsWith(scene.disk.dir)).toBe(false);
      expect(path.basename(incidentFile)).toMatch(/^spoolrescue-incident-.+\.md$/);
      v.plan.expect(plan, scene, incidentFile);
    }, 60_000);

    it("Enter captures root's mailbox and maildrop into the one incident file", async () => {
      const done = joined(await k.press('Enter', v.captured.shown, 60_000));
      expect(done).toContain(incidentFile);
      shown = [v.captured.oldest.exec(done)![1], v.captured.newest.exec(done)![1]];
      expect(walk.extremes.oldest.has(shown[0])).toBe(true);
      expect(walk.extremes.newest.has(shown[1])).toBe(true);
      v.captured.expect(done, scene, incidentFile);
      expect(fs.statSync(incidentFile).mode & 0o777).toBe(0o600);
    }, 120_000);

    it("Enter opens the purge's own review; the typed name purges in place; Enter goes on with the plan", async () => {
      const done = await purgeMaildrop(k, 'Enter', v.purge, (review) => v.purge.expectReview(review, flooded()));
      v.purge.expectDone(done, flooded());
      await expectEvidence(scene, incidentFile, 5, shown[0], shown[1], v.lang);
    }, 180_000);

    it('after the purge: Postfix is started and a test message to the offered address is seen delivered in the mail log; then the summary', async () => {
      const next = await k.press('Enter', v.flow.next, 30_000);
      expect(next).toMatch(/^\* 2 /m);
      await k.press('Enter', v.flow.address);
      const flow = joined(await k.press('Enter', v.flow.done, 90_000));
      const queueId = /postfix\/local\[\d+\]: (\w+): to=<root@localhost>, .*status=sent/.exec(flow)?.[1];
      expect(queueId, flow).toBeDefined();
      expect(fs.readFileSync(scene.inst.logFile, 'utf8')).toMatch(new RegExp(`${queueId}: to=<root@localhost>, .*status=sent \\(delivered to mailbox\\)`));
      v.flow.expect(flow);
      await k.press('Enter', v.summary.shown, 60_000);
      const row = summaryRow(scene, v.terminal.ascii);
      const summary = await k.waitFor((sc) => sc.split('\n').some((l) => l.startsWith(row)), 30_000);
      // the summary is appended to the incident file (with its headings in the walk's language) before q
      const appended = () => v.summary.headings.every((h) => fs.readFileSync(incidentFile, 'utf8').includes(h));
      await waitFor(appended, 60_000);
      for (const h of v.summary.headings) expect(fs.readFileSync(incidentFile, 'utf8')).toContain(h);
      await expectSummaryAndQuit(k, scene, summary, incidentFile, { lang: v.lang, ascii: v.terminal.ascii });
    }, 180_000);

    it(`took at most ${MAX_KEYS} keys besides the typed name`, () => {
      expect(keys).toBeGreaterThan(0);
      expect(keys).toBeLessThanOrEqual(MAX_KEYS);
    });

    it('every screen fit the terminal (24 rows, no line wider than 80 columns by display width) and spoke its language; every byte suited the terminal', () => {
      expectScreensFit(screens, v.expectScreen);
      v.expectTerminal(walk.s.raw());
    });

    it('left the end state of the free walk: maildrop intact and empty, postfix check silent, nothing else changed but the test message', async () => {
      expectMaildropEmptyAndChecked(scene);
      // Postfix runs now (the walk started it): its pid files are new; root's mailbox only grew by the test message.
      scene.inst.stop();
      const mboxRel = path.relative(scene.disk.dir, scene.mbox);
      const runtime = (rel: string) => rel.startsWith(path.relative(scene.disk.dir, path.join(scene.inst.queueDir, 'pid')) + '/');
      const after = treeChecksums(scene.disk.dir, scene.maildrop);
      for (const [rel, sum] of walk.rest) if (rel !== mboxRel && !runtime(rel)) expect(after.get(rel), rel).toBe(sum);
      for (const rel of after.keys()) if (!runtime(rel)) expect(walk.rest.has(rel), `new: ${rel}`).toBe(true);
      const mbox = fs.readFileSync(scene.mbox);
      expect(mbox.subarray(0, mboxBefore.length).equals(mboxBefore)).toBe(true);
      expect(mbox.subarray(mboxBefore.length).toString('utf8')).toMatch(/^From root@\S+ .*\n[\s\S]*Subject: spoolrescue test message [0-9a-f]{8}\n/);
    }, 60_000);
  });
}
