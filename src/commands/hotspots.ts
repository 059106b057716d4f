import type { CommandSpec } from '../cli/command.js';
import { notImplemented } from './not-implemented.js';

// `spoolrescue hotspots`: where the bytes and the inodes of one filesystem sit.
export const command: CommandSpec = {
  name: 'hotspots',
  summary: 'du-style scan of one filesystem: biggest directories by bytes and by entries',
  positionals: [{ name: 'PATH', required: false, description: 'where to start (default /, or --root)' }],
  flags: [{ name: 'top', type: 'integer', valueName: 'N', min: 1, description: 'rows per ranking (default 10)' }],
  run: notImplemented('hotspots'),
};
