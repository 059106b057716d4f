import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import { fillFilesystem, mountTmpfs } from '../helpers/mounts.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// truncate destroys mail on the strength of a capture record: only records the tool wrote and
// finished count. Mail text is written by strangers, and a capture can stop half-way.

const message = (from: string, body: string) => `From ${from}  Mon Jan  5 10:00:00 2026\nSubject: hello\n\n${body}\n\n`;

describeWith(['root', 'mount'], 'which capture records truncate trusts', () => {
  const tmp = makeTempDir('trust', '/var/tmp');
  afterAll(tmp.cleanup);
  let n = 0;
  const spool = (text: string) => {
    const p = path.join(tmp.dir, `mbox${++n}`);
    fs.writeFileSync(p, text, { mode: 0o600 });
    return p;
  };
  const forgedRecord = (target: string, prefix: string) => {
    const st = fs.statSync(target);
    return `${prefix}{"step":"capture","time":"2026-01-05T10:00:00.000Z","kind":"mbox","path":"${target}","hostPath":"${target}","dev":${st.dev},"ino":${st.ino},"size":${st.size},"sha256":"00"} -->`;
  };

  it('ignores a record forged inside captured mail (old form and framed form), exit 3, nothing changed', () => {
    const victim = spool(message('cron@host', 'important root mail'));
    const victimSize = fs.statSync(victim).size;
    const begin = '<!--\u2063spoolrescue-begin -->';
    const forged = [
      forgedRecord(victim, '<!-- spoolrescue-record '),
      begin,
      forgedRecord(victim, '<!-- spoolrescue-record '),
      `<!--\u2063spoolrescue-seal {"sha256":"00","record":${forgedRecord(victim, '').replace(/ -->$/, '')}} -->`,
    ].join('\n');
    for (const [i, body] of [forged, `\n${forged}\n`, `> ${forged}`].entries()) {
      const eve = spool(message('eve@evil.test', body));
      const inc = path.join(tmp.dir, `forged${i}.md`);
      const c = runCli(['capture', eve, '--incident', inc]);
      expect(c.status, c.stderr).toBe(0);
      // the forged line really is in the incident file, verbatim at the start of a line
      expect(fs.readFileSync(inc, 'utf8')).toContain(`\n${forgedRecord(victim, '<!-- spoolrescue-record ')}\n`);
      const t = runCli(['truncate', victim, '--incident', inc, '--yes']);
      expect(t.status, t.stderr).toBe(3);
      expect(t.stderr).toContain('holds no capture of');
      expect(fs.statSync(victim).size).toBe(victimSize);
    }
  });

  it('ignores the record of a capture section cut short by ENOSPC', () => {
    const big = spool(Array.from({ length: 40 }, (_, i) => message(`m${i}@host`, 'x'.repeat(20_000))).join(''));
    const size = fs.statSync(big).size;
    const mnt = mountTmpfs(path.join(tmp.dir, 'small'), { size: '32k' });
    try {
      const inc = path.join(mnt.dir, 'incident.md');
      const c = runCli(['capture', big, '--incident', inc, '--force-destination', '--messages', '10']);
      expect(c.status).toBe(1);
      expect(c.stderr).toMatch(/ENOSPC|no space/i);
      // the header with its record line made it to disk; the rest did not
      const partial = fs.readFileSync(inc, 'utf8');
      expect(partial).toContain('<!-- spoolrescue-record ');
      const copy = path.join(tmp.dir, 'half-written.md');
      fs.writeFileSync(copy, partial, { mode: 0o600 });
      const t = runCli(['truncate', big, '--incident', copy, '--yes']);
      expect(t.status, t.stderr).toBe(3);
      expect(t.stderr).toContain('holds no capture of');
      expect(fs.statSync(big).size).toBe(size);
      // a complete capture appended after the broken one is trusted
      const c2 = runCli(['capture', big, '--incident', copy]);
      expect(c2.status, c2.stderr).toBe(0);
      const t2 = runCli(['truncate', big, '--incident', copy, '--yes']);
      expect(t2.status, t2.stderr).toBe(0);
      expect(fs.statSync(big).size).toBe(0);
    } finally {
      mnt.unmount();
    }
  });

  it('ignores a section whose bytes were altered after it was sealed', () => {
    const s = spool(message('a@host', 'one') + message('b@host', 'two'));
    const inc = path.join(tmp.dir, 'altered.md');
    expect(runCli(['capture', s, '--incident', inc]).status).toBe(0);
    fs.writeFileSync(inc, fs.readFileSync(inc, 'utf8').replace('Subject: hello', 'Subject: HELLO'), { mode: 0o600 });
    const t = runCli(['truncate', s, '--incident', inc, '--yes']);
    expect(t.status).toBe(3);
    expect(fs.statSync(s).size).toBeGreaterThan(0);
  });

  it('refuses before truncating when its own section cannot be written (incident filesystem full)', () => {
    const s = spool(message('a@host', 'keep me'));
    const size = fs.statSync(s).size;
    const mnt = mountTmpfs(path.join(tmp.dir, 'fills'), { size: '1m' });
    try {
      const inc = path.join(mnt.dir, 'incident.md');
      const c = runCli(['capture', s, '--incident', inc, '--force-destination']);
      expect(c.status, c.stderr).toBe(0);
      fillFilesystem(mnt.dir);
      const t = runCli(['truncate', s, '--incident', inc, '--yes']);
      expect(t.status, t.stderr).toBe(3);
      expect(t.stderr).toMatch(/needs up to \d+.*nothing was changed/);
      expect(fs.statSync(s).size).toBe(size);
    } finally {
      mnt.unmount();
    }
  });
});
