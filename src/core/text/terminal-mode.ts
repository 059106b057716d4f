import { terminalModeText } from './terminal-mode-messages.js';

// How output may look: serial consoles get ASCII, no colour and few redraws.
export interface TerminalMode {
  serial: boolean;
  ascii: boolean;
  color: boolean;
  /** Why serial mode was chosen, for the help bar and the log (e.g. "TERM=vt100"). */
  serialReason?: string;
  /** Why only ASCII is shown when it was not asked for (e.g. "TERM=linux", "LANG=C"). */
  asciiReason?: string;
}

export interface TerminalFacts {
  serialFlag: boolean;
  asciiFlag: boolean;
  noColorFlag: boolean;
  env: Record<string, string | undefined>;
  /** Device behind the terminal (readlink of /proc/self/fd/0), when known. */
  ttyPath?: string;
  isTTY: boolean;
}

const SERIAL_TTY = /^\/dev\/(ttyS\d+|ttyAMA\d+|ttyUSB\d+|ttymxc\d+|hvc\d+|ttysclp\d+)$/;
const SERIAL_TERM = /^(vt100|vt102|vt220|vt52|ansi-nocolor|linux-m)$/;
// Terminals whose font has no glyph for the walk's pointer, bar or ellipsis (the Linux console's
// 512-glyph font, a dumb terminal).
const ASCII_TERM = /^(linux|dumb|cons25)$/;

// The locale's character set decides what the terminal can show: the first of LC_ALL, LC_CTYPE
// and LANG that is set, as setlocale(3) reads them. An unset locale tells nothing (minimal
// environments and su sessions often have none on a UTF-8 terminal) and keeps UTF-8.
function nonUtf8Locale(env: Record<string, string | undefined>): string | undefined {
  for (const name of ['LC_ALL', 'LC_CTYPE', 'LANG']) {
    const value = env[name];
    if (value) return /utf-?8/i.test(value) ? undefined : `${name}=${value}`;
  }
  return undefined;
}

// The one place that decides serial/ASCII/colour, from flags, environment and the tty device:
// serial consoles are slow (9600 baud) and often cannot show UTF-8 or colour, the Linux console
// and non-UTF-8 locales cannot show the walk's glyphs, so these are detected, not only asked for.
export function decideTerminalMode(f: TerminalFacts): TerminalMode {
  let serialReason: string | undefined;
  if (f.serialFlag) serialReason = '--serial';
  else if (f.ttyPath && SERIAL_TTY.test(f.ttyPath)) serialReason = terminalModeText().serialLine(f.ttyPath);
  else if (f.env.TERM && SERIAL_TERM.test(f.env.TERM)) serialReason = `TERM=${f.env.TERM}`;
  const serial = serialReason !== undefined;
  const noColorEnv = f.env.NO_COLOR !== undefined && f.env.NO_COLOR !== '';
  const dumb = f.env.TERM === 'dumb';
  const term = f.env.TERM ?? '';
  const asciiReason = serial ? serialReason : f.asciiFlag ? '--ascii' : ASCII_TERM.test(term) ? `TERM=${term}` : nonUtf8Locale(f.env);
  return {
    serial,
    ascii: asciiReason !== undefined,
    asciiReason,
    color: !serial && !f.noColorFlag && !noColorEnv && !dumb && f.isTTY,
    serialReason,
  };
}
