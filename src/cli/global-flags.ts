import type { FlagSpec } from './args.js';
import { cliText } from './messages.js';

const said = () => cliText().flags;

// The options every subcommand accepts, in the order help lists them (descriptions in the run's language).
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'root', type: 'string', valueName: 'DIR', get description() { return said().root; } },
  { name: 'postfix-config', type: 'string', valueName: 'DIR', get description() { return said().postfixConfig; } },
  { name: 'json', type: 'boolean', get description() { return said().json; } },
  { name: 'serial', type: 'boolean', get description() { return said().serial; } },
  { name: 'ascii', type: 'boolean', get description() { return said().ascii; } },
  { name: 'lang', type: 'string', valueName: 'LANG', get description() { return said().lang; } },
  { name: 'no-color', type: 'boolean', get description() { return said().noColor; } },
  { name: 'help', type: 'boolean', get description() { return said().help; } },
  { name: 'version', type: 'boolean', get description() { return said().version; } },
];
