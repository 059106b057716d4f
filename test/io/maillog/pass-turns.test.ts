import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../fixtures/lib/prng.js';
import { writeStormLog } from '../../../fixtures/lib/maillog-storm.js';
import { buildReport } from '../../../src/core/maillog/report.js';
import { MaillogStats } from '../../../src/core/maillog/stats.js';
import { PASS_TURN_BYTES, runFullPass, type PassFile } from '../../../src/io/maillog/full-pass.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

// The full pass (what `maillog` and the walk's Why step both run) never holds the event loop for
// a whole 4 MB read: a turn comes after every PASS_TURN_BYTES scanned. Measured by counting, not
// by clocks: a setImmediate ticker samples how many bytes were scanned at each turn of the loop.

/** Plain logs are read 4 MB at a time (src/io/maillog/log-chunks.ts). */
const READ_BYTES = 4 << 20;
/** A turn comes after the 64 KB string slice that crossed PASS_TURN_BYTES, which ends at a line end. */
const SLACK = (64 << 10) + (4 << 10);

const tmp = makeTempDir('maillog-turns', '/var/tmp');
afterAll(tmp.cleanup);
const plain = path.join(tmp.dir, 'maillog');
const gz = path.join(tmp.dir, 'maillog.gz');

beforeAll(() => {
  writeStormLog({ path: plain, rng: createRng(11), startDay: new Date(Date.UTC(2026, 11, 24)), days: 4, bytes: 14 << 20, storm: { perDay: [50, 300, 200] } });
  fs.writeFileSync(gz, zlib.gzipSync(fs.readFileSync(plain), { level: 1 }));
});

const fileOf = (p: string): PassFile => ({ path: p, startYear: 2026, size: fs.statSync(p).size });

// Runs the pass with a ticker that records the bytes scanned so far at every turn of the loop;
// `onTurn` may act (abort) at a turn.
async function sampledPass(file: PassFile, onTurn?: (bytes: number) => void, signal?: AbortSignal) {
  const stats = new MaillogStats();
  const samples: number[] = [0];
  let running = true;
  const tick = () => {
    samples.push(stats.bytes);
    onTurn?.(stats.bytes);
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const result = await runFullPass([file], stats, undefined, signal);
  running = false;
  samples.push(stats.bytes);
  const gaps = samples.slice(1).map((b, i) => b - samples[i]);
  return { stats, result, gaps, turnsWithProgress: gaps.filter((g) => g > 0).length };
}

describe('the full pass gives the event loop a turn inside each read', () => {
  it('a plain log: at most PASS_TURN_BYTES (plus one slice) scanned between two turns, though reads are 4 MB', async () => {
    const file = fileOf(plain);
    expect(file.size).toBeGreaterThan(3 * READ_BYTES);
    const { stats, result, gaps, turnsWithProgress } = await sampledPass(file);
    expect(result.aborted).toBe(false);
    expect(stats.bytes).toBe(file.size);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(PASS_TURN_BYTES + SLACK);
    expect(Math.max(...gaps)).toBeLessThan(READ_BYTES);
    expect(turnsWithProgress).toBeGreaterThanOrEqual(Math.floor(file.size / (PASS_TURN_BYTES + SLACK)));
  });

  it('a .gz log: the same bound on decompressed bytes between turns', async () => {
    const { stats, result, gaps } = await sampledPass(fileOf(gz));
    expect(result.files[0].complete).toBe(true);
    expect(stats.bytes).toBe(fs.statSync(plain).size);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(PASS_TURN_BYTES + SLACK);
  });

  it('an abort at a turn inside the first 4 MB read stops there and keeps exactly the lines scanned', async () => {
    const ac = new AbortController();
    const { stats, result } = await sampledPass(fileOf(plain), (bytes) => bytes > 0 && ac.abort(), ac.signal);
    expect(result.aborted).toBe(true);
    expect(result.files[0].complete).toBe(false);
    expect(stats.bytes).toBeGreaterThan(0);
    expect(stats.bytes).toBeLessThanOrEqual(2 * (PASS_TURN_BYTES + SLACK));
    expect(stats.bytes).toBeLessThan(READ_BYTES);
    // what the file result calls read is what was counted, to the byte: no cut line, nothing lost
    expect(result.files[0].bytesRead).toBe(stats.bytes);
    const report = buildReport(stats);
    expect(report.unparsedLines).toBe(0);
    expect(report.days.reduce((a, d) => a + d.bytes, 0)).toBe(stats.bytes);
  });
});
