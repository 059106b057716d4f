import { catalogue } from '../../core/i18n/speak.js';

// Why a mail log could not be opened or read to its end: the code records the facts (a code, the
// path, the system's message) and these words are made when shown, English in maillog's JSON.
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

// Why a log could not be opened, worded from its code and path when shown (in the run's language
// unless told: 'en' for --json); a code without words of its own gives the path and the system's message.
export function logOpenWords(u: { path: string; code: string; message: string }, lang?: 'en'): string {
  const t = maillogIoText(lang);
  if (u.code === 'symlink') return t.symlink(u.path);
  if (u.code === 'missing') return t.missing(u.path);
  if (u.code === 'permission') return t.denied(u.path);
  if (u.code === 'not-a-file') return t.notRegular(u.path);
  return `${u.path}: ${u.message}`;
}

// Why a log was not read to its end, as facts: it could not be opened (a code), or reading it
// failed (the system's message; a .gz cut or damaged when gzip).
export type PassFileError = { path: string; code: string; message: string; gzip?: boolean };

// The same in words: the run's language unless told ('en' for --json).
export function passErrorWords(e: PassFileError, lang?: 'en'): string {
  if (e.code !== 'read-failed') return logOpenWords(e, lang);
  const t = maillogIoText(lang);
  return `${e.path}: ${e.message}${e.gzip ? t.damagedGz : ''}`;
}
