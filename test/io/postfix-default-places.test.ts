import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { createSystemPaths } from '../../src/core/system-paths.js';
import { PLACE_NAMES, readPostfixSettings } from '../../src/io/postfix/settings.js';
import { looksLikePostfixQueue } from '../../src/io/postfix/default-places.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { describeWith } from '../helpers/capabilities.js';
import { createPostfixInstance } from '../helpers/postfix-instance.js';

// A system under --root whose queue and mail spool sit at Postfix's built-in places, made by a real
// `postfix check`; main.cf files that name the places or leave them to the defaults.
describeWith(['postfix'], 'Postfix places left to the built-in defaults', () => {
  const tmp = makeTempDir('pfdef');
  const root = path.join(tmp.dir, 'root');
  const inst = createPostfixInstance(path.join(root, 'inst'), { queueDir: path.join(root, 'var/spool/postfix'), mailSpool: path.join(root, 'var/mail') });
  afterAll(() => {
    inst.dispose();
    tmp.cleanup();
  });
  const instanceCf = fs.readFileSync(path.join(inst.configDir, 'main.cf'), 'utf8');
  // A config directory for this system whose main.cf is the instance's, edited.
  const configWith = (name: string, edit: (text: string) => string, under = root) => {
    const dir = path.join(under, 'etc', name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'main.cf'), edit(instanceCf));
    return dir;
  };
  const withoutPlaces = (text: string) => text.replace(/^(queue_directory|mail_spool_directory) = .*$/gm, '');
  const settings = (rootDir: string, postfixConfig: string, fast: boolean) =>
    readPostfixSettings({ paths: createSystemPaths(rootDir), postfixConfig, usePostconf: true, postconfUnlessSet: fast ? PLACE_NAMES : undefined });

  it('recognises the queue postfix check made, and not a look-alike made by hand', () => {
    expect(looksLikePostfixQueue(inst.queueDir)).toBe(true);
    const fake = path.join(tmp.dir, 'fake-queue');
    for (const d of ['active', 'deferred', 'incoming', 'private']) fs.mkdirSync(path.join(fake, d), { recursive: true, mode: 0o700 });
    fs.mkdirSync(path.join(fake, 'maildrop'));
    fs.mkdirSync(path.join(fake, 'public'));
    fs.chmodSync(path.join(fake, 'maildrop'), 0o730);
    fs.chmodSync(path.join(fake, 'public'), 0o710);
    expect(looksLikePostfixQueue(fake)).toBe(false); // every directory owned by root
    execFileSync('chown', ['-R', 'postfix', fake]);
    execFileSync('chown', ['root', fake]);
    expect(looksLikePostfixQueue(fake)).toBe(true);
    fs.chmodSync(path.join(fake, 'maildrop'), 0o777);
    expect(looksLikePostfixQueue(fake)).toBe(false);
    fs.chmodSync(path.join(fake, 'maildrop'), 0o730);
    fs.rmdirSync(path.join(fake, 'deferred'));
    fs.symlinkSync(path.join(inst.queueDir, 'deferred'), path.join(fake, 'deferred'));
    expect(looksLikePostfixQueue(fake)).toBe(false);
    expect(looksLikePostfixQueue(path.join(tmp.dir, 'missing'))).toBe(false);
  });

  it('takes the built-in places without postconf when the system shows them, and they are what postconf says', async () => {
    const dir = configWith('defaults', withoutPlaces);
    const fast = await settings(root, dir, true);
    const asked = await settings(root, dir, false);
    expect(fast.source).toBe('main.cf');
    expect(asked.source).toBe('postconf');
    expect([fast.queueDirectory, fast.mailSpoolDirectory]).toEqual([inst.queueDir, inst.mailSpool]);
    expect([fast.queueDirectory, fast.mailSpoolDirectory]).toEqual([asked.queueDirectory, asked.mailSpoolDirectory]);
  });

  it('keeps the queue main.cf names, though the built-in place holds a queue too', async () => {
    const dir = configWith('names-other', (t) => `queue_directory = /srv/queue\n${withoutPlaces(t)}`);
    const fast = await settings(root, dir, true);
    const asked = await settings(root, dir, false);
    expect(fast.source).toBe('main.cf');
    expect(fast.queueDirectory).toBe(path.join(root, 'srv/queue'));
    expect(asked.queueDirectory).toBe(fast.queueDirectory);
  });

  it('asks postconf when the built-in queue place is not a Postfix queue, or the mail directory is missing', async () => {
    const bare = path.join(tmp.dir, 'bare-root');
    fs.mkdirSync(path.join(bare, 'var/spool/postfix/maildrop'), { recursive: true });
    fs.mkdirSync(path.join(bare, 'var/mail'), { recursive: true });
    expect((await settings(bare, configWith('bare', withoutPlaces, bare), true)).source).toBe('postconf');
    const noSpool = path.join(tmp.dir, 'no-spool-root');
    fs.mkdirSync(path.join(noSpool, 'var/spool'), { recursive: true });
    fs.symlinkSync(inst.queueDir, path.join(noSpool, 'var/spool/postfix'));
    const onlyQueue = await settings(noSpool, configWith('no-spool', withoutPlaces, noSpool), true);
    expect(onlyQueue.source).toBe('postconf');
    expect(onlyQueue.queueDirectory).toBe(path.join(noSpool, 'var/spool/postfix'));
  });
});
