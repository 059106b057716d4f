import { catalogue } from '../i18n/speak.js';

// What `queue --ids-from` says: mistaken combinations, a list that is not a list of queue IDs,
// progress while the list is read, and what became of its lines.
export const queueIdsText = catalogue({
  en: {
    notWithFilters: (where: string) =>
      `${where}: --ids-from is the selection; it cannot be combined with --match, --older-than or --newer-than (they need every envelope read): filter when listing (queue --match ... --list), then act on that list`,
    needsAction: (where: string) => `${where}: --ids-from selects for --hold, --release, --requeue or --delete (with --dry-run to review)`,
    cannotOpen: (where: string, file: string, code: string) => `${where}: --ids-from ${file}: cannot read it (${code})`,
    notIds: (count: string, line: string, text: string) => `${count} lines of the ID list are not queue IDs (first: line ${line}: '${text}'); nothing was changed`,
    notIdsHint: 'Give the output of queue --list or postqueue -j, "QUEUE ID" lines, or one queue ID per line.',
    stopped: 'spoolrescue queue: stopped while reading the ID list; nothing was changed',
    progress: (lines: string, found: string, rate: string, eta: string | undefined) => `reading the ID list: ${lines} lines, ${found} queue files found (${rate} lines/s${eta !== undefined ? `, ETA ${eta}` : ''})`,
    summary: (lines: string, found: string) => `ID list: ${lines} lines, ${found} queue files found`,
    repeated: (n: string) => `${n} repeated`,
    gone: (n: string) => `${n} already gone`,
    notFile: (n: string) => `${n} not regular files (left alone)`,
    otherOwner: (n: string) => `${n} not owned by the queue's owner (left alone)`,
    badDir: (n: string) => `${n} under a directory that is not the queue's (left alone)`,
    otherQueue: (n: string) => `${n} in queues not asked for (left alone)`,
  },
  ja: {
    notWithFilters: (where: string) =>
      `${where}: --ids-from はそれ自体が選択です。--match、--older-than、--newer-than とは組み合わせられません（すべてのエンベロープを読む必要があるため）。一覧を作るときに絞り込み（queue --match ... --list）、その一覧に対して操作してください`,
    needsAction: (where: string) => `${where}: --ids-from は --hold、--release、--requeue、--delete の対象を選ぶものです（確認は --dry-run で）`,
    cannotOpen: (where: string, file: string, code: string) => `${where}: --ids-from ${file}: 読めません（${code}）`,
    notIds: (count: string, line: string, text: string) => `ID 一覧のうち ${count} 行がキュー ID ではありません（最初: ${line} 行目: '${text}'）。何も変更していません`,
    notIdsHint: 'queue --list または postqueue -j の出力、「キュー名 ID」の行、または 1 行に 1 つのキュー ID を渡してください。',
    stopped: 'spoolrescue queue: ID 一覧の読み込み中に中断しました。何も変更していません',
    progress: (lines: string, found: string, rate: string, eta: string | undefined) => `ID 一覧を読み込み中: ${lines} 行、キューファイル ${found} 件（${rate} 行/秒${eta !== undefined ? `、残り ${eta}` : ''}）`,
    summary: (lines: string, found: string) => `ID 一覧: ${lines} 行、キューファイル ${found} 件`,
    repeated: (n: string) => `重複 ${n} 件`,
    gone: (n: string) => `既になし ${n} 件`,
    notFile: (n: string) => `通常ファイルでないもの ${n} 件（触れていません）`,
    otherOwner: (n: string) => `キューの所有者以外のもの ${n} 件（触れていません）`,
    badDir: (n: string) => `キューのものでないディレクトリの下 ${n} 件（触れていません）`,
    otherQueue: (n: string) => `指定していないキューのもの ${n} 件（触れていません）`,
  },
});
