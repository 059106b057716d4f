import { readMounts } from '../../io/disks/fs-usage.js';
import { runCommand } from '../../io/system/run-command.js';
import { createLabelTools } from '../../io/files/xattr.js';
import type { PurgeDeps } from '../purge.js';

// The real outside world of a purge, the same for the CLI and the walk (tests pass their own
// with seams where races are provoked). postsuper runs as long as it needs; other tools 2 min.
export function realPurgeDeps(): PurgeDeps {
  return {
    labels: createLabelTools(),
    run: (program, args, signal) => runCommand(program, args, { signal, timeoutMs: program === 'postsuper' ? undefined : 120_000 }),
    readMounts,
    now: () => performance.now(),
    pid: process.pid,
  };
}
