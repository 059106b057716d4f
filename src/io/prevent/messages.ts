import { catalogue } from '../../core/i18n/speak.js';

// What applying prevention says: the closing section of the incident file (in the run's language).
// Why a command was not run, an edit not written or a file not read is a fact:
// src/core/prevent/apply-facts.ts.
export const preventIoText = catalogue({
  en: {
    changesHeading: 'Changes made by this run',
    closingTitle: 'closing: timeline and prevention',
    closingFixed: (fixed: string, open: number) => `fixed ${fixed}; ${open} finding(s) still open`,
    closingOpen: (open: number) => `${open} finding(s) open`,
    shaOfText: 'the text below this table',
  },
  ja: {
    changesHeading: 'この実行で行った変更',
    closingTitle: 'まとめ: 経過と再発防止',
    closingFixed: (fixed: string, open: number) => `${fixed} を修正しました。未対応の指摘が ${open} 件あります`,
    closingOpen: (open: number) => `未対応の指摘 ${open} 件`,
    shaOfText: 'この表の下の本文',
  },
});
