import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSystemPaths } from '../../src/core/system-paths.js';
import { readPostfixSettings } from '../../src/io/postfix/settings.js';
import { generateServer } from '../../fixtures/generate.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { describeWith } from '../helpers/capabilities.js';
import { createPostfixInstance } from '../helpers/postfix-instance.js';

describe('Postfix settings under --root', () => {
  const tmp = makeTempDir('pfset');
  afterAll(tmp.cleanup);
  generateServer(tmp.dir, { maildrop: 1, bounce: 0, deferred: 0, mboxMessages: 1, maillogLines: 1 });

  it('reads the fixture main.cf and maps its paths under the root', async () => {
    const s = await readPostfixSettings({ paths: createSystemPaths(tmp.dir) });
    expect(s.source).toBe('main.cf');
    expect(s.configDir).toBe(path.join(tmp.dir, 'etc/postfix'));
    expect(s.queueDirectory).toBe(path.join(tmp.dir, 'var/spool/postfix'));
    expect(s.mailSpoolDirectory).toBe(path.join(tmp.dir, 'var/spool/mail'));
    expect(s.hashQueueNames).toEqual(['deferred', 'defer']);
    expect(s.hashQueueDepth).toBe(1);
    expect([s.mailOwner, s.setgidGroup]).toEqual(['postfix', 'postdrop']);
  });

  it('falls back to Postfix defaults (mapped) when the root has no main.cf', async () => {
    const empty = path.join(tmp.dir, 'empty');
    fs.mkdirSync(empty);
    const s = await readPostfixSettings({ paths: createSystemPaths(empty) });
    expect(s.source).toBe('defaults');
    expect(s.queueDirectory).toBe(path.join(empty, 'var/spool/postfix'));
    expect(s.mailSpoolDirectory).toBe(path.join(empty, 'var/mail'));
  });
});

describeWith(['postfix'], 'Postfix settings from a real private instance', () => {
  const tmp = makeTempDir('pfset-real');
  const inst = createPostfixInstance(tmp.dir);
  afterAll(() => {
    inst.dispose();
    tmp.cleanup();
  });
  it('asks postconf -c for the instance given by --postfix-config', async () => {
    const s = await readPostfixSettings({ paths: createSystemPaths(undefined), postfixConfig: inst.configDir });
    expect(s.source).toBe('postconf');
    expect(s.queueDirectory).toBe(inst.queueDir);
    expect(s.mailSpoolDirectory).toBe(inst.mailSpool);
    expect(s.mailOwner).toBe('postfix');
  });

  it('does not start postconf for names main.cf sets outright, and gets what postconf says', async () => {
    const paths = createSystemPaths(undefined);
    const asked = await readPostfixSettings({ paths, postfixConfig: inst.configDir });
    const fast = await readPostfixSettings({ paths, postfixConfig: inst.configDir, postconfUnlessSet: ['queue_directory', 'mail_spool_directory'] });
    expect(fast.source).toBe('main.cf');
    expect([fast.queueDirectory, fast.mailSpoolDirectory, fast.maillogFile, fast.hashQueueNames, fast.hashQueueDepth]).toEqual([
      asked.queueDirectory,
      asked.mailSpoolDirectory,
      asked.maillogFile,
      asked.hashQueueNames,
      asked.hashQueueDepth,
    ]);
  });

  it('still asks postconf when a name is left to the values Postfix was built with', async () => {
    const dir = path.join(tmp.dir, 'defaults-cf');
    fs.mkdirSync(dir);
    const text = fs.readFileSync(path.join(inst.configDir, 'main.cf'), 'utf8');
    fs.writeFileSync(path.join(dir, 'main.cf'), text.replace(/^queue_directory = .*$/m, ''));
    // Under a root with no queue at Postfix's built-in place (the host's own is not looked at).
    const paths = createSystemPaths(tmp.dir);
    const s = await readPostfixSettings({ paths, postfixConfig: dir, usePostconf: true, postconfUnlessSet: ['queue_directory', 'mail_spool_directory'] });
    expect(s.source).toBe('postconf');
    expect(s.mailSpoolDirectory).toBe(paths.sys(inst.mailSpool));
  });
});
