import type { CommandSpec } from '../cli/command.js';
import { notImplemented } from './not-implemented.js';

// `spoolrescue capture`: first and last messages/files/lines into an incident file, with hashes.
export const command: CommandSpec = {
  name: 'capture',
  summary: 'evidence: first/last messages of a spool, oldest/newest queue files, log head/tail',
  positionals: [{ name: 'SPOOL', required: true, description: 'mbox spool, Postfix queue directory or mail log' }],
  flags: [
    { name: 'incident', type: 'string', valueName: 'FILE', description: 'incident file to append to (Markdown, created 0600)' },
    { name: 'messages', type: 'integer', valueName: 'N', min: 1, description: 'first and last N messages, files or lines (default 5)' },
  ],
  run: notImplemented('capture'),
};
