import { expect } from 'vitest';
import { expectSerialBytes, TERMINALS } from './flooded-postfix.js';
import { escaped } from './journey-kit.js';
import { describePlanJourney } from './plan-journey.js';

// The rescue by the plan (plan-journey.ts) on a serial console: --serial, TERM=vt100, in English;
// every byte that reached the terminal is ASCII, with no colour.

describePlanJourney({
  lang: 'en',
  title: '--serial',
  terminal: TERMINALS.serial,
  disks: {
    ready: 'Which filesystem is full?',
    expect(disks) {
      expect(disks).toMatch(/^Needs attention: inodes 100% used/m);
      expect(disks).toMatch(/^Likely culprits \(no scan[\s\S]*?maildrop ~[\d,]+ entries/m);
      expect(disks).toMatch(/^P: the rescue plan: evidence, purge maildrop, mail flow, summary$/m);
      expect(disks).not.toContain('Scanned');
    },
  },
  plan: {
    shown: /Evidence goes to: [\s\S]*Enter: capture/,
    expect(plan, scene, incidentFile) {
      expect(plan).toContain(`Rescue plan for ${scene.disk.dir} (inodes 100% used`);
      expect(plan).toMatch(/^Culprit \(no scan yet\): (Postfix )?maildrop queue, ~[\d,]+ entries$/m);
      expect(plan).toMatch(new RegExp(`^Evidence goes to: ${escaped(incidentFile)}$`, 'm'));
      expect(plan).toMatch(/^> 1 Keep evidence of: root's mailbox, (Postfix )?maildrop queue/m);
      expect(plan).toMatch(new RegExp(`^ {2}2 Purge ${escaped(scene.maildrop)}: review,`, 'm'));
      expect(plan).toMatch(/^ {2}3 Start Postfix if stopped/m);
      expect(plan).toMatch(/^ {2}4 Summary/m);
    },
  },
  captured: {
    shown: /Enter: review the purge/,
    oldest: /^ {2}oldest: \S+ (\S+)$/m,
    newest: /^ {2}newest: \S+ (\S+)$/m,
    expect(done, scene, incidentFile) {
      expect(done).toContain(`Evidence in ${incidentFile}:`);
      expect(done).toMatch(new RegExp(`^mbox ${escaped(scene.mbox)}$`, 'm'));
      expect(done).toMatch(new RegExp(`^queue ${escaped(scene.maildrop)}$`, 'm'));
      expect(done).toMatch(/^\* 1 Keep evidence/m);
    },
  },
  purge: {
    review: /Enter or p to purge: you will type 'maildrop' to confirm\./,
    danger: 'DANGER',
    done: /postfix check: [\s\S]*Enter goes on with the plan/,
    expectReview(plan, flooded) {
      expect(plan).toMatch(new RegExp(`^ {2}contents: +${flooded} entries, `, 'm'));
      expect(plan).toMatch(/^ {2}Postfix: +not running/m);
      expect(plan).toMatch(/^ {2}strategy: +in-place$/m);
    },
    expectDone(done, flooded) {
      expect(done).toMatch(new RegExp(`^Purged: \\S+ \\(in-place\\): ${flooded} entries`, 'm'));
      expect(done).toMatch(/^ {2}verified: owner \S+ \(\d+:\d+\), mode 0730, label none: as snapshotted$/m);
      expect(done).toMatch(/^ {2}postfix check: ok, nothing to report$/m);
    },
  },
  flow: {
    next: (sc) => sc.includes('Enter: start Postfix and send the test message.') && /^\* 2 Purge/m.test(sc),
    address: /Send the test message to .*: root@localhost_?$/m,
    done: /delivered to |NOT|not seen/,
    expect(flow) {
      expect(flow).toMatch(/^Postfix: started \(postfix -c \S+ start\)$/m);
      const queueId = /^queue ID (\w+)$/m.exec(flow)?.[1];
      expect(queueId, flow).toBeDefined();
      expect(flow).toMatch(new RegExp(`^delivered to root@localhost: .*postfix/local\\[\\d+\\]: ${queueId}: to=<root@localhost>, .*status=sent`, 'm'));
    },
  },
  summary: {
    shown: 'Summary appended to',
    headings: ['| filesystem | used before | used after | bytes freed | inodes freed |\n', '\nWhat the walk did:\n'],
  },
  expectTerminal: expectSerialBytes,
  expectScreen: (screen) => expect(screen).toMatch(/^[\x20-\x7e\n]*$/),
});
