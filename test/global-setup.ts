import { execFileSync } from 'node:child_process';

// Builds dist/spoolrescue.cjs once so CLI tests run the same single file operators copy (the
// executable is built by the tests that run it: test/helpers/executable.ts).
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--bundle-only'], { stdio: 'inherit' });
}
