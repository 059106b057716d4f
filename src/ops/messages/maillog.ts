import { catalogue } from '../../core/i18n/speak.js';

// What the maillog use case says when it cannot start: no log found, no log readable.
export const maillogOpText = catalogue({
  en: {
    noLog: (looked: string) => `no mail log found (looked at ${looked})`,
    nameTheLog: 'Name the log: spoolrescue maillog FILE... (journald-only systems: journalctl -u postfix -o short-iso > FILE)',
    realPath: 'Give the real path (readlink -f FILE).',
  },
  ja: {
    noLog: (looked: string) => `メールログが見つかりません（探した場所: ${looked}）`,
    nameTheLog: 'ログを指定してください: spoolrescue maillog FILE...（journald だけのシステムでは journalctl -u postfix -o short-iso > FILE）',
    realPath: '実際のパスを指定してください（readlink -f FILE）。',
  },
});
