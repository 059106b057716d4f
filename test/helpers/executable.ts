import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const top = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The single executable the tests run (dist/spoolrescue-linux-x64, Node inside).
export const EXECUTABLE = path.join(top, 'dist', `spoolrescue-${process.platform}-${process.arch}`);

// Builds (or finds up to date) the executable; the compressed copy is left to `npm run build`.
export function buildExecutable(): string {
  execFileSync(process.execPath, [path.join(top, 'scripts', 'build.mjs'), '--no-compress'], { cwd: top, stdio: ['ignore', 'ignore', 'inherit'] });
  return EXECUTABLE;
}
