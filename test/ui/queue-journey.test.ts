import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeQueueFlood } from '../../fixtures/lib/queue-flood.js';
import { describeWith } from '../helpers/capabilities.js';
import { BUNDLE } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';

// Queue triage in a real terminal on a serial console (80x24, --serial, TERM=vt100), on a
// generated flooded queue under --root with Postfix stopped: open the Queue step from Disks, read
// the queue, switch the rows to senders, review the bounces' row, switch to delete, type the
// confirmation; the bounces are gone from disk, the rest is there, every byte written is ASCII.

const FILES = 3000;

describeWith(['tmux'], 'the Queue step in a real terminal (tmux 80x24, serial)', () => {
  const tmp = makeTempDir('tui-queue-journey', '/var/tmp');
  const sessions: TmuxSession[] = [];
  afterAll(() => {
    for (const s of sessions) s.kill();
    tmp.cleanup();
  });

  it('reads the queue, shows it by sender, and deletes the bounces only after the typed words', async () => {
    const root = path.join(tmp.dir, 'srv');
    const queueDir = path.join(root, 'var/spool/postfix');
    const kinds = writeQueueFlood({ queueDir, rng: createRng(5), files: FILES, startMs: Date.now() - 3 * 3600_000, endMs: Date.now() - 60_000, ownerUid: 0 });
    const count = (q: string) => fs.readdirSync(path.join(queueDir, q), { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;
    const s = startTmux({ argv: [process.execPath, BUNDLE, '--root', root, '--serial'], env: { TERM: 'vt100', LANG: 'C.UTF-8' }, workDir: path.join(tmp.dir, 'tmux'), columns: 80, rows: 24 });
    sessions.push(s);
    await s.waitFor('Which filesystem is full?');
    let screen = await s.press('t', /3,000 messages in/, 30_000);
    expect(screen).toContain('[Queue]');
    expect(screen).toContain('/var/spool/postfix: Postfix is stopped');
    expect(screen).toContain('by domain (b: by sender');
    screen = await s.press('b', /by sender \(b: by sender-domain/, 30_000);
    screen = await s.waitFor(/3,000 messages in/, 30_000);
    expect(screen).toMatch(/^> +<> +1\.2K +640K /m);
    expect(screen).toContain("! compromised login suspected: webshop");
    screen = await s.press('Enter', /Refused|Selected/, 30_000);
    expect(screen).toContain("Review: hold the messages of sender '<>' (sender=<>)");
    // under --root the host's postsuper is not the rescued system's: the op refuses, as data
    expect(screen).toContain('Refused: hold needs postsuper');
    expect(screen).toContain('x: delete instead.');
    screen = await s.press('x', /Review: delete/, 30_000);
    screen = await s.waitFor(/Selected: [\d,]+ messages/, 30_000);
    const bounces = kinds.backscatter.toLocaleString('en-US');
    expect(screen).toContain(`Selected: ${bounces} messages`);
    expect(screen).toContain(`Stays: ${(FILES - kinds.backscatter).toLocaleString('en-US')} messages`);
    screen = await s.press('Enter', 'DANGER');
    expect(screen).toContain(`Type 'delete ${kinds.backscatter}' to delete ${bounces} messages (sender=<>)`);
    s.type('delete 1');
    await s.press('Enter', "Cancelled: you typed 'delete 1'");
    expect(count('deferred')).toBe(FILES);
    await s.press('Enter', 'DANGER');
    s.type(`delete ${kinds.backscatter}`);
    screen = await s.press('Enter', `delete: ${bounces} of ${bounces} messages (direct).`, 30_000);
    expect(count('deferred')).toBe(FILES - kinds.backscatter);
    expect(count('defer')).toBe(FILES - kinds.backscatter);
    await s.press('Escape', /by sender/);
    await s.press('Escape', 'Which filesystem is full?');
    s.key('q');
    expect(await s.waitExit()).toBe(0);
    const raw = s.raw();
    const bad = raw.findIndex((b) => b > 0x7e || (b < 0x20 && b !== 0x1b && b !== 0x0d && b !== 0x0a && b !== 0x08));
    expect(bad, `byte ${raw[bad]} at ${bad}`).toBe(-1);
    expect(raw.toString('latin1')).not.toMatch(/\u001b\[[0-9;]*m/);
  }, 120_000);
});
