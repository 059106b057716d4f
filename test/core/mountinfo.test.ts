import { describe, expect, it } from 'vitest';
import { mountForPath, parseMountinfo } from '../../src/core/mountinfo.js';

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
