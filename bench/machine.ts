import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

// One paragraph describing the machine, for BENCHMARKS.md: figures only mean something beside it.
export function describeMachine(workDir: string): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  let fsType = 'unknown';
  try {
    fsType = execFileSync('df', ['-T', workDir], { encoding: 'utf8' }).trim().split('\n')[1].split(/\s+/)[1];
  } catch {
    // keep unknown
  }
  let distro = '';
  try {
    distro = /PRETTY_NAME="([^"]+)"/.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '';
  } catch {
    // keep empty
  }
  return [
    `- CPU: ${cpu}, ${os.cpus().length} cores; RAM ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `- OS: ${distro} (Linux ${os.release()}); Node ${process.version}`,
    `- Bench directory: ${workDir} on ${fsType}`,
    `- Load average when written (1, 5, 15 min): ${os.loadavg().map((x) => x.toFixed(1)).join(', ')}`,
    // every node start of ours and of `node -e 0` would parse this file first (~40 ms on the
    // machine that found it): a server rarely sets it, and the measured commands run without it
    ...(process.env.NODE_EXTRA_CA_CERTS
      ? [`- Environment: this machine sets NODE_EXTRA_CA_CERTS (${process.env.NODE_EXTRA_CA_CERTS}); the measured commands run without it, as on a mail server (since 2026-12-03: rows measured before ran with it, each Node start of ours and of \`node -e 0\` ~40-50 ms slower)`]
      : []),
  ].join('\n');
}
