import { describe, expect, it } from 'vitest';
import { speak } from '../../../src/core/i18n/speak.js';
import { displayWidth } from '../../../src/core/text/text-fit.js';
import { DISKS, FULL_VAR, fakePorts } from '../fake-ports.js';
import { renderWalk } from '../render-walk.js';
import { backToEnglishAfterEach } from './japanese-frames.js';
import { maildropSuspect } from './plan-fixtures.js';

backToEnglishAfterEach();

// The Disks screen in Japanese: the flags worded from their facts when shown (the report keeps
// its English reasons for --json), the details and the likely culprits, within 80x24.
const maildrop = maildropSuspect({ label: 'Postfix maildrop queue', estimatedEntries: 1_000_000, bytes: 28 * 2 ** 20, reason: 'Postfix maildrop queue: ...', mount: FULL_VAR.mount });

describe('Disks screen in Japanese', () => {
  it('says why /var is flagged in Japanese from the same report, within 80x24', async () => {
    speak('ja');
    const report = { ...DISKS, suspects: [maildrop] };
    const { ports } = fakePorts({ disks: { loadDisks: async () => report } });
    const w = renderWalk(ports, { columns: 80, rows: 24, ascii: false });
    const f = await w.waitFor('要対応');
    const lines = f.split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(80);
    expect(f).toContain('どのファイルシステムがディスクフルですか？ Enter でスキャンします。');
    expect(f).toMatch(/^ {2}マウント先 +種類 +サイズ +使用 +残り +inode フラグ$/m);
    expect(f).toMatch(/^[>❯] \/var +ext4 +10 GiB +99% +102 MiB +100% ! 容量 inode *$/m);
    expect(f).toContain('要対応: 容量の 99% を使用、一般ユーザーの空き容量は 102 MiB');
    expect(f).toMatch(/^ +さらに inode を 100% 使用、残り 1,000: /m);
    expect(f).toContain('inode: 1,000,000 中 999,000 使用（100%）、残り 1,000');
    expect(f.replace(/\n +/g, ' ')).toMatch(/原因候補（未スキャン）: \/var\/spool\/postfix\/maildrop 約 1,000,000 ?エントリ（ディレクトリ 28 MiB）/);
    // the report itself is untouched: its reasons stay the English of --json
    expect(report.filesystems[1].flags.map((x) => x.reason)).toEqual(['bytes 99% used, 102 MiB left for ordinary users', 'inodes 100% used, 1,000 left: new files will soon fail']);
  });

  it('says in Japanese when the filesystems could not be read', async () => {
    speak('ja');
    const { ports } = fakePorts({ disks: { loadDisks: async () => Promise.reject(new Error('EACCES')) } });
    const w = renderWalk(ports, { columns: 80, rows: 24, ascii: false });
    const f = await w.waitFor('読み取れませんでした');
    expect(f).toMatch(/ファイルシステムを読み取れませんでした: .*EACCES.*（r で再試行）/);
  });
});
