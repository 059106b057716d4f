import type { HotspotScan, Ports } from '../../ports/index.js';
import type { Effects } from '../../walk/step.js';
import { hotspotsText } from './messages.js';

// The Hotspots step's side effects: the mail paths, the scan, and the drill-down into the last
// scan (kept for this walk).

// Where a scan of a filesystem starts: under --root, the rescued tree when the mount holds it.
function scanStart(mount: string, root: string | undefined): string {
  if (!root) return mount;
  const inside = mount === '/' || root === mount || root.startsWith(mount.endsWith('/') ? mount : mount + '/');
  return inside ? root : mount;
}

// The handlers, with the last scan to drill into.
export function hotspotsEffects(ports: Ports): Effects {
  let lastScan: HotspotScan | undefined;
  return {
    handlers: {
      mailPaths: () => ports.mailPaths.list(),
      scan: async (req, { signal, progress }) => {
        const scan = await ports.hotspots.scan(scanStart(req.mount, ports.session.root), { signal, top: req.top, onProgress: progress });
        lastScan = scan;
        return scan.report;
      },
      children: (req) => (lastScan ? lastScan.children(req.path, req.by) : Promise.reject(new Error(hotspotsText().noScanToDrill))),
    },
  };
}
