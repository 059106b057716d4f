import { catalogue } from '../i18n/speak.js';
import type { QueueProblem } from './message.js';

// A problem's figures, in the code's order (offset, length, byte or count; see message.ts).
type Figures = Pick<QueueProblem, 'figures'>;

// What is wrong with a queue file, said from the facts the envelope parser and the reader leave
// in `errors` ({ code, figures }: they run in worker threads, where no catalogue is loaded); one
// entry per code.
export const envelopeProblemText = catalogue({
  en: {
    endsBeforeEnd: ({ figures: [at = 0] }: Figures) => `offset ${at}: the file ends before the end record (truncated)`,
    endsInLength: ({ figures: [at = 0] }: Figures) => `offset ${at}: the file ends inside a record length (truncated)`,
    lengthNoEnd: ({ figures: [at = 0] }: Figures) => `offset ${at}: record length does not end`,
    lengthImplausible: ({ figures: [at = 0, len = 0] }: Figures) => `offset ${at}: record length ${len} is implausible`,
    recordPastEnd: ({ figures: [at = 0, len = 0] }: Figures) => `offset ${at}: a ${len}-byte record runs past the end of the file (truncated)`,
    notQueueFile: ({ figures: [byte = 0] }: Figures) => `byte 0 is 0x${byte.toString(16)}: not a Postfix queue file`,
    pointerLoop: 'too many records or a pointer loop; parsing stopped',
    duplicateSender: 'duplicate sender record',
    contentNoEnd: 'message content does not end',
    tooManyReads: ({ figures: [max = 0] }: Figures) => `the envelope needs more than ${max} reads; reading stopped`,
    noSender: 'no sender record',
  },
  ja: {
    endsBeforeEnd: ({ figures: [at = 0] }: Figures) => `オフセット ${at}: 終了レコードの前でファイルが終わっています（途中で切断）`,
    endsInLength: ({ figures: [at = 0] }: Figures) => `オフセット ${at}: レコード長の途中でファイルが終わっています（途中で切断）`,
    lengthNoEnd: ({ figures: [at = 0] }: Figures) => `オフセット ${at}: レコード長が終わりません`,
    lengthImplausible: ({ figures: [at = 0, len = 0] }: Figures) => `オフセット ${at}: レコード長 ${len} はあり得ない値です`,
    recordPastEnd: ({ figures: [at = 0, len = 0] }: Figures) => `オフセット ${at}: ${len} バイトのレコードがファイル末尾を越えています（途中で切断）`,
    notQueueFile: ({ figures: [byte = 0] }: Figures) => `先頭バイトが 0x${byte.toString(16)} です: Postfix のキューファイルではありません`,
    pointerLoop: 'レコードが多すぎるか、ポインタがループしています。解析をやめました',
    duplicateSender: '送信者のレコードが重複しています',
    contentNoEnd: 'メッセージ本文が終わりません',
    tooManyReads: ({ figures: [max = 0] }: Figures) => `エンベロープを読むのに ${max} 回を超える読み込みが必要です。読むのをやめました`,
    noSender: '送信者のレコードがありません',
  },
});
