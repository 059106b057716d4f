import { describe, expect, it } from 'vitest';
import { promptLine } from '../../src/ui/components/DangerConfirm.js';
import { displayWidth } from '../../src/core/text/text-fit.js';

// The typed confirmation must stay visible however long the path in its prompt is.
describe('promptLine', () => {
  it('keeps prompt and answer whole when they fit', () => {
    expect(promptLine("Type 'maildrop' to empty /var/spool/postfix/maildrop: ", 'mail', 80, true)).toBe("Type 'maildrop' to empty /var/spool/postfix/maildrop: mail_");
  });

  it('shortens a long path in the prompt, never the typed answer', () => {
    const prompt = `Type 'maildrop' to empty /var/tmp/${'x'.repeat(60)}/spool/postfix/maildrop: `;
    const line = promptLine(prompt, 'maildrop', 80, true);
    expect(line.length).toBeLessThanOrEqual(80);
    expect(line.startsWith("Type '")).toBe(true);
    expect(line.endsWith('/maildrop: maildrop_')).toBe(true);
    expect(line).toContain('...');
  });

  it('shows the end of an answer longer than the line', () => {
    const typed = `/var/tmp/${'y'.repeat(100)}/incident.md`;
    const line = promptLine('Incident file: ', typed, 80, true);
    expect(line.length).toBeLessThanOrEqual(80);
    expect(line.startsWith('Incident file: ...')).toBe(true);
    expect(line.endsWith('/incident.md_')).toBe(true);
  });
});

describe('promptLine with wide characters', () => {
  it('measures a Japanese path in columns and shows the ellipsis on a UTF-8 terminal', () => {
    const prompt = `Type 'maildrop' to empty /srv/${'フォルダ'.repeat(10)}/maildrop: `;
    const line = promptLine(prompt, 'mail', 60, false);
    expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(line).toContain('\u2026');
    expect(line.endsWith('/maildrop: mail_')).toBe(true);
  });
});
