import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parseRecordLine } from '../../src/core/incident/records.js';
import { describeWith } from '../helpers/capabilities.js';
import { BUNDLE } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';
import { MAIL_OWNER, MAILDROP_MODE, SETGID_GROUP, rescueScene, type RescueScene } from './journey/rescued-server.js';
import { rescueWalk, type WalkOutcome } from './journey/walk.js';

// The whole rescue in a real terminal (tmux, 80x24) on a generated server with --root, then the
// filesystem: the incident file holds the captured messages and their hash, maildrop is back,
// empty, with its owner, group and mode. Again on a serial console, where every byte written
// must be ASCII and no colour may be used.

function checkFilesystem(scene: RescueScene, out: WalkOutcome): void {
  const text = fs.readFileSync(out.incidentFile, 'utf8');
  expect(fs.statSync(out.incidentFile).mode & 0o777).toBe(0o600);
  expect(text).toContain(scene.server.mbox.firstFromLine!);
  expect(text).toContain(scene.server.mbox.lastFromLine!);
  expect(text).toContain(out.sha256);
  const steps = text.split('\n').map(parseRecordLine).filter(Boolean).map((r) => r!.step);
  expect(steps.slice(0, 2)).toEqual(['capture', 'purge']);
  // The walk's own summary section: its hash covers the text below its header table, up to the
  // seal line the incident file adds after every section.
  const start = text.lastIndexOf('\n## spoolrescue walk: Summary of the walk');
  const sealAt = text.indexOf('<!--\u2063spoolrescue-seal ', start);
  const summary = text.slice(start, sealAt);
  const m = /\| SHA-256 \| `([0-9a-f]{64})` \(the text below this table\) \|\n\n/.exec(summary)!;
  expect(crypto.createHash('sha256').update(summary.slice(m.index + m[0].length)).digest('hex')).toBe(m[1]);
  // Then the closing section: the timeline from the records (the capture's first message, the purge).
  const closing = text.slice(sealAt);
  expect(closing).toContain('## spoolrescue ');
  expect(closing).toContain(`Mail piling up since: **`);
  expect(closing).toMatch(/\| purge \| emptied /);
  const st = fs.statSync(scene.maildrop);
  expect(fs.readdirSync(scene.maildrop)).toEqual([]);
  expect({ uid: st.uid, gid: st.gid, mode: st.mode & 0o7777 }).toEqual({ uid: MAIL_OWNER, gid: SETGID_GROUP, mode: MAILDROP_MODE });
}

describeWith(['tmux', 'root', 'mount'], 'the rescue in a real terminal (tmux 80x24, --root on a generated server)', () => {
  const tmp = makeTempDir('tui-journey', '/var/tmp');
  const scenes: RescueScene[] = [];
  const sessions: TmuxSession[] = [];
  afterAll(() => {
    for (const s of sessions) s.kill();
    for (const sc of scenes) sc.unmount();
    tmp.cleanup();
  });
  const start = (name: string, scene: RescueScene, extra: string[], env: Record<string, string>) => {
    const s = startTmux({ argv: [process.execPath, BUNDLE, '--root', scene.server.root, ...extra], env: { LANG: 'C.UTF-8', ...env }, workDir: path.join(tmp.dir, `tmux-${name}`) });
    sessions.push(s);
    return s;
  };
  const scene = (name: string) => {
    const sc = rescueScene(path.join(tmp.dir, name));
    scenes.push(sc);
    return sc;
  };

  it('finds the maildrop hotspot, looks inside, captures evidence elsewhere, purges with the typed name, sums up', async () => {
    const sc = scene('colour');
    const s = start('colour', sc, [], { TERM: 'xterm-256color' });
    const out = await rescueWalk(s, sc);
    checkFilesystem(sc, out);
    const raw = s.raw().toString('latin1');
    expect(raw).toContain('\u001b[?1049h');
    expect(raw).toContain('\u001b[?25h\u001b[?1049l');
  }, 120_000);

  it('the same rescue on a serial console (--serial, TERM=vt100): ASCII only, no colour', async () => {
    const sc = scene('serial');
    const s = start('serial', sc, ['--serial'], { TERM: 'vt100' });
    const out = await rescueWalk(s, sc, true);
    checkFilesystem(sc, out);
    const raw = s.raw();
    const bad = raw.findIndex((b) => b > 0x7e || (b < 0x20 && b !== 0x1b && b !== 0x0d && b !== 0x0a && b !== 0x08));
    expect(bad, `byte ${raw[bad]} at ${bad}: ${JSON.stringify(raw.subarray(Math.max(0, bad - 40), bad + 10).toString('latin1'))}`).toBe(-1);
    expect(raw.toString('latin1')).not.toMatch(/\u001b\[[0-9;]*m/);
    expect(raw.toString('latin1')).not.toContain('\u001b[?1049h');
  }, 120_000);
});

describeWith(['tmux'], 'serial mode from the flag alone', () => {
  const tmp = makeTempDir('tui-serial-flag');
  const sessions: TmuxSession[] = [];
  afterAll(() => {
    for (const s of sessions) s.kill();
    tmp.cleanup();
  });

  it('--serial alone (any TERM) is serial too: ASCII only, no colour', async () => {
    const s = startTmux({ argv: [process.execPath, BUNDLE, '--root', tmp.dir, '--serial'], env: { TERM: 'xterm-256color', LANG: 'C.UTF-8' }, workDir: path.join(tmp.dir, 'tmux') });
    sessions.push(s);
    await s.waitFor('Which filesystem is full?');
    await s.waitFor('(serial mode)');
    s.key('?');
    await s.waitFor('Anywhere');
    s.key('Escape');
    await s.waitFor('Which filesystem is full?');
    s.key('q');
    expect(await s.waitExit()).toBe(0);
    const raw = s.raw();
    expect(raw.every((b) => b <= 0x7e)).toBe(true);
    expect(raw.toString('latin1')).not.toMatch(/\u001b\[[0-9;]*m/);
  });
});
