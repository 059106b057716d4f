import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { speak } from '../../src/core/i18n/speak.js';
import { displayWidth } from '../../src/core/text/text-fit.js';
import { runCli } from '../../src/cli/main.js';
import { checkIncidentDestination } from '../../src/ops/incident-destination.js';
import { realIncidentDestinationDeps } from '../../src/ops/real/incident-destination.js';
import { describeWith } from '../helpers/capabilities.js';
import { memoryIo } from '../helpers/memory-io.js';
import { fillFilesystem, mountTmpfs } from '../helpers/mounts.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { realPortsFor } from '../ui/real/context.js';

// The incident destination is judged in one place (src/ops/incident-destination.ts): the op's
// refusal is data without a command name, `capture` and `maillog` word that very reason with
// their own prefix, and the walk's Evidence step shows the same reason. Real full filesystems.

async function cli(args: string[], env?: NodeJS.ProcessEnv) {
  const m = memoryIo(env ? { env } : {});
  const code = await runCli(args, { io: m.io });
  return { code, stderr: m.stderr() };
}

describeWith(['mount'], 'one incident destination check for the CLI and the walk', () => {
  const tmp = makeTempDir('ops-dest', '/var/tmp');
  const full = mountTmpfs(path.join(tmp.dir, 'full'), { size: '1m' });
  afterAll(() => {
    full.unmount();
    tmp.cleanup();
  });
  const spool = path.join(tmp.dir, 'root');
  fs.writeFileSync(spool, 'From a@b Thu Jan  1 00:00:00 2026\nSubject: x\n\nbody\n');
  const log = path.join(tmp.dir, 'maillog');
  fs.writeFileSync(log, '2026-01-01T00:00:00+00:00 mx postfix/qmgr[1]: 4AB: removed\n');
  fillFilesystem(full.dir);
  const deps = realIncidentDestinationDeps();

  it('refuses a full destination as data, and every front-end shows that same reason', async () => {
    const incident = path.join(full.dir, 'incident.md');
    const r = checkIncidentDestination({ file: incident, subject: spool, force: false }, deps);
    if (!('refused' in r)) throw new Error('a full filesystem was accepted');
    expect(r.refused.code).toBe('destination-refused');
    expect(r.refused.reason).toMatch(/^refusing to write the incident file .*(100% full|MB available).*Nothing was written\.$/);
    expect(r.refused.reason).not.toMatch(/spoolrescue|--/);
    expect(r.candidates.map((c) => c.mount)).not.toContain(full.dir);

    const capture = await cli(['capture', spool, '--incident', incident]);
    expect(capture.code).toBe(3);
    expect(capture.stderr.split('\n')[0]).toBe(`spoolrescue capture: ${r.refused.reason}`);
    expect(capture.stderr).toContain('Filesystems with room:');

    const maillog = await cli(['maillog', log, '--incident', incident]);
    expect(maillog.code).toBe(3);
    expect(maillog.stderr.split('\n')[0]).toBe(`spoolrescue maillog: ${r.refused.reason}`);

    const prevent = await cli(['prevent', '--root', tmp.dir, '--incident', incident]);
    expect(prevent.code).toBe(3);
    expect(prevent.stderr.split('\n')[0]).toBe(`spoolrescue prevent: ${r.refused.reason}`);

    const walk = realPortsFor(undefined).evidence.capture.run({ source: spool, incidentFile: incident, messages: 1 }, { signal: new AbortController().signal });
    await expect(walk).rejects.toThrow(r.refused.reason);
    expect(fs.existsSync(incident)).toBe(false);
  });

  it('fails on a missing directory with one reason (exit 1 in the CLI), in the walk too', async () => {
    const incident = path.join(tmp.dir, 'nowhere', 'incident.md');
    const r = checkIncidentDestination({ file: incident, subject: spool, force: false }, deps);
    if (!('refused' in r)) throw new Error('a missing directory was accepted');
    expect(r.refused).toMatchObject({ code: 'no-directory', reason: `the directory of the incident file does not exist: ${path.dirname(incident)}` });
    const capture = await cli(['capture', spool, '--incident', incident]);
    expect(capture.code).toBe(1);
    expect(capture.stderr.split('\n')[0]).toBe(`spoolrescue capture: ${r.refused.reason}`);
    const walk = realPortsFor(undefined).evidence.capture.run({ source: spool, incidentFile: incident, messages: 1 }, { signal: new AbortController().signal });
    await expect(walk).rejects.toThrow(r.refused.reason);
  });

  it('refuses an incident file that is a symlink (exit 3), and accepts a forced full destination with a warning', async () => {
    const link = path.join(tmp.dir, 'link.md');
    fs.writeFileSync(path.join(tmp.dir, 'victim'), 'keep\n');
    fs.symlinkSync(path.join(tmp.dir, 'victim'), link);
    const r = checkIncidentDestination({ file: link, subject: spool, force: false }, deps);
    if (!('refused' in r)) throw new Error('a symlink was accepted');
    expect(r.refused.code).toBe('incident-file-refused');
    const capture = await cli(['capture', spool, '--incident', link]);
    expect(capture.code).toBe(3);
    expect(capture.stderr.split('\n')[0]).toBe(`spoolrescue capture: ${r.refused.reason}`);
    const walk = realPortsFor(undefined).evidence.capture.run({ source: spool, incidentFile: link, messages: 1 }, { signal: new AbortController().signal });
    await expect(walk).rejects.toThrow(r.refused.reason);
    expect(fs.readFileSync(path.join(tmp.dir, 'victim'), 'utf8')).toBe('keep\n');

    const forced = checkIncidentDestination({ file: path.join(full.dir, 'incident.md'), subject: spool, force: true }, deps);
    if ('refused' in forced) throw new Error(`forced destination refused: ${forced.refused.reason}`);
    expect(forced.warnings.join('\n')).toMatch(/--force-destination: writing anyway|full|available/);
  });
  describe('in Japanese', () => {
    afterEach(() => speak('en'));

    it('words the refusals in Japanese, in the op and in the CLI', async () => {
      speak('ja');
      const incident = path.join(tmp.dir, 'nowhere', 'incident.md');
      const r = checkIncidentDestination({ file: incident, subject: spool, force: false }, deps);
      if (!('refused' in r)) throw new Error('a missing directory was accepted');
      expect(r.refused).toMatchObject({ code: 'no-directory', reason: `証跡ファイルのディレクトリがありません: ${path.dirname(incident)}`, hint: 'ディレクトリを作成するか、既存のディレクトリ内のファイルを指定してください。' });
      expect(displayWidth(r.refused.hint!)).toBeLessThanOrEqual(80);
      const full1 = checkIncidentDestination({ file: path.join(full.dir, 'incident.md'), subject: spool, force: false }, deps);
      if (!('refused' in full1)) throw new Error('a full filesystem was accepted');
      expect(full1.refused.reason).toMatch(/^証跡ファイル .* への書き込みを拒否しました: .*。何も書き込んでいません。$/);
      speak('en');
      const capture = await cli(['capture', spool, '--incident', incident], { LANG: 'ja_JP.UTF-8', PATH: process.env.PATH });
      expect(capture.code).toBe(1);
      expect(capture.stderr.split('\n')[0]).toBe(`spoolrescue capture: 証跡ファイルのディレクトリがありません: ${path.dirname(incident)}`);
    });
  });
});