import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postconfValues } from '../../src/io/postfix/postconf-values.js';
import { commandFailureText } from '../../src/core/command-failure.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Stand-ins for postconf: small shell scripts, so each way postconf can fail is real.
describe('postconf values without a process runner', () => {
  const tmp = makeTempDir('postconf-values');
  afterAll(tmp.cleanup);
  const script = (name: string, body: string) => {
    const p = path.join(tmp.dir, name);
    fs.writeFileSync(p, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    return p;
  };

  it('returns one value per name, in order, empty values kept, and passes -c DIR -h NAMES', async () => {
    const echo = script('echo-args', 'printf "%s\\n" "$@" > "$0.args"; printf "/q\\n\\npostfix\\n"');
    const r = await postconfValues(echo, '/etc/pf', ['queue_directory', 'maillog_file', 'mail_owner']);
    expect(r).toEqual({ ok: true, values: ['/q', '', 'postfix'] });
    expect(fs.readFileSync(`${echo}.args`, 'utf8').split('\n').filter(Boolean)).toEqual(['-c', '/etc/pf', '-h', 'queue_directory', 'maillog_file', 'mail_owner']);
  });

  it('says which command failed, its exit code and its last stderr line', async () => {
    const bad = script('bad', 'echo "postconf: fatal: open /etc/pf/main.cf: No such file" >&2; exit 1');
    const r = await postconfValues(bad, '/etc/pf', ['queue_directory']);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.failure).toEqual({ code: 'exit', command: 'postconf -c /etc/pf -h queue_directory', exitCode: 1, detail: 'postconf: fatal: open /etc/pf/main.cf: No such file' });
    // worded when shown: English for JSON, Japanese on a Japanese screen
    expect(!r.ok && commandFailureText(r.failure, 'en')).toBe('postconf -c /etc/pf -h queue_directory: exit 1 (postconf: fatal: open /etc/pf/main.cf: No such file)');
    expect(!r.ok && commandFailureText(r.failure, 'ja')).toBe('postconf -c /etc/pf -h queue_directory: 終了コード 1（postconf: fatal: open /etc/pf/main.cf: No such file）');
  });

  it('stops a postconf that hangs at the deadline', async () => {
    const hang = script('hang', 'exec sleep 30');
    const r = await postconfValues(hang, '/etc/pf', ['queue_directory'], 300);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.failure).toMatchObject({ code: 'timed-out', command: 'postconf -c /etc/pf -h queue_directory' });
  });

  it('treats fewer lines than names asked as no answer', async () => {
    const short = script('short', 'echo /q');
    const r = await postconfValues(short, '/etc/pf', ['queue_directory', 'mail_spool_directory', 'mail_owner']);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.failure).toMatchObject({ code: 'did-not-run', message: 'too few lines' });
  });
});
