import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { speak } from '../../src/core/i18n/speak.js';
import { parseRecordLine } from '../../src/core/incident/records.js';
import { createSystemPaths } from '../../src/core/system-paths.js';
import { displayWidth } from '../../src/core/text/text-fit.js';
import { appendClosingSection } from '../../src/io/prevent/closing-section.js';
import { readIncidentRecords } from '../../src/io/incident/sink.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Prevent's closing section written in English and in Japanese: the same record line (fixed and
// open findings), headings and prose in the run's language, and both read back sealed.
describe("prevent's closing section in Japanese", () => {
  const tmp = makeTempDir('closing-ja');
  afterAll(tmp.cleanup);
  afterEach(() => speak('en'));
  const write = async (lang: 'en' | 'ja') => {
    speak(lang);
    const incidentFile = path.join(tmp.dir, `incident-${lang}.md`);
    const r = await appendClosingSection({ incidentFile, paths: createSystemPaths(tmp.dir), open: [], fixedNow: ['crond-mail-on'], changes: ['- edited /etc/sysconfig/crond'], version: '0.1.0' });
    expect(r.result.ok).toBe(true);
    return fs.readFileSync(incidentFile, 'utf8');
  };

  it('writes Japanese headings with the same record as in English', async () => {
    const en = await write('en');
    const ja = await write('ja');
    expect(en).toContain('closing: timeline and prevention');
    expect(en).toContain('### Changes made by this run');
    expect(ja).toContain('まとめ: 経過と再発防止');
    expect(ja).toContain('### この実行で行った変更');
    expect(ja).toContain('crond-mail-on を修正しました。未対応の指摘が 0 件あります');
    expect(ja).not.toContain('closing: timeline');
    const record = (md: string) => md.split('\n').map(parseRecordLine).filter(Boolean).map((r) => ({ ...r, time: undefined }));
    expect(record(ja)).toEqual(record(en));
    expect(record(ja)).toHaveLength(1);
    const back = await readIncidentRecords(path.join(tmp.dir, 'incident-ja.md'));
    expect(back.map((r) => r.step)).toEqual(['prevent']);
    for (const line of ja.split('\n').filter((l) => l.startsWith('#'))) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });
});
