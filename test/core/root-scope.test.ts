import { describe, expect, it } from 'vitest';
import { rescuedMounts } from '../../src/core/disks/root-scope.js';

const MOUNTS = ['/', '/dev/shm', '/srv', '/srv/rescue/root', '/srv/rescue/root/var/spool', '/srv/rescue-other', '/var'];

describe('rescuedMounts', () => {
  it.each([
    ['ROOT is itself a mount point: it and what is below it', '/srv/rescue/root', ['/srv/rescue/root', '/srv/rescue/root/var/spool']],
    ['ROOT inside a filesystem: the one holding it, and the mounts below ROOT', '/srv/rescue/root/var', ['/srv/rescue/root', '/srv/rescue/root/var/spool']],
    ['a sibling with a common prefix is not below ROOT', '/srv/rescue', ['/srv', '/srv/rescue/root', '/srv/rescue/root/var/spool']],
    ['ROOT on / with nothing mounted below it', '/home/demo', ['/']],
  ])('%s', (_why, root, expected) => {
    expect(rescuedMounts(MOUNTS, root)).toEqual(expected);
  });
});
