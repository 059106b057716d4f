import type { CommandSpec } from '../cli/command.js';
import { notImplemented } from './not-implemented.js';

// `spoolrescue truncate`: empty a spool in place (inode, owner, mode, label kept) under Postfix's lock.
export const command: CommandSpec = {
  name: 'truncate',
  summary: "truncate a mail spool in place, holding Postfix's lock, after evidence was captured",
  positionals: [{ name: 'SPOOL', required: true, description: 'mbox spool to truncate' }],
  flags: [
    { name: 'incident', type: 'string', valueName: 'FILE', description: 'incident file that holds a capture of SPOOL' },
    { name: 'yes', type: 'boolean', description: 'do not ask for confirmation' },
  ],
  run: notImplemented('truncate'),
};
