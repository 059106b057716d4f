import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';

// `npm run lint` on a tiny tree that breaks each rule once: every rule must still fire (so the
// rules cannot rot into passing everything), clean imports must not, and the baseline only shrinks.
const top = path.resolve(__dirname, '../..');
const lint = path.join(top, 'scripts', 'lint.mjs');
const tmp = makeTempDir('lint');
afterAll(tmp.cleanup);

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'lint-fixture', type: 'module', private: true }),
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true }, include: ['src'] }),
  'src/cli.ts': [
    "import { read } from './core/reader.js';",
    "import { run } from './core/spawner.js';",
    "import { digest } from './core/pure.js';",
    "import { used } from './core/half-used.js';",
    "import { sink } from './io/sink.js';",
    "import { op } from './ops/op.js';",
    "import { COMMANDS } from './commands/index.js';",
    "import { app } from './ui/app.js';",
    "import { a } from './loop/a.js';",
    'console.log(read, run, digest, used, sink, op, COMMANDS, app, a);',
  ].join('\n'),
  'src/core/reader.ts': "import { readFileSync } from 'node:fs';\nexport const read = (p: string) => readFileSync(p, 'utf8');\n",
  'src/core/spawner.ts': "import { execFileSync } from 'child_process';\nexport const run = () => execFileSync('true');\n",
  'src/core/pure.ts': "import { createHash } from 'node:crypto';\nimport path from 'node:path';\nexport const digest = (s: string) => createHash('sha256').update(path.basename(s)).digest('hex');\n",
  'src/core/half-used.ts': 'export const used = 1;\nexport const neverUsed = 2;\n',
  'src/core/orphan.ts': 'export const nobody = 1;\n',
  'src/cli/io.ts': 'export interface CliIo { write(s: string): void }\n',
  'src/io/sink.ts': "import type { CliIo } from '../cli/io.js';\nexport const sink = (io: CliIo) => io.write('x');\n",
  'src/ops/op.ts': "import { app } from '../ui/app.js';\nexport const op = () => app;\n",
  'src/commands/index.ts': "import { one } from './one.js';\nimport { two } from './two.js';\nexport const COMMANDS = [one, two];\n",
  'src/commands/one.ts': "import { two } from './two.js';\nimport { app } from '../ui/app.js';\nexport const one = [two, app];\n",
  'src/commands/two.ts': 'export const two = 2;\n',
  'src/ui/app.ts': "import { two } from '../commands/two.js';\nexport const app = two;\n",
  'src/loop/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
  'src/loop/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
};

const EXPECTED = [
  'core-no-io: src/core/reader.ts → fs', // node:fs, as the resolver names it
  'core-no-io: src/core/spawner.ts → child_process',
  'io-not-above: src/io/sink.ts → src/cli/io.ts',
  'no-circular: src/loop/a.ts → src/loop/b.ts',
  'ops-not-front: src/ops/op.ts → src/ui/app.ts',
  'commands-not-each-other: src/commands/one.ts → src/commands/two.ts',
  'commands-no-ui: src/commands/one.ts → src/ui/app.ts',
  'ui-no-commands: src/ui/app.ts → src/commands/two.ts',
  'unused-export: src/core/half-used.ts: neverUsed',
  'unused-file: src/core/orphan.ts',
];

const tree = path.join(tmp.dir, 'tree');
const baseline = path.join(tmp.dir, 'baseline.json');
const violationLines = (lines: string[]) => lines.filter((l) => /^[a-z-]+: src\//.test(l));
let current: string[] = []; // every violation of the tree, from the first run

function runLint(...extra: string[]) {
  const r = spawnSync(process.execPath, [lint, '--dir', tree, '--baseline', baseline, ...extra], { cwd: top, encoding: 'utf8', timeout: 300_000 });
  const lines = (text: string) => text.split('\n').map((l) => l.trim());
  return { status: r.status, out: r.stdout, err: r.stderr, errLines: lines(r.stderr), outLines: lines(r.stdout) };
}

beforeAll(() => {
  for (const [rel, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(tree, rel)), { recursive: true });
    fs.writeFileSync(path.join(tree, rel), text);
  }
});

describe('npm run lint', () => {
  it('fires every rule once on the fixture tree and fails, naming each violation', () => {
    fs.rmSync(baseline, { force: true });
    const r = runLint();
    expect(r.status).toBe(1);
    for (const v of EXPECTED) expect(r.errLines).toContain(v);
    current = violationLines(r.errLines);
    // node:crypto/path in core, the registry importing its commands, a used export: all allowed
    expect(r.err).not.toContain('src/core/pure.ts');
    expect(r.err).not.toContain('src/commands/index.ts');
    expect(r.err).not.toMatch(/half-used\.ts: used$/m);
  }, 300_000);

  it('passes with every violation in the baseline, fails on one that is not, and reports entries that no longer occur', () => {
    const stale = 'no-circular: src/gone/x.ts → src/gone/y.ts';
    const loopEdges = (v: string) => v.startsWith('no-circular: src/loop/');
    expect(current.length).toBeGreaterThanOrEqual(EXPECTED.length);

    fs.writeFileSync(baseline, JSON.stringify({ violations: [...current, stale] }));
    const ok = runLint();
    expect(ok.status).toBe(0);
    expect(ok.out).toContain('lint: 1 baseline entry no longer occurs');
    expect(ok.outLines).toContain(`fixed: ${stale}`);

    fs.writeFileSync(baseline, JSON.stringify({ violations: current.filter((v) => !loopEdges(v)) }));
    const cycle = runLint();
    expect(cycle.status).toBe(1);
    expect(cycle.errLines).toContain('no-circular: src/loop/a.ts → src/loop/b.ts');
    expect(violationLines(cycle.errLines).every(loopEdges)).toBe(true);
  }, 300_000);

  it('--prune-baseline drops the entries that no longer occur and adds none', () => {
    const stale = 'unused-file: src/gone.ts';
    const kept = current.filter((v) => !v.startsWith('unused-'));
    fs.writeFileSync(baseline, JSON.stringify({ violations: [...kept, stale] }));
    const r = runLint('--prune-baseline');
    expect(r.out).toContain('dropped 1 baseline entry');
    expect(r.status).toBe(1); // the unused export and file are still new
    const after = JSON.parse(fs.readFileSync(baseline, 'utf8')).violations as string[];
    expect([...after].sort()).toEqual([...kept].sort());
  }, 300_000);
});
