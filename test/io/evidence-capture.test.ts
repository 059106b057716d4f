import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RefusedError } from '../../src/core/cli-error.js';
import { speak } from '../../src/core/i18n/speak.js';
import { appendIncidentSection } from '../../src/io/incident/sink.js';
import { createSystemPaths } from '../../src/core/system-paths.js';
import { captureEvidence } from '../../src/io/incident/evidence-capture.js';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeMbox } from '../../fixtures/lib/mbox.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The in-process capture the TUI calls: a real file that grows while it is read.
describe('captureEvidence on a spool being delivered to', () => {
  const tmp = makeTempDir('evidence');
  afterAll(tmp.cleanup);
  const spool = path.join(tmp.dir, 'root');
  const m = writeMbox({ path: spool, rng: createRng(5), messages: 400, collect: true, startMs: Date.UTC(2025, 0, 1), endMs: Date.UTC(2026, 0, 1) });

  it('stops at the size taken at start and reports what arrived meanwhile', async () => {
    const late = 'From late@x  Mon Jan  5 12:00:00 2026\nSubject: late\n\nbody\n\n';
    let appended = false;
    const o = await captureEvidence({
      hostPath: spool,
      paths: createSystemPaths(undefined, tmp.dir),
      items: 3,
      chunkSize: 4096,
      onProgress: () => {
        if (!appended) fs.appendFileSync(spool, late);
        appended = true;
      },
    });
    expect(appended).toBe(true);
    expect(o.kind).toBe('mbox');
    if (o.kind !== 'mbox') return;
    expect(o.data.grewBy).toBe(late.length);
    expect(o.data.capture.last.map((x) => x.bytes.toString())).toEqual(m.texts!.slice(-3));
    expect(o.markdown).toContain(`grew by ${late.length} bytes while it was read`);
  });

  it('stops promptly when aborted, writing nothing', async () => {
    const ac = new AbortController();
    const p = captureEvidence({ hostPath: spool, paths: createSystemPaths(undefined, tmp.dir), count: true, chunkSize: 512, signal: ac.signal, onProgress: () => ac.abort() });
    await expect(p).rejects.toThrow();
  });
});

// What capture refuses, said in Japanese: a symlink (never followed) and an incident file that is
// a symlink; nothing is read or written.
describe('capture refusals in Japanese', () => {
  const tmp = makeTempDir('evidence-ja');
  afterAll(tmp.cleanup);
  afterEach(() => speak('en'));
  const spool = path.join(tmp.dir, 'root');
  fs.writeFileSync(spool, 'From a  Mon Jan  5 10:00:00 2026\n\nbody\n');
  const link = path.join(tmp.dir, 'mail-link');
  fs.symlinkSync('root', link);

  it('refuses a symlinked spool with a Japanese reason and hint (exit 3)', async () => {
    speak('ja');
    const err = await captureEvidence({ hostPath: link, paths: createSystemPaths(undefined, tmp.dir) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RefusedError);
    expect((err as RefusedError).exitCode).toBe(3);
    expect((err as RefusedError).message).toBe(`${link} は root へのシンボリックリンクです。spoolrescue はシンボリックリンクをたどりません`);
    expect((err as RefusedError).hint).toBe(`実体のファイルを指定してください: ${spool}`);
  });

  it('refuses an incident file that is a symlink, in Japanese, and writes nothing through it', () => {
    speak('ja');
    const target = path.join(tmp.dir, 'elsewhere.md');
    const incident = path.join(tmp.dir, 'incident.md');
    fs.symlinkSync(target, incident);
    const r = appendIncidentSection(incident, '## test\n');
    expect(r.ok).toBe(false);
    expect(r.message).toBe(`証跡ファイル ${incident} を拒否しました: シンボリックリンクです（たどりません）。何も書き込んでいません`);
    expect(fs.existsSync(target)).toBe(false);
  });
});
