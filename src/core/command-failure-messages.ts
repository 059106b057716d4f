import { catalogue } from './i18n/speak.js';

// The stderr line a failed command left, in brackets after the reason.
const more = (detail?: string) => (detail ? ` (${detail})` : '');
const moreJa = (detail?: string) => (detail ? `（${detail}）` : '');

// Why a command gave no result: one line naming the command (commandFailureText). The English
// is what JSON has always recorded, word for word.
/** @internal the words of a CommandFailure: commandFailureText in command-failure.ts */
export const commandFailureWords = catalogue({
  en: {
    notInstalled: (f: { command: string }) => `${f.command}: not installed`,
    timedOut: (f: { command: string; detail?: string }) => `${f.command}: timed out${more(f.detail)}`,
    cancelled: (f: { command: string; detail?: string }) => `${f.command}: cancelled${more(f.detail)}`,
    exit: (f: { command: string; exitCode: number; detail?: string }) => `${f.command}: exit ${f.exitCode}${more(f.detail)}`,
    didNotRun: (f: { command: string; message: string; detail?: string }) => `${f.command}: ${f.message}${more(f.detail)}`,
  },
  ja: {
    notInstalled: (f: { command: string }) => `${f.command}: インストールされていません`,
    timedOut: (f: { command: string; detail?: string }) => `${f.command}: タイムアウトしました${moreJa(f.detail)}`,
    cancelled: (f: { command: string; detail?: string }) => `${f.command}: 取り消されました${moreJa(f.detail)}`,
    exit: (f: { command: string; exitCode: number; detail?: string }) => `${f.command}: 終了コード ${f.exitCode}${moreJa(f.detail)}`,
    didNotRun: (f: { command: string; message: string; detail?: string }) => `${f.command}: 実行できませんでした（${f.message}）${moreJa(f.detail)}`,
  },
});
