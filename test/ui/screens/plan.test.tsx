import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { fakePorts, purged, steppedPurge } from '../fake-ports.js';
import { fakePlan } from '../fake-plan.js';
import { KEY, renderWalk } from '../render-walk.js';
import { CAPTURED, PLAN, REPORT } from './plan-fixtures.js';

afterEach(cleanup);

// Step "Plan" on fake ports: offered on the Disks screen when a flagged filesystem holds a
// culprit, opened with P; Enter captures every source in one go, then opens the Purge step's own
// review and typed confirmation, comes back, checks that mail flows, and ends on the Summary.
// Esc leaves it for the free walk; s skips the evidence or the mail flow check.

const fits = (f: string) => f.split('\n').length <= 24 && f.split('\n').every((l) => l.length <= 80);

async function openPlan() {
  const plan = fakePlan(PLAN);
  const purge = steppedPurge();
  const { ports, calls } = fakePorts({ disks: { loadDisks: async () => REPORT }, plan: plan.port, purge: purge.port });
  const w = renderWalk(ports, { columns: 80, rows: 24 });
  const disks = await w.waitFor('P: the rescue plan');
  return { w, plan, purge, calls, disks };
}

describe('Plan screen', () => {
  it('is offered on the Disks screen with the culprit, before any scan; P shows the numbered plan', async () => {
    const { w, plan, calls, disks } = await openPlan();
    expect(disks).toContain('Which filesystem is full?');
    expect(disks).toMatch(/^Likely culprits \(no scan[\s\S]*?maildrop ~98,000 entries/m);
    expect(disks).toMatch(/^P: the rescue plan: evidence, purge maildrop, mail flow, summary$/m);
    expect(fits(disks)).toBe(true);
    const f = await w.press('P', 'Evidence goes to');
    expect(f).toContain('[Plan]');
    expect(f).toContain('Rescue plan for /var (bytes 99% used, inodes 100% used)');
    expect(f).toContain('Culprit (no scan yet): Postfix maildrop queue, ~98,000 entries');
    expect(f).toContain('Evidence goes to: /dev/shm/incident.md');
    expect(f).toMatch(/^> 1 Keep evidence of: root's mailbox, maildrop queue, mail log$/m);
    expect(f).toMatch(/^ {2}2 Purge \/var\/spool\/postfix\/maildrop: review, then you type 'maildrop'$/m);
    expect(f).toMatch(/^ {2}3 Start Postfix if stopped/m);
    expect(f).toMatch(/^ {2}4 Summary/m);
    expect(f).toContain('Enter: capture the evidence now.');
    expect(fits(f)).toBe(true);
    expect(plan.calls.proposed).toEqual([REPORT]);
    expect(calls.scans).toEqual([]);
  });

  it('follows the plan: evidence in one go, the purge review and typed name, mail flow, summary', async () => {
    const { w, plan, purge, calls } = await openPlan();
    await w.press('P', 'Evidence goes to');
    let f = await w.press(KEY.enter, 'Capturing...');
    await vi.waitFor(() => expect(plan.calls.captures.length).toBe(1));
    expect(plan.calls.captures).toEqual([{ sources: ['/var/spool/mail/root', '/var/spool/postfix/maildrop', '/var/log/mail.log'], incidentFile: '/dev/shm/incident.md', maillogs: ['/var/log/mail.log'] }]);
    plan.progress({ index: 1, count: 3, source: '/var/spool/postfix/maildrop', step: { phase: 'listing', done: 4000, total: 0 } });
    f = await w.waitFor('Source 2 of 3');
    expect(f).toContain('/var/spool/postfix/maildrop');
    plan.captured(CAPTURED);
    f = await w.waitFor('Evidence in /dev/shm/incident.md:');
    expect(f).toMatch(/^\* 1 Keep evidence/m);
    expect(f).toMatch(/^> 2 Purge/m);
    expect(f).toMatch(/^mbox \/var\/spool\/mail\/root$/m);
    expect(f).toContain('  oldest: 2026-11-01T00:00:00.000Z 3F2A1');
    expect(f).toContain('  newest: 2026-11-20T03:14:00.000Z 9C0D7');
    expect(f).toContain('NOT captured: /var/log/mail.log: /var/log/mail.log: permission denied');
    // Lines are chosen by kind: the dates and names stay, the counts, the decoder and the hash do not.
    expect(f).toMatch(/^queue \/var\/spool\/postfix\/maildrop$/m);
    expect(f).toContain('  WARNING: No space left on device. The 512 bytes written were kept.');
    expect(f).not.toContain('SHA-256');
    expect(f).not.toContain('captured: first 5');
    expect(f).not.toContain('files: 98000');
    expect(f).not.toContain('envelopes:');
    // The mail log's first look: its head and its file; the graph is left to the incident file.
    expect(f).toMatch(/^mail logs: 1 file\(s\), 1\.0 MiB$/m);
    expect(f).toMatch(/^ {2}\/var\/log\/mail\.log {2}1\.0 MiB {2}2026-11-01 00:00 \.\. 2026-11-20 03:14$/m);
    expect(f).not.toContain('bytes per day');
    expect(fits(f)).toBe(true);
    await vi.waitFor(() => expect(w.state().incidentFile).toBe('/dev/shm/incident.md'));
    expect(w.state().marks.evidence).toBe('done');
    // The Purge step's own review, then its typed confirmation (default no).
    f = await w.press(KEY.enter, "Enter or p to purge: you will type 'maildrop' to confirm.");
    expect(f).toContain('[5 Purge');
    expect(f).toContain('strategy:   swap');
    await w.press(KEY.enter, 'DANGER');
    await w.type('maildrip');
    f = await w.press(KEY.enter, "Cancelled: you typed 'maildrip', not 'maildrop'. Nothing was changed.");
    expect(purge.executed).toEqual([]);
    await w.press(KEY.enter, 'DANGER');
    await w.type('maildrop');
    await w.press(KEY.enter, (fr) => !fr.includes('DANGER'));
    await vi.waitFor(() => expect(purge.executed.length).toBe(1));
    expect(purge.executed[0].target).toBe('/var/spool/postfix/maildrop');
    purge.run.resolve(purged());
    f = await w.waitFor('Done. Enter goes on with the plan.');
    expect(f).toContain('verified: owner postfix:postdrop');
    // Back to the plan: the mail flow check.
    f = await w.press(KEY.enter, 'Enter: start Postfix and send the test message.');
    expect(f).toMatch(/^\* 2 Purge/m);
    expect(f).toMatch(/^> 3 Start Postfix/m);
    expect(f).toContain('Emptied: the Purge/Truncate step (5) shows its verification.');
    expect(f).toMatch(/^> 3 Start Postfix if stopped; see a test message delivered \(address asked\)$/m);
    // The test address: root@localhost offered; a bad one is said and asked again; a private one is used.
    f = await w.press(KEY.enter, 'Send the test message to (Enter: as shown; erase all to skip): root@localhost');
    expect(fits(f)).toBe(true);
    for (let i = 0; i < 'root@localhost'.length; i++) await w.press(KEY.backspace, () => true);
    await w.type('-oQ/tmp x');
    f = await w.press(KEY.enter, 'Enter asks again');
    expect(f).toContain("Not a local name or user@domain: '-oQ/tmp x'. Enter asks again.");
    expect(plan.calls.mailFlows).toBe(0);
    await w.press(KEY.enter, 'Send the test message to');
    for (let i = 0; i < 'root@localhost'.length; i++) await w.press(KEY.backspace, () => true);
    await w.type('ops-test@example.org');
    await w.press(KEY.enter, 'Checking that mail flows...');
    await vi.waitFor(() => expect(plan.calls.mailFlows).toBe(1));
    // A check that fails is tried again with the address last given, offered as it was.
    plan.flowFailed('sendmail: not found');
    await w.waitFor('Mail flow check failed: sendmail: not found');
    f = await w.press(KEY.enter, /Send the test message to .*: ops-test@example\.org/);
    await w.press(KEY.enter, 'Checking that mail flows...');
    await vi.waitFor(() => expect(plan.calls.mailFlows).toBe(2));
    expect(plan.calls.recipients).toEqual(['ops-test@example.org', 'ops-test@example.org']);
    plan.flowed({ refusal: null, started: true, delivered: true, lines: [{ kind: 'postfix', text: 'Postfix: started (postfix -c /etc/postfix start)' }, { kind: 'accepted', text: 'test message: accepted for ops-test@example.org' }, { kind: 'queued', text: 'queue ID 4BCD9' }, { kind: 'delivered', text: 'delivered to ops-test@example.org: Dec  1 03:14:01 mx postfix/smtp[9]: 4BCD9: to=<ops-test@example.org>, status=sent (250 ok)' }] });
    f = await w.waitFor('delivered to ops-test@example.org');
    expect(f).toContain('queue ID 4BCD9');
    expect(f).toMatch(/^> 4 Summary/m);
    f = await w.press(KEY.enter, '[6 Summary]');
    await vi.waitFor(() => expect(calls.records.some((r) => r.file === '/dev/shm/incident.md' && r.title === 'Summary of the walk')).toBe(true));
    const summary = calls.records.find((r) => r.title === 'Summary of the walk')!.markdown;
    expect(summary).toContain('Evidence of 2 of 3 sources captured into /dev/shm/incident.md');
    expect(summary).toContain('Mail flow check: Postfix started, test message delivered');
  });

  it('Esc stops a running capture, then leaves the plan for the Disks screen; s skips the evidence', async () => {
    const { w, plan } = await openPlan();
    await w.press('P', 'Evidence goes to');
    await w.press(KEY.enter, 'Capturing...');
    await w.press(KEY.esc);
    await vi.waitFor(() => expect(w.state().plan.capture.status).toBe('aborted'));
    await w.waitFor('Enter: capture the evidence now.');
    let f = await w.press(KEY.esc, 'Which filesystem is full?');
    await vi.waitFor(() => expect(w.state().step).toBe('disks'));
    f = await w.press('P', 'Evidence goes to');
    f = await w.press('s', 'Skipped: the evidence.');
    expect(f).toMatch(/^\* 1 Keep evidence/m);
    expect(f).toMatch(/^> 2 Purge/m);
    expect(plan.calls.captures.length).toBe(1);
  });

  it('is not offered when no flagged filesystem has a culprit', async () => {
    const { ports } = fakePorts();
    const w = renderWalk(ports, { columns: 80, rows: 24 });
    const f = await w.waitFor('Needs attention');
    expect(f).not.toContain('rescue plan');
    await w.press('P', 'No rescue plan');
  });
});
