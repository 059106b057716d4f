import { PassThrough } from 'node:stream';
import type { CommandContext } from '../../../src/cli/command.js';
import { createSystemPaths } from '../../../src/core/system-paths.js';
import { createRealPorts } from '../../../src/ui/ports/real.js';

// The walk's real ports for a rescued system at root (--root) or a Postfix instance
// (--postfix-config), as the CLI builds them.
export function realPortsFor(root: string | undefined, postfixConfig?: string, signal: AbortSignal = new AbortController().signal) {
  const ctx: CommandContext = {
    command: '',
    positionals: [],
    flags: {},
    global: { root, postfixConfig, json: false, serial: false, ascii: true, noColor: true },
    terminal: { serial: false, ascii: true, color: false },
    paths: createSystemPaths(root, '/'),
    io: { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), env: {}, cwd: '/' },
    signal,
  };
  return createRealPorts(ctx);
}
