import { catalogue } from '../i18n/speak.js';

// Which lock a truncation held, as facts: how it was taken, and which writers it keeps out
// (derived from how, named by a code). Worded where shown, and in English for --json.
export type SpoolLockFacts =
  | { method: 'postlock'; postfixConfig: string | null; excludes: 'mailbox-delivery-lock-writers' }
  | { method: 'fcntl-and-dotlock'; helper: string; excludes: 'fcntl-or-dotlock-writers' }
  | { method: 'dotlock-only'; excludes: 'dotlock-writers-only' };

// The words for a held lock and the writers it keeps out.
export const spoolLockText = catalogue({
  en: {
    postlockMethod: (config: string | null) => `postlock${config ? ` -c ${config}` : ''} (Postfix's own mailbox locks)`,
    postlockExcludes: "every writer that honours Postfix's mailbox_delivery_lock (local(8), postlock, and mail clients using the same locks)",
    fcntlAndDotlock: (by: string) => `fcntl lock (${by}) and dotlock (postlock is not installed)`,
    dotlockOnly: 'dotlock only (--dotlock-only: postlock, python3 and perl are not installed)',
    fcntlExcludes: 'writers that use fcntl locks or the dotlock',
    dotlockOnlyExcludes: 'only writers that honour the <spool>.lock dotlock; writers using fcntl alone are NOT excluded (stop the MTA first)',
  },
  ja: {
    postlockMethod: (config: string | null) => `postlock${config ? ` -c ${config}` : ''}（Postfix 自身のメールボックスロック）`,
    postlockExcludes: 'Postfix の mailbox_delivery_lock に従うすべての書き込み元（local(8)、postlock、同じロックを使うメールクライアント）',
    fcntlAndDotlock: (by: string) => `fcntl ロック（${by}）とドットロック（postlock はインストールされていません）`,
    dotlockOnly: 'ドットロックのみ（--dotlock-only: postlock、python3、perl はインストールされていません）',
    fcntlExcludes: 'fcntl ロックかドットロックを使う書き込み元',
    dotlockOnlyExcludes: '<spool>.lock ドットロックに従う書き込み元のみ。fcntl だけを使う書き込み元は排除されません（先に MTA を止めてください）',
  },
});

// A held lock in words: English unless other words are given (the --json `lock` object; screens,
// the command's lines and the incident file pass the run's language).
export function spoolLockWords(lock: SpoolLockFacts, t: ReturnType<typeof spoolLockText> = spoolLockText('en')): { method: string; excludes: string } {
  switch (lock.method) {
    case 'postlock':
      return { method: t.postlockMethod(lock.postfixConfig), excludes: t.postlockExcludes };
    case 'fcntl-and-dotlock':
      return { method: t.fcntlAndDotlock(lock.helper), excludes: t.fcntlExcludes };
    case 'dotlock-only':
      return { method: t.dotlockOnly, excludes: t.dotlockOnlyExcludes };
  }
}
