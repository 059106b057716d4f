import type { HotspotDir, HotspotReport, HotspotsPort, ScanProgress } from '../../../src/ui/ports/index.js';
import { controlled, fakePorts } from '../fake-ports.js';
import { KEY, renderWalk } from '../render-walk.js';

// The Hotspots step's scan, faked for the screen tests in every language: a report of /var
// (maildrop first by entries, root's mailbox the largest file, one unreadable directory) that the
// test releases when it wants, with the progress the scan reports and the drill-down's children.

// One ranked directory; a label tags it as a mail path.
export const dir = (path: string, entries: number, bytes: number, subtreeEntries = entries, subtreeBytes = bytes, label?: string): HotspotDir => ({
  path,
  entries,
  bytes,
  subtreeEntries,
  subtreeBytes,
  ...(label ? { mail: { kind: 'queue' as const, label } } : {}),
});

// The finished scan of /var.
export const REPORT: HotspotReport = {
  root: '/var',
  device: '/dev/vdb1',
  fstype: 'ext4',
  mount: '/var',
  totalBytes: 9 * 2 ** 30,
  totalEntries: 1_200_000,
  directories: 40,
  byEntries: [dir('/var/spool/postfix/maildrop', 1_000_000, 600 * 2 ** 20, 1_000_000, 600 * 2 ** 20, 'maildrop queue'), dir('/var/log', 300, 2 ** 30, 300, 2 ** 30)],
  byBytes: [dir('/var/spool/mail', 3, 4 * 2 ** 30, 3, 4 * 2 ** 30, 'mail spool'), dir('/var/spool/postfix/maildrop', 1_000_000, 600 * 2 ** 20, 1_000_000, 600 * 2 ** 20, 'maildrop queue')],
  largestFiles: [{ path: '/var/spool/mail/root', bytes: 4 * 2 ** 30, size: 4 * 2 ** 30, mail: { kind: 'mailbox', user: 'root', label: "root's mailbox" } }],
  skippedMounts: [],
  errors: [{ path: '/var/lib/secret', message: 'EACCES' }],
  errorCount: 1,
  elapsedMs: 1234,
};

const CHILDREN: Record<string, HotspotDir[]> = {
  '/var': [dir('/var/log', 300, 2 ** 30), dir('/var/spool', 2, 0, 1_000_100, 5 * 2 ** 30)],
  '/var/spool': [dir('/var/spool/postfix', 14, 0, 1_000_050, 600 * 2 ** 20), dir('/var/spool/mail', 3, 4 * 2 ** 30)],
};

// A scan port the test drives: `run` releases (or fails) the scan, `progress` reports as the
// scan would, `seen` is what the walk asked for.
function scanner() {
  const run = controlled<HotspotReport>();
  let report: (p: ScanProgress) => void = () => undefined;
  const seen: { root: string; signal?: AbortSignal } = { root: '' };
  const port: HotspotsPort = {
    scan: async (root, o) => {
      seen.root = root;
      seen.signal = o.signal;
      report = o.onProgress ?? report;
      run.attach(o.signal);
      const r = await run.promise;
      const key = (by: 'bytes' | 'entries') => (by === 'bytes' ? 'subtreeBytes' : 'subtreeEntries');
      return { report: r, children: async (p, by) => [...(CHILDREN[p] ?? [])].sort((a, b) => b[key(by)] - a[key(by)]) };
    },
  };
  return { port, run, seen, progress: (p: ScanProgress) => report(p) };
}

// The walk with the scan started from the Disks screen (Enter on /var); `ready` and `scanning`
// are what the two screens show in the test's language.
export async function startScan(o: { ascii?: boolean; ready: string; scanning: string } = { ready: 'Needs attention', scanning: 'Scanning /var' }) {
  const s = scanner();
  const { ports } = fakePorts({ hotspots: s.port });
  const w = renderWalk(ports, o.ascii === undefined ? {} : { ascii: o.ascii });
  await w.waitFor(o.ready);
  const screen = await w.press(KEY.enter, o.scanning);
  return { w, s, screen };
}
