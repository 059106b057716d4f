import type { CommandSpec } from '../cli/command.js';
import { writeJson } from '../cli/output.js';
import { formatDfReport } from '../core/disks/format.js';
import { dfJson } from '../core/disks/json.js';
import { formatSuspects } from '../core/suspects/format.js';
import { planDisks, runDisks } from '../ops/disks.js';
import { realDisksDeps } from '../ops/real/disks.js';

const DETAILS = `Lists every real filesystem from /proc/self/mountinfo (proc, sysfs, cgroup and
the like are left out; tmpfs such as /dev/shm and /run are kept: evidence can
go there), one line per filesystem even when it is bind-mounted several times.
A line starts with "!" when bytes or inodes are at least 90% used or the
filesystem is read-only; the reasons follow in words. Local filesystems answer
statfs from memory; network, FUSE and unknown ones are asked through a helper
process with a deadline (--timeout), so a dead NFS mount is reported as not
responding instead of hanging the command. Files deleted but still held open
are listed with their holder (from /proc/PID/fd, no lsof needed): df counts
them, du cannot see them. With --root, df still shows the host's filesystems
(it reads /proc). Read-only: nothing is changed.
Likely culprits (--root aware) come before any scan: one lstat of each of
Postfix's queues, the mail spool and its mailboxes, the logs, /tmp and /var/tmp;
a directory's entries are estimated from the size of the directory itself
(ext4: ~29 bytes per entry, and it never shrinks), never by listing it.
Sizes are always in powers of 1024 here, so -h (as in df -h) is accepted and
changes nothing; --json has the exact bytes. -h before the command is help.`;

// `spoolrescue df`: every filesystem's bytes and inodes, and the space held by deleted-open files.
export const command: CommandSpec = {
  name: 'df',
  summary: 'filesystems: bytes, inodes, read-only; deleted-open files',
  positionals: [],
  flags: [
    { name: 'timeout', type: 'integer', valueName: 'MS', min: 1, description: 'how long statfs of one filesystem may take (default 3000)' },
    { name: 'human-readable', short: 'h', type: 'boolean', description: 'sizes in powers of 1024, as df -h (the default; accepted for habit)' },
  ],
  details: DETAILS,
  async run(ctx) {
    const plan = planDisks({ paths: ctx.paths, postfixConfig: ctx.global.postfixConfig, timeoutMs: ctx.flags.timeout as number | undefined });
    const { report } = await runDisks(plan, realDisksDeps(), undefined, ctx.signal);
    if (ctx.global.json) writeJson(ctx.io, dfJson(report));
    else {
      const width = ctx.io.stdout.isTTY && ctx.io.stdout.columns ? ctx.io.stdout.columns : 80;
      ctx.io.stdout.write(formatDfReport(report, width, ctx.terminal.ascii));
      ctx.io.stdout.write(['', ...formatSuspects(report.suspects ?? [], width, ctx.terminal.ascii, report.suspectsMs), ''].join('\n'));
    }
    return 0;
  },
};
