import { catalogue } from '../../core/i18n/speak.js';

// What reading the disks says: why mountinfo could not be read (in the run's language), and why a
// filesystem gave no figures; those go into df's JSON, which does not change with the language, so
// the code records them in English (`disksDataText`).
export const disksIoText = catalogue({
  en: {
    noMountinfo: (why: string) => `spoolrescue df: cannot read /proc/self/mountinfo: ${why}`,
    noMountinfoHint: 'Is /proc mounted? In a rescue shell: mount -t proc proc /proc',
    notResponding: 'filesystem not responding: size not read',
    statfsTimedOut: (ms: number) => `no answer from statfs within ${ms} ms (server or daemon gone?)`,
    noAnswer: 'no answer',
    helperNotStarted: (why: string) => `cannot start the statfs helper (${why})`,
    helperEnded: (why: string) => `statfs helper ended without an answer (${why})`,
  },
  ja: {
    noMountinfo: (why: string) => `spoolrescue df: /proc/self/mountinfo を読めません: ${why}`,
    noMountinfoHint: '/proc はマウントされていますか。レスキューシェルでは: mount -t proc proc /proc',
    notResponding: 'ファイルシステムが応答しません: サイズは読めていません',
    statfsTimedOut: (ms: number) => `${ms} ms 以内に statfs の応答がありません（サーバかデーモンが止まっていませんか）`,
    noAnswer: '応答なし',
    helperNotStarted: (why: string) => `statfs ヘルパーを起動できません（${why}）`,
    helperEnded: (why: string) => `statfs ヘルパーが応答せずに終了しました（${why}）`,
  },
});

// The filesystem facts in English, as df's JSON records them.
export const disksDataText = () => disksIoText('en');
