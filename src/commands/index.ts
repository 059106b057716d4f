import type { CommandSpec } from '../cli/command.js';
import { command as df } from './df.js';
import { command as hotspots } from './hotspots.js';
import { command as ls } from './ls.js';
import { command as capture } from './capture.js';
import { command as truncate } from './truncate.js';
import { command as purge } from './purge.js';
import { command as queue } from './queue.js';
import { command as maillog } from './maillog.js';
import { command as prevent } from './prevent.js';

// Every subcommand, in the order of the rescue (help lists them this way).
export const COMMANDS: readonly CommandSpec[] = [df, hotspots, ls, capture, truncate, purge, queue, maillog, prevent];
