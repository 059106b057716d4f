import type { Command } from '../keys.js';

// Where a list cursor goes for a movement command (undefined: not a movement), kept in range.
export function moveCursor(cursor: number, command: Command, length: number, page: number): number | undefined {
  const last = Math.max(0, length - 1);
  const clamp = (n: number) => Math.min(last, Math.max(0, n));
  switch (command) {
    case 'up':
      return clamp(cursor - 1);
    case 'down':
      return clamp(cursor + 1);
    case 'pageUp':
      return clamp(cursor - page);
    case 'pageDown':
      return clamp(cursor + page);
    case 'home':
      return 0;
    case 'end':
      return last;
    default:
      return undefined;
  }
}
