import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { describeWith, itWith } from '../../helpers/capabilities.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const top = path.resolve(import.meta.dirname, '../../..');

// A process whose fd links may be listed but not read (as in a container whose init belongs to
// another user namespace) is one skipped process: the scan stops at its first refused link.
describeWith(['root'], 'the deleted-open scan, as a user refused some processes', () => {
  itWith(['root'], 'skips a process whose links are refused and still lists the others', () => {
    const proc = makeTempDir('refusedproc');
    try {
      fs.chmodSync(proc.dir, 0o755);
      const fdsOf = (pid: string, links: string[], mode: number, firstFd = 3) => {
        const fdDir = path.join(proc.dir, pid, 'fd');
        fs.mkdirSync(fdDir, { recursive: true, mode: 0o755 });
        fs.chmodSync(path.join(proc.dir, pid), 0o755);
        fs.writeFileSync(path.join(proc.dir, pid, 'comm'), `p${pid}\n`, { mode: 0o644 });
        links.forEach((l, i) => fs.symlinkSync(l, path.join(fdDir, String(i + firstFd))));
        // readable but not searchable by others: the names are listed, every readlink is refused
        fs.chmodSync(fdDir, mode);
      };
      fdsOf('4242', ['/var/log/a (deleted)', '/var/log/b (deleted)', '/var/log/c (deleted)'], 0o744);
      fdsOf('4343', ['/var/spool/x (deleted)', 'socket:[123]'], 0o755);
      // fd 0's link is read first (a refused process is skipped before its fds are listed); it is
      // still listed once, as any other
      fdsOf('4444', ['/var/mail/zero (deleted)', 'pipe:[7]'], 0o755, 0);
      const code = `import('${path.join(top, 'src/io/disks/deleted-open.ts')}').then((m) => console.log(JSON.stringify(m.listDeletedOpenFds(${JSON.stringify(proc.dir)}))))`;
      const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { cwd: top, uid: 65534, gid: 65534, encoding: 'utf8', env: { ...process.env, HOME: '/tmp' } });
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout) as { fds: { pid: number; fd: number; path: string; command: string }[]; skippedProcesses: number };
      expect(out.fds.map((f) => [f.pid, f.fd, f.path, f.command])).toEqual([
        [4343, 3, '/var/spool/x', 'p4343'],
        [4444, 0, '/var/mail/zero', 'p4444'],
      ]);
      expect(out.skippedProcesses).toBe(1);
    } finally {
      proc.cleanup();
    }
  });
});
