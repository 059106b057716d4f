import { catalogue } from '../../core/i18n/speak.js';

// What reading and writing a directory's attributes (extended attributes, SELinux label, inode
// flags) says about why they are unknown or were not written. These reasons go into the purge
// plan's JSON, which does not change with the language, so the code records them in English
// (`attributesDataText`); both languages are kept here side by side.
/** @internal unit-tested on its own: test/core/i18n/catalogues.test.ts */
export const filesIoText = catalogue({
  en: {
    notInstalled: (tool: string, pkg: string) => `${tool} is not installed (package ${pkg})`,
    lsattrNoFlags: (out: string) => `lsattr printed no flags: ${out}`,
    failed: (tool: string) => `${tool} failed`,
    statNoLabel: 'stat printed no label',
    selinuxOff: (why: string) => `${why}; SELinux is not enabled here`,
  },
  ja: {
    notInstalled: (tool: string, pkg: string) => `${tool} はインストールされていません（パッケージ ${pkg}）`,
    lsattrNoFlags: (out: string) => `lsattr がフラグを出力しませんでした: ${out}`,
    failed: (tool: string) => `${tool} に失敗しました`,
    statNoLabel: 'stat がラベルを出力しませんでした',
    selinuxOff: (why: string) => `${why}。ここでは SELinux は無効です`,
  },
});

// The attribute reasons in English, as the purge plan's JSON records them.
export const attributesDataText = () => filesIoText('en');
