import crypto from 'node:crypto';
import os from 'node:os';
import type { CommandContext } from '../cli/command.js';
import { rescuedMounts } from '../core/root-scope.js';
import { createSystemPaths } from '../core/system-paths.js';
import { readDfWithSuspects } from '../io/suspects/df-with-suspects.js';
import { safeRealpath } from '../io/mail-path-tagger.js';
import type { Ports } from './ports.js';
import { capturePort } from './ports-real/capture.js';
import { listDestinations } from './ports-real/destinations.js';
import { hotspotsPort } from './ports-real/hotspots.js';
import { lookInsidePort } from './ports-real/look-inside.js';
import { listMailPaths } from './ports-real/mail-paths.js';
import { preventionPort } from './ports-real/prevention.js';
import { purgePort, truncatePort } from './real-ports-purge.js';
import { recordSection } from './ports-real/record.js';
import { maillogPort } from './ports-real/maillog.js';

// The walk's ports on the cores: df, hotspots, listing, evidence, purge and truncate, each the
// same code the subcommand runs (the walk never enables the CLI's chdir speed-ups).

// Builds the ports for a run of the CLI (paths mapped by --root, Postfix by --postfix-config).
export function createRealPorts(ctx: CommandContext): Ports {
  const { paths } = ctx;
  const postfixConfig = ctx.global.postfixConfig;
  // Scans report canonical paths: a --root reached through a symlink is shown as the system too.
  const realRoot = paths.root === undefined ? undefined : safeRealpath(paths.root);
  const realPaths = realRoot && realRoot !== paths.root ? createSystemPaths(realRoot, '/') : undefined;
  const show = (p: string) => {
    const s = paths.toSystem(p);
    return s === p && realPaths ? realPaths.toSystem(p) : s;
  };
  return {
    session: {
      hostname: os.hostname(),
      root: paths.root,
      show,
      resolve: (p) => paths.arg(p),
      now: () => new Date(),
      uniqueTag: () => crypto.randomBytes(6).toString('hex'),
    },
    disks: {
      loadDisks: async () => {
        const report = await readDfWithSuspects(paths, { postfixConfig });
        return realRoot ? { ...report, rescued: rescuedMounts(report.filesystems.map((f) => f.mount), realRoot) } : report;
      },
    },
    hotspots: hotspotsPort(paths, postfixConfig),
    mailPaths: { list: () => listMailPaths(paths, postfixConfig) },
    inside: lookInsidePort(paths),
    evidence: { destinations: listDestinations(paths.sys('/')), capture: capturePort(paths, postfixConfig), record: recordSection },
    purge: purgePort(paths, postfixConfig),
    truncate: truncatePort(paths, postfixConfig),
    summary: preventionPort(paths, postfixConfig),
    maillog: maillogPort(paths, postfixConfig),
  };
}
