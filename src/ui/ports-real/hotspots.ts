import { hotspotRow, tagReport } from '../../core/hotspot-rank.js';
import type { SystemPaths } from '../../core/system-paths.js';
import { scan } from '../../io/hotspot-scan.js';
import { readMailPathTagger, safeRealpath } from '../../io/mail-path-tagger.js';
import type { HotspotsPort } from '../ports.js';

// Hotspots on the hotspot core: the worker scan (live progress, abort), its rankings with mail
// tags, and drill-down through its per-directory index without a rescan. The CLI's chdir
// speed-up is never used: the walk does other file work in the same process.

// The hotspots port for a run of the walk (--root and --postfix-config aware).
export function hotspotsPort(paths: SystemPaths, postfixConfig?: string): HotspotsPort {
  return {
    async scan(start, o) {
      // Tags are a help, not a need: unreadable Postfix settings leave the report untagged.
      const tagger = readMailPathTagger({ paths, postfixConfig }).catch(() => undefined);
      const result = await scan(safeRealpath(start), { signal: o.signal, onProgress: o.onProgress, top: o.top });
      const tag = await tagger;
      const report = tag ? tagReport(result.report, tag) : result.report;
      const index = result.index;
      return {
        report,
        async children(dir, by) {
          const id = index.find(dir);
          if (id === undefined) throw new Error(`${dir} was not part of the last scan (r scans again)`);
          return index.children(id, by).map((c) => hotspotRow(index, c.id, tag));
        },
      };
    },
  };
}
