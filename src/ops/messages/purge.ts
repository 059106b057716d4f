import { catalogue } from '../../core/i18n/speak.js';

// Why the purge use case cannot go on before anything is changed (the CLI and the walk show these;
// an error document's message is worded in the run's language).
export const purgeOpText = catalogue({
  en: {
    nothingChanged: (reason: string) => `${reason}; nothing was changed`,
    noDirectory: 'its directory does not exist',
    notWritable: 'not writable',
    incidentUnwritable: (file: string, why: string) => `cannot write the incident file ${file}: ${why}; nothing was changed`,
    incidentHint: 'Give a file on a filesystem with room (/dev/shm, /run, another disk).',
    noProc: '/proc is not mounted; the purge needs /proc/self/fd to walk directories safely',
    mountProc: 'Mount it: mount -t proc proc /proc',
    rootDirectory: (dir: string) => `${dir} is the root directory`,
    unreachable: (parent: string, why: string) => `${parent} does not exist or cannot be reached (${why})`,
    unreadable: (dir: string, why: string) => `cannot look at ${dir}: ${why}`,
    missing: (dir: string) => `${dir} does not exist`,
    stoppedCounting: 'stopped while counting; nothing was changed',
  },
  ja: {
    nothingChanged: (reason: string) => `${reason}。何も変更していません`,
    noDirectory: 'そのディレクトリがありません',
    notWritable: '書き込めません',
    incidentUnwritable: (file: string, why: string) => `証跡ファイル ${file} に書き込めません: ${why}。何も変更していません`,
    incidentHint: '空き容量のあるファイルシステム上のファイルを指定してください (/dev/shm、/run、別のディスク)。',
    noProc: '/proc がマウントされていません。削除 (purge) はディレクトリを安全にたどるために /proc/self/fd を使います',
    mountProc: 'マウントしてください: mount -t proc proc /proc',
    rootDirectory: (dir: string) => `${dir} はルートディレクトリです`,
    unreachable: (parent: string, why: string) => `${parent} がないか、たどれません (${why})`,
    unreadable: (dir: string, why: string) => `${dir} を調べられません: ${why}`,
    missing: (dir: string) => `${dir} がありません`,
    stoppedCounting: '数えている途中で止めました。何も変更していません',
  },
});
