import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { helperNodeEnv } from '../src/io/system/helper-env.js';
import type { BenchCommand, Measure } from './types.js';

const TIME = '/usr/bin/time';

// The environment every measured command runs in: this one as a mail server has it, without
// NODE_EXTRA_CA_CERTS (a build or package machine may set it; Node then parses that certificate
// file before any code runs, ~40-50 ms at each start of ours and of `node -e 0`, none of du's)
// and NODE_OPTIONS: what the tool's own Node helpers start with.
export function serverEnv(): NodeJS.ProcessEnv {
  return helperNodeEnv();
}

// Runs a command once under /usr/bin/time: wall clock from our side, peak RSS (ru_maxrss) from time(1).
export async function measureOnce(cmd: BenchCommand): Promise<Measure & { stdout: string }> {
  await cmd.before?.();
  const rssFile = path.join(os.tmpdir(), `sr-bench-rss-${process.pid}-${Date.now()}`);
  const t0 = process.hrtime.bigint();
  const child = spawn(TIME, ['-f', '%M', '-o', rssFile, ...cmd.argv], {
    cwd: cmd.cwd,
    env: { ...serverEnv(), NO_COLOR: '1', ...cmd.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout.length < 1 << 20 ? (stdout += d) : undefined));
  child.stderr.on('data', (d) => (stderr.length < 1 << 16 ? (stderr += d) : undefined));
  const exitCode: number | null = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  let rssKB = 0;
  try {
    rssKB = Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop());
  } finally {
    fs.rmSync(rssFile, { force: true });
  }
  if (exitCode !== 0) throw new Error(`${cmd.label}: exit ${exitCode}\n${stderr.slice(-2000)}`);
  await cmd.after?.(stdout);
  return { wallS, rssMB: rssKB / 1024, exitCode, stdout };
}

// Median of a list of numbers.
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
