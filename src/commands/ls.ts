import type { CommandSpec } from '../cli/command.js';
import { notImplemented } from './not-implemented.js';

// `spoolrescue ls`: look inside a directory with millions of entries without sorting it.
export const command: CommandSpec = {
  name: 'ls',
  summary: 'unsorted, streaming, capped listing of a huge directory (like ls -U)',
  positionals: [{ name: 'DIR', required: true, description: 'directory to look inside' }],
  flags: [
    { name: 'limit', type: 'integer', valueName: 'N', description: 'entries to show, in directory order (default 50)' },
    { name: 'count', type: 'boolean', description: 'count every entry (streams the whole directory)' },
    { name: 'oldest', type: 'integer', valueName: 'K', min: 1, description: 'the K oldest entries by mtime' },
    { name: 'newest', type: 'integer', valueName: 'K', min: 1, description: 'the K newest entries by mtime' },
  ],
  run: notImplemented('ls'),
};
