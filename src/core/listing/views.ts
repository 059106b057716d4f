// What `spoolrescue ls` prints, as pure text builders: a head, entry lines page by page, and a
// tail with the summary. One builder for people (80 columns, escaped names) and one for --json
// (one streamed document), so the command only moves pages from the listing to stdout.
import type { ListingEntry } from './entry.js';
import { entryLine, groupDigits, headerLine, shownPath, type LineOptions } from './format.js';
import { jsonEntry, jsonHead, jsonTail, type SymlinkJson } from './json.js';

// Everything the tail needs to know once the entries are out.
interface ListingTail {
  /** Entries printed. */
  written: number;
  /** Total entries, when --count was asked. */
  count: number | null;
  truncated: boolean;
  oldest: ListingEntry[];
  newest: ListingEntry[];
  oldestAsked: number;
  newestAsked: number;
  incomplete: string | null;
}

// Text pieces of one listing, in the order they are written.
export interface ListingView {
  head(): string;
  /** Lines for a page of entries; `index` is how many entries went before it. */
  entries(page: readonly ListingEntry[], index: number): string;
  tail(t: ListingTail): string;
}

// What the human view needs besides the line options: the path and the limit asked for.
export interface HumanViewOptions extends LineOptions {
  /** System path of the directory. */
  path: string;
  /** Entries asked for (--limit). */
  limit: number;
  /** The symbolic link that was followed to get here (--follow). */
  symlink?: SymlinkJson | null;
}

// The listing for a terminal, a pipe or a serial console: every line within o.width columns.
export function humanListingView(o: HumanViewOptions): ListingView {
  let shortened = 0;
  const lines = (es: readonly ListingEntry[]) =>
    es
      .map((e) => {
        const r = entryLine(e, o);
        if (r.shortened) shortened++;
        return r.line + '\n';
      })
      .join('');
  const ranked = (title: string, es: readonly ListingEntry[]) => `${title}\n` + (es.length ? `${headerLine()}\n${lines(es)}` : '  (none)\n');
  return {
    head() {
      const suffix = o.limit > 0 ? '  (directory order, not sorted)' : '';
      let s = `${shownPath(o.path, o.width - suffix.length, o.ascii)}${suffix}\n`;
      if (o.symlink) s += `${shownPath(`(followed the symbolic link ${o.symlink.path} -> ${o.symlink.target})`, o.width, o.ascii)}\n`;
      return s;
    },
    entries(page, index) {
      if (page.length === 0) return '';
      return (index === 0 ? `${headerLine()}\n` : '') + lines(page);
    },
    tail(t) {
      let s = '';
      if (o.limit > 0 && t.written === 0 && !t.truncated && !t.incomplete) s += '(empty directory)\n';
      if (o.limit > 0 && t.truncated) s += `more entries follow; the first ${groupDigits(t.written)} are shown (--limit N, --count)\n`;
      if (t.count !== null) s += t.incomplete ? `${groupDigits(t.count)} entries counted before the scan stopped\n` : `${groupDigits(t.count)} entries\n`;
      if (t.oldestAsked) s += ranked(`oldest ${t.oldestAsked} by modification time:`, t.oldest);
      if (t.newestAsked) s += ranked(`newest ${t.newestAsked} by modification time:`, t.newest);
      if (shortened) s += `${shortened} long name(s) shortened in the middle to fit; --json has them in full\n`;
      return s;
    },
  };
}

// The --json document, streamed: { schemaVersion, path, hostPath?, symlink, entries, count, truncated,
// oldest, newest, incomplete }.
export function jsonListingView(path: string, symlink: SymlinkJson | null, hostPath?: string): ListingView {
  return {
    head: () => jsonHead(path, symlink, hostPath),
    entries: (page, index) => page.map((e, i) => jsonEntry(e, index + i)).join(''),
    tail: (t) => jsonTail(t.written, { count: t.count, truncated: t.truncated, oldest: t.oldest, newest: t.newest, incomplete: t.incomplete }),
  };
}
