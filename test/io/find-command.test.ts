import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findCommand } from '../../src/io/system/find-command.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Programs are found on PATH only, so a PATH that hides a tool makes it absent; with no PATH at
// all (the executable run under env -i) the system's default search path applies.
describe('findCommand', () => {
  const tmp = makeTempDir('find-command');
  afterAll(() => tmp.cleanup());

  it('finds a program in a PATH directory, executable regular files only', () => {
    const bin = path.join(tmp.dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'tool'), '#!/bin/sh\n', { mode: 0o755 });
    fs.writeFileSync(path.join(bin, 'plain'), 'not executable', { mode: 0o644 });
    fs.mkdirSync(path.join(bin, 'dir'));
    expect(findCommand('tool', { PATH: bin })).toBe(path.join(bin, 'tool'));
    expect(findCommand('plain', { PATH: bin })).toBeUndefined();
    expect(findCommand('dir', { PATH: bin })).toBeUndefined();
  });

  it('a PATH that is set hides what is not on it, even programs in the system directories', () => {
    const empty = path.join(tmp.dir, 'empty');
    fs.mkdirSync(empty);
    expect(findCommand('sh', { PATH: empty })).toBeUndefined();
  });

  it('with PATH unset or empty, looks in the default system path', () => {
    const sh = findCommand('sh', { PATH: '/bin:/usr/bin' });
    expect(sh).toBeDefined();
    expect(findCommand('sh', {})).toMatch(/\/s?bin\/sh$/);
    expect(findCommand('sh', { PATH: '' })).toMatch(/\/s?bin\/sh$/);
  });
});
