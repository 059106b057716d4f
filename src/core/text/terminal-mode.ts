// How output may look: serial consoles get ASCII, no colour and few redraws.
export interface TerminalMode {
  serial: boolean;
  ascii: boolean;
  color: boolean;
  /** Why serial mode was chosen, for the help bar and the log (e.g. "TERM=vt100"). */
  serialReason?: string;
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

// Decides serial/ASCII/colour from flags, environment and the tty device: serial consoles are slow
// (9600 baud) and often cannot show UTF-8 or colour, so they are detected, not only asked for.
export function decideTerminalMode(f: TerminalFacts): TerminalMode {
  let serialReason: string | undefined;
  if (f.serialFlag) serialReason = '--serial';
  else if (f.ttyPath && SERIAL_TTY.test(f.ttyPath)) serialReason = `serial line ${f.ttyPath}`;
  else if (f.env.TERM && SERIAL_TERM.test(f.env.TERM)) serialReason = `TERM=${f.env.TERM}`;
  const serial = serialReason !== undefined;
  const noColorEnv = f.env.NO_COLOR !== undefined && f.env.NO_COLOR !== '';
  const dumb = f.env.TERM === 'dumb';
  return {
    serial,
    ascii: serial || f.asciiFlag || dumb,
    color: !serial && !f.noColorFlag && !noColorEnv && !dumb && f.isTTY,
    serialReason,
  };
}
