// `npm run demo`: builds a synthetic mail server (a flooded maildrop, a swollen root mbox) and
// opens the guided walk on it with --root; the host's own spool and Postfix are never touched.
// As root the server is built on a really full filesystem (a small tmpfs mounted under the demo
// directory, every inode used), so the walk opens on the incident; it is unmounted on the way out.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateServer } from '../fixtures/generate.js';
import { canMount, floodInodes, leaveInodes, mountDemoDisk, type DemoDisk } from './demo/full-disk.js';

const HELP = `Usage: npm run demo -- [--host-disk] [--keep] [walk options]

Builds a synthetic mail server (root's mbox of 5,000 cron messages, a flooded Postfix maildrop,
bounce and deferred queues, a maillog with a retry storm) in a new directory under ${os.tmpdir()}
and opens the guided walk on it with --root. The host's own spool and Postfix are never touched.

As root, the server is built on a small tmpfs mounted in the demo directory, and maildrop is
flooded until no inode is left: the walk opens on that filesystem, flagged. The tmpfs is
unmounted and the directory removed when the walk ends (q, Ctrl-C). Without root, the server is
built on the host's disk, which is not full: the disks shown are the host's.

  --host-disk   build on the host's disk even as root (what happens without root)
  --keep        keep the directory afterwards (never kept when it is a tmpfs)
  --help        this text; nothing is built

Other options go to the walk, e.g. --serial or --ascii.
`;

// The demo server's size; the full disk has room for exactly this, then maildrop floods it.
const SERVER = { mboxMessages: 5000, maildrop: 20_000, bounce: 1000, deferred: 2000, maillogLines: 50_000 };
// Room for the server with inodes to spare; once it is built, only SPARE inodes are left, for maildrop to flood.
const DISK = { size: '256m', inodes: 100_000 };
const SPARE = 500;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(HELP);
  process.exit(0);
}
const hostDisk = args.includes('--host-disk') || !canMount();
const keep = args.includes('--keep');
const walkArgs = args.filter((a) => a !== '--host-disk' && a !== '--keep');
const top = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (line: string) => process.stderr.write(`${line}\n`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spoolrescue-demo-'));
const root = path.join(dir, 'root');
let disk: DemoDisk | undefined;
let cleaned = false;
function cleanup(): void {
  if (cleaned) return;
  cleaned = true;
  disk?.unmount();
  if (disk || !keep) fs.rmSync(dir, { recursive: true, force: true });
  else say(`demo tree kept in ${root} (rm -rf ${dir} when done)`);
}
process.on('exit', cleanup);
let walk: ReturnType<typeof spawn> | undefined;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    // while the walk runs, Ctrl-C is the walk's (it stops what runs, then quits); we wait for it
    if (walk && walk.exitCode === null) {
      if (sig !== 'SIGINT') walk.kill(sig);
      return;
    }
    cleanup();
    process.exit(130);
  });
}

if (hostDisk) {
  fs.mkdirSync(root);
  say(canMount() ? 'Building on the host\'s disk (--host-disk).' : 'Not root, so no full filesystem can be mounted for the demo.');
  say(`The fixture goes to ${root} on the host's disk, which is NOT full: the disks the walk shows are the host's.`);
} else {
  disk = mountDemoDisk(root, DISK);
  say(`Mounted a tmpfs at ${root} (size=${DISK.size}) for the demo server.`);
}
say(`Building a demo mail server in ${root} ...`);
const m = generateServer(root, SERVER);
let flooded = 0;
if (disk) {
  const inodes = leaveInodes(root, SPARE);
  flooded = floodInodes(path.join(root, 'var/spool/postfix/maildrop'));
  say(`The tmpfs now has nr_inodes=${inodes}, every one used.`);
}
say(`root mbox: ${m.mbox.messages} messages; maildrop: ${m.queue.maildrop.files + flooded} files${disk ? `, until no inode was left (${flooded} postdrop temporary files)` : ''}.`);
say(`Opening the walk: spoolrescue --root ${root}${walkArgs.length ? ` ${walkArgs.join(' ')}` : ''}`);
walk = spawn(process.execPath, [path.join(top, 'bin', 'spoolrescue.cjs'), '--root', root, ...walkArgs], { stdio: 'inherit' });
walk.on('exit', (code, signal) => {
  cleanup();
  if (disk) say(`The demo filesystem was unmounted and ${dir} removed.`);
  process.exit(code ?? (signal ? 130 : 1));
});
