import { catalogue } from '../i18n/speak.js';

// What `queue` says about a mistaken command line or a typed --match, naming what is accepted;
// and the words of the table's two made-up rows (their keys stay English in --json).
export const queueArgsText = catalogue({
  en: {
    notAQueue: (where: string, queue: string, queues: string) => `${where}: '${queue}' is not a queue; queues: ${queues}`,
    badKey: (where: string, by: string, keys: string) => `${where}: --by ${by}: KEY is one of ${keys}`,
    oneAction: (where: string, flags: string) => `${where}: choose one of ${flags}`,
    listOnly: (where: string) => `${where}: --list only lists; run the action without it`,
    badMatch: (text: string, fields: string) => `--match '${text}': expected FIELD=GLOB with FIELD one of ${fields}`,
    badDuration: (text: string) => `'${text}' is not a duration (examples: 90s, 30m, 2h, 5d, 1w)`,
    overflowRow: '(more keys than could be kept)',
    restRow: '(the rest)',
  },
  ja: {
    notAQueue: (where: string, queue: string, queues: string) => `${where}: '${queue}' はキューではありません。キュー: ${queues}`,
    badKey: (where: string, by: string, keys: string) => `${where}: --by ${by}: KEY は ${keys} のどれかです`,
    oneAction: (where: string, flags: string) => `${where}: ${flags} のどれか 1 つを選んでください`,
    listOnly: (where: string) => `${where}: --list は一覧を出すだけです。操作は --list なしで実行してください`,
    badMatch: (text: string, fields: string) => `--match '${text}': FIELD=GLOB の形で、FIELD は ${fields} のどれかです`,
    badDuration: (text: string) => `'${text}' は期間ではありません（例: 90s、30m、2h、5d、1w）`,
    overflowRow: '（保持できる数を超えたキー）',
    restRow: '（残り）',
  },
});
