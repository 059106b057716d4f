import { expect } from 'vitest';
import { expectSerialBytes, TERMINALS } from './flooded-postfix.js';
import { describeFreeWalk } from './free-walk.js';

// The rescue through the free walk (free-walk.ts) on a serial console: --serial, TERM=vt100, in
// English; every byte that reached the terminal is ASCII, with no colour.

describeFreeWalk({
  lang: 'en',
  title: '--serial',
  terminal: TERMINALS.serial,
  disks: {
    ready: 'Which filesystem is full?',
    detail: (dir) => `${dir} on /dev/`,
    expect(disks) {
      expect(disks).toMatch(/^Inodes: [\d,]+ used of [\d,]+ \(100%\), 0 free$/m);
      expect(disks).toMatch(/^Needs attention: inodes 100% used/m);
    },
    scanned: /Scanned \S+: [\d,]+ entries/,
    scannedRoot: (dir) => `Scanned ${dir}:`,
  },
  hotspots: {
    queueTag: '\\(maildrop queue\\)',
    files: /\[f files\]/,
    mailboxTag: /\/mail\/root \(root's mailbox\)$/,
    lookInside: /\[3\*?Look inside\]/,
    back: /\[2\*Hotspots\]/,
    entries: /\[C entries\]/,
  },
  evidence: {
    dest: 'Where should the incident file go?',
    ready: 'What now?',
    fileLabel: 'Incident file:',
    mboxCaptured: /^ {2}captured: first 5 and last 5 messages$/m,
    source: /^Source: \S+maildrop \(maildrop q/m,
    queueCaptured: /newest: \S+ \S+\n(.*\n)*.*sha256 [0-9a-f]{64}/,
    files: (n) => new RegExp(`^ {2}files: ${n}$`, 'm'),
    oldest: /^ {2}oldest: \S+ (\S+)$/m,
    newest: /^ {2}newest: \S+ (\S+)$/m,
  },
  purge: {
    review: /Enter or p to purge: you will type 'maildrop' to confirm\./,
    danger: 'DANGER',
    expectReview(plan, flooded) {
      expect(plan).toMatch(new RegExp(`^ {2}contents: +${flooded} entries, `, 'm'));
      expect(plan).toMatch(/^ {2}filesystem: .*, 0 inodes free, /m);
      expect(plan).toMatch(/^ {2}Postfix: +not running/m);
      expect(plan).toMatch(/^ {2}strategy: +in-place$/m);
    },
    expectDone(done, flooded, incidentFile) {
      expect(done).toMatch(new RegExp(`^Purged: \\S+ \\(in-place\\): ${flooded} entries`, 'm'));
      expect(done).toMatch(/^ {2}verified: owner \S+ \(\d+:\d+\), mode 0730, label none: as snapshotted$/m);
      expect(done).toMatch(/^ {2}contents: empty$/m);
      expect(done).toMatch(/^ {2}postfix check: ok, nothing to report$/m);
      expect(done.replace(/\s+/g, '')).toContain(`incidentfile:sectionappendedto${incidentFile}`);
    },
  },
  summary: {
    shown: 'Summary appended to',
    headings: ['| filesystem | used before | used after | bytes freed | inodes freed |\n', '\nWhat the walk did:\n'],
  },
  expectTerminal: expectSerialBytes,
  expectScreen: (screen) => expect(screen).toMatch(/^[\x20-\x7e\n]*$/),
});
