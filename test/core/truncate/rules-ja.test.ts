import { afterEach, describe, expect, it } from 'vitest';
import { speak } from '../../../src/core/i18n/speak.js';
import { displayWidth } from '../../../src/core/text/text-fit.js';
import { INCIDENT_MARGIN, incidentRoomRefusal, lateMailDecision, spoolWriteRefusal } from '../../../src/core/truncate/rules.js';

// The truncation's refusals in Japanese: same codes, the operator's words, short enough to read.
describe('truncate rules in Japanese', () => {
  afterEach(() => speak('en'));

  it('words the spool, the incident file and late mail in Japanese, with the same codes', () => {
    speak('ja');
    const ro = spoolWriteRefusal('/var/mail/root', 'EROFS')!;
    expect(ro.refused).toMatchObject({ code: 'read-only', reason: '/var/mail/root は読み取り専用のファイルシステムにあります。何も変更していません' });
    expect(ro.refused.hint).toContain('mount -o remount,rw MOUNTPOINT');
    expect(spoolWriteRefusal('/var/mail/root', 'EACCES')!.refused).toMatchObject({ code: 'needs-root', hint: 'root で実行してください。' });
    const room = incidentRoomRefusal({ file: '/run/i.md', mount: '/run', readOnly: false, availBytes: 100, exists: false, inodes: 10, inodesFree: 10 }, 50)!;
    expect(room.refused.reason).toBe(`/run の空き容量は 100 バイトですが、証跡ファイル /run/i.md には最大 ${50 + INCIDENT_MARGIN} バイト必要です。切り詰めを記録できないため、何も変更していません`);
    const f = { shown: '/var/mail/root', size: 1500, capturedSize: 1000, acceptLoss: false, hasIncidentFile: false };
    const late = lateMailDecision(f);
    expect('refused' in late && late.refused.reason).toBe('採取後に 500 バイトが /var/mail/root に届きましたが、残しておく証跡ファイルがありません。何も変更していません');
    const shrank = lateMailDecision({ ...f, size: 10, hasIncidentFile: true });
    expect('refused' in shrank && shrank.refused.code).toBe('spool-shrank');
    expect('refused' in shrank && shrank.refused.reason).toContain('1000 バイトから 10 バイトへ縮みました');
    for (const r of [ro, room, late, shrank]) if ('refused' in r && r.refused.hint) expect(displayWidth(r.refused.hint)).toBeLessThanOrEqual(80);
  });
});
