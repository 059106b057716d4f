// `npm run docs:cli`: rewrites the generated parts of docs/cli.md (commands, arguments, options,
// exit codes) from the command table that `--help` prints. `-- --check` changes nothing and
// exits 1 when the file is out of date, so the reference cannot drift from the CLI.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newSections, spliceBlocks } from './cli-doc/splice.js';
import { renderBlocks } from './cli-doc/render.js';

// Limits derived from the core count (hotspots --workers) are documented for this machine size,
// so the file reads the same wherever it is generated.
const DOCUMENTED_CORES = 2;

const args = process.argv.slice(2);
const check = args.includes('--check');
const fileAt = args.indexOf('--file');
const top = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = fileAt === -1 ? path.join(top, 'docs', 'cli.md') : path.resolve(args[fileAt + 1] ?? '');

os.availableParallelism = () => DOCUMENTED_CORES;
syncBuiltinESMExports();
// Loaded only now, so the command table sees the documented core count.
const COMMANDS = await (await import('../src/commands/index.js')).loadCommands();
const { GLOBAL_FLAGS } = await import('../src/cli/global-flags.js');
const { ExitCode } = await import('../src/core/exit-codes.js');

const blocks = renderBlocks(COMMANDS, GLOBAL_FLAGS, ExitCode);
const before = fs.readFileSync(file, 'utf8');
const { text, missing, stale } = spliceBlocks(before, blocks);
const shown = path.relative(process.cwd(), file) || file;

if (stale.length) {
  process.stderr.write(`${shown}: sections for what the CLI no longer has: ${stale.join(', ')}; remove them by hand\n`);
  process.exit(1);
}
if (check) {
  if (missing.length) process.stderr.write(`${shown}: no section for ${missing.join(', ')}; run npm run docs:cli\n`);
  else if (text !== before) process.stderr.write(`${shown} is out of date with the CLI's command table; run npm run docs:cli\n`);
  else process.stdout.write(`${shown} is up to date\n`);
  process.exit(missing.length || text !== before ? 1 : 0);
}
const after = text + newSections(missing, blocks);
if (after !== before) fs.writeFileSync(file, after);
process.stdout.write(`${shown}: ${after === before ? 'already up to date' : 'rewritten'}${missing.length ? `; new sections at the end for ${missing.join(', ')}` : ''}\n`);
