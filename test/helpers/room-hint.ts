import { expect } from 'vitest';

// A refusal that sends the operator elsewhere names filesystems with room, never the full one.
// Which ones come first depends on the machine (other suites mount tmpfs filesystems of their
// own at the same time), so a test checks the rule, not that its own mount made the short list.
export function expectRoomElsewhere(message: string, fullDir: string): string[] {
  const walk = /Filesystems with room: (.*?)(?: \(choose one in Evidence\))?\.(?: |$)/m.exec(message);
  const named = walk
    ? walk[1].split(', ').map((s) => s.trim())
    : [...message.matchAll(/--incident (\S+)\s+\((\S+), /g)].map((m) => m[1]);
  expect(named.length, message).toBeGreaterThan(0);
  for (const n of named) expect(n === fullDir || n.startsWith(`${fullDir}/`), `${n} is on the full filesystem`).toBe(false);
  return named;
}
