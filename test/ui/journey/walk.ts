import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { fitMiddle } from '../../../src/core/text/text-fit.js';
import { DEST_MOUNT_WIDTH } from '../../../src/ui/steps/evidence/view.js';
import type { TmuxSession } from '../../helpers/tmux.js';
import { MAILDROP_FILES, type RescueScene } from './rescued-server.js';

// The operator's walk from "disk full" to "mail flows again", key by key at 80x24: pick the full
// filesystem, find the maildrop hotspot, look inside, capture root's spool elsewhere, purge
// maildrop with the typed confirmation, read the summary, quit.

// The row under the cursor (the pointer is '>' in ASCII, a glyph otherwise).
export function selectedLine(screen: string): string {
  return /^[>\u276f] (.*)$/m.exec(screen)?.[1] ?? '';
}

// Moves the cursor down until the screen passes the check; at the end of the list (j changes
// nothing) it goes to the top once (g) and goes on.
export async function moveUntil(s: TmuxSession, ok: (screen: string) => boolean, what: string): Promise<string> {
  let wrapped = false;
  for (let i = 0; i < 80; i++) {
    const screen = s.screen();
    if (ok(screen)) return screen;
    try {
      await s.press('j', undefined, 2000);
    } catch {
      if (wrapped) break;
      wrapped = true;
      await s.press('g', undefined, 5000);
    }
  }
  throw new Error(`could not select ${what}; the screen was:\n${s.screen()}`);
}

// The incident file path as the Evidence screen shows it: after the label (in the walk's
// language), or on the lines below.
export function shownIncidentFile(screen: string, label = 'Incident file:'): string {
  const lines = screen.split('\n');
  const i = lines.findIndex((l) => l.startsWith(label));
  const rest = lines[i].slice(label.length).trim();
  if (rest) return rest;
  let out = '';
  for (let j = i + 1; j < lines.length && lines[j].startsWith('  '); j++) out += lines[j].slice(2).trimEnd();
  return out;
}

// What the walk left behind for the filesystem checks.
export interface WalkOutcome {
  incidentFile: string;
  sha256: string;
}

// Walks the whole rescue; returns the incident file and the hash the Evidence screen showed.
export async function rescueWalk(s: TmuxSession, scene: RescueScene, ascii = false): Promise<WalkOutcome> {
  // 1. Disks: the rescued system's filesystem is flagged for its inodes; pick it.
  await s.waitFor('Which filesystem is full?');
  const disks = await moveUntil(s, (sc) => sc.includes(`${scene.srv} on tmpfs (tmpfs)`), scene.srv);
  expect(disks).toMatch(/^Needs attention: inodes 9\d% used/m);
  // 2. Hotspots: the real scan; maildrop comes first by entries, tagged.
  const hot = await s.press('Enter', /Scanned \/: [\d,]+ entries/, 30_000);
  expect(hot).toMatch(/\[C entries\]/);
  expect(selectedLine(hot)).toMatch(/^ +1,500 +\S+ \S+ +\/var\/spool\/postfix\/maildrop \(maildrop queue\)$/);
  // 3. Look inside maildrop: its first page at once (names exist on disk), then the count.
  await s.press('Enter', 'Look inside (first entries');
  const inside = await s.press('Enter', /Entries 1-\d+ in directory order/);
  expect(inside).toMatch(/^dir 4242:4343 mode 01730, directory itself/m);
  const names = new Set(fs.readdirSync(scene.maildrop));
  const shown = [...inside.matchAll(/^. - +\S+ \S+ +\S+ \S+ +(\S+)$/gm)].map((m) => m[1]);
  expect(shown.length).toBeGreaterThan(5);
  for (const n of shown) expect(names.has(n)).toBe(true);
  await s.press('c', `${MAILDROP_FILES.toLocaleString('en-US')} entries in all`);
  const on = await s.press('o', 'Newest');
  expect(on).toContain(scene.server.queue.maildrop.oldest!.name);
  expect(on).toContain(scene.server.queue.maildrop.newest!.name);
  // 4. Evidence of root's spool (the largest file), onto the other filesystem.
  await s.press('2', /\[2\*Hotspots\]/);
  const files = await s.press('f', /\[f files\]/);
  expect(selectedLine(files)).toMatch(/\/var\/spool\/mail\/root \(root's mailbox\)$/);
  const dest = await s.press('e', 'Where should the incident file go?');
  expect(dest).not.toContain(fitMiddle(scene.srv, DEST_MOUNT_WIDTH, ascii));
  const label = fitMiddle(scene.evid, DEST_MOUNT_WIDTH, ascii);
  await moveUntil(s, (sc) => selectedLine(sc).startsWith(label), scene.evid);
  const ready = await s.press('Enter', 'What now?');
  // The whole path is on screen (cut into lines, never shortened): the operator copies it.
  const incidentFile = shownIncidentFile(ready);
  expect(path.dirname(incidentFile)).toBe(scene.evid);
  expect(path.basename(incidentFile)).toMatch(/^spoolrescue-incident-.+-\d{8}-\d{4}-[0-9a-f]{12}\.md$/);
  const captured = await s.press('Enter', /sha256 [0-9a-f]{64}/, 30_000);
  expect(captured).toContain('first separator: Thu Nov 20 03:14:00 2025');
  expect(captured).toContain('last separator:  Fri Nov 20 03:14:00 2026');
  const sha256 = /sha256 ([0-9a-f]{64})/.exec(captured)![1];
  // 5. Purge maildrop: back to the ranking ([ twice; 2 would jump there at once), the plan
  // on screen first, then the typed name.
  await s.press('[', /\[3\*Look inside\]/);
  await s.press('[', /\[2\*Hotspots\]/);
  const ranked = await s.press('C', /\[C entries\]/);
  expect(selectedLine(ranked)).toContain('/var/spool/postfix/maildrop');
  const plan = await s.press('p', /Enter or p to purge: you will type 'maildrop' to confirm\./, 30_000);
  expect(plan).toMatch(/^ {2}snapshot: +owner 4242:4343, mode 01730, SELinux label none$/m);
  expect(plan).toMatch(/^ {2}contents: +1,500 entries, /m);
  expect(plan).toMatch(/^ {2}Postfix: +not running/m);
  expect(plan).toMatch(/^ {2}strategy: +swap$/m);
  await s.press('Enter', 'DANGER');
  s.type('maildrop');
  await s.waitFor("Type 'maildrop' to empty /var/spool/postfix/maildrop: maildrop");
  const purged = await s.press('Enter', /verified: /, 60_000);
  expect(purged).toMatch(/^Purged: \/var\/spool\/postfix\/maildrop \(swap\): 1,500 entries removed/m);
  expect(purged).toMatch(/^ {2}DIR was back in place, empty, \d+\.\ds after start$/m);
  expect(purged).toMatch(/^ {2}verified: owner 4242:4343, mode 01730, label none: as snapshotted$/m);
  expect(purged).toMatch(/^ {2}contents: empty$/m);
  // Under --root the host's Postfix would check the host's queue: the walk says so instead.
  expect(purged).toMatch(/^ {2}postfix check: not run \(Postfix here would work on \/var\/spool\/postfix, not$/m);
  expect(purged).toMatch(/^ {2}incident file: section appended to$/m);
  expect(purged).toMatch(/5\*Purge/);
  // 6. Summary: the flagged filesystem got its inodes back; written to the incident file.
  const summary = await s.press('Tab', 'Summary appended to', 30_000);
  expect(summary).toMatch(/\[6\*Summary\]/);
  const row = summary.split('\n').find((l) => l.startsWith(fitMiddle(scene.srv, Math.max(12, 80 - 52), ascii)));
  expect(row, summary).toBeDefined();
  expect(Number(row!.trim().split(/ +/).at(-1)!.replace(/,/g, ''))).toBeGreaterThanOrEqual(MAILDROP_FILES);
  s.key('q');
  expect(await s.waitExit()).toBe(0);
  expect(s.raw().toString('latin1')).toContain(`spoolrescue: incident file ${incidentFile}\r\n`);
  return { incidentFile, sha256 };
}
