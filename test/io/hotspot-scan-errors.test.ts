import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { speak } from '../../src/core/i18n/speak.js';
import { displayWidth, wrapText } from '../../src/core/text/text-fit.js';
import { scanErrorWords } from '../../src/io/hotspots/messages.js';
import { scan } from '../../src/io/hotspots/scan.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// A scan worker sends what it could not read as a code and figures; the main thread words them:
// English in the report (--json shows it in every language), Japanese when the catalogue is.

const tmp = makeTempDir('hotspot-errors');
afterAll(tmp.cleanup);
afterEach(() => speak('en'));

const WIRES = ['stat:3:EACCES', 'dir:EACCES', 'dir:EPERM', 'dir:ENOENT', 'dir:ENOTDIR', 'dir:EIO', "dir:?:EBUSY: resource busy or locked, scandir '/srv/a:b'"];

describe('hotspot scan errors', () => {
  it('words every worker code in English as the report always did', () => {
    const en = WIRES.map((w) => scanErrorWords(w, 'en'));
    expect(en).toEqual([
      '3 entries could not be examined (EACCES)',
      'cannot read directory: permission denied (EACCES)',
      'cannot read directory: permission denied (EPERM)',
      'vanished during the scan (ENOENT)',
      'replaced by a non-directory during the scan (ENOTDIR)',
      'cannot read directory: I/O error (EIO)',
      "cannot read directory: EBUSY: resource busy or locked, scandir '/srv/a:b'",
    ]);
  });

  it('words them in Japanese within 80 columns', () => {
    const ja = WIRES.map((w) => scanErrorWords(w, 'ja'));
    expect(ja[0]).toBe('3 個の項目を調べられませんでした（EACCES）');
    expect(ja[1]).toBe('ディレクトリを読めません: 権限がありません（EACCES）');
    expect(ja[3]).toBe('走査中に消えました（ENOENT）');
    expect(ja[4]).toBe('走査中にディレクトリ以外のものに置き換わりました（ENOTDIR）');
    expect(ja[6]).toBe("ディレクトリを読めません: EBUSY: resource busy or locked, scandir '/srv/a:b'");
    // as the hotspots report shows them: indented, wrapped at 80 columns
    for (const l of ja.flatMap((m) => wrapText(`      ${m}`, 80, '      '))) expect(displayWidth(l), l).toBeLessThanOrEqual(80);
  });

  it('keeps the report English while the run speaks Japanese (a directory removed mid-scan)', async () => {
    const tree = path.join(tmp.dir, 'tree');
    for (let i = 0; i < 5; i++) {
      fs.mkdirSync(path.join(tree, `d${i}`), { recursive: true });
      fs.writeFileSync(path.join(tree, `d${i}`, 'f'), 'x');
    }
    const gone = path.join(tree, 'd3');
    speak('ja');
    const { report } = await scan(tree, {
      beforeDispatch: (paths) => {
        if (paths.includes(gone)) fs.rmSync(gone, { recursive: true });
      },
    });
    expect(report.errors).toEqual([{ path: gone, message: 'vanished during the scan (ENOENT)' }]);
  });
});
