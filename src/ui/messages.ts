import { catalogue } from '../core/i18n/speak.js';

// What the walk itself says: its context line, the notices of the reducer, and the words on the
// terminal after it ends (where the incident file is, a crash).
export const walkText = catalogue({
  en: {
    context: (host: string, where: string, serial: boolean, target: string) => `spoolrescue on ${host}${where}${serial ? ' (serial mode)' : ''}${target}`,
    target: (path: string) => `  target: ${path}`,
    cancelled: 'Cancelled. Nothing was changed.',
    stopping: 'Stopping cleanly... (Ctrl-C again to quit)',
    quitWhileRunning: 'A purge or truncate is running. Stop it cleanly and quit? (y/N)',
    ended: 'It has ended (see above); q quits.',
    inFrame: (frame: string) => `in ${frame}`,
    outsideScreens: 'outside the screens',
    settling: 'spoolrescue: waiting for the running step to stop cleanly...\n',
    noIncidentFile: 'No incident file was written in this walk.',
    crashTitle: 'The walk stopped on an error',
    crashRecorded: (file: string) => `Incident file: ${file} (the error is recorded at its end).`,
    crashRecordFailed: (file: string, why: string) => `Incident file: ${file} (recording the error failed: ${why}).`,
    incidentFileIs: (file: string) => `Incident file: ${file}`,
    crashed: (where: string, message: string) => `spoolrescue: the walk stopped on an unexpected error ${where}: ${message}`,
    restored: 'The terminal was restored; nothing more was done. Set SPOOLRESCUE_DEBUG=1 to see the stack.\n',
    incidentAtEnd: (file: string) => `spoolrescue: incident file ${file}`,
  },
  ja: {
    context: (host: string, where: string, serial: boolean, target: string) => `spoolrescue on ${host}${where}${serial ? '（シリアルモード）' : ''}${target}`,
    target: (path: string) => `  対象: ${path}`,
    cancelled: '取り消しました。何も変更していません。',
    stopping: '安全に停止しています...（もう一度 Ctrl-C で終了）',
    quitWhileRunning: '削除 (purge) または切り詰めを実行中です。安全に止めて終了しますか？ (y/N)',
    ended: '終了しました（上を参照）。q で終了します。',
    inFrame: (frame: string) => `${frame} で`,
    outsideScreens: '画面の外で',
    settling: 'spoolrescue: 実行中のステップが安全に止まるのを待っています...\n',
    noIncidentFile: 'このウォークでは証跡ファイルを書いていません。',
    crashTitle: 'エラーでウォークが止まりました',
    crashRecorded: (file: string) => `証跡ファイル: ${file}（エラーは末尾に記録しました）`,
    crashRecordFailed: (file: string, why: string) => `証跡ファイル: ${file}（エラーの記録に失敗しました: ${why}）`,
    incidentFileIs: (file: string) => `証跡ファイル: ${file}`,
    crashed: (where: string, message: string) => `spoolrescue: 予期しないエラーでウォークが止まりました（${where}）: ${message}`,
    restored: '端末は元に戻しました。それ以上は何もしていません。スタックを見るには SPOOLRESCUE_DEBUG=1 を設定してください。\n',
    incidentAtEnd: (file: string) => `spoolrescue: 証跡ファイル ${file}`,
  },
});
