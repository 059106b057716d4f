import fs from 'node:fs';
import { exportDestination } from '../../io/hotspots/export/export-destination.js';
import { NcduExport } from '../../io/hotspots/export/ncdu-export.js';
import { scan } from '../../io/hotspots/scan.js';
import { readMailPathTagger, safeRealpath } from '../../io/paths/mail-path-tagger.js';
import type { ScanDeps } from '../scan.js';

// The hotspot scan's real adapters, the same for `spoolrescue hotspots` and the walk.
export function realScanDeps(): ScanDeps {
  return {
    scan,
    readMailPathTagger,
    realpath: safeRealpath,
    exportDestination,
    exporter: (file) => new NcduExport(file),
    deviceNumber: (p) => Number(fs.statSync(p).dev),
  };
}
