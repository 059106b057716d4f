import type { CommandContext, CommandSpec } from '../cli/command.js';
import { progressLine } from '../cli/progress-line.js';
import { streamWriter, type StreamWriter } from '../cli/stream-writer.js';
import { escapeName } from '../core/text/escape-name.js';
import { ExitCode } from '../core/exit-codes.js';
import { groupDigits } from '../core/listing/format.js';
import { readStopText, type ReadStop } from '../core/listing/entry.js';
import type { Language } from '../core/i18n/speak.js';
import type { Listing } from '../io/listing/listing.js';
import type { ScanOutcome } from '../io/listing/scan.js';
import { humanListingView, jsonListingView, type ListingView } from '../core/listing/views.js';
import { countDirectory, failureText, openDirectory, type ListingDeps, type PathLabel } from '../ops/listing.js';
import { realListingDeps } from '../ops/real/listing.js';
import { lsText } from './messages/ls.js';

// The outside world `ls` touches, injectable so tests can step in at the exact moment (delete the
// directory during a count) without mocking modules; the rest is the listing op's real adapters.
type LsDeps = Pick<ListingDeps, 'resolveTarget' | 'openListing' | 'scanDirectory'>;
const PAGE = 1024;

// Why the listing stopped early: a read stop as a fact, or a line already worded (abort, failure).
type Stop = ReadStop | string;

// A stop in words: the run's language for stderr, 'en' for the --json document's `incomplete`.
function stopText(stop: Stop, language?: Language): string {
  return typeof stop === 'string' ? stop : readStopText(stop, language);
}

// What stopped the command, in the words of whoever aborted it (Ctrl-C, SIGTERM, the TUI).
function abortReason(signal: AbortSignal): string {
  return signal.reason instanceof Error ? signal.reason.message : 'aborted';
}

// Columns for human output: the terminal's width, 80 on a serial console or when not a terminal.
function outputWidth(ctx: CommandContext): number {
  const out = ctx.io.stdout;
  if (ctx.terminal.serial || !out.isTTY || !out.columns) return 80;
  return Math.max(40, out.columns);
}

// The first `limit` entries, page by page to stdout; `truncated` when more exist. A failure or an
// abort part-way ends the phase with `incomplete`, never with an exception (the document has begun).
async function writeEntries(ctx: CommandContext, listing: Listing, view: ListingView, out: StreamWriter, limit: number, fail: (err: unknown) => string) {
  let written = 0;
  let incomplete: Stop | null = null;
  let truncated = false;
  try {
    while (written < limit && !listing.done && !out.broken) {
      const page = await listing.nextPage(Math.min(PAGE, limit - written));
      await out.write(view.entries(page.entries, written));
      written += page.entries.length;
      if (page.incomplete) incomplete = page.incomplete;
    }
    if (!listing.done && !incomplete && !out.broken) await listing.nextPage(0);
    truncated = !listing.done && !incomplete;
  } catch (err) {
    // i18n-ignore: quoted in the --json document's `incomplete`, which never changes with the language
    incomplete = ctx.signal.aborted ? `stopped after ${written} entries: ${abortReason(ctx.signal)}` : fail(err);
  } finally {
    listing.close();
  }
  return { written, truncated, incomplete };
}

// The one pass for --count/--oldest/--newest, with live progress on a terminal.
async function summarize(ctx: CommandContext, deps: ListingDeps, dir: string, label: PathLabel, oldest: number, newest: number, fail: (err: unknown) => string) {
  const progress = progressLine(ctx.io, ctx.terminal.serial);
  try {
    // The CLI runs nothing else that resolves relative paths meanwhile: statByName.
    const scan = await countDirectory(dir, label, { oldest, newest, statByName: true }, deps, (n) => progress.update(() => lsText().progress(oldest > 0 || newest > 0, label.shown, groupDigits(n))), ctx.signal);
    const stop: Stop | null = scan.incomplete ? (scan.incomplete.read ?? scan.incomplete.message) : null;
    return { scan, incomplete: stop };
  } catch (err) {
    return { scan: null, incomplete: fail(err) };
  } finally {
    progress.clear();
  }
}

async function run(ctx: CommandContext, deps: ListingDeps): Promise<number> {
  const where = 'spoolrescue ls'; // i18n-ignore: the command's name
  const f = ctx.flags;
  const wantCount = f.count === true;
  const oldestK = (f.oldest as number | undefined) ?? 0;
  const newestK = (f.newest as number | undefined) ?? 0;
  const summaryAsked = wantCount || oldestK > 0 || newestK > 0;
  const limit = (f.limit as number | undefined) ?? (summaryAsked ? 0 : 50);
  const target = deps.resolveTarget(ctx.paths.arg(ctx.positionals[0]), { paths: ctx.paths, follow: f.follow === true, where, invocation: ctx.global });
  const shown = ctx.paths.toSystem(target.dir);
  const escaped = escapeName(shown, { ascii: ctx.terminal.ascii });
  const label: PathLabel = { shown: escaped, where, root: ctx.paths.root };
  const fail = (err: unknown) => failureText(err, label, deps);
  const listing = openDirectory(target.dir, label, deps, ctx.signal);

  const out = streamWriter(ctx.io.stdout);
  const symlink = target.symlink && { path: ctx.paths.toSystem(target.symlink.path), target: target.symlink.target };
  const view: ListingView = ctx.global.json
    ? jsonListingView(shown, symlink, target.dir)
    : humanListingView({ path: shown, symlink, limit, width: outputWidth(ctx), ascii: ctx.terminal.ascii });
  await out.write(view.head());
  const listed = await writeEntries(ctx, listing, view, out, limit, fail);
  let incomplete = listed.incomplete;
  let scan: ScanOutcome | null = null;
  if (summaryAsked && !incomplete && !out.broken) {
    const summary = await summarize(ctx, deps, target.dir, label, oldestK, newestK, fail);
    scan = summary.scan;
    incomplete = summary.incomplete;
  }
  await out.write(
    view.tail({
      written: listed.written,
      count: wantCount && scan ? scan.count : null,
      truncated: listed.truncated,
      oldest: scan?.oldest ?? [],
      newest: scan?.newest ?? [],
      oldestAsked: oldestK,
      newestAsked: newestK,
      incomplete: incomplete === null ? null : stopText(incomplete, 'en'),
    }),
  );
  out.dispose();
  if (incomplete) {
    ctx.io.stderr.write(`${where}: ${stopText(incomplete)}\n`);
    return ExitCode.failed;
  }
  return ExitCode.done;
}

// Builds the `ls` command around its outside world (real by default, stand-ins in tests).
/** @internal unit-tested on its own: test/commands/ls-inprocess.test.ts */
export function createLsCommand(stepIn: Partial<LsDeps> = {}): CommandSpec {
  const deps: ListingDeps = { ...realListingDeps(), ...stepIn };
  return {
    name: 'ls',
    get summary() {
      return lsText().summary;
    },
    positionals: [{ name: 'DIR', required: true, get description() { return lsText().positionals.DIR; } }],
    flags: [
      { name: 'limit', type: 'integer', valueName: 'N', get description() { return lsText().flags.limit; } },
      { name: 'count', type: 'boolean', get description() { return lsText().flags.count; } },
      { name: 'oldest', type: 'integer', valueName: 'K', min: 1, get description() { return lsText().flags.oldest; } },
      { name: 'newest', type: 'integer', valueName: 'K', min: 1, get description() { return lsText().flags.newest; } },
      { name: 'follow', type: 'boolean', get description() { return lsText().flags.follow; } },
    ],
    get details() {
    return lsText().details;
  },
    run: (ctx) => run(ctx, deps),
  };
}

// `spoolrescue ls`: look inside a directory with millions of entries without sorting it.
export const command: CommandSpec = createLsCommand();
