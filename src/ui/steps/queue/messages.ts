import { catalogue } from '../../../core/i18n/speak.js';

// What the Queue step says about a selection typed as a match (the rest of the step's text is
// still written where it is used).
export const queueStepText = catalogue({
  en: {
    matchHelp: 'select by a match typed as --match words: FIELD=GLOB..., older-than=DUR, newer-than=DUR; then review and act',
    matchBar: 'match',
    matchPrompt: 'Select (FIELD=GLOB ... older-than=DUR): ',
    matchFields: (fields: string) => `FIELD: ${fields}. Globs * ? [set], <> is the null sender; older-than=4d selects by age.`,
    matchCancelled: 'Nothing typed: no selection, nothing was read.',
    matchInvalid: (why: string) => `Not a selection: ${why} (m: type it again)`,
    matchReviewTitle: (action: string, match: string) => `Review: ${action} the messages that match ${match}`,
    matchReading: (action: string) => `Reading the queue for ${action} by the match`,
  },
  ja: {
    matchHelp: '--match と同じ書き方の条件で選択: FIELD=GLOB...、older-than=DUR、newer-than=DUR。確認してから実行',
    matchBar: '条件',
    matchPrompt: '条件 (FIELD=GLOB ... older-than=DUR): ',
    matchFields: (fields: string) => `FIELD: ${fields}。グロブ * ? [集合]、<> は空の送信者。older-than=4d で経過時間で選択。`,
    matchCancelled: '入力なし: 選択せず、何も読んでいません。',
    matchInvalid: (why: string) => `条件として読めません: ${why} (m: もう一度入力)`,
    matchReviewTitle: (action: string, match: string) => `確認: ${match} に一致するメールを ${action}`,
    matchReading: (action: string) => `条件に一致するメールを探すためキューを読んでいます (${action})`,
  },
});
