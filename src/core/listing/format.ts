// The human listing: one line per entry (type, size, mtime, escaped name) that fits the terminal,
// ASCII-only on serial consoles, so a flooded maildrop can be read on a 80x24 console at 9600 baud.
import { escapeName } from '../text/escape-name.js';
import { entryErrorText, kindChar, type ListingEntry } from './entry.js';
import { displayWidth, fitMiddle } from '../text/text-fit.js';

// How lines must look on the terminal at hand.
export interface LineOptions {
  /** Columns available (80 on a serial console or when not a terminal). */
  width: number;
  /** ASCII only: non-ASCII name bytes as octal, "..." instead of an ellipsis character. */
  ascii: boolean;
  /** Show times in UTC instead of local time (tests, servers that log in UTC). */
  utc?: boolean;
}

const UNITS = ['K', 'M', 'G', 'T', 'P'];

// Size in at most 5 columns: exact bytes up to 99999 (queue files), then ls -h style (117K, 4.0G).
/** @internal unit-tested on its own: test/core/listing-format.test.ts */
export function formatSize(bytes: number | null): string {
  if (bytes === null) return '?';
  if (bytes < 100_000) return String(bytes);
  let v = bytes;
  let unit = -1;
  do {
    v /= 1024;
    unit++;
  } while (v >= 1000 && unit < UNITS.length - 1);
  return (v < 10 ? v.toFixed(1) : String(Math.round(v))) + UNITS[unit];
}

const two = (n: number) => String(n).padStart(2, '0');

// Modification time as "YYYY-MM-DD HH:MM:SS" (local time, like ls and the maillog), 19 columns.
/** @internal unit-tested on its own: test/core/listing-format.test.ts */
export function formatMtime(ms: number | null, utc = false): string {
  if (ms === null) return '?';
  const d = new Date(Math.floor(ms));
  if (Number.isNaN(d.getTime())) return '?';
  const [y, mo, da, h, mi, s] = utc
    ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
    : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()];
  return `${String(y).padStart(4, '0')}-${two(mo)}-${two(da)} ${two(h)}:${two(mi)}:${two(s)}`;
}

// 1234567 -> "1,234,567": counts of millions must be readable at a glance, whatever the locale.
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const PREFIX_WIDTH = 1 + 1 + 5 + 1 + 19 + 1;

// Column titles above the entry lines.
export function headerLine(): string {
  return `T ${'SIZE'.padStart(5)} ${'MODIFIED'.padEnd(19)} NAME`;
}

// The name as the terminal may show it: escaped (ls -b), ASCII-only when asked.
function shownName(e: Pick<ListingEntry, 'name' | 'nameBytes'>, ascii: boolean): string {
  return escapeName(e.nameBytes ?? e.name, { ascii });
}

// One entry as one line of at most o.width columns; `shortened` says the name's middle was cut.
export function entryLine(e: ListingEntry, o: LineOptions): { line: string; shortened: boolean } {
  const prefix = `${kindChar(e.type)} ${formatSize(e.size).padStart(5)} ${formatMtime(e.mtimeMs, o.utc).padEnd(19)} `;
  const note = e.error !== undefined ? `  [${entryErrorText(e.error)}]` : '';
  const room = Math.max(8, o.width - PREFIX_WIDTH - displayWidth(note));
  const name = shownName(e, o.ascii);
  const fitted = fitMiddle(name, room, o.ascii);
  return { line: prefix + fitted + note, shortened: fitted !== name };
}

// A path for a title line: escaped like a name and shortened in the middle to fit.
export function shownPath(p: string, width: number, ascii: boolean): string {
  return fitMiddle(escapeName(p, { ascii }), width, ascii);
}
