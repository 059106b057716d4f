import type { CommandSpec } from '../cli/command.js';
import { writeJson } from '../cli/output.js';
import { dfJson } from '../core/disks/json.js';
import { planDisks, runDisks } from '../ops/disks.js';
import { realDisksDeps } from '../ops/real/disks.js';
import { dfText } from './messages/df.js';

// `spoolrescue df`: every filesystem's bytes and inodes, and the space held by deleted-open files.
export const command: CommandSpec = {
  name: 'df',
  get summary() {
    return dfText().summary;
  },
  positionals: [],
  flags: [
    { name: 'timeout', type: 'integer', valueName: 'MS', min: 1, get description() { return dfText().timeout; } },
    { name: 'human-readable', short: 'h', type: 'boolean', get description() { return dfText().humanReadable; } },
  ],
  get details() {
    return dfText().details;
  },
  async run(ctx) {
    const plan = planDisks({ paths: ctx.paths, postfixConfig: ctx.global.postfixConfig, timeoutMs: ctx.flags.timeout as number | undefined });
    const { report } = await runDisks(plan, realDisksDeps(), undefined, ctx.signal);
    if (ctx.global.json) writeJson(ctx.io, dfJson(report));
    else {
      // the text and its fitting are loaded only for it (not for --json, which scripts run often)
      const [{ formatDfReport }, { formatSuspects }] = await Promise.all([import('../core/disks/format.js'), import('../core/suspects/format.js')]);
      const width = ctx.io.stdout.isTTY && ctx.io.stdout.columns ? ctx.io.stdout.columns : 80;
      ctx.io.stdout.write(formatDfReport(report, width, ctx.terminal.ascii));
      ctx.io.stdout.write(['', ...formatSuspects(report.suspects ?? [], width, ctx.terminal.ascii, report.suspectsMs), ''].join('\n'));
    }
    return 0;
  },
};
