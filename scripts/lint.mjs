#!/usr/bin/env node
// `npm run lint`: the import rules (.dependency-cruiser.cjs: no cycles, layers point down) and the
// unused files and exports (knip.json), checked against lint-baseline.json, the violations known
// when the rules came in. Any violation not in the baseline fails; a baseline entry that no longer
// occurs is printed (not a failure) so it can be dropped with --prune-baseline, which only removes.
//
//   node scripts/lint.mjs [--dir DIR] [--baseline FILE] [--prune-baseline]
//
// --dir checks another tree with this repository's rules (the tests use a small fixture tree).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PRUNE_COMMAND = 'npm run lint -- --prune-baseline';

// Parses the few flags; anything else is a usage error (exit 2), like the CLI's.
function parseArgs(argv) {
  const opts = { dir: process.cwd(), baseline: undefined, prune: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dir' && argv[i + 1] !== undefined) opts.dir = resolve(argv[++i]);
    else if (a === '--baseline' && argv[i + 1] !== undefined) opts.baseline = resolve(argv[++i]);
    else if (a === '--prune-baseline') opts.prune = true;
    else {
      process.stderr.write(`lint: unknown argument ${JSON.stringify(a)}\nusage: node scripts/lint.mjs [--dir DIR] [--baseline FILE] [--prune-baseline]\n`);
      process.exit(2);
    }
  }
  opts.baseline ??= join(opts.dir, 'lint-baseline.json');
  return opts;
}

// Runs one of the installed checkers; a checker that finds problems exits non-zero, so only a
// missing or unparseable report is a failure here.
function runTool(bin, args, cwd) {
  return new Promise((done, fail) => {
    execFile(process.execPath, [bin, ...args], { cwd, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      try {
        done(JSON.parse(stdout));
      } catch {
        fail(new Error(`${bin} ${args.join(' ')} gave no report${err ? ` (${err.message.split('\n')[0]})` : ''}\n${stderr}`));
      }
    });
  });
}

// Finds a package's command-line script in this repository's node_modules.
function binOf(pkg, name) {
  const manifest = JSON.parse(readFileSync(join(repo, 'node_modules', pkg, 'package.json'), 'utf8'));
  const rel = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name];
  return join(repo, 'node_modules', pkg, rel);
}

// The import-rule violations, one line each: "rule: from → to".
async function importViolations(dir) {
  const report = await runTool(binOf('dependency-cruiser', 'depcruise'), ['src', '--config', join(repo, '.dependency-cruiser.cjs'), '--output-type', 'json'], dir);
  return report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

const KNIP_KINDS = { files: 'unused-file', exports: 'unused-export', types: 'unused-type', nsExports: 'unused-export', nsTypes: 'unused-type', enumMembers: 'unused-enum-member', duplicates: 'duplicate-export' };

// The unused files and exports, one line each: "kind: file: name".
async function unusedViolations(dir) {
  const report = await runTool(binOf('knip', 'knip'), ['--reporter', 'json', '--no-exit-code', '--no-progress', '--directory', dir, '--config', join(repo, 'knip.json')], dir);
  const lines = [];
  for (const issue of report.issues) {
    for (const [field, kind] of Object.entries(KNIP_KINDS)) {
      for (const item of issue[field] ?? []) {
        if (field === 'files') lines.push(`${kind}: ${issue.file}`);
        else lines.push(`${kind}: ${issue.file}: ${Array.isArray(item) ? item.map((x) => x.name).join(' | ') : item.name}`);
      }
    }
  }
  return lines;
}

function readBaseline(file) {
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')).violations;
}

function writeBaseline(file, violations) {
  const body = { regenerate: `${PRUNE_COMMAND} (drops entries that no longer occur; never adds)`, violations: [...violations].sort() };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const [imports, unused] = await Promise.all([importViolations(opts.dir), unusedViolations(opts.dir)]);
  const current = new Set([...imports, ...unused]);
  const baseline = readBaseline(opts.baseline);
  const known = new Set(baseline);
  const fresh = [...current].filter((v) => !known.has(v)).sort();
  const gone = baseline.filter((v) => !current.has(v));

  if (opts.prune && gone.length > 0) {
    writeBaseline(opts.baseline, baseline.filter((v) => current.has(v)));
    process.stdout.write(`lint: dropped ${gone.length} baseline entr${gone.length === 1 ? 'y that no longer occurs' : 'ies that no longer occur'} from ${opts.baseline}\n`);
  } else if (gone.length > 0) {
    process.stdout.write(`lint: ${gone.length} baseline entr${gone.length === 1 ? 'y no longer occurs' : 'ies no longer occur'}; drop ${gone.length === 1 ? 'it' : 'them'} with: ${PRUNE_COMMAND}\n`);
    for (const v of gone) process.stdout.write(`  fixed: ${v}\n`);
  }
  if (fresh.length > 0) {
    process.stderr.write(`lint: ${fresh.length} new violation${fresh.length === 1 ? '' : 's'} (rules: .dependency-cruiser.cjs, knip.json):\n`);
    for (const v of fresh) process.stderr.write(`  ${v}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`lint: ok, no new violations (${current.size} known ones left in ${opts.baseline})\n`);
}

main().catch((err) => {
  process.stderr.write(`lint: ${err.message}\n`);
  process.exitCode = 1;
});
