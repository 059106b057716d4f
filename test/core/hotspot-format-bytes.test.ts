import { describe, expect, it } from 'vitest';
import { formatHotspotReport } from '../../src/core/hotspots/format.js';
import type { HotspotReport } from '../../src/core/hotspots/rank.js';

const b64 = (latin1: string) => Buffer.from(latin1, 'latin1').toString('base64');

// A report whose rows, largest file and error include names that are not UTF-8 (kept as bytes).
function report(root: string): HotspotReport {
  const bad = `${root}/bad\xff\xfename`;
  return {
    root,
    device: '/dev/sda1',
    fstype: 'ext4',
    mount: '/',
    totalBytes: 262144,
    totalEntries: 34,
    directories: 3,
    byBytes: [
      { path: `${root}/bad\uFFFD\uFFFDname`, pathBase64: b64(bad), bytes: 245760, entries: 30, subtreeBytes: 249856, subtreeEntries: 31 },
      { path: `${root}/ok`, bytes: 4096, entries: 1, subtreeBytes: 8192, subtreeEntries: 2 },
    ],
    byEntries: [],
    largestFiles: [{ path: `${root}/bad\uFFFD\uFFFDname/f1`, pathBase64: b64(`${bad}/f1`), bytes: 8192, size: 5000 }],
    skippedMounts: [],
    errors: [{ path: `${root}/bad\uFFFD\uFFFDname/locked`, pathBase64: b64(`${bad}/locked`), message: 'cannot read directory: permission denied (EACCES)' }],
    errorCount: 1,
    elapsedMs: 10,
  };
}

// The report says its paths are relative to the scanned directory: a name that is not UTF-8 is
// shown relative too (it was shown absolute), its bytes escaped.
describe('hotspots report: names that are not UTF-8', () => {
  it('are shown relative to the scanned directory like the others', () => {
    const text = formatHotspotReport(report('/tmp/nu'), 80);
    expect(text).toContain('Paths below are relative to /tmp/nu');
    expect(text).toContain('  ./bad\\377\\376name\n');
    expect(text).toContain('  ./ok\n');
    expect(text).toContain('  ./bad\\377\\376name/f1\n');
    expect(text).toContain('  ./bad\\377\\376name/locked\n');
    expect(text).not.toContain('/tmp/nu/bad');
  });

  it('under --root, as the rescued system knows them', () => {
    const text = formatHotspotReport(report('/mnt/rescue/var/spool'), 80, '/mnt/rescue');
    expect(text).toContain('  ./bad\\377\\376name\n');
    expect(text).not.toContain('/mnt/rescue/var/spool/bad');
    // scanning the rescued system's / : no relative form, the system's own absolute paths
    const whole = formatHotspotReport(report('/mnt/rescue'), 80, '/mnt/rescue');
    expect(whole).toContain('  /bad\\377\\376name\n');
    expect(whole).toContain('  /bad\\377\\376name/f1\n');
  });

  it('a name that merely begins like the scanned directory is not below it', () => {
    const r = report('/tmp/nu');
    r.byBytes[0] = { ...r.byBytes[0], path: '/tmp/nuX/bad', pathBase64: b64('/tmp/nuX/bad\xff') };
    expect(formatHotspotReport(r, 80)).toContain('  /tmp/nuX/bad\\377\n');
  });
});
