import { catalogue } from '../../core/i18n/speak.js';

// The message of the error a read of a deleted directory throws (as the kernel's getdents says
// ENOENT); a walk that meets it says so as a fact (src/core/purge/walk-stop.ts).
/** @internal unit-tested on its own: test/core/i18n/catalogues.test.ts */
export const walkIoText = catalogue({
  en: {
    deleted: (dir: string) => `ENOENT: directory deleted while it was being read, ${dir}`,
  },
  ja: {
    deleted: (dir: string) => `ENOENT: 読んでいる間にディレクトリが削除されました、${dir}`,
  },
});

// The error's message in English, as errno messages are.
export const walkDataText = () => walkIoText('en');
