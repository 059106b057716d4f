import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createRng } from '../../../fixtures/lib/prng.js';
import { writeStormLog } from '../../../fixtures/lib/maillog-storm.js';
import { createSystemPaths } from '../../../src/core/system-paths.js';
import { maillogPort } from '../../../src/ui/ports/real.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { fakePorts } from '../fake-ports.js';

// What the Why screen's tests (English and Japanese) read: a 1 MiB mail log of nine days from
// 2026-12-20 under a temp root, with a retry storm of one queue ID from the second day and the
// disk full at the end, the log's mtime the last second of 2026-12-28.

// The storm's attempts per day, from its first day.
export const STORM = [14, 261, 461, 287, 345, 102, 0];

// The root holding var/log/maillog, written before the file's tests and removed after them
// (call inside a describe); `storm()` is the storm's queue ID once written.
export function stormLogRoot(prefix: string): { root: string; storm: () => string } {
  const tmp = makeTempDir(prefix, '/var/tmp');
  afterAll(tmp.cleanup);
  let storm = '';
  beforeAll(() => {
    fs.mkdirSync(path.join(tmp.dir, 'var/log'), { recursive: true });
    const log = path.join(tmp.dir, 'var/log/maillog');
    storm = writeStormLog({ path: log, rng: createRng(9), startDay: new Date(Date.UTC(2026, 11, 20)), days: 9, bytes: 1 << 20, storm: { perDay: STORM, startDayIndex: 1 }, diskFull: true }).stormQueueId;
    fs.utimesSync(log, new Date('2026-12-28T23:59:59Z'), new Date('2026-12-28T23:59:59Z'));
  });
  return { root: tmp.dir, storm: () => storm };
}

// The walk's ports with the real mail log port reading under root (the rest faked).
export function maillogPortsUnder(root: string): ReturnType<typeof fakePorts> {
  return fakePorts({ maillog: maillogPort(createSystemPaths(root, '/')) });
}
