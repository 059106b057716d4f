import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parseRecordLine } from '../../src/core/incident/records.js';
import { describeWith } from '../helpers/capabilities.js';
import { BUNDLE } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startTmux } from '../helpers/tmux.js';
import { MAIL_OWNER, MAILDROP_FILES, MAILDROP_MODE, SETGID_GROUP, rescueScene } from './journey/rescued-server.js';
import { moveUntil, selectedLine } from './journey/walk.js';

// The operator follows the plan half-way (the evidence in one go), leaves it with Esc at the
// purge, and finishes in the free walk: the scan, maildrop ranked first, p, the typed name, the
// summary. Everything lands in the one incident file the plan chose. A real terminal (tmux
// 80x24) on a generated server under --root (where the plan has no mail flow step).
describeWith(['tmux', 'root', 'mount'], 'leaving the plan half-way for the free walk (tmux 80x24, --root)', () => {
  const tmp = makeTempDir('plan-journey', '/var/tmp');
  const scene = rescueScene(path.join(tmp.dir, 'scene'));
  const s = startTmux({ argv: [process.execPath, BUNDLE, '--root', scene.server.root], env: { LANG: 'C.UTF-8', TERM: 'xterm' }, workDir: path.join(tmp.dir, 'tmux') });
  let incidentFile = '';
  afterAll(() => {
    s.kill();
    scene.unmount();
    if (incidentFile) fs.rmSync(incidentFile, { force: true });
    tmp.cleanup();
  });

  it('follows the plan to the evidence, leaves it, and purges and sums up in the free walk', async () => {
    await s.waitFor('Which filesystem is full?');
    const disks = await moveUntil(s, (sc) => sc.includes(`${scene.srv} on tmpfs (tmpfs)`), scene.srv);
    expect(disks).toMatch(/^P: the rescue plan: evidence, purge maildrop, summary$/m);
    // The plan: under --root Postfix is never started, so no mail flow step.
    const plan = await s.press('P', /Evidence goes to: /, 30_000);
    expect(plan).toContain(`Rescue plan for ${scene.srv} (inodes`);
    expect(plan).toMatch(/^ {2}3 Summary/m);
    expect(plan).not.toContain('Start Postfix');
    incidentFile = /^Evidence goes to: (\S+)$/m.exec(plan)![1];
    const captured = await s.press('Enter', /Enter: review the purge/, 60_000);
    expect(captured).toMatch(/^mbox \/var\/spool\/mail\/root$/m);
    expect(captured).toMatch(/^queue \/var\/spool\/postfix\/maildrop$/m);
    expect(captured).toContain(scene.server.queue.maildrop.oldest!.name);
    expect(captured).toContain(scene.server.queue.maildrop.newest!.name);
    // Half-way: Esc leaves the plan for the free walk, back on the Disks screen.
    await s.press('Escape', 'Which filesystem is full?');
    const hot = await s.press('Enter', /Scanned \/: [\d,]+ entries/, 30_000);
    expect(selectedLine(hot)).toMatch(new RegExp(`^ +${MAILDROP_FILES.toLocaleString('en-US')} +\\S+ \\S+ +/var/spool/postfix/maildrop \\(maildrop queue\\)$`));
    const review = await s.press('p', /Enter or p to purge: you will type 'maildrop' to confirm\./, 30_000);
    expect(review).toMatch(/^ {2}strategy: +swap$/m);
    await s.press('Enter', 'DANGER');
    s.type('maildrop');
    await s.waitFor("Type 'maildrop' to empty /var/spool/postfix/maildrop: maildrop");
    const purged = await s.press('Enter', /verified: /, 60_000);
    expect(purged).toMatch(/^Purged: \/var\/spool\/postfix\/maildrop \(swap\): 1,500 entries removed/m);
    // Not sent by the plan: Enter does not lead back to it.
    expect(purged).not.toContain('Enter goes on with the plan');
    const summary = await s.press('Tab', 'Summary appended to', 30_000);
    expect(summary).toMatch(/\[6\*Summary\]/);
    expect(summary).toMatch(/4\*Evid/);
    s.key('q');
    expect(await s.waitExit()).toBe(0);
  }, 240_000);

  it('left one incident file with the evidence, the purge and the summary, and maildrop as it was', () => {
    const text = fs.readFileSync(incidentFile, 'utf8');
    expect(fs.statSync(incidentFile).mode & 0o777).toBe(0o600);
    const steps = text.split('\n').map(parseRecordLine).filter(Boolean).map((r) => r!.step);
    // The mbox, maildrop and the mail log, then the mail log's first look, in one go.
    expect(steps.slice(0, 4)).toEqual(['capture', 'capture', 'capture', 'first-look']);
    expect(text).toMatch(/^## spoolrescue first-look: mail log first look \(1 file\)$/m);
    expect(steps).toContain('purge');
    expect(text).toContain(scene.server.mbox.firstFromLine!);
    expect(text).toContain(scene.server.mbox.lastFromLine!);
    expect(text).toContain('Summary of the walk');
    expect(text).toContain('Evidence of 3 of 3 sources captured into');
    const st = fs.statSync(scene.maildrop);
    expect(fs.readdirSync(scene.maildrop)).toEqual([]);
    expect({ uid: st.uid, gid: st.gid, mode: st.mode & 0o7777 }).toEqual({ uid: MAIL_OWNER, gid: SETGID_GROUP, mode: MAILDROP_MODE });
  });
});
