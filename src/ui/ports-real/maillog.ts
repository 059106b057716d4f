import type { SystemPaths } from '../../core/system-paths.js';
import { lookLines } from '../../core/maillog/first-look-view.js';
import { isRefusal, planMaillog, runMaillog } from '../../ops/maillog.js';
import type { MaillogPort } from '../ports/maillog.js';

// The Why step on the maillog op: the same code `spoolrescue maillog` runs.
export function maillogPort(paths: SystemPaths, postfixConfig?: string): MaillogPort {
  const plan = (files: string[]) => planMaillog({ files, paths, postfixConfig });
  return {
    async look(files, width) {
      const p = await plan(files);
      if (isRefusal(p)) return { refused: { reason: p.refused.reason, hint: p.refused.hint }, lines: [], files: [], bytesTotal: 0 };
      const show = (x: string) => paths.toSystem(x);
      const unreadable = p.unreadable.map((u) => `skipped: ${u.message}`);
      return { refused: null, lines: [...lookLines(p.files, show, width), ...unreadable], files: p.files.map((f) => f.path), bytesTotal: p.files.reduce((a, f) => a + f.size, 0) };
    },
    async pass(files, o) {
      const p = await plan(files);
      if (isRefusal(p)) throw new Error(p.refused.reason);
      const t0 = performance.now();
      const { report, pass } = await runMaillog(p, undefined, o.onProgress, o.signal);
      return { report, complete: !pass.aborted && pass.files.every((f) => f.complete), elapsedMs: performance.now() - t0 };
    },
  };
}
