// `npm run bench [-- --only PATTERN]... [--runs N] [--keep] [--no-write] [--report-only]`: builds inputs with the
// fixture generator, runs each row's command and the classic tool alternately, prints medians,
// ratios and peak RSS, and rewrites BENCHMARKS.md from bench/results.json.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { describeMachine } from './machine.js';
import { measureOnce, median } from './measure.js';
import { renderBenchmarks, rowLine } from './report.js';
import { storedRows } from './stored-rows.js';
import type { BenchContext, BenchRow, Measure, RowResult } from './types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const top = path.resolve(here, '..');
const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    runs: { type: 'string' },
    keep: { type: 'boolean' },
    'no-write': { type: 'boolean' },
    'report-only': { type: 'boolean' },
  },
});

const GROUP_ORDER = ['fixture', 'df', 'hotspots', 'ls', 'capture', 'purge', 'queue', 'tui', 'maillog', 'executable'];
const workDir = path.resolve(process.env.SPOOLRESCUE_BENCH_DIR ?? '/var/tmp/spoolrescue-bench');
const bundle = path.join(top, 'dist', 'spoolrescue.cjs');
const resultsFile = path.join(here, 'results.json');

// Prose written by hand for a group (bench/notes/GROUP.md): what the tables alone do not say.
function loadNotes(): Record<string, string> {
  const dir = path.join(here, 'notes');
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(fs.readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => [f.slice(0, -3), fs.readFileSync(path.join(dir, f), 'utf8')]));
}

async function loadRows(): Promise<BenchRow[]> {
  const dir = path.join(here, 'rows');
  const rows: BenchRow[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { rows?: BenchRow[] };
    rows.push(...(mod.rows ?? []));
  }
  const rank = (g: string) => (GROUP_ORDER.indexOf(g) + 1 || 99);
  return rows.sort((a, b) => rank(a.group) - rank(b.group));
}

function makeContext(): BenchContext {
  const built = new Map<string, string>();
  return {
    workDir,
    bundle,
    async input(key, build) {
      const dir = path.join(workDir, 'inputs', key);
      if (built.has(key)) return dir;
      const done = path.join(workDir, 'inputs', `${key}.done`);
      if (!(values.keep && fs.existsSync(done))) {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir, { recursive: true });
        const t0 = Date.now();
        await build(dir);
        fs.writeFileSync(done, new Date().toISOString());
        console.log(`  input ${key} built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }
      built.set(key, dir);
      return dir;
    },
    ours: (...args) => [process.execPath, bundle, ...args],
    log: (line) => console.log(`  ${line}`),
  };
}

async function runRow(row: BenchRow, ctx: BenchContext): Promise<RowResult> {
  const runs = Number(values.runs ?? row.runs ?? 5);
  await row.setup?.(ctx);
  const ours: Measure[] = [];
  const classic: Measure[] = [];
  let figures: string | undefined;
  let oursLabel = 'custom';
  let classicLabel: string | undefined;
  if (row.measure) {
    for (let i = 0; i < runs; i++) {
      const m = await row.measure(ctx);
      ours.push(m.ours);
      if (m.classic) classic.push(m.classic);
      figures = m.figures ?? figures;
    }
    oursLabel = row.ours(ctx).label;
    classicLabel = row.classic?.(ctx).label;
  } else {
    const o = row.ours(ctx);
    const c = row.classic?.(ctx);
    oursLabel = o.label;
    classicLabel = c?.label;
    if (runs > 1) {
      await measureOnce(o);
      if (c) await measureOnce(c);
    }
    for (let i = 0; i < runs; i++) {
      ours.push(await measureOnce(o));
      if (c) classic.push(await measureOnce(c));
    }
  }
  const oursMedianS = median(ours.map((m) => m.wallS));
  const classicMedianS = classic.length ? median(classic.map((m) => m.wallS)) : undefined;
  const ratio = classicMedianS ? oursMedianS / classicMedianS : undefined;
  const oursPeakRssMB = Math.max(...ours.map((m) => m.rssMB));
  const classicPeakRssMB = classic.length ? Math.max(...classic.map((m) => m.rssMB)) : undefined;
  const failures: string[] = [];
  const L = row.limits;
  if (L.ratioMax !== undefined && ratio !== undefined && ratio > L.ratioMax) failures.push(`ratio ${ratio.toFixed(2)} > ${L.ratioMax}`);
  if (L.oursMaxS !== undefined && oursMedianS > L.oursMaxS) failures.push(`${oursMedianS.toFixed(3)} s > ${L.oursMaxS} s`);
  if (L.rssMaxMB !== undefined && oursPeakRssMB > L.rssMaxMB) failures.push(`RSS ${oursPeakRssMB.toFixed(0)} MB > ${L.rssMaxMB} MB`);
  return {
    id: row.id,
    group: row.group,
    title: row.title,
    oursLabel,
    classicLabel,
    runs,
    oursMedianS,
    classicMedianS,
    ratio,
    oursPeakRssMB,
    classicPeakRssMB,
    figures,
    limits: row.limits,
    pass: failures.length === 0,
    failures,
    notes: row.notes,
    measuredAt: new Date().toISOString(),
  };
}

// Rewrites BENCHMARKS.md from the stored results without measuring (after a change of wording).
async function reportOnly(): Promise<void> {
  const stored: RowResult[] = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  fs.writeFileSync(path.join(top, 'BENCHMARKS.md'), renderBenchmarks(stored, describeMachine(workDir), GROUP_ORDER, loadNotes()));
  console.log(`wrote BENCHMARKS.md (${stored.length} rows, from ${path.relative(top, resultsFile)})`);
}

async function main(): Promise<void> {
  if (values['report-only']) return reportOnly();
  if (!fs.existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is missing (apt-get install time)');
  execFileSync(process.execPath, [path.join(top, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  fs.mkdirSync(workDir, { recursive: true });
  const only = values.only ?? [];
  const rows = (await loadRows()).filter((r) => !only.length || only.some((o) => r.id.includes(o) || r.group === o));
  if (!rows.length) throw new Error(`no bench row matches '${only.join("', '")}'`);
  const ctx = makeContext();
  const stored: RowResult[] = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : [];
  const results = new Map(stored.map((r) => [r.id, r]));
  let missed = 0;
  for (const row of rows) {
    console.log(`# ${row.group}: ${row.title}`);
    try {
      const r = await runRow(row, ctx);
      results.set(r.id, r);
      if (!r.pass) missed++;
      console.log(rowLine(r));
    } catch (e) {
      missed++;
      console.log(`  FAILED: ${(e as Error).message}`);
    } finally {
      await row.teardown?.(ctx);
    }
  }
  if (!values['no-write']) {
    const all = storedRows(await loadRows(), results, stored);
    fs.writeFileSync(resultsFile, JSON.stringify(all, null, 2) + '\n');
    fs.writeFileSync(path.join(top, 'BENCHMARKS.md'), renderBenchmarks(all, describeMachine(workDir), GROUP_ORDER, loadNotes()));
    console.log(`wrote BENCHMARKS.md (${all.length} rows)`);
  }
  if (!values.keep) fs.rmSync(path.join(workDir, 'inputs'), { recursive: true, force: true });
  if (missed) {
    console.log(`${missed} row(s) missed their target or failed`);
    process.exitCode = 1;
  }
}

await main();
