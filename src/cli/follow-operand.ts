import type { CommandContext } from './command.js';
import { safeRealpath } from '../io/paths/safe-realpath.js';

// The host path an operand leads to with --follow: a final symlink is followed as the rescued
// system would follow it (under --root inside the root, as chroot would; on the live system to its
// real path). Only read-only commands offer --follow; what they then open is no longer a link, so
// a link repointed afterwards is refused by their own no-follow opening, not followed.
export function followOperand(ctx: CommandContext, hostPath: string): string {
  if (ctx.flags.follow !== true) return hostPath;
  return ctx.paths.root === undefined ? safeRealpath(hostPath) : ctx.paths.sys(ctx.paths.toSystem(hostPath));
}
