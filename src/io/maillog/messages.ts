import { catalogue } from '../../core/i18n/speak.js';

// Why a mail log could not be opened or read to its end. These go into maillog's JSON
// (unreadable, errors), which does not change with the language, so the code records them in
// English (`maillogDataText`); both languages are kept here side by side.
/** @internal unit-tested on its own: test/core/i18n/catalogues.test.ts */
export const maillogIoText = catalogue({
  en: {
    damagedGz: ' (a cut or damaged .gz; the lines before the damage were counted)',
    symlink: (path: string) => `${path} is a symbolic link; give the file it points to`,
    missing: (path: string) => `${path}: no such file`,
    denied: (path: string) => `${path}: permission denied (mail logs are usually readable by root or the adm group)`,
    notRegular: (path: string) => `${path} is not a regular file`,
  },
  ja: {
    damagedGz: '（途中で切れたか壊れた .gz です。壊れた箇所より前の行は数えました）',
    symlink: (path: string) => `${path} はシンボリックリンクです。リンク先のファイルを指定してください`,
    missing: (path: string) => `${path}: そのようなファイルはありません`,
    denied: (path: string) => `${path}: 権限がありません（メールログは通常 root か adm グループが読めます）`,
    notRegular: (path: string) => `${path} は通常のファイルではありません`,
  },
});

// The log reasons in English, as maillog's JSON records them.
export const maillogDataText = () => maillogIoText.messages.en;

// Why a log could not be opened, worded from its code and path when shown (in the run's language);
// a code without words of its own keeps the system's message.
export function logOpenWords(u: { path: string; code: string; message: string }): string {
  const t = maillogIoText();
  if (u.code === 'symlink') return t.symlink(u.path);
  if (u.code === 'missing') return t.missing(u.path);
  if (u.code === 'permission') return t.denied(u.path);
  if (u.code === 'not-a-file') return t.notRegular(u.path);
  return u.message;
}
