// `npm run demo`: builds a synthetic mail server in a temporary directory (a flooded maildrop, a
// swollen root mbox) and opens the guided walk on it with --root; the host is never touched.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateServer } from '../fixtures/generate.js';

const top = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spoolrescue-demo-'));
process.stderr.write(`building a demo mail server in ${root} ...\n`);
const m = generateServer(root, { mboxMessages: 5000, maildrop: 50_000, bounce: 2000, deferred: 3000, maillogLines: 50_000 });
process.stderr.write(`root mbox ${m.mbox.messages} messages, maildrop ${m.queue.maildrop.files} files; opening the walk with --root ${root}\n`);
const r = spawnSync(process.execPath, [path.join(top, 'bin', 'spoolrescue.js'), '--root', root, ...process.argv.slice(2)], { stdio: 'inherit' });
process.stderr.write(`demo tree kept in ${root} (rm -rf it when done)\n`);
process.exitCode = r.status ?? 1;
