import os from 'node:os';
import path from 'node:path';
import type { CommandSpec } from '../cli/command.js';
import { note, writeJson } from '../cli/output.js';
import { refusalError } from '../cli/refusal-error.js';
import { CliError } from '../core/cli-error.js';
import { ExitCode } from '../core/exit-codes.js';
import { formatHotspotReport } from '../core/hotspots/format.js';
import { hotspotsJson } from '../core/hotspots/json.js';
import { scanProgress } from '../cli/hotspot-progress.js';
import { followOperand } from '../cli/follow-operand.js';
import type { ExportDestinationRefused } from '../io/hotspots/export/export-destination.js';
import { safeRealpath } from '../io/paths/mail-path-tagger.js';
import { realScanDeps } from '../ops/real/scan.js';
import { planScan, runScan } from '../ops/scan.js';

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
from DIR. A PATH that is a symbolic link is refused (exit 3) unless --follow.
--export FILE also writes the whole scan in ncdu's JSON export format
(gzip-compressed when FILE ends in .gz), so "ncdu -f FILE" (or
"zcat FILE | ncdu -f-") browses it later or on another machine without a
second scan. It is streamed: memory stays bounded whatever the tree's size.
FILE must not be on the filesystem being scanned (exit 3) unless
--force-export; it appears only once complete.`;

// The CLI's words for a refused export file: exit 1 for a path that cannot be used, 3 for safety.
function exportRefusalError(r: ExportDestinationRefused): CliError {
  const { code, reason, hint } = r.refused;
  if (code !== 'export-destination-refused') return new CliError(`spoolrescue hotspots: ${reason}`, ExitCode.failed, hint);
  const room = r.candidates.slice(0, 5).map((c) => `  --export ${c.suggestion}   (${c.fstype})`);
  return refusalError('hotspots', { ...r.refused, hint: room.length ? ['Filesystems with room:', ...room, 'or --force-export to write it there anyway.'].join('\n') : 'Free some space elsewhere, or use --force-export knowingly.' });
}

// `spoolrescue hotspots`: where the bytes and the inodes of one filesystem sit.
export const command: CommandSpec = {
  name: 'hotspots',
  summary: 'du-style scan of one filesystem: where the bytes and inodes sit',
  positionals: [{ name: 'PATH', required: false, description: 'where to start (default /, or --root)' }],
  flags: [
    { name: 'top', type: 'integer', valueName: 'N', min: 1, description: 'rows per ranking (default 10)' },
    { name: 'workers', type: 'integer', valueName: 'N', min: 1, max: MAX_WORKERS, description: `scanning threads (default: cores, at most 4; at most ${MAX_WORKERS} here: twice the cores, never more than 16)` },
    { name: 'export', type: 'string', valueName: 'FILE', description: "also write the scan in ncdu's JSON export format (.gz: compressed)" },
    { name: 'force-export', type: 'boolean', description: 'write the export even on the scanned or a nearly full filesystem' },
    { name: 'follow', type: 'boolean', description: 'if PATH is a symbolic link, scan its target (read-only, so safe)' },
  ],
  details: DETAILS,
  async run(ctx) {
    const deps = realScanDeps();
    const exportRaw = ctx.flags.export as string | undefined;
    const plan = planScan(
      {
        start: ctx.positionals[0] !== undefined ? followOperand(ctx, ctx.paths.arg(ctx.positionals[0])) : undefined,
        paths: ctx.paths,
        postfixConfig: ctx.global.postfixConfig,
        top: ctx.flags.top as number | undefined,
        workers: ctx.flags.workers as number | undefined,
        chdir: true,
        invocation: ctx.global,
        export: exportRaw === undefined ? undefined : { file: path.resolve(ctx.io.cwd, exportRaw), force: ctx.flags['force-export'] === true },
      },
      deps,
    );
    if ('refused' in plan) throw exportRefusalError(plan);
    for (const p of plan.export?.forcedPast ?? []) note(ctx.io, `spoolrescue hotspots: --force-export: writing ${plan.export!.file} although ${p}`);
    const progress = scanProgress(ctx.io, { serial: ctx.terminal.serial });
    let done;
    try {
      done = await runScan(plan, deps, progress.onProgress, ctx.signal);
    } catch (e) {
      if (ctx.signal.aborted) throw new CliError(`spoolrescue hotspots: interrupted; nothing was changed${plan.export ? ' and no export was written' : ''}`);
      throw e;
    } finally {
      progress.finish();
    }
    const { report, exported } = done;
    if (exported) note(ctx.io, `spoolrescue hotspots: export written to ${exported.path} (${exported.bytes} bytes); browse it with: ncdu -f ${exported.path}${exported.path.endsWith('.gz') ? ' (ncdu 1.x: zcat FILE | ncdu -f-)' : ''}`);
    if (ctx.global.json) {
      const doc = hotspotsJson(report, (p) => ctx.paths.toSystem(p));
      writeJson(ctx.io, exported ? { ...doc, export: { path: exported.path, format: exported.format, sizeBytes: exported.bytes } } : doc);
    }
    else {
      const width = ctx.io.stdout.isTTY && ctx.io.stdout.columns ? ctx.io.stdout.columns : 80;
      const rootDir = ctx.paths.root === undefined ? undefined : ctx.paths.sys('/');
      ctx.io.stdout.write(formatHotspotReport(report, width, rootDir && safeRealpath(rootDir), ctx.terminal.ascii));
    }
    return 0;
  },
};
