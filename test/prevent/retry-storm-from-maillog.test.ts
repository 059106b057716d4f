import path from 'node:path';
import { afterAll, expect, it, describe } from 'vitest';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeStormLog } from '../../fixtures/lib/maillog-storm.js';
import { buildTree } from '../helpers/prevent-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The mail-log step's verdict reaches prevent through the incident file: after `maillog
// --incident FILE` found a retry storm, `prevent --incident FILE` weighs the 5-day queue lifetime
// as a real cause (medium); with no analysed mail log it stays informational.
describe('prevent reads the retry storm the maillog step recorded', () => {
  const tmp = makeTempDir('prevent-storm', '/var/tmp');
  afterAll(tmp.cleanup);
  const root = path.join(tmp.dir, 'root');
  buildTree(root, 'rhel');
  const lifetime = (args: string[]) => {
    const r = runCli(['prevent', '--root', root, '--json', ...args]);
    expect(r.status, r.stderr).toBe(0);
    return r.json().findings.find((f: any) => f.code === 'queue-lifetime-long');
  };

  it('informational without an analysed mail log, medium after a recorded retry storm', () => {
    const incident = path.join(tmp.dir, 'incident.md');
    expect(lifetime(['--incident', incident]).severity).toBe('info');
    const log = path.join(tmp.dir, 'maillog');
    writeStormLog({ path: log, rng: createRng(7), startDay: new Date(Date.UTC(2026, 10, 20)), days: 8, bytes: 1 << 20, storm: { perDay: [14, 261, 461, 287, 345, 102, 0], startDayIndex: 1 }, diskFull: false, format: 'postfix' });
    const m = runCli(['maillog', log, '--incident', incident, '--json']);
    expect(m.status, m.stderr).toBe(0);
    expect(m.json().report.verdicts.map((v: any) => v.code)).toContain('retry-storm');
    const f = lifetime(['--incident', incident]);
    expect(f.severity).toBe('medium');
    expect(f.what).toContain('retry storm');
    expect(f.details.join(' ')).toContain('retry-storm');
  });
});
