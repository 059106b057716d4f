import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { fakePorts } from '../fake-ports.js';
import { KEY, renderWalk } from '../render-walk.js';
import { dir, REPORT, startScan } from './hotspot-scan.js';

afterEach(cleanup);

describe('Hotspots screen', () => {
  it('shows live scan progress (entries, rate, current path) and stops on Esc', async () => {
    const { w, s } = await startScan();
    await vi.waitFor(() => expect(s.seen.root).toBe('/var'));
    s.progress({ entries: 123_456, bytes: 2 ** 30, rate: 45_678, currentPath: '/var/spool/postfix/maildrop' });
    const f = await w.waitFor('123,456');
    expect(f).toMatch(/Entries +123,456/);
    expect(f).toContain('rate 45,678/s');
    expect(f).toContain('1 GiB seen');
    expect(f).toContain('/var/spool/postfix/maildrop');
    expect(f).toMatch(/Esc stop/);
    await w.press(KEY.esc, 'Scan stopped');
    expect(s.seen.signal?.aborted).toBe(true);
    expect(w.frame()).toContain('Postfix maildrop');
  });

  it('ranks by entries, by bytes and largest files, with mail paths tagged', async () => {
    const { w, s } = await startScan();
    s.run.resolve(REPORT);
    const f = await w.waitFor('Scanned /var');
    expect(f).toContain('Scanned /var: 1,200,000 entries, 9 GiB, 1 unreadable');
    expect(f).toMatch(/\[C entries\]/);
    expect(f).toMatch(/^> +1,000,000 +600 MiB +\/var\/spool\/postfix\/maildrop \(maildrop queue\)$/m);
    const bytes = await w.press('s', /\[s bytes\]/);
    expect(bytes).toMatch(/^> +3 +4 GiB +\/var\/spool\/mail \(mail spool\)$/m);
    const files = await w.press('f', /\[f files\]/);
    expect(files).toMatch(/^> +4 GiB +\/var\/spool\/mail\/root \(root's mailbox\)$/m);
  });

  it('drills down with Enter and goes up with h/Backspace/Left', async () => {
    const { w, s } = await startScan();
    s.run.resolve({ ...REPORT, byBytes: [dir('/var', 0, 0, 1_200_000, 9 * 2 ** 30)] });
    await w.waitFor('Scanned /var');
    await w.press('s', /\[s bytes\]/);
    const top = await w.press(KEY.enter, /^> +5 GiB +1,000,100 +\/var\/spool$/m);
    expect(top).toMatch(/in \/var$/m);
    expect(top).toMatch(/^ +1 GiB +300 +\/var\/log$/m);
    const spool = await w.press(KEY.enter, /^> +4 GiB +3 +\/var\/spool\/mail$/m);
    expect(spool).toMatch(/in \/var\/spool$/m);
    expect(spool).toMatch(/^ +600 MiB +1,000,050 +\/var\/spool\/postfix$/m);
    // up again: the cursor comes back to the directory we left
    await w.press('h', /^> +5 GiB +1,000,100 +\/var\/spool$/m);
    await w.press('j', /^> +1 GiB +300 +\/var\/log$/m);
    await w.press('k', /^> +5 GiB +1,000,100 +\/var\/spool$/m);
    await w.press(KEY.enter, /in \/var\/spool$/m);
    await w.press(KEY.backspace, /^> +5 GiB +1,000,100 +\/var\/spool$/m);
    await w.press(KEY.left, /\[s bytes\]/);
  });

  it('offers look inside, evidence or purge for a leaf directory, and jumps there', async () => {
    const { w, s } = await startScan();
    s.run.resolve(REPORT);
    await w.waitFor('Scanned /var');
    const menu = await w.press(KEY.enter, 'Look inside (first entries');
    expect(menu).toContain('/var/spool/postfix/maildrop (maildrop queue)');
    expect(menu).toContain('Purge: empty this directory (plan first)');
    expect(menu).toMatch(/Esc cancel/);
    await w.press(KEY.esc, 'Scanned /var');
    await w.press(KEY.enter, 'Look inside (first entries');
    const inside = await w.press(KEY.enter, /\[3 Look inside\]/);
    expect(inside).toContain('/var/spool/postfix/maildrop (maildrop queue)');
    await vi.waitFor(() => expect(w.state().target).toEqual({ path: '/var/spool/postfix/maildrop', kind: 'dir', tag: 'maildrop queue' }));
    await w.press('2', /\[2\*Hotspots\]/);
    await w.press('f', /\[f files\]/);
    const trunc = await w.press('p', /\[5 Purge\/Truncate\]/);
    expect(trunc).toContain('Truncate /var/spool/mail/root');
  });

  it('lists the known mail paths on m, and before any scan when entered without a pick', async () => {
    const { ports } = fakePorts();
    const w = renderWalk(ports);
    await w.waitFor('Needs attention');
    const f = await w.press('2', /\[m mail paths\]/);
    expect(f).toContain('No filesystem picked (step 1); known mail paths below.');
    expect(f).toMatch(/^> +28 MiB +Postfix maildrop +\/var\/spool\/postfix\/maildrop$/m);
    expect(f).toMatch(/4 GiB +root's mailbox +\/var\/spool\/mail\/root/);
    const n = await w.press('s', 'No scan yet');
    expect(n).toContain('No scan yet: pick a filesystem on the Disks screen (1) and press Enter.');
  });

  it('says why a scan failed and falls back to the mail paths', async () => {
    const hotspots = { scan: async () => Promise.reject(new Error('spoolrescue hotspots: a scan worker failed: out of memory')) };
    const { ports } = fakePorts({ hotspots });
    const w = renderWalk(ports);
    await w.waitFor('Needs attention');
    const f = await w.press(KEY.enter, 'Scan failed:');
    expect(f).toContain('Scan failed: spoolrescue hotspots: a scan worker failed: out of memory');
    expect(f).toMatch(/\[m mail paths\]/);
  });
});
