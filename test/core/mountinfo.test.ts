import { describe, expect, it } from 'vitest';
import { mountForPath, parseMountinfo } from '../../src/core/disks/mountinfo.js';

const SAMPLE = [
  '22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw,discard',
  '23 22 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:2 - proc proc rw',
  '30 22 0:27 / /dev/shm rw,nosuid,nodev shared:4 - tmpfs tmpfs rw,size=24684084k',
  '40 22 7:0 / /var/spool/postfix rw,relatime shared:9 - ext4 /dev/loop0 rw,errors=remount-ro',
  '41 22 7:1 / /mnt/with\\040space ro,relatime - ext4 /dev/loop1 rw',
  '42 22 0:50 / /var/backups rw - nfs4 server:/export rw,vers=4.2',
  'garbage line',
].join('\n');

describe('mountinfo', () => {
  const m = parseMountinfo(SAMPLE);
  it('parses every well-formed line and skips garbage', () => {
    expect(m.map((e) => e.mountPoint)).toEqual(['/', '/proc', '/dev/shm', '/var/spool/postfix', '/mnt/with space', '/var/backups']);
    expect(m[3]).toMatchObject({ devId: '7:0', fstype: 'ext4', source: '/dev/loop0', readOnly: false });
    expect(m[3].superOptions).toContain('errors=remount-ro');
  });
  it('sees read-only mounts', () => {
    expect(m[4].readOnly).toBe(true);
  });
  it('finds the mount that holds a path (longest prefix, not string prefix)', () => {
    expect(mountForPath(m, '/var/spool/postfix/maildrop')!.mountPoint).toBe('/var/spool/postfix');
    expect(mountForPath(m, '/var/spool/postfixx')!.mountPoint).toBe('/');
    expect(mountForPath(m, '/dev/shm')!.fstype).toBe('tmpfs');
  });
});

import { devIdOf, isPseudoFilesystem, mayHang, mountsBelow, statfsIsLocal, visibleMounts } from '../../src/core/disks/mountinfo.js';

describe('mountinfo helpers', () => {
  const m = parseMountinfo(
    [
      '22 1 254:0 / / rw - ext4 /dev/vda rw',
      '30 22 0:23 / /dev/shm rw - tmpfs tmpfs rw',
      '31 30 0:27 / /dev/shm rw - tmpfs tmpfs rw,size=100k',
      '40 22 7:0 / /var/spool rw - ext4 /dev/loop0 rw',
      '41 40 0:50 / /var/spool/nfs rw - nfs4 srv:/x rw',
    ].join('\n'),
  );
  it('drops over-mounted entries (statfs answers for the one on top)', () => {
    expect(visibleMounts(m).map((e) => e.mountId)).toEqual([22, 31, 40, 41]);
  });
  it('lists mounts strictly below a directory', () => {
    expect(mountsBelow(m, '/var').map((e) => e.mountPoint)).toEqual(['/var/spool', '/var/spool/nfs']);
    expect(mountsBelow(m, '/var/spool').map((e) => e.mountPoint)).toEqual(['/var/spool/nfs']);
    expect(mountsBelow(m, '/').length).toBe(4);
  });
  it('turns st_dev into major:minor, also for large minors', () => {
    expect(devIdOf(65024)).toBe('254:0');
    expect(devIdOf(0x0700)).toBe('7:0');
    expect(devIdOf(27)).toBe('0:27');
    expect(devIdOf(5 | (259 << 8) | (0x123 << 20))).toBe(`259:${5 | (0x123 << 8)}`);
  });
  it('reads a number st_dev as it reads the same value as a bigint, high bits included', () => {
    const values = [0, 1, 0xff, 0x100, 0xfff00, 0x100000, 0xffffffff, 0x1_0000_0000, 0x1234_5678_9abc, Number.MAX_SAFE_INTEGER];
    for (let i = 0; i < 200; i++) values.push(Math.floor(Math.random() * Number.MAX_SAFE_INTEGER), Math.floor(Math.random() * 0x1_0000_0000));
    for (const v of values) expect(devIdOf(v), String(v)).toBe(devIdOf(BigInt(v)));
    // major: bits 8-19 (0x89a) and, from bit 32 on, all but the low 12 (0x1234 -> 0x1000)
    expect(devIdOf(0x1234_5678_9abc).split(':')[0]).toBe(String(0x1000 | 0x89a));
  });
  it('knows pseudo, local and possibly hanging filesystem types', () => {
    expect(['proc', 'sysfs', 'cgroup2', 'devpts'].every(isPseudoFilesystem)).toBe(true);
    expect(['tmpfs', 'ext4', 'devtmpfs'].some(isPseudoFilesystem)).toBe(false);
    expect(['nfs', 'nfs4', 'cifs', 'fuse.sshfs', 'fuse'].every(mayHang)).toBe(true);
    expect(statfsIsLocal('ext4') && statfsIsLocal('tmpfs') && !statfsIsLocal('nfs4') && !statfsIsLocal('zfs')).toBe(true);
  });
});
