import type { Command } from '../keys.js';
import { moveCursor } from './cursor.js';
import type { Menu } from './types.js';

// The menu widget's reducer (its view is components/Menu.tsx, its keys come through the walk's
// one input hook): what a command does to an open menu. Pure.

// What a command did to the menu: moved its cursor, picked an entry, closed it, or nothing of
// its own (the walk handles it: a step key, Tab, help, quit).
export type MenuOutcome = { menu: Menu } | { picked: string } | { closed: true } | undefined;

// A command on an open menu.
export function menuCommand(menu: Menu, command: Command): MenuOutcome {
  if (command === 'cancel') return { closed: true };
  const moved = moveCursor(menu.cursor, command, menu.items.length, menu.items.length);
  if (moved !== undefined) return { menu: { ...menu, cursor: moved } };
  if (command === 'open') return menu.items[menu.cursor] ? { picked: menu.items[menu.cursor].value } : { closed: true };
  return undefined;
}
