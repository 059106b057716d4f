// What `spoolrescue ls` prints, as pure text builders: a head, entry lines page by page, and a
// tail with the summary. One builder for people (80 columns, escaped names) and one for --json
// (one streamed document), so the command only moves pages from the listing to stdout.
import type { ListingEntry } from './entry.js';
import { entryLine, groupDigits, headerLine, shownPath, type LineOptions } from './format.js';
import { jsonEntry, jsonHead, jsonTail, type SymlinkJson } from './json.js';
import { displayWidth } from '../text/text-fit.js';
import { listingText } from './messages.js';

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
  const t = listingText;
  const ranked = (title: string, es: readonly ListingEntry[]) => `${title}\n` + (es.length ? `${headerLine()}\n${lines(es)}` : `${t().none}\n`);
  return {
    head() {
      const suffix = o.limit > 0 ? t().unsorted : '';
      let s = `${shownPath(o.path, o.width - displayWidth(suffix), o.ascii)}${suffix}\n`;
      if (o.symlink) s += `${shownPath(t().followed(o.symlink.path, o.symlink.target), o.width, o.ascii)}\n`;
      return s;
    },
    entries(page, index) {
      if (page.length === 0) return '';
      return (index === 0 ? `${headerLine()}\n` : '') + lines(page);
    },
    tail(end) {
      const w = t();
      let s = '';
      if (o.limit > 0 && end.written === 0 && !end.truncated && !end.incomplete) s += `${w.empty}\n`;
      if (o.limit > 0 && end.truncated) s += `${w.more(groupDigits(end.written))}\n`;
      if (end.count !== null) s += `${end.incomplete ? w.countedBeforeStop(groupDigits(end.count)) : w.counted(groupDigits(end.count))}\n`;
      if (end.oldestAsked) s += ranked(w.oldest(end.oldestAsked), end.oldest);
      if (end.newestAsked) s += ranked(w.newest(end.newestAsked), end.newest);
      if (shortened) s += `${w.shortened(shortened)}\n`;
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
