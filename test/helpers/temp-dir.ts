import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// A fresh directory for one test file; removed by the returned cleanup (mounts inside must be gone).
export function makeTempDir(prefix: string, base: string = os.tmpdir()): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(base, `sr-${prefix}-`));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
