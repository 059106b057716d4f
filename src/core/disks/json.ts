import { wholeMs } from '../json-vocabulary.js';
import type { DfReport } from './model.js';

// The --json document of `df` in the one vocabulary (docs/json.md): a flag as its code and English
// reason, a suspect by its English label and reason with its allocated bytes named as everywhere
// else (`allocatedBytes`), the time spent finding them in whole milliseconds. The facts the words
// are made of stay in the report (the reasons say them).
export function dfJson(r: DfReport): Record<string, unknown> {
  const { suspects, suspectsMs, filesystems, ...rest } = r;
  return {
    filesystems: filesystems.map((f) => ({ ...f, flags: f.flags.map((x) => ({ code: x.code, reason: x.reason })) })),
    ...rest,
    suspects: (suspects ?? []).map((s) => ({
      path: s.path, hostPath: s.hostPath, kind: s.kind, label: s.label, devId: s.devId, mount: s.mount, fstype: s.fstype,
      estimatedEntries: s.estimatedEntries, reason: s.reason, allocatedBytes: s.bytes,
    })),
    suspectsMs: suspectsMs === undefined ? null : wholeMs(suspectsMs),
  };
}
