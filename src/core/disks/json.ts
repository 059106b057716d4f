import { wholeMs } from '../json-vocabulary.js';
import type { DfReport } from './model.js';

// The --json document of `df` in the one vocabulary (docs/json.md): a suspect's allocated bytes
// named as everywhere else (`allocatedBytes`), the time spent finding them in whole milliseconds.
export function dfJson(r: DfReport): Record<string, unknown> {
  const { suspects, suspectsMs, filesystems, ...rest } = r;
  return {
    filesystems: filesystems.map((f) => ({ ...f, flags: f.flags.map(({ said: _, ...flag }) => flag) })),
    ...rest,
    suspects: (suspects ?? []).map(({ bytes, said: _, ...s }) => ({ ...s, allocatedBytes: bytes })),
    suspectsMs: suspectsMs === undefined ? null : wholeMs(suspectsMs),
  };
}
