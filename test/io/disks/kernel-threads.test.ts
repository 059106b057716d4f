import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listDeletedOpenFds } from '../../../src/io/disks/deleted-open.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

// The deleted-open scan does not open /proc/PID/fd of kernel threads (they hold no fds), and
// takes pid 2 for kthreadd only when the kernel marks it as a kernel thread (PF_KTHREAD).
describe('kernel threads in the deleted-open scan', () => {
  const tmp = makeTempDir('kthreads');
  afterAll(tmp.cleanup);

  // A fake /proc: pid 2 with the stat text STAT and, unless undefined, the children list CHILDREN
  // ("7 8 "); pids 7 and 9 each hold a deleted file, pid 8 holds none.
  const fakeProc = (name: string, stat: string, children: string | undefined) => {
    const proc = path.join(tmp.dir, name);
    const pid = (p: string, comm: string, text: string) => {
      fs.mkdirSync(path.join(proc, p, 'fd'), { recursive: true });
      fs.writeFileSync(path.join(proc, p, 'comm'), `${comm}\n`);
      fs.writeFileSync(path.join(proc, p, 'stat'), text);
    };
    pid('2', 'kthreadd', stat);
    if (children !== undefined) {
      fs.mkdirSync(path.join(proc, '2', 'task', '2'), { recursive: true });
      fs.writeFileSync(path.join(proc, '2', 'task', '2', 'children'), children);
    }
    for (const p of ['7', '8', '9']) pid(p, `p${p}`, `${p} (p${p}) S 2 0 0 0 -1 4194304 0\n`);
    fs.symlinkSync('/var/log/seven.log (deleted)', path.join(proc, '7', 'fd', '3'));
    fs.symlinkSync('/var/log/nine.log (deleted)', path.join(proc, '9', 'fd', '4'));
    return proc;
  };
  const listed = (proc: string) => listDeletedOpenFds(proc).fds.map((f) => [f.pid, f.path]).sort((a, b) => Number(a[0]) - Number(b[0]));
  const both = [
    [7, '/var/log/seven.log'],
    [9, '/var/log/nine.log'],
  ];
  const kthreadStat = (flags: string) => `2 (kthreadd) S 0 0 0 0 -1 ${flags} 0 0 0 0 1 5 0 0 20 0 1 0 25\n`;

  it("skips kthreadd's children when pid 2 is a kernel thread, read as this machine's kernel writes it", () => {
    expect(listed(fakeProc('kernel', kthreadStat('2129984'), '7 8 '))).toEqual([[9, '/var/log/nine.log']]);
    // this kernel's own kthreadd and children list, with pid 7 among the children
    expect(fs.existsSync('/proc/2/task/2/children'), 'this kernel lists no children of kthreadd (CONFIG_PROC_CHILDREN)').toBe(true);
    const real = fs.readFileSync('/proc/2/stat', 'latin1');
    expect(real).toMatch(/^2 \(kthreadd\) /);
    const children = fs.readFileSync('/proc/2/task/2/children', 'latin1');
    expect(children.trim().split(' ').length).toBeGreaterThan(0);
    expect(listed(fakeProc('this-kernel', real, `${children.trim()} 7 `))).toEqual([[9, '/var/log/nine.log']]);
  });

  it('scans every process when pid 2 is an ordinary process (a container), its flags unreadable, or no children are listed', () => {
    // this very process's stat, as pid 2 of a container would show it: not a kernel thread
    const ordinary = fs.readFileSync('/proc/self/stat', 'latin1').replace(/^\d+ \([^)]*\)/, '2 (kthreadd)');
    for (const proc of [
      fakeProc('container', ordinary, '7 8 '),
      fakeProc('no-children-file', kthreadStat('2129984'), undefined),
      fakeProc('garbled', kthreadStat('x'), '7 8'),
      fakeProc('cut-short', '2 (kthreadd) S 0', '7 8'),
    ]) {
      expect(listed(proc)).toEqual(both);
    }
  });
});
