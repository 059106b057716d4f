import type { CommandSpec } from '../cli/command.js';
import { notImplemented } from './not-implemented.js';

// `spoolrescue df`: every filesystem's bytes and inodes, and the space held by deleted-open files.
export const command: CommandSpec = {
  name: 'df',
  summary: 'filesystems: bytes, inodes, reserved, read-only; deleted-open files',
  positionals: [],
  flags: [],
  run: notImplemented('df'),
};
