import type { FlagSpec } from './args.js';

// The options every subcommand accepts, in the order help lists them.
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'root', type: 'string', valueName: 'DIR', description: 'treat DIR as the system root (demos, tests, mounted rescue disks)' },
  { name: 'postfix-config', type: 'string', valueName: 'DIR', description: 'Postfix configuration directory, like postfix -c (default /etc/postfix)' },
  { name: 'json', type: 'boolean', description: 'print one JSON document on stdout and nothing else there' },
  { name: 'serial', type: 'boolean', description: 'serial console: ASCII only, no colour, at most 2 redraws a second' },
  { name: 'ascii', type: 'boolean', description: 'ASCII only (no box drawing or symbols)' },
  { name: 'lang', type: 'string', valueName: 'LANG', description: 'language of the text: en or ja (default: from LC_ALL, LC_MESSAGES, LANG; English on an ASCII-only console)' },
  { name: 'no-color', type: 'boolean', description: 'no colour (also when NO_COLOR is set)' },
  { name: 'help', type: 'boolean', description: 'show help (also per command: spoolrescue ls --help); -h too, except after df' },
  { name: 'version', type: 'boolean', description: 'print the version' },
];
