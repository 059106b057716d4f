import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../fixtures/lib/prng.js';
import { writeStormLog } from '../../../fixtures/lib/maillog-storm.js';
import { createSystemPaths } from '../../../src/core/system-paths.js';
import { maillogPort, preventionPort } from '../../../src/ui/ports/real.js';
import { buildTree } from '../../helpers/prevent-tree.js';
import { fakePorts } from '../fake-ports.js';
import { findingWords } from '../../../src/core/prevent/finding-words.js';
import { KEY, renderWalk } from '../render-walk.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { maillogPortsUnder, STORM, stormLogRoot } from './why-fixtures.js';

// Step "Why" in the walk, on the real maillog port and a generated log with a known storm under
// --root: reached with w from Disks, first look, full pass, charts, a day and a queue ID opened.

describe('the Why step', () => {
  const log = stormLogRoot('why');

  it('shows the verdicts and the per-day chart, and opens a day and the storm queue ID', async () => {
    const storm = log.storm();
    const { ports } = maillogPortsUnder(log.root);
    const w = renderWalk(ports, { columns: 100, rows: 30 });
    await w.waitFor('Disks');
    await w.press('w', 'bytes per day and process');
    let f = w.frame();
    expect(f).toContain('[Why]');
    expect(f).toContain(`retry storm: ${storm} was tried 1470 times`);
    expect(f).toMatch(/> 12-20 +[\d.]+K \|/);
    f = await w.press(KEY.down, /> 12-21/);
    f = await w.press(KEY.enter, '2026-12-21:');
    expect(f).toContain(`${storm} 14 |`);
    await w.press(KEY.esc, 'bytes per day and process');
    f = await w.press('u', 'most retried queue IDs');
    expect(f).toMatch(new RegExp(`> ${storm} +1470 +expired`));
    f = await w.press(KEY.enter, '1470 attempts');
    expect(f).toMatch(/12-23 461 \|#+/);
    await w.press(KEY.esc, 'most retried');
    const back = await w.press(KEY.esc, (fr) => !fr.includes('[Why]'));
    expect(back).toContain('[1 Disks]');
    await w.waitFor(() => w.state().step === 'disks');
    w.unmount();
  });

  it('says plainly when there is no mail log', async () => {
    const { ports } = maillogPortsUnder(path.join(log.root, 'empty'));
    const w = renderWalk(ports, { columns: 100, rows: 30 });
    await w.waitFor('Disks');
    const f = await w.press('w', 'no mail log found');
    expect(f).toContain('Name the log');
    w.unmount();
  });
});

// The journey of seed 001 in the walk: the analysis finds the storm, is recorded in the incident
// file chosen in Evidence (the real maillog op), and the Summary's prevention (the real prevent
// op) reads the storm back from that file.
describe('the Why step and the incident file', () => {
  const tmp = makeTempDir('why-journey', '/var/tmp');
  afterAll(tmp.cleanup);
  const root = path.join(tmp.dir, 'root');
  const incident = path.join(tmp.dir, 'inc.md');
  beforeAll(() => {
    buildTree(root, 'rhel');
    fs.mkdirSync(path.join(root, 'var/log'), { recursive: true });
    writeStormLog({ path: path.join(root, 'var/log/maillog'), rng: createRng(5), startDay: new Date(Date.UTC(2026, 11, 20)), days: 9, bytes: 1 << 20, storm: { perDay: STORM, startDayIndex: 1 }, format: 'postfix' });
  });

  it('says nothing was recorded, leads to Evidence, records once a file is chosen, and Summary sees the storm', async () => {
    const paths = createSystemPaths(root, '/');
    const { ports } = fakePorts({ maillog: maillogPort(paths), summary: preventionPort(paths, undefined) });
    const w = renderWalk(ports, { columns: 120, rows: 30 });
    await w.waitFor('Disks');
    let f = await w.press('w', 'bytes per day and process');
    expect(f).toContain('Not recorded: no incident file yet');
    await w.press('e', 'Where should the incident file go?');
    await w.press(KEY.enter, 'What now?');
    await w.press('j');
    await w.press('j');
    await w.press(KEY.enter, 'Incident file:');
    for (let i = 0; i < 80; i++) w.stdin.write(KEY.backspace);
    await w.waitFor(() => w.state().input?.buffer === '');
    await w.type(incident);
    await w.press(KEY.enter, `Incident file: ${incident}`);
    expect(fs.existsSync(incident)).toBe(false);
    await w.press('1', '[1 Disks]');
    f = await w.press('w', `recorded in ${incident}`);
    const text = fs.readFileSync(incident, 'utf8');
    expect(text).toContain('mail log analysis (1 file)');
    expect(text).toContain('/var/log/maillog');
    expect(f).toContain(`recorded in ${incident} (${fs.statSync(incident).size} bytes)`);
    await w.press(KEY.esc, (fr) => !fr.includes('[Why]'));
    await w.press('6', 'So that it does not happen again');
    await w.waitFor(() => w.state().summary.prevention.status === 'done');
    const p = w.state().summary.prevention;
    const findings = p.status === 'done' ? p.value.findings : [];
    const at = findings.findIndex((x) => x.code === 'queue-lifetime-long');
    expect(findings[at]?.severity).toBe('medium');
    for (let i = 0; i < at; i++) await w.press('j');
    f = await w.waitFor(/> MED +queue-lifetime-long/);
    expect(f.replace(/\s+/g, ' ')).toMatch(/queue-lifetime-long: .* on a server whose mail log shows a retry storm/);
    expect(findingWords(findings[at]).details?.join(' ')).toContain('retry-storm');
    expect(w.state().log.map((l) => l.text)).toContain(`Recorded the mail log analysis in ${incident}`);
    w.unmount();
  });
});
