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
});
