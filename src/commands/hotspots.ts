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
import { hotspotsText } from './messages/hotspots.js';

// Each worker thread costs ~9 MB and a thread-pool slot: more than twice the cores buys nothing.
const MAX_WORKERS = Math.min(16, 2 * Math.max(1, os.availableParallelism()));


// The CLI's words for a refused export file: exit 1 for a path that cannot be used, 3 for safety.
function exportRefusalError(r: ExportDestinationRefused): CliError {
  const { code, reason, hint } = r.refused;
  // i18n-ignore: the command and a message worded where it was made
  if (code !== 'export-destination-refused') return new CliError(`spoolrescue hotspots: ${reason}`, ExitCode.failed, hint);
  const room = r.candidates.slice(0, 5).map((c) => `  --export ${c.suggestion}   (${c.fstype})`);
  const t = hotspotsText();
  return refusalError('hotspots', { ...r.refused, hint: room.length ? [t.roomHeading, ...room, t.orForce].join('\n') : t.noRoom });
}

// `spoolrescue hotspots`: where the bytes and the inodes of one filesystem sit.
export const command: CommandSpec = {
  name: 'hotspots',
  get summary() {
    return hotspotsText().summary;
  },
  positionals: [{ name: 'PATH', required: false, get description() { return hotspotsText().positionals.PATH; } }],
  flags: [
    { name: 'top', type: 'integer', valueName: 'N', min: 1, get description() { return hotspotsText().flags.top; } },
    { name: 'workers', type: 'integer', valueName: 'N', min: 1, max: MAX_WORKERS, get description() { return hotspotsText().flags.workers(MAX_WORKERS); } },
    { name: 'export', type: 'string', valueName: 'FILE', get description() { return hotspotsText().flags.export; } },
    { name: 'force-export', type: 'boolean', get description() { return hotspotsText().flags['force-export']; } },
    { name: 'follow', type: 'boolean', get description() { return hotspotsText().flags.follow; } },
  ],
  get details() {
    return hotspotsText().details;
  },
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
    for (const p of plan.export?.forcedPast ?? []) note(ctx.io, hotspotsText().forcedPast(plan.export!.file, p));
    const progress = scanProgress(ctx.io, { serial: ctx.terminal.serial });
    let done;
    try {
      done = await runScan(plan, deps, progress.onProgress, ctx.signal);
    } catch (e) {
      if (ctx.signal.aborted) throw new CliError(hotspotsText().interrupted(plan.export !== undefined));
      throw e;
    } finally {
      progress.finish();
    }
    const { report, exported } = done;
    if (exported) note(ctx.io, hotspotsText().exported(exported.path, exported.bytes, exported.path.endsWith('.gz')));
    if (ctx.global.json) {
      const doc = hotspotsJson(report, (p) => ctx.paths.toSystem(p));
      writeJson(ctx.io, exported ? { ...doc, export: { path: exported.path, format: exported.format, sizeBytes: exported.bytes } } : doc);
    }
    else {
      const width = ctx.io.stdout.isTTY && ctx.io.stdout.columns ? ctx.io.stdout.columns : 80;
      const rootDir = ctx.paths.root === undefined ? undefined : ctx.paths.sys('/');
      ctx.io.stdout.write(formatHotspotReport(report, width, rootDir && safeRealpath(rootDir), ctx.terminal.ascii));
    }
    // the directory asked for could not be read (or none of its entries examined): the report
    // counts nothing under it, which is a failure, not a result
    const startError = report.errors.find((e) => e.path === report.root);
    if (startError && report.totalEntries <= 1) {
      note(ctx.io, hotspotsText().startUnreadable(ctx.paths.toSystem(report.root), startError.message));
      return ExitCode.failed;
    }
    return 0;
  },
};
