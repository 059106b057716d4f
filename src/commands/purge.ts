import type { CommandSpec } from '../cli/command.js';
import { notImplemented } from './not-implemented.js';

// `spoolrescue purge`: empty a huge queue directory without globs, keeping its owner, mode and label.
export const command: CommandSpec = {
  name: 'purge',
  summary: 'empty a huge queue directory (maildrop, bounce, ...) and restore its exact owner/mode',
  positionals: [{ name: 'DIR', required: true, description: 'directory to empty' }],
  flags: [
    { name: 'dry-run', type: 'boolean', description: 'show the plan, change nothing' },
    { name: 'yes', type: 'boolean', description: 'do not ask for the typed confirmation' },
    { name: 'incident', type: 'string', valueName: 'FILE', description: 'incident file to record the purge in' },
  ],
  run: notImplemented('purge'),
};
