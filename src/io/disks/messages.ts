import { catalogue } from '../../core/i18n/speak.js';

// What reading the disks says: why mountinfo could not be read (in the run's language), and the
// note on a deleted-open file whose filesystem did not answer, which only df's JSON carries (in
// English: `disksDataText`). Why a filesystem gave no figures is a fact: core/disks/statfs-problem.ts.
export const disksIoText = catalogue({
  en: {
    noMountinfo: (why: string) => `spoolrescue df: cannot read /proc/self/mountinfo: ${why}`,
    noMountinfoHint: 'Is /proc mounted? In a rescue shell: mount -t proc proc /proc',
    notResponding: 'filesystem not responding: size not read',
  },
  ja: {
    noMountinfo: (why: string) => `spoolrescue df: /proc/self/mountinfo を読めません: ${why}`,
    noMountinfoHint: '/proc はマウントされていますか。レスキューシェルでは: mount -t proc proc /proc',
    notResponding: 'ファイルシステムが応答しません: サイズは読めていません',
  },
});

// The filesystem facts in English, as df's JSON records them.
export const disksDataText = () => disksIoText('en');
