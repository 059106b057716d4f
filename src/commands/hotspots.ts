import os from 'node:os';
import type { CommandSpec } from '../cli/command.js';
import { writeJson } from '../cli/output.js';
import { CliError } from '../core/cli-error.js';
import { formatHotspotReport } from '../core/hotspot-format.js';
import { tagReport } from '../core/hotspot-rank.js';
import { stderrProgress } from '../io/hotspot-progress.js';
import { scan } from '../io/hotspot-scan.js';
import { readMailPathTagger, safeRealpath } from '../io/mail-path-tagger.js';

// Each worker thread costs ~9 MB and a thread-pool slot: more than twice the cores buys nothing.
const MAX_WORKERS = Math.min(16, 2 * Math.max(1, os.availableParallelism()));

const DETAILS = `Scans PATH like du -sx: allocated bytes and inodes, hard links counted once,
symlinks never followed, other filesystems never entered (their mount points
are listed, not counted, and never even looked at, so a dead NFS mount cannot
hang the scan). The totals equal du -sx -B1 and du -sx --inodes. Directories
are ranked by what sits directly in them, so a flooded maildrop comes first
rather than /var: by bytes of the files directly inside, and by entries
directly inside; each row also shows its subtree. The largest files follow (a
swollen mailbox is one file). Postfix queues, the mail spool, mailboxes and
mail logs are tagged. Unreadable directories are listed as errors; the scan
goes on. Progress goes to stderr when it is a terminal; Ctrl-C stops the scan
at once. Read-only: nothing is changed. With --root DIR, PATH defaults to DIR,
paths are shown as the rescued system sees them, and Postfix settings come
from DIR.`;

// `spoolrescue hotspots`: where the bytes and the inodes of one filesystem sit.
export const command: CommandSpec = {
  name: 'hotspots',
  summary: 'du-style scan of one filesystem: where the bytes and inodes sit',
  positionals: [{ name: 'PATH', required: false, description: 'where to start (default /, or --root)' }],
  flags: [
    { name: 'top', type: 'integer', valueName: 'N', min: 1, description: 'rows per ranking (default 10)' },
    { name: 'workers', type: 'integer', valueName: 'N', min: 1, max: MAX_WORKERS, description: `scanning threads (default: cores, at most 4; at most ${MAX_WORKERS} here: twice the cores, never more than 16)` },
  ],
  details: DETAILS,
  async run(ctx) {
    // A PATH that is a symlink is refused (never followed); --root itself may be one.
    const start = ctx.positionals[0] !== undefined ? ctx.paths.arg(ctx.positionals[0]) : safeRealpath(ctx.paths.sys('/'));
    // Postfix settings (maybe a postconf run) are read while the scan runs; tags are added after.
    // Tags are a help, not a need: unreadable Postfix settings leave the report untagged.
    const tagger = readMailPathTagger({ paths: ctx.paths, postfixConfig: ctx.global.postfixConfig }).catch(() => undefined);
    const progress = stderrProgress(ctx.io, { serial: ctx.terminal.serial });
    let result;
    try {
      result = await scan(start, {
        signal: ctx.signal,
        top: ctx.flags.top as number | undefined,
        workers: ctx.flags.workers as number | undefined,
        chdir: true,
        onProgress: progress.onProgress,
        invocation: ctx.global,
      });
    } catch (e) {
      if (ctx.signal.aborted) throw new CliError('spoolrescue hotspots: interrupted; nothing was changed');
      throw e;
    } finally {
      progress.finish();
    }
    const tag = await tagger;
    const report = tag ? tagReport(result.report, tag) : result.report;
    if (ctx.global.json) writeJson(ctx.io, report);
    else {
      const width = ctx.io.stdout.isTTY && ctx.io.stdout.columns ? ctx.io.stdout.columns : 80;
      const rootDir = ctx.paths.root === undefined ? undefined : ctx.paths.sys('/');
      ctx.io.stdout.write(formatHotspotReport(report, width, rootDir && safeRealpath(rootDir), ctx.terminal.ascii));
    }
    return 0;
  },
};
