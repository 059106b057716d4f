import { catalogue } from '../i18n/speak.js';

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
