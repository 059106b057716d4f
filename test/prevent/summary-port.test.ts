import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSystemPaths } from '../../src/core/system-paths.js';
import { preventionPort } from '../../src/ui/ports/real.js';
import { buildTree } from '../helpers/prevent-tree.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The Summary step's real port on a RHEL tree: findings, the review of one fix, applying exactly
// what was reviewed (the file, the backup, the incident's closing section), refusals as text.

const tmp = makeTempDir('prevent-port');
afterAll(tmp.cleanup);

describe('the Summary step on the prevent op', () => {
  it('reviews, applies and records a fix; refuses what it cannot do, in words', async () => {
    const root = path.join(tmp.dir, 'rhel');
    buildTree(root, 'rhel');
    const port = preventionPort(createSystemPaths(root), undefined);
    const before = await port.prevention();
    expect(before.findings.map((f) => f.id)).toContain('crond-mail-on');

    const review = await port.planFix('crond-mail-on');
    expect(review.refusal).toBeNull();
    expect(review.lines).toEqual(expect.arrayContaining(['-CRONDARGS=', '+CRONDARGS="-m off"']));
    expect(fs.readFileSync(path.join(root, 'etc/sysconfig/crond'), 'utf8')).toContain('CRONDARGS=\n');

    const incident = path.join(tmp.dir, 'incident.md');
    const applied = await port.applyFix(review, incident);
    expect(applied).toMatchObject({ id: 'crond-mail-on', ok: true, fixed: true });
    expect(fs.readFileSync(path.join(root, 'etc/sysconfig/crond'), 'utf8')).toContain('CRONDARGS="-m off"\n');
    expect(fs.readdirSync(path.join(root, 'var/backups/spoolrescue'))).toHaveLength(1);
    const text = fs.readFileSync(incident, 'utf8');
    expect(text).toContain('## spoolrescue prevent: closing: timeline and prevention');
    expect(text).toContain('- Fixed: `crond-mail-on`');
    expect((await port.prevention()).findings.map((f) => f.id)).not.toContain('crond-mail-on');
    await expect(port.applyFix(review, incident)).rejects.toThrow(/no longer current/);

    expect((await port.planFix('root-mail-stays-local')).refusal).toMatch(/needs the address/);
    expect((await port.planFix('crond-mail-on')).refusal).toMatch(/nothing to change/);
    const closing = await port.closing(incident, ['crond-mail-on']);
    expect(closing).toMatchObject({ ok: true, incidentFile: incident, section: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(fs.readFileSync(incident, 'utf8').match(/^## spoolrescue prevent/gm)).toHaveLength(2);
  });
});
