import { readStopOf, readStopText, type ListingEntry, type ReadStop } from '../../core/listing/entry.js';
import { describeEntry, entryStatter } from './entry-facts.js';
import { ExactNameReader, type NamedDirent } from '../walk/exact-name-reader.js';

// Stopping and fairness for a pager shared with a TUI.
export interface ListingOptions {
  signal?: AbortSignal;
  /** Give the event loop a turn at least this often during a big page, so a TUI can redraw (default 16 ms). */
  yieldEveryMs?: number;
}

// One page: entries in directory order with lstat facts, whether the directory is exhausted, and
// why reading stopped early (directory deleted, I/O error) when it did.
interface ListingPage {
  entries: ListingEntry[];
  /** No entries after these (the listing is at its end). */
  done: boolean;
  /** Entries handed out so far, this page included. */
  position: number;
  /** Set when reading failed part-way (a fact, worded when shown); the entries before the failure are in `entries`. */
  incomplete?: ReadStop;
}

// A cursor over one directory: page forward through millions of entries without re-reading from
// the start and without holding more than one page (what the TUI and `spoolrescue ls` page with).
export interface Listing extends AsyncIterable<ListingEntry[]> {
  readonly path: string;
  readonly position: number;
  readonly done: boolean;
  /** The next n entries (fewer at the end); when aborted, rejects with the signal's reason and closes. */
  nextPage(n: number): Promise<ListingPage>;
  close(): void;
}

const PAGE_CHUNK = 1024;

// Opens a directory for paging. Names are read with their exact bytes (a page is small, so the
// byte-mode cost does not matter); fails at once when the directory cannot be opened.
export function openListing(dir: string, o: ListingOptions = {}): Listing {
  const reader = new ExactNameReader(dir, { start: 'bytes', bufferSize: 256 });
  const stat = entryStatter(dir);
  const every = o.yieldEveryMs ?? 16;
  let pending: NamedDirent | null = null;
  let position = 0;
  let done = false;
  let closed = false;

  const take = (): NamedDirent | null => {
    if (pending) {
      const p = pending;
      pending = null;
      return p;
    }
    return reader.read();
  };

  const finish = () => {
    done = true;
    if (!closed) {
      closed = true;
      reader.close();
    }
  };

  const listing: Listing = {
    path: dir,
    get position() {
      return position;
    },
    get done() {
      return done;
    },
    async nextPage(n: number): Promise<ListingPage> {
      const entries: ListingEntry[] = [];
      let last = performance.now();
      try {
        while (!done && entries.length < n) {
          o.signal?.throwIfAborted();
          const stop = Math.min(n, entries.length + PAGE_CHUNK);
          while (entries.length < stop) {
            const d = take();
            if (d === null) {
              finish();
              break;
            }
            entries.push(describeEntry(d, stat));
          }
          if (!done && performance.now() - last >= every) {
            await new Promise((r) => setImmediate(r));
            last = performance.now();
          }
        }
        if (!done && pending === null) {
          pending = reader.read();
          if (pending === null) finish();
        }
      } catch (err) {
        position += entries.length;
        if (o.signal?.aborted) {
          listing.close();
          throw err;
        }
        finish();
        return { entries, done: true, position, incomplete: readStopOf(err as { code?: string; message?: string }, position) };
      }
      position += entries.length;
      return { entries, done, position };
    },
    close() {
      if (!closed) {
        closed = true;
        reader.close();
      }
      done = true;
    },
    async *[Symbol.asyncIterator]() {
      try {
        while (!done) {
          const page = await listing.nextPage(PAGE_CHUNK);
          if (page.entries.length) yield page.entries;
          if (page.incomplete) throw new Error(readStopText(page.incomplete, 'en'));
        }
      } finally {
        listing.close();
      }
    },
  };
  return listing;
}
