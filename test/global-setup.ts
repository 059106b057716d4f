import { execFileSync } from 'node:child_process';

// Builds dist/spoolrescue.mjs once so CLI tests run the same single file operators copy.
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
