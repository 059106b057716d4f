import type { CliIo } from '../../cli/command.js';
import type { TerminalMode } from '../../core/text/terminal-mode.js';
import { FrameSink } from './frame-sink.js';
import { FrameWriter, type WriterStats } from './frame-writer.js';

// The terminal for the length of the walk: modes set on open and put back on close, also when
// the process dies of an exception (the 'exit' hook), so the operator never gets a raw,
// cursor-less terminal back.

const CSI = '\u001b[';

// At most 2 redraws a second on a serial console (the issue's limit).
/** @internal unit-tested on its own: test/ui/serial-budget.test.tsx */
export const SERIAL_INTERVAL_MS = 500;
// About 30 redraws a second elsewhere: smooth progress without burning a CPU.
const NORMAL_INTERVAL_MS = 33;

// The walk's terminal: the sink Ink renders into, the size, and the way back.
export interface TerminalSession {
  sink: FrameSink;
  columns: number;
  rows: number;
  stats: WriterStats;
  /** Called with the new size after the terminal was resized. */
  onResize(listener: (columns: number, rows: number) => void): void;
  /** Writes the last frame and puts the terminal back (idempotent, synchronous). */
  close(): void;
}

type Out = CliIo['stdout'] & { rows?: number; fd?: number };

// Size of the terminal, with a sane default when it cannot tell (80x24).
function terminalSize(out: Out): { columns: number; rows: number } {
  return { columns: out.columns && out.columns > 0 ? out.columns : 80, rows: out.rows && out.rows > 0 ? out.rows : 24 };
}

// Opens the walk's screen on io.stdout in the given mode.
export function openTerminal(io: CliIo, mode: TerminalMode): TerminalSession {
  const out = io.stdout as Out;
  let { columns, rows } = terminalSize(out);
  const write = (s: string) => {
    out.write(s);
  };
  const writer = new FrameWriter({ write, columns, rows, spans: mode.serial, minIntervalMs: mode.serial ? SERIAL_INTERVAL_MS : NORMAL_INTERVAL_MS });
  const sink = new FrameSink(columns, rows, (frame) => writer.push(frame));
  const alt = !mode.serial;
  write(`${alt ? `${CSI}?1049h` : ''}${CSI}?25l${CSI}H${CSI}2J`);
  const listeners: ((c: number, r: number) => void)[] = [];
  const onResize = () => {
    ({ columns, rows } = terminalSize(out));
    writer.invalidate(columns, rows);
    sink.resize(columns, rows);
    for (const l of listeners) l(columns, rows);
  };
  out.on('resize', onResize);
  // A terminal that went away (SIGHUP, closed ssh) fails writes with EIO/EPIPE: not a crash.
  const onError = () => undefined;
  out.on('error', onError);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    writer.flush();
    writer.dispose();
    out.off('resize', onResize);
    out.off('error', onError);
    try {
      if (io.stdin.isTTY && io.stdin.setRawMode) io.stdin.setRawMode(false);
    } catch {
      // stdin already closed
    }
    write(alt ? `${mode.color ? `${CSI}0m` : ''}${CSI}?25h${CSI}?1049l` : `${CSI}${rows};1H\r\n${CSI}?25h`);
    process.off('exit', close);
  };
  process.on('exit', close);
  return {
    sink,
    get columns() {
      return columns;
    },
    get rows() {
      return rows;
    },
    stats: writer.stats,
    onResize: (l) => listeners.push(l),
    close,
  };
}
