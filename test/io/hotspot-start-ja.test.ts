import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RefusedError, UsageError } from '../../src/core/cli-error.js';
import { speak } from '../../src/core/i18n/speak.js';
import { exportDestination } from '../../src/io/hotspots/export/export-destination.js';
import { checkStart } from '../../src/io/hotspots/start.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Where a hotspot scan will not start, and an export file it will not write, said in Japanese:
// the same refusals and exit codes as in English, nothing scanned or written.
describe('hotspot start and export refusals in Japanese', () => {
  const tmp = makeTempDir('hotspot-start-ja');
  afterAll(tmp.cleanup);
  afterEach(() => speak('en'));
  const dir = path.join(tmp.dir, 'spool');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'root'), Buffer.alloc(8192, 1));
  const link = path.join(tmp.dir, 'mail');
  fs.symlinkSync('spool', link);

  it('refuses a symlinked start (exit 3) and says where it points', async () => {
    speak('ja');
    const err = await checkStart(link, []).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RefusedError);
    expect((err as RefusedError).exitCode).toBe(3);
    expect((err as RefusedError).message).toBe(`spoolrescue hotspots: ${link} はシンボリックリンク（spool へ）です。たどりません`);
    expect((err as RefusedError).hint).toBe(`リンク先で実行してください: spoolrescue hotspots ${dir}   （または --follow を付けてください）`);
  });

  it('calls a file a usage error (exit 2) with its allocated bytes', async () => {
    speak('ja');
    const file = path.join(dir, 'root');
    const err = await checkStart(file, []).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).message).toBe(`spoolrescue hotspots: ${file} はディレクトリではありません（割り当て ${fs.statSync(file).blocks * 512} バイト）`);
    expect((err as UsageError).hint).toContain('capture');
  });

  it('refuses an export into a missing directory and onto an existing directory, in Japanese', () => {
    speak('ja');
    const missing = exportDestination(path.join(tmp.dir, 'nowhere', 'x.ncdu'), dir, false);
    expect(missing).toMatchObject({ refused: { code: 'no-directory', reason: `エクスポートファイルのディレクトリがありません: ${path.join(tmp.dir, 'nowhere')}` } });
    const notFile = exportDestination(dir, tmp.dir, true);
    expect(notFile).toMatchObject({ refused: { code: 'not-a-file', reason: `${dir} は存在し、通常のファイルではありません。何も書き込んでいません`, hint: '別の名前を指定してください。' } });
  });
});
