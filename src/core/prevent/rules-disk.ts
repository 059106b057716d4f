import type { Finding } from './finding.js';
import type { HostConfig } from './host-config.js';
import { parseLogrotate, ruleFor } from './logrotate-rules.js';
import { pv, settingWhere } from './postfix-values.js';

// Where the disk itself is at risk: a mail log nothing rotates, and the queue or the mail spool
// on the root filesystem with no space held back for the rest of the system.

const GIB = 1 << 30;

// maillog-not-rotated: a mail log with no logrotate rule and no `postfix logrotate` job.
export function maillogNotRotated(c: HostConfig): Finding[] {
  const rules = c.logrotate.flatMap((f) => parseLogrotate(f.path, f.text));
  const postfixRotates = [...c.crontabs, ...c.cronScripts].some((f) => /postfix(\s+-c\s+\S+)?\s+logrotate\b/.test(f.text.replace(/^\s*#.*$/gm, '')));
  const own = pv(c.postfix, 'maillog_file');
  return c.maillogs
    .filter((log) => !ruleFor(rules, log) && !(postfixRotates && log === own))
    .map((log, _i, all) => ({
      code: 'maillog-not-rotated' as const, id: all.length > 1 ? `maillog-not-rotated@${log}` : 'maillog-not-rotated', severity: 'medium' as const, where: { file: log },
      fixable: false,
      facts: { log, postfixOwn: own === log },
    }));
}

// The reserve spool-on-root-fs proposes: 5% of the filesystem up to 1 GiB, at least twice message_size_limit.
export function recommendedMinfree(fsBytes: number, messageSizeLimit: number): number {
  const five = Math.min(Math.floor(fsBytes * 0.05), GIB);
  return Math.max(2 * messageSizeLimit, Math.floor(five / 1048576) * 1048576);
}

// spool-on-root-fs: the queue (or the mail spool) shares the root filesystem and queue_minfree
// holds back less than the recommended reserve, so mail can take the last free block.
export function spoolOnRootFs(c: HostConfig): Finding[] {
  const { root, queue, spool } = c.places;
  if (root.dev === null) return [];
  const onRoot = [queue, spool].filter((p) => p.dev !== null && p.dev === root.dev);
  if (!onRoot.length) return [];
  const minfree = Number(pv(c.postfix, 'queue_minfree')) || 0;
  const msl = Number(pv(c.postfix, 'message_size_limit')) || 10240000;
  const want = recommendedMinfree(root.sizeBytes ?? 0, msl);
  if (minfree >= want) return [];
  return [{
    code: 'spool-on-root-fs', id: 'spool-on-root-fs', severity: 'medium', where: settingWhere(c.postfix, 'queue_minfree'),
    fixable: true,
    facts: { paths: onRoot.map((p) => p.path), minfree, want },
  }];
}
