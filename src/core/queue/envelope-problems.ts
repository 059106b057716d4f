import { catalogue } from '../i18n/speak.js';

// What is wrong with a queue file, said from the code the envelope parser leaves in `errors`
// ("env:CODE[:FIGURE...]": the parser runs in worker threads, where no catalogue is loaded).
export const envelopeProblemText = catalogue({
  en: {
    endsBeforeEnd: (at: string) => `offset ${at}: the file ends before the end record (truncated)`,
    endsInLength: (at: string) => `offset ${at}: the file ends inside a record length (truncated)`,
    lengthNoEnd: (at: string) => `offset ${at}: record length does not end`,
    lengthImplausible: (at: string, len: string) => `offset ${at}: record length ${len} is implausible`,
    recordPastEnd: (at: string, len: string) => `offset ${at}: a ${len}-byte record runs past the end of the file (truncated)`,
    notQueueFile: (hex: string) => `byte 0 is 0x${hex}: not a Postfix queue file`,
    pointerLoop: 'too many records or a pointer loop; parsing stopped',
    duplicateSender: 'duplicate sender record',
    contentNoEnd: 'message content does not end',
  },
  ja: {
    endsBeforeEnd: (at: string) => `オフセット ${at}: 終了レコードの前でファイルが終わっています（途中で切断）`,
    endsInLength: (at: string) => `オフセット ${at}: レコード長の途中でファイルが終わっています（途中で切断）`,
    lengthNoEnd: (at: string) => `オフセット ${at}: レコード長が終わりません`,
    lengthImplausible: (at: string, len: string) => `オフセット ${at}: レコード長 ${len} はあり得ない値です`,
    recordPastEnd: (at: string, len: string) => `オフセット ${at}: ${len} バイトのレコードがファイル末尾を越えています（途中で切断）`,
    notQueueFile: (hex: string) => `先頭バイトが 0x${hex} です: Postfix のキューファイルではありません`,
    pointerLoop: 'レコードが多すぎるか、ポインタがループしています。解析をやめました',
    duplicateSender: '送信者のレコードが重複しています',
    contentNoEnd: 'メッセージ本文が終わりません',
  },
});

// A queue file's problem in words (English unless other words are given: `errors` is --json
// data); anything that is not an envelope code is returned as it is.
export function envelopeProblemWords(problem: string, t: ReturnType<typeof envelopeProblemText> = envelopeProblemText.messages.en): string {
  if (!problem.startsWith('env:')) return problem;
  const [, code, a = '', b = ''] = problem.split(':');
  switch (code) {
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
      return t.notQueueFile(a);
    case 'pointer-loop':
      return t.pointerLoop;
    case 'duplicate-sender':
      return t.duplicateSender;
    case 'content-no-end':
      return t.contentNoEnd;
    default:
      return problem;
  }
}
