// What one benchmark row measures and how it is judged; rows live in bench/rows/*.ts.

export interface Measure {
  wallS: number;
  rssMB: number;
  exitCode: number | null;
}

export interface BenchCommand {
  /** Shown in BENCHMARKS.md, e.g. "du -sx DIR". */
  label: string;
  argv: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Runs before each timed run (e.g. rebuild a directory that the command deletes); not timed. */
  before?: () => void | Promise<void>;
  /** Runs after each timed run (e.g. check the result); not timed. Throw to fail the row. */
  after?: (stdout: string) => void | Promise<void>;
}

interface Limits {
  /** ours/classic median must be at most this. */
  ratioMax?: number;
  /** What we aim for (reported, not enforced). */
  ratioGoal?: number;
  oursMaxS?: number;
  rssMaxMB?: number;
}

export interface BenchContext {
  /** Scratch directory on a real disk (SPOOLRESCUE_BENCH_DIR, default /var/tmp/spoolrescue-bench). */
  workDir: string;
  /** Path of the bundled CLI. */
  bundle: string;
  /** Builds an input once per run (and reuses it across rows) under workDir/key. */
  input(key: string, build: (dir: string) => void | Promise<void>): Promise<string>;
  /** node + the bundled CLI + args, ready for BenchCommand.argv. */
  ours(...args: string[]): string[];
  log(line: string): void;
}

export interface BenchRow {
  id: string;
  /** Which capability (df, hotspots, ls, capture, purge, tui, fixture). */
  group: string;
  title: string;
  setup?: (ctx: BenchContext) => void | Promise<void>;
  /** Undoes what setup did to the machine (mounts...); runs even when the row fails. */
  teardown?: (ctx: BenchContext) => void | Promise<void>;
  ours: (ctx: BenchContext) => BenchCommand;
  classic?: (ctx: BenchContext) => BenchCommand;
  /** Custom measurement for rows that are not "run a command" (first frame through a pty, bytes/s). */
  measure?: (ctx: BenchContext) => Promise<{ ours: Measure; classic?: Measure; figures?: string }>;
  runs?: number;
  limits: Limits;
  notes?: string;
}

export interface RowResult {
  id: string;
  group: string;
  title: string;
  oursLabel: string;
  classicLabel?: string;
  runs: number;
  oursMedianS: number;
  classicMedianS?: number;
  ratio?: number;
  oursPeakRssMB: number;
  classicPeakRssMB?: number;
  figures?: string;
  limits: Limits;
  pass: boolean;
  failures: string[];
  notes?: string;
  measuredAt: string;
}
