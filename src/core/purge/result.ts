// What a purge did, as data shared by the CLI, the TUI and the incident file, and the one rule
// that decides success: exit 0 only when DIR is there, empty, exactly as snapshotted.
import type { Language } from '../i18n/speak.js';
import type { DirSnapshot, NotCompared, SnapshotDifference } from './snapshot.js';
import { differencesWords } from './attr-words.js';
import type { PurgeStrategy } from './strategy.js';
import { walkSkipWords, type WalkSkip } from './walk-skip.js';
import { walkStopWords, type WalkStop } from './walk-stop.js';
import { swapFailureWords, type SwapFailure } from './swap-failure.js';
import { fmtCount } from '../text/units.js';
import { purgeResultText } from './result-messages.js';
import { checkSkipWords, type CheckSkip } from '../postfix/check-skip.js';
import { commandFailureText, type CommandFailure } from '../command-failure.js';

// A name that could not be removed or a directory that was not entered, and why.
type PurgeProblem = {
  name: Buffer;
  /** Which directory it was in (DIR or a set-aside copy). */
  where: string;
} & ({ code?: string; message: string } | { skip: WalkSkip });

// Why a name was not removed or a directory not entered, in the run's language unless told
// ('en' for --json; an errno message is the system's own).
export function problemWords(p: PurgeProblem, lang?: 'en'): string {
  return 'skip' in p ? walkSkipWords(p.skip, lang) : p.message;
}

// What postsuper -d ALL did.
export interface PostsuperResult {
  command: string;
  ok: boolean;
  exitCode?: number;
  output: string;
  /** postsuper's own count ("Deleted: N messages"). */
  deleted?: number;
  aborted: boolean;
  /** What failed (worded when shown, in English in --json). */
  failure?: CommandFailure;
}

// Why a purge ran in place after all, as facts: what could not be done and the swap's reason.
export interface PurgeFallback {
  code: 'no-new-directory' | 'swap-not-possible';
  why: SwapFailure;
}

// The fallback in words: the run's language unless other words are given (--json: English).
export function fallbackWords(f: PurgeFallback, language?: Language): string {
  const t = purgeResultText(language);
  const why = swapFailureWords(f.why, language);
  return f.code === 'no-new-directory' ? t.noNewDirectory(why) : t.swapNotPossible(why);
}

// What the execution did, whatever the strategy, including what it could not do.
export interface PurgeOutcome {
  strategyUsed: PurgeStrategy;
  /** Why the planned swap was not done after all (then it ran in place). */
  fallback?: PurgeFallback;
  removed: number;
  bytes: number;
  errors: number;
  skipped: number;
  problems: PurgeProblem[];
  aborted: boolean;
  stoppedBecause?: WalkStop;
  firstRemoved: Buffer[];
  lastRemoved: Buffer[];
  startedAt: string;
  durationMs: number;
  /** Milliseconds after the process started when DIR was back in place, empty (swap). */
  dirBackInPlaceAfterMs?: number;
  /** The set-aside copies this run deleted, or left behind (abort, errors). */
  asides: { path: string; removed: boolean }[];
  postsuper?: PostsuperResult;
}

// DIR after the purge, compared with the snapshot.
export interface PurgeVerification {
  dirPresent: boolean;
  /** Snapshot differences still there after the one repair attempt. */
  differences: SnapshotDifference[];
  /** Differences found and repaired (owner/mode/label put back from the snapshot). */
  repaired: SnapshotDifference[];
  after: DirSnapshot | null;
  /** Attributes that could not be read, so not compared (kept only because the inode is the same). */
  notCompared: NotCompared[];
  entriesLeft: number;
  entriesLeftCapped: boolean;
  sampleLeft: Buffer[];
}

// What `postfix check` said after the purge.
export interface PostfixCheckResult {
  ran: boolean;
  /** Why it did not run, as facts: checkSkipShown words them, checkJson words them in English. */
  skip?: CheckSkip;
  command?: string;
  ok?: boolean;
  exitCode?: number;
  output: string;
  /** Lines it appended to maillog_file (its warnings go there, not to the terminal). */
  logLines: string[];
}

// postfix check did not run, and why (facts; worded when shown or written as JSON).
export function checkSkipped(skip: CheckSkip): PostfixCheckResult {
  return { ran: false, skip, output: '', logLines: [] };
}

// Why postfix check did not run, in the run's language (undefined when it ran).
export function checkSkipShown(c: PostfixCheckResult): string | undefined {
  return c.skip && checkSkipWords(c.skip);
}

// postfix check's result as --json has it: the reason it did not run worded in English as
// `skipped` (the document is the same in every language), right after `ran`.
export type PostfixCheckJson = Omit<PostfixCheckResult, 'skip'> & { skipped?: string };

// The result as --json writes it (see PostfixCheckJson).
export function checkJson(c: PostfixCheckResult): PostfixCheckJson {
  const { skip, ran, ...rest } = c;
  return skip ? { ran, skipped: checkSkipWords(skip, 'en'), ...rest } : { ran, ...rest };
}

// Everything that keeps a purge from being "done", one line each (empty: exit 0); in the run's
// language unless told (--json passes English: its document is the same in every language).
export function purgeFailures(o: PurgeOutcome, v: PurgeVerification, incident?: { ok: boolean; message?: string } | null, language?: Language): string[] {
  const t = purgeResultText(language);
  const differences = differencesWords(v.differences, language);
  const out: string[] = [];
  if (incident && !incident.ok) out.push(t.incidentNotWritten(String(incident.message)));
  if (o.aborted) out.push(t.aborted);
  if (o.stoppedBecause) out.push(t.stopped(walkStopWords(o.stoppedBecause, language)));
  if (o.postsuper && !o.postsuper.ok && !o.aborted) out.push(t.postsuperFailed(o.postsuper.failure ? commandFailureText(o.postsuper.failure, language) : o.postsuper.output));
  if (!v.dirPresent) out.push(differences[0] ?? t.dirMissing);
  else if (differences.length) out.push(t.notAsSnapshotted(differences.join(t.joined)));
  if (o.errors) out.push(t.notRemoved(o.errors, fmtCount(o.errors)));
  if (o.skipped > 0) out.push(t.notEntered(o.skipped, fmtCount(o.skipped)));
  if (v.dirPresent && v.entriesLeft > 0 && o.strategyUsed !== 'postsuper') out.push(t.notEmpty(v.entriesLeftCapped, fmtCount(v.entriesLeft)));
  const left = o.asides.filter((a) => !a.removed);
  if (left.length) out.push(t.asidesLeft(left.map((a) => a.path).join(', ')));
  return [...new Set(out)];
}
