import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { findCommand } from '../../src/io/system/find-command.js';

// What a test may need from the machine. CI sets SPOOLRESCUE_STRICT_TESTS=1 so that a missing
// capability fails the run instead of skipping quietly.
export type Capability = 'root' | 'postfix' | 'tmux' | 'mount' | 'xattr' | 'python3' | 'acl' | 'chattr' | 'postlock' | 'ncdu';

export const STRICT = process.env.SPOOLRESCUE_STRICT_TESTS === '1';

// CI's minimal-host leg hides the optional tools from PATH on purpose: there, a test that needs
// them is expected not to run (skipped by name), while every other missing capability still fails.
export const MINIMAL_HOST = process.env.SPOOLRESCUE_MINIMAL_HOST === '1';
const HIDDEN_ON_MINIMAL_HOST: readonly Capability[] = ['xattr', 'python3', 'acl', 'chattr', 'postlock'];
const expectedAbsent = (missing: Capability[]) => MINIMAL_HOST && missing.every((c) => HIDDEN_ON_MINIMAL_HOST.includes(c));

const cache = new Map<Capability, boolean>();

function probeMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sr-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// True when this machine can run tests that need the capability.
export function has(cap: Capability): boolean {
  if (!cache.has(cap)) {
    const root = process.getuid?.() === 0;
    const value =
      cap === 'root'
        ? root
        : cap === 'postfix'
          ? root && !!findCommand('postfix') && !!findCommand('sendmail') && !!findCommand('postconf')
          : cap === 'tmux'
            ? !!findCommand('tmux')
            : cap === 'xattr'
              ? !!findCommand('getfattr') && !!findCommand('setfattr')
              : cap === 'python3'
                ? !!findCommand('python3')
                : cap === 'acl'
                  ? !!findCommand('getfacl') && !!findCommand('setfacl')
                  : cap === 'chattr'
                    ? !!findCommand('lsattr') && !!findCommand('chattr')
                    : cap === 'postlock'
                      ? !!findCommand('postlock')
                      : cap === 'ncdu'
                        ? !!findCommand('ncdu')
                        : probeMount();
    cache.set(cap, value);
  }
  return cache.get(cap)!;
}

const whyMissing = (missing: Capability[]) =>
  expectedAbsent(missing)
    ? `needs ${missing.join(', ')}, hidden on purpose by the minimal-host leg (SPOOLRESCUE_MINIMAL_HOST=1)`
    : `needs ${missing.join(', ')} (run as root with postfix, tmux, attr, acl, python3 and ncdu installed; see .ci/run)`;

// it() with the same rule as describeWith, for a single test inside a wider suite.
export function itWith(caps: Capability[], title: string, fn: () => Promise<void> | void, timeoutMs?: number): void {
  const missing = caps.filter((c) => !has(c));
  if (missing.length === 0) {
    it(title, fn, timeoutMs);
    return;
  }
  if (STRICT && !expectedAbsent(missing)) {
    it(`${title} [cannot run here: ${whyMissing(missing)}]`, () => {
      throw new Error(`"${title}" ${whyMissing(missing)}; SPOOLRESCUE_STRICT_TESTS=1 makes this a failure`);
    });
    return;
  }
  process.stderr.write(`\n*** SKIPPED: "${title}" ${whyMissing(missing)} ***\n\n`);
  it.skip(`${title} [SKIPPED: ${whyMissing(missing)}]`, fn);
}

// describe() that runs only when the machine has every capability; otherwise it says so loudly
// (a warning on stderr and a skipped suite), or fails under SPOOLRESCUE_STRICT_TESTS=1.
export function describeWith(caps: Capability[], title: string, fn: () => void): void {
  const missing = caps.filter((c) => !has(c));
  if (missing.length === 0) {
    describe(title, fn);
    return;
  }
  const why = whyMissing(missing);
  if (STRICT && !expectedAbsent(missing)) {
    describe(title, () => {
      it(`cannot run here: ${why}`, () => {
        throw new Error(`"${title}" ${why}; SPOOLRESCUE_STRICT_TESTS=1 makes this a failure`);
      });
    });
    return;
  }
  process.stderr.write(`\n*** SKIPPED: "${title}" ${why} ***\n\n`);
  // The suite's body is never called: collecting it would run whatever it does at describe time
  // (mounts, private Postfix instances) with no afterAll to undo it. One skipped placeholder
  // carries the name instead.
  describe(`${title} [SKIPPED: ${why}]`, () => {
    it.skip(`${title} [SKIPPED: ${why}]`, () => {});
  });
}
