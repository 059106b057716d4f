import { describe, expect, it } from 'vitest';
import { fencedBlock, showBytes } from '../../src/core/incident/capture-text.js';
import { formatSection, formatSectionHeader, sha256Hex } from '../../src/core/incident/section.js';
import { isCaptureOf, parseRecordLine } from '../../src/core/incident/records.js';

describe('incident sections', () => {
  const header = {
    step: 'capture',
    title: 'mbox /var/mail/root',
    host: 'mail.example.test',
    time: new Date('2026-11-20T03:14:00Z'),
    what: 'first 5 and last 5 messages',
    source: '/var/mail/root',
    sha256: sha256Hex([Buffer.from('abc')]),
    record: { kind: 'mbox', path: '/var/mail/root --> <b>', dev: 2049, ino: 12 },
  };

  it('states host, time, what, where and the SHA-256', () => {
    const md = formatSectionHeader(header);
    expect(md).toContain('## spoolrescue capture: mbox /var/mail/root');
    expect(md).toContain('| host | mail.example.test |');
    expect(md).toContain('| time | 2026-11-20T03:14:00.000Z (UTC) |');
    expect(md).toContain('| SHA-256 | `ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad` |');
  });

  it('writes a record that parses back, whatever the path holds', () => {
    const line = formatSectionHeader(header).split('\n').find((l) => l.startsWith('<!--'))!;
    expect(line.indexOf('-->')).toBe(line.length - 3);
    const r = parseRecordLine(line)!;
    expect(r).toMatchObject({ step: 'capture', kind: 'mbox', path: '/var/mail/root --> <b>', dev: 2049, ino: 12 });
    expect(isCaptureOf(r, { path: '/var/mail/root --> <b>', dev: 2049, ino: 12 })).toBe(true);
    expect(isCaptureOf(r, { path: '/var/mail/root --> <b>', dev: 2049, ino: 13 })).toBe(false);
    expect(parseRecordLine('<!-- spoolrescue-record {broken -->')).toBeNull();
  });

  it('keeps captured text inside its fence and shows control bytes', () => {
    const evil = Buffer.concat([Buffer.from('body\n```\n# injected heading\n\x1b[31mred\x00'), Buffer.from([0xff]), Buffer.from('\r\nend')]);
    const block = fencedBlock(showBytes(evil));
    expect(block.startsWith('````text\n')).toBe(true);
    expect(block.endsWith('\n````\n')).toBe(true);
    expect(block).toContain('\\x1b[31mred\\x00\\xff\nend');
    expect(formatSection({ ...header, record: undefined }, block)).toContain(block);
  });
});
