import { catalogue } from '../i18n/speak.js';

// What a finished purge says on the terminal: outcome, verification, postfix check, incident.
export const purgeReportText = catalogue({
  en: {
    head: (state: 'stopped' | 'incomplete' | 'done', dir: string, strategy: string, entries: string, bytes: string, took: string) =>
      `${state === 'stopped' ? 'Stopped' : state === 'incomplete' ? 'Purge INCOMPLETE' : 'Purged'}: ${dir} (${strategy}): ${entries} entries removed, ${bytes} freed in ${took}`,
    note: (v: string) => `  note: ${v}`,
    backInPlace: (after: string) => `  DIR was back in place, empty, ${after} after start`,
    postsuper: (command: string, ok: boolean, last: string | null) => `  ${command}: ${ok ? 'ok' : 'FAILED'}${last !== null ? ` (${last})` : ''}`,
    verified: (owner: string, mode: string, label: string, differences: string | null) =>
      `  verified: owner ${owner}, mode ${mode}, label ${label}: ${differences === null ? 'as snapshotted' : `DIFFERS: ${differences}`}`,
    repaired: (v: string) => `  repaired: ${v}`,
    notCompared: (v: string) => `  not compared (the inode was kept, so they were not touched): ${v}`,
    empty: 'empty',
    left: (atLeast: boolean, entries: string, sample: string) => `${atLeast ? 'at least ' : ''}${entries} entries left (${sample})`,
    contents: (v: string) => `  contents: ${v}`,
    problem: (where: string, message: string) => `  problem: ${where}: ${message}`,
    check: (ok: boolean, exitCode: string, said: string) => `  postfix check: ${ok ? 'ok' : `exit ${exitCode}`}${said ? `: ${said}` : ', nothing to report'}`,
    checkNotRun: (why: string) => `  postfix check: not run (${why})`,
    incidentWritten: (file: string) => `  incident file: section appended to ${file}`,
    incidentFailed: (message: string) => `  incident file: NOT written: ${message}`,
    failure: (v: string) => `  ! ${v}`,
  },
  ja: {
    head: (state: 'stopped' | 'incomplete' | 'done', dir: string, strategy: string, entries: string, bytes: string, took: string) =>
      `${state === 'stopped' ? '中断' : state === 'incomplete' ? '削除 (purge) は未完了' : '削除 (purge) 完了'}: ${dir} (${strategy}): ${entries} 個のエントリを削除、${bytes} を解放（${took}）`,
    note: (v: string) => `  注: ${v}`,
    backInPlace: (after: string) => `  DIR は開始から ${after} で空の状態で元の場所に戻りました`,
    postsuper: (command: string, ok: boolean, last: string | null) => `  ${command}: ${ok ? '正常' : '失敗'}${last !== null ? `（${last}）` : ''}`,
    verified: (owner: string, mode: string, label: string, differences: string | null) =>
      `  検証: 所有者 ${owner}、モード ${mode}、ラベル ${label}: ${differences === null ? 'スナップショットどおり' : `相違あり: ${differences}`}`,
    repaired: (v: string) => `  修復: ${v}`,
    notCompared: (v: string) => `  比較せず（inode はそのままなので変わっていません）: ${v}`,
    empty: '空',
    left: (atLeast: boolean, entries: string, sample: string) => `${entries} 個${atLeast ? '以上' : ''}のエントリが残っています（${sample}）`,
    contents: (v: string) => `  中身: ${v}`,
    problem: (where: string, message: string) => `  問題: ${where}: ${message}`,
    check: (ok: boolean, exitCode: string, said: string) => `  postfix check: ${ok ? '正常' : `終了コード ${exitCode}`}${said ? `: ${said}` : '、報告なし'}`,
    checkNotRun: (why: string) => `  postfix check: 未実行（${why}）`,
    incidentWritten: (file: string) => `  証跡ファイル: ${file} に節を追記しました`,
    incidentFailed: (message: string) => `  証跡ファイル: 書き込めませんでした: ${message}`,
    failure: (v: string) => `  ! ${v}`,
  },
});
