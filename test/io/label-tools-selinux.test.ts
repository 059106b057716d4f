import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseStrategy, reasonWords } from '../../src/core/purge/strategy.js';
import type { CommandResult } from '../../src/io/system/run-command.js';
import { createLabelTools } from '../../src/io/files/xattr.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { labelToolsWords } from '../../src/core/purge/label-tools.js';
import { attrReasonText } from '../../src/core/purge/attr-reason.js';

const ok = (stdout: string): CommandResult => ({ command: 'x', exitCode: 0, stdout, stderr: '', ok: true, notFound: false, timedOut: false });

describe('whether SELinux is enabled decides what an unreadable label means', () => {
  const tmp = makeTempDir('selinuxfs');
  afterAll(tmp.cleanup);
  const on = path.join(tmp.dir, 'on');
  fs.mkdirSync(on);
  fs.writeFileSync(path.join(on, 'enforce'), '1');
  const off = path.join(tmp.dir, 'off');
  fs.mkdirSync(off);

  it('is enabled only when selinuxfs has a readable enforce file', () => {
    expect(createLabelTools({ has: () => false, selinuxFs: on }).selinuxEnabled).toBe(true);
    expect(createLabelTools({ has: () => false, selinuxFs: off }).selinuxEnabled).toBe(false);
    expect(createLabelTools({ has: () => false, selinuxFs: path.join(tmp.dir, 'absent') }).selinuxEnabled).toBe(false);
  });

  it('with SELinux on and no attr package, reads the label with stat but still keeps the inode', async () => {
    const t = createLabelTools({ has: (p) => p === 'stat', selinuxFs: on, run: async () => ok('system_u:object_r:postfix_spool_t:s0\n') });
    const label = await t.read('/q/maildrop');
    expect(label).toMatchObject({ state: 'present', text: 'system_u:object_r:postfix_spool_t:s0' });
    const xattrs = await t.readXattrs('/q/maildrop');
    const c = chooseStrategy({
      dirIsMountPoint: false,
      mountsInside: [],
      parentInodesFree: 100,
      parentBytesFree: 1 << 20,
      label,
      xattrs,
      flags: await t.readFlags('/q/maildrop'),
      xattrsWritable: t.xattrsWritable,
      flagsWritable: t.flagsWritable,
      selinuxEnabled: t.selinuxEnabled,
      inPlaceRequested: false,
      postsuperRequested: false,
    });
    expect(c.strategy).toBe('in-place');
    expect(c.reasons.map((r) => reasonWords(r)).join('\n')).toMatch(/getfattr is not installed/);
    expect(t.tools).toMatchObject({ getfattr: false, selinux: true });
    expect(labelToolsWords(t.tools, 'en')).toMatch(/SELinux enabled/);
  });

  it('with SELinux off, an unread label is explained as unused, not as an error', async () => {
    const t = createLabelTools({ has: () => false, selinuxFs: off });
    const label = await t.read('/q');
    expect(label).toEqual({ state: 'unknown', why: { code: 'selinux-off', why: { code: 'tool-missing', tool: 'getfattr', package: 'attr' } } });
    expect(label.state === 'unknown' && attrReasonText(label.why, 'en')).toBe('getfattr is not installed (package attr); SELinux is not enabled here');
    expect(t.tools).toEqual({ getfattr: false, setfattr: false, lsattr: false, selinux: false });
    expect(labelToolsWords(t.tools, 'en')).toBe('attributes read with no getfattr, no lsattr; SELinux not enabled');
  });
});
