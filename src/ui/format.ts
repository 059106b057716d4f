import { escapeName } from '../core/text/escape-name.js';

// Names made terminal-safe for the walk's screens. Shortening, cells and wrapping are the one
// family in core/text/text-fit.ts; figures the one in core/text/units.ts.

// A name or path made safe for the terminal: escaped like ls -b (the same escaping as the CLI),
// and in ASCII mode every byte above 0x7e spelled in octal, so a serial console never receives one.
export function safeText(text: string | Uint8Array, ascii: boolean): string {
  return escapeName(text, { ascii });
}

