import fs from 'node:fs';
import path from 'node:path';
import type { BenchRow } from '../types.js';

const tsx = (dir: string, ...args: string[]) => [process.execPath, '--import', 'tsx', 'fixtures/cli.ts', dir, ...args];

// The generator must make the huge inputs the other rows need, fast and in bounded memory.
export const rows: BenchRow[] = [
  {
    id: 'fixture-maildrop-1m',
    group: 'fixture',
    title: 'generate a 1,000,000-file maildrop',
    runs: 1,
    ours: (ctx) => {
      const dir = path.join(ctx.workDir, 'gen-maildrop');
      return {
        label: 'npm run fixture -- DIR --maildrop 1000000',
        argv: tsx(dir, '--maildrop', '1000000', '--bounce', '0', '--deferred', '0', '--mbox-messages', '10', '--maillog-lines', '10'),
        before: () => fs.rmSync(dir, { recursive: true, force: true }),
        after: () => {
          const n = fs.readdirSync(path.join(dir, 'var/spool/postfix/maildrop')).length;
          if (n !== 1_000_000) throw new Error(`expected 1,000,000 files, found ${n}`);
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    },
    limits: { oursMaxS: 90, rssMaxMB: 200 },
  },
  {
    id: 'fixture-mbox-4g',
    group: 'fixture',
    title: 'generate a 4 GB mbox',
    runs: 1,
    ours: (ctx) => {
      const dir = path.join(ctx.workDir, 'gen-mbox');
      return {
        label: 'npm run fixture -- DIR --mbox-bytes 4G',
        argv: tsx(dir, '--mbox-bytes', '4G', '--maildrop', '0', '--bounce', '0', '--deferred', '0', '--maillog-lines', '10'),
        before: () => fs.rmSync(dir, { recursive: true, force: true }),
        after: () => {
          const size = fs.statSync(path.join(dir, 'var/spool/mail/root')).size;
          if (size < 4 * 2 ** 30) throw new Error(`mbox is only ${size} bytes`);
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    },
    limits: { oursMaxS: 60, rssMaxMB: 200 },
  },
];
