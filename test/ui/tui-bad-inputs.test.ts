import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fitMiddle } from '../../src/core/text/text-fit.js';
import { DEST_MOUNT_WIDTH } from '../../src/ui/steps/evidence/view.js';
import { describeWith } from '../helpers/capabilities.js';
import { exhaustInodes, fillFilesystem, mountTmpfs, type TestMount } from '../helpers/mounts.js';
import { BUNDLE } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';
import { rescueScene, type RescueScene } from './journey/rescued-server.js';
import { moveUntil, selectedLine } from './journey/walk.js';

// What goes wrong on a real rescue shows as a one-line message on the screen where it happens,
// and the walk goes on: directories the operator may not read (the walk runs as root without
// CAP_DAC_OVERRIDE, so the queue directories owned by the mail owner are closed to it), a
// directory that vanishes while it is looked at, an incident file on a full filesystem.

const WITHOUT_DAC = ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--inh-caps=-all'];

async function lookAt(s: TmuxSession, systemPath: string, until: string | RegExp): Promise<string> {
  await s.press('/', 'Look inside which directory?');
  s.type(systemPath);
  await s.waitFor(`Look inside which directory? ${systemPath}`);
  return s.press('Enter', until);
}

describeWith(['tmux', 'root', 'mount'], 'bad inputs in the walk (tmux 80x24)', () => {
  const tmp = makeTempDir('tui-bad', '/var/tmp');
  const sessions: TmuxSession[] = [];
  const mounts: TestMount[] = [];
  let scene: RescueScene | undefined;
  afterAll(() => {
    for (const s of sessions) s.kill();
    for (const m of mounts.reverse()) m.unmount();
    scene?.unmount();
    tmp.cleanup();
  });

  it('unreadable and vanished directories and a full destination are messages, not crashes', async () => {
    scene = rescueScene(path.join(tmp.dir, 'scene'));
    const full = mountTmpfs(path.join(tmp.dir, 'full'), { size: '4m', nrInodes: 16 });
    mounts.push(full);
    fillFilesystem(full.dir);
    exhaustInodes(full.dir);
    const root = scene.server.root;
    const gone = path.join(root, 'var/spool/mail/leaving');
    fs.mkdirSync(gone);
    fs.writeFileSync(path.join(gone, 'a'), 'x');
    const s = startTmux({ argv: [...WITHOUT_DAC, process.execPath, BUNDLE, '--root', root], env: { TERM: 'xterm-256color', LANG: 'C.UTF-8' }, workDir: path.join(tmp.dir, 'tmux') });
    sessions.push(s);
    await s.waitFor('Which filesystem is full?');
    await moveUntil(s, (sc) => sc.includes(`${scene!.srv} on tmpfs (tmpfs)`), scene.srv);
    // The scan goes on past the queue directories it may not read, and counts them.
    const hot = await s.press('Enter', /Scanned \/: [\d,]+ entries, [^,]+, \d+ unreadable/, 30_000);
    expect(hot).not.toContain('1,500');
    // Look inside a directory it may not read: the facts, and why the listing is not there.
    const denied = await lookAt(s, '/var/spool/postfix/maildrop', 'permission denied');
    expect(denied).toContain('dir 4242:4343 mode 01730');
    expect(denied).toContain('Look inside: cannot read /var/spool/postfix/maildrop: permission denied');
    const count = await s.press('c', 'Count failed:');
    expect(count).toContain('Count failed: Look inside: cannot read /var/spool/postfix/maildrop: permission');
    // A directory removed while it is on screen: counting says so.
    const listed = await lookAt(s, '/var/spool/mail/leaving', /Entries 1-1 /);
    expect(listed).toMatch(/ a$/m);
    fs.rmSync(gone, { recursive: true });
    const vanished = await s.press('c', 'Count failed:');
    expect(vanished).toContain('Count failed: Look inside: /var/spool/mail/leaving: no such file or directory');
    // Evidence onto the full filesystem: offered only after A, and then it says what failed.
    await s.press('2', /\[2.Hotspots\]/);
    await s.press('f', /\[f files\]/);
    await s.waitFor((sc) => selectedLine(sc).includes("(root's mailbox)"));
    await s.press('e', 'Where should the incident file go?');
    const hidden = s.screen();
    expect(hidden).not.toContain(fitMiddle(full.dir, DEST_MOUNT_WIDTH));
    // A lists every filesystem; with other mounts on the host the full one may be below the
    // visible rows, so the list changing is the sign, and the cursor goes down to it.
    await s.press('A', (sc) => sc !== hidden);
    await moveUntil(s, (sc) => selectedLine(sc).startsWith(fitMiddle(full.dir, DEST_MOUNT_WIDTH)), full.dir);
    expect(selectedLine(s.screen())).toContain('is 100% full (limit 98%)');
    await s.press('Enter', 'What now?');
    const forced = await s.press('Enter', 'NOT written', 30_000);
    expect(forced.replace(/\s+/g, ' ')).toMatch(/NOT written to the incident file: cannot open incident file .*ENOSPC: no space left on device/);
    expect(forced).not.toMatch(/4\*Evidence/);
    s.key('q');
    expect(await s.waitExit()).toBe(0);
    expect(s.raw().toString('latin1')).not.toMatch(/stopped on an unexpected error|at .*\.js:\d+/);
  }, 120_000);
});
