import os from 'node:os';
import type { CommandContext } from '../cli/command.js';
import type { Ports } from './ports.js';
import { loadDisks } from './ports-real/disks.js';
import { listMailPaths } from './ports-real/mail-paths.js';
import { lookInsidePort } from './ports-real/look-inside.js';
import { destinations, recordSection } from './ports-real/evidence.js';
import { prevention } from './ports-real/prevention.js';

// The walk's ports on this build. Disks, mail paths, Look inside, evidence destinations, the walk's
// own incident sections and the prevention checks are real; the steps whose cores are not in this
// build say so on screen instead of pretending.

// Why a step is missing, in the words the screen shows.
export const NOT_IN_THIS_BUILD = {
  hotspots: 'not in this build yet',
  capture: 'not in this build yet',
  purge: 'not in this build yet',
  truncate: 'not in this build yet',
} as const;

// Builds the ports for a run of the CLI (paths mapped by --root, Postfix by --postfix-config).
export function createRealPorts(ctx: CommandContext): Ports {
  const { paths } = ctx;
  return {
    session: {
      hostname: os.hostname(),
      root: paths.root,
      show: (p) => paths.toSystem(p),
      resolve: (p) => paths.arg(p),
      now: () => new Date(),
    },
    disks: { loadDisks },
    hotspots: { unavailable: NOT_IN_THIS_BUILD.hotspots },
    mailPaths: { list: () => listMailPaths(paths, ctx.global.postfixConfig) },
    inside: lookInsidePort(paths),
    evidence: { destinations, capture: { unavailable: NOT_IN_THIS_BUILD.capture }, record: recordSection },
    purge: { unavailable: NOT_IN_THIS_BUILD.purge },
    truncate: { unavailable: NOT_IN_THIS_BUILD.truncate },
    summary: { prevention: () => prevention(paths) },
  };
}
