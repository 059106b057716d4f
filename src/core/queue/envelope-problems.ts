import { catalogue } from '../i18n/speak.js';
import type { QueueProblem } from './message.js';

// What is wrong with a queue file, said from the facts the envelope parser and the reader leave
// in `errors` ({ code, figures }: they run in worker threads, where no catalogue is loaded).
export const envelopeProblemText = catalogue({
  en: {
    endsBeforeEnd: (at: number) => `offset ${at}: the file ends before the end record (truncated)`,
    endsInLength: (at: number) => `offset ${at}: the file ends inside a record length (truncated)`,
    lengthNoEnd: (at: number) => `offset ${at}: record length does not end`,
    lengthImplausible: (at: number, len: number) => `offset ${at}: record length ${len} is implausible`,
    recordPastEnd: (at: number, len: number) => `offset ${at}: a ${len}-byte record runs past the end of the file (truncated)`,
    notQueueFile: (hex: string) => `byte 0 is 0x${hex}: not a Postfix queue file`,
    pointerLoop: 'too many records or a pointer loop; parsing stopped',
    duplicateSender: 'duplicate sender record',
    contentNoEnd: 'message content does not end',
    tooManyReads: (max: number) => `the envelope needs more than ${max} reads; reading stopped`,
    noSender: 'no sender record',
  },
  ja: {
    endsBeforeEnd: (at: number) => `オフセット ${at}: 終了レコードの前でファイルが終わっています（途中で切断）`,
    endsInLength: (at: number) => `オフセット ${at}: レコード長の途中でファイルが終わっています（途中で切断）`,
    lengthNoEnd: (at: number) => `オフセット ${at}: レコード長が終わりません`,
    lengthImplausible: (at: number, len: number) => `オフセット ${at}: レコード長 ${len} はあり得ない値です`,
    recordPastEnd: (at: number, len: number) => `オフセット ${at}: ${len} バイトのレコードがファイル末尾を越えています（途中で切断）`,
    notQueueFile: (hex: string) => `先頭バイトが 0x${hex} です: Postfix のキューファイルではありません`,
    pointerLoop: 'レコードが多すぎるか、ポインタがループしています。解析をやめました',
    duplicateSender: '送信者のレコードが重複しています',
    contentNoEnd: 'メッセージ本文が終わりません',
    tooManyReads: (max: number) => `エンベロープを読むのに ${max} 回を超える読み込みが必要です。読むのをやめました`,
    noSender: '送信者のレコードがありません',
  },
});

// A queue file's problem in words: English unless other words are given (--json carries the
// English words, screens the run's language).
export function envelopeProblemWords(problem: QueueProblem, t: ReturnType<typeof envelopeProblemText> = envelopeProblemText.messages.en): string {
  const [a = 0, b = 0] = problem.figures;
  switch (problem.code) {
    case 'ends-before-end':
      return t.endsBeforeEnd(a);
    case 'ends-in-length':
      return t.endsInLength(a);
    case 'length-no-end':
      return t.lengthNoEnd(a);
    case 'length-implausible':
      return t.lengthImplausible(a, b);
    case 'record-past-end':
      return t.recordPastEnd(a, b);
    case 'not-queue-file':
      return t.notQueueFile(a.toString(16));
    case 'pointer-loop':
      return t.pointerLoop;
    case 'duplicate-sender':
      return t.duplicateSender;
    case 'content-no-end':
      return t.contentNoEnd;
    case 'too-many-reads':
      return t.tooManyReads(a);
    case 'no-sender':
      return t.noSender;
  }
}
