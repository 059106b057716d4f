import { catalogue } from '../i18n/speak.js';

// Why attributes are unknown or were not written, beyond a command's own failure (AttrReason);
// the English is what the purge plan's JSON has always recorded.
/** @internal the words of an AttrReason: attrReasonText in attr-reason.ts */
export const attrReasonWords = catalogue({
  en: {
    toolMissing: (r: { tool: string; package: string }) => `${r.tool} is not installed (package ${r.package})`,
    lsattrNoFlags: (r: { output: string }) => `lsattr printed no flags: ${r.output}`,
    toolFailed: (r: { tool: string }) => `${r.tool} failed`,
    statNoLabel: 'stat printed no label',
    selinuxOff: (why: string) => `${why}; SELinux is not enabled here`,
  },
  ja: {
    toolMissing: (r: { tool: string; package: string }) => `${r.tool} はインストールされていません（パッケージ ${r.package}）`,
    lsattrNoFlags: (r: { output: string }) => `lsattr がフラグを出力しませんでした: ${r.output}`,
    toolFailed: (r: { tool: string }) => `${r.tool} に失敗しました`,
    statNoLabel: 'stat がラベルを出力しませんでした',
    selinuxOff: (why: string) => `${why}。ここでは SELinux は無効です`,
  },
});
