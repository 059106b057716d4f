import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import { filesBelow, queueIds, useDeferredQueue } from '../helpers/deferred-queue.js';
import { runCli } from '../helpers/run-cli.js';
import { queueFileChecker } from '../../src/io/queue/queue-file-check.js';
import { removeQueueFiles } from '../../src/io/queue/remove.js';
import type { SelectedMessage } from '../../src/core/queue/message.js';

/** Postfix's default hash_queue_names, at the depth the instance is given. */
const HASH = { hashQueueNames: ['deferred', 'defer'], hashQueueDepth: 2 };

const toDomain = (q: any[], domain: string) => q.filter((m) => m.recipients.some((x: any) => x.address.endsWith(`@${domain}`)));

// Acting on a list of queue IDs chosen earlier (queue --list, postqueue -j, bare IDs): exactly
// those messages go, with Postfix running (postsuper) and stopped (direct, with their defer logs),
// at hash_queue_depth 2; a list that is not one, planted symlinks and files of another owner change nothing.
describeWith(['root', 'postfix'], 'queue --ids-from on a private Postfix with a deferred queue', () => {
  const fx = useDeferredQueue({
    name: 'pf-queue-ids',
    mainCf: ['hash_queue_depth = 2'],
    fill: (pf) => {
      for (const d of ['alpha', 'beta', 'gamma', 'delta', 'epsilon']) for (let i = 0; i < 3; i++) expect(pf.sendmail(`u${i}@${d}.example`, `${d} ${i}`, 'text').status).toBe(0);
    },
    count: 15,
  });
  const cli = (args: string[], input?: string) => runCli(['--postfix-config', fx.pf.configDir, 'queue', ...args], { input });
  const listTo = (file: string, ...args: string[]) => {
    const r = cli(['--list', ...args]);
    expect(r.status, r.stderr).toBe(0);
    fs.writeFileSync(file, r.stdout);
    return r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  };

  it('refuses --ids-from with --match (exit 2) and without an action', () => {
    const both = cli(['--ids-from', '-', '--match', 'domain=x', '--delete', '--yes'], '');
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/--ids-from is the selection; it cannot be combined with --match/);
    const alone = cli(['--ids-from', '-'], '');
    expect(alone.status).toBe(2);
    expect(alone.stderr).toMatch(/--ids-from selects for --hold, --release, --requeue or --delete/);
    const missing = cli(['--ids-from', path.join(fx.dir, 'nope'), '--delete', '--yes']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read it \(ENOENT\)/);
  });

  it('deletes the listed messages through postsuper while Postfix runs; the rest is untouched', () => {
    expect(fx.pf.running()).toBe(true);
    const before = fx.pf.postqueueJson();
    const file = path.join(fx.dir, 'beta.jsonl');
    expect(listTo(file, '--match', 'domain=beta.example')).toHaveLength(3);
    const dry = cli(['--ids-from', file, '--delete', '--dry-run', '--json']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.json().method).toBe('postsuper');
    expect(dry.json().scan.selection.count).toBe(3);
    expect(dry.json().idList).toMatchObject({ lines: 3, found: 3, gone: 0 });
    expect(fx.pf.postqueueJson()).toEqual(before);
    const r = cli(['--ids-from', file, '--delete', '--yes']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('delete: 3 of 3 messages (postsuper)');
    const gone = toDomain(before, 'beta.example');
    expect(fx.pf.postqueueJson()).toEqual(before.filter((m) => !gone.includes(m)));
    // the same list again: every ID is already gone, nothing else is touched
    const again = cli(['--ids-from', file, '--delete', '--yes', '--json']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.json().idList).toMatchObject({ lines: 3, found: 0, gone: 3 });
    expect(fx.pf.postqueueJson()).toHaveLength(12);
  });

  it('deletes listed messages directly with Postfix stopped, with their defer logs, in hash_queue_depth 2', () => {
    fx.pf.stop();
    const before = fx.pf.postqueueJson();
    const file = path.join(fx.dir, 'gamma.jsonl');
    const listed = listTo(file, '--match', 'domain=gamma.example');
    expect(listed.every((m) => /^deferred\/.\/.\/[0-9A-F]+$/.test(m.path))).toBe(true);
    // the list repeated (a list appended twice) counts each message once
    fs.appendFileSync(file, fs.readFileSync(file));
    const incident = path.join(fx.dir, 'incident.md');
    const r = cli(['--ids-from', file, '--delete', '--yes', '--json', '--incident', incident]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const j = r.json();
    expect(j.action).toMatchObject({ method: 'direct', selected: 3, done: 3, logsRemoved: 3 });
    expect(j.idList).toMatchObject({ lines: 6, found: 3, duplicates: 3 });
    const gone = toDomain(before, 'gamma.example');
    expect(fx.pf.postqueueJson()).toEqual(before.filter((m) => !gone.includes(m)));
    const deferLogs = filesBelow(path.join(fx.pf.queueDir, 'defer'));
    expect(deferLogs.sort()).toEqual(queueIds(fx.pf.postqueueJson()));
    const text = fs.readFileSync(incident, 'utf8');
    for (const m of gone) expect(text).toContain(`deferred ${m.queue_id}`);
    expect(text).toContain('ids-from=');
    expect(text).toContain('Subject: gamma');
    expect(fx.pf.check().status).toBe(0);
  });

  it('takes bare queue IDs and "QUEUE ID" lines on stdin, and finds each in its queue', () => {
    const before = fx.pf.postqueueJson();
    const delta = toDomain(before, 'delta.example');
    const input = `${delta[0].queue_id}\n\n# a comment\ndeferred ${delta[1].queue_id}\n  ${delta[2].queue_id}  \n`;
    const r = cli(['--ids-from', '-', '--delete', '--yes'], input);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('delete: 3 of 3 messages (direct)');
    expect(queueIds(fx.pf.postqueueJson())).toEqual(queueIds(before.filter((m) => !delta.includes(m))));
    expect(fx.pf.check().status).toBe(0);
  });

  it('refuses a list with lines that are not queue IDs (paths, garbage, control bytes): nothing changes', () => {
    const before = fx.pf.postqueueJson();
    const victim = path.join(fx.dir, 'victim');
    fs.writeFileSync(victim, 'keep me');
    const good = before[0].queue_id;
    for (const bad of ['../../etc/passwd', `../../../${path.relative('/', victim)}`, 'hello world', `${good}\u001b[2J`, '{"queue_name":"deferred","queue_id":"../x"}', '{not json']) {
      const r = cli(['--ids-from', '-', '--delete', '--yes'], `${good}\n${bad}\n`);
      expect(r.status, `${bad}: ${r.stderr}`).toBe(3);
      expect(r.stderr).toMatch(/1 lines of the ID list are not queue IDs \(first: line 2: /);
      expect(r.stderr).not.toContain('\u001b');
    }
    expect(fx.pf.postqueueJson()).toEqual(before);
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
    const ja = runCli(['--lang', 'ja', '--postfix-config', fx.pf.configDir, 'queue', '--ids-from', '-', '--delete', '--yes'], { input: 'rm -rf /\n' });
    expect(ja.status).toBe(3);
    expect(ja.stderr).toMatch(/ID 一覧のうち 1 行がキュー ID ではありません/);
  });

  it('leaves alone a symlink planted at a queue file path and a file of another owner; nothing outside the queue is touched', () => {
    const before = fx.pf.postqueueJson();
    const eps = toDomain(before, 'epsilon.example');
    const at = (id: string) => {
      const d = path.join(fx.pf.queueDir, 'deferred', id[0], id[1]);
      return { d, f: path.join(d, id) };
    };
    // a symlink where a queue file would be, pointing outside the queue
    const outside = path.join(fx.dir, 'outside-target');
    fs.writeFileSync(outside, 'precious');
    // (in a hash directory Postfix made: one planted by root would not be the queue's either)
    const fake = eps[2].queue_id.slice(0, 2) + 'FEDCBA98';
    fs.symlinkSync(outside, at(fake).f);
    // a real queue file handed to another owner
    const stolen = eps[0];
    fs.chownSync(at(stolen.queue_id).f, 65534, 65534);
    const input = [fake, stolen.queue_id, eps[1].queue_id].join('\n') + '\n';
    const human = cli(['--ids-from', '-', '--delete', '--dry-run'], input);
    expect(human.stdout.replace(/\s+/g, ' ')).toMatch(/ID list: 3 lines, 1 queue files found \(1 not regular files \(left alone\), 1 not owned by the queue's owner \(left alone\)\)/);
    expect(fs.lstatSync(at(fake).f).isSymbolicLink()).toBe(true);
    const r = cli(['--ids-from', '-', '--delete', '--yes', '--json'], input);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const j = r.json();
    expect(j.idList).toMatchObject({ lines: 3, found: 1, notFile: 1, otherOwner: 1 });
    expect(j.action).toMatchObject({ done: 1 });
    expect(fs.readFileSync(outside, 'utf8')).toBe('precious');
    // (postfix check, run after the action, has Postfix's postsuper tidy the planted symlink away)
    expect(fs.existsSync(at(stolen.queue_id).f)).toBe(true);
    fs.rmSync(at(fake).f, { force: true });
    spawnSync('chown', ['postfix', at(stolen.queue_id).f]);
    expect(queueIds(fx.pf.postqueueJson())).toEqual(queueIds(before.filter((m) => m !== eps[1])));
    expect(fs.readdirSync(at(fake).d)).not.toContain(fake);
    expect(fx.pf.check().status).toBe(0);
  });

  it('removes in the directory it checked: a hash directory swapped for a symlink just before the unlink only loses its own files', async () => {
    expect(fx.pf.running()).toBe(false);
    const before = fx.pf.postqueueJson();
    const [victim, other] = toDomain(before, 'alpha.example');
    const check = queueFileChecker(fx.pf.queueDir, HASH);
    const found = (id: string) => {
      const r = check('deferred', id);
      if (!('found' in r)) throw new Error(`${id}: ${JSON.stringify(r)}`);
      return r.found;
    };
    const selected: SelectedMessage[] = [found(victim.queue_id)];
    const hashDir = (q: string, id: string) => `${q}/${id[0]}/${id[1]}`;
    // outside the queue: a directory per swapped one, holding files under the victim's name
    const outside = (rel: string) => {
      const d = path.join(fx.dir, 'outside', rel.replace(/\//g, '-'));
      fs.mkdirSync(d, { recursive: true });
      fs.writeFileSync(path.join(d, victim.queue_id), 'precious');
      return d;
    };
    const swapped: { real: string; aside: string }[] = [];
    const swap = (rel: string) => {
      const real = path.join(fx.pf.queueDir, rel);
      const aside = `${real}.aside`;
      fs.renameSync(real, aside);
      fs.symlinkSync(outside(rel), real);
      swapped.push({ real, aside });
    };
    const unswap = () => {
      for (const s of swapped.splice(0)) {
        fs.unlinkSync(s.real);
        fs.renameSync(s.aside, s.real);
      }
    };
    const cwd = process.cwd();
    const entered: string[] = [];
    // the swap happens once the removal stands in the checked directory, before it unlinks there
    const r = await removeQueueFiles(fx.pf.queueDir, selected, HASH, undefined, undefined, { entered: (rel) => (entered.push(rel), swap(rel)) });
    expect(entered).toEqual([hashDir('deferred', victim.queue_id), hashDir('defer', victim.queue_id)]);
    expect(process.cwd()).toBe(cwd);
    expect(r).toMatchObject({ removed: 1, logsRemoved: 1, missing: 0, errorCount: 0 });
    for (const rel of entered) {
      expect(fs.readFileSync(path.join(fx.dir, 'outside', rel.replace(/\//g, '-'), victim.queue_id), 'utf8')).toBe('precious');
      // what went was the file in the real (now aside) directory
      expect(fs.existsSync(path.join(fx.pf.queueDir, `${rel}.aside`, victim.queue_id))).toBe(false);
    }
    unswap();

    // swapped after the check but before the removal comes: the directory is refused, nothing goes
    const next = [found(other.queue_id)];
    swap(hashDir('deferred', other.queue_id));
    fs.writeFileSync(path.join(fx.dir, 'outside', hashDir('deferred', other.queue_id).replace(/\//g, '-'), other.queue_id), 'precious too');
    const refused = await removeQueueFiles(fx.pf.queueDir, next, HASH);
    unswap();
    expect(refused).toMatchObject({ removed: 0, errorCount: 1, errors: [{ path: path.join(fx.pf.queueDir, next[0].rel), error: 'ELOOP' }] });
    expect(fs.readFileSync(path.join(fx.dir, 'outside', hashDir('deferred', other.queue_id).replace(/\//g, '-'), other.queue_id), 'utf8')).toBe('precious too');
    expect(fs.existsSync(path.join(fx.pf.queueDir, next[0].rel))).toBe(true);
    expect(process.cwd()).toBe(cwd);

    // an error midway (here thrown by the watcher) still puts the working directory back
    await expect(removeQueueFiles(fx.pf.queueDir, next, HASH, undefined, undefined, { entered: () => { throw new Error('midway'); } })).rejects.toThrow('midway');
    expect(process.cwd()).toBe(cwd);
    expect(queueIds(fx.pf.postqueueJson())).toEqual(queueIds(before.filter((m) => m !== victim)));
    expect(fx.pf.check().status).toBe(0);
  });
});
