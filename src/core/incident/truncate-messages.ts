import { catalogue } from '../i18n/speak.js';

// What the truncate section of the incident file says: sizes, what was kept, the lock, the
// capture it relies on, and mail that arrived after the capture.
export const truncateText = catalogue({
  en: {
    title: (path: string) => `spool ${path}`,
    what: (before: number, after: number) => `truncated in place from ${before} to ${after} bytes`,
    sizeBefore: 'size before',
    sizeAfter: 'size after',
    inodeKept: (ino: number, dev: number) => `${ino} on device ${dev} (kept)`,
    ownerMode: 'owner, mode',
    ownerModeValue: (owner: string, mode: string, kept: boolean) => `${owner}, ${mode}${kept ? ' (kept)' : ' (CHANGED: check it)'}`,
    lock: 'lock',
    lockExcludes: 'lock excludes',
    labelKept: (label: string) => `${label} (kept)`,
    labelChanged: (before: string, after: string) => `${before} -> ${after} (CHANGED)`,
    evidence: 'evidence',
    captureOf: (time: string, sha: string) => `capture of ${time} (SHA-256 ${sha})`,
    noEvidence: 'none (--no-evidence)',
    lateLost: (n: number) => `- ${n} bytes arrived after the capture and were truncated without being captured (--accept-loss).`,
    lateKept: (n: number) => `- ${n} bytes arrived after the capture; they were appended to this file (section "arrived after the capture") under the lock, before truncating.`,
  },
  ja: {
    title: (path: string) => `スプール ${path}`,
    what: (before: number, after: number) => `その場で ${before} バイトから ${after} バイトに切り詰めました`,
    sizeBefore: '切り詰め前のサイズ',
    sizeAfter: '切り詰め後のサイズ',
    inodeKept: (ino: number, dev: number) => `${ino}（デバイス ${dev}、維持）`,
    ownerMode: '所有者、モード',
    ownerModeValue: (owner: string, mode: string, kept: boolean) => `${owner}、${mode}${kept ? '（維持）' : '（変更あり: 確認してください）'}`,
    lock: 'ロック',
    lockExcludes: 'ロックで排除するもの',
    labelKept: (label: string) => `${label}（維持）`,
    labelChanged: (before: string, after: string) => `${before} -> ${after}（変更あり）`,
    evidence: '証跡',
    captureOf: (time: string, sha: string) => `${time} の採取（SHA-256 ${sha}）`,
    noEvidence: 'なし（--no-evidence）',
    lateLost: (n: number) => `- 採取後に ${n} バイトが届き、採取されないまま切り詰められました（--accept-loss）。`,
    lateKept: (n: number) => `- 採取後に ${n} バイトが届きました。切り詰めの前に、ロックを保持したままこのファイル（「採取後に届いたもの」の節）に追記しました。`,
  },
});
