import React from 'react';
import { Box } from 'ink';
import { T } from '../theme.js';
import { barItems } from '../keymap.js';
import type { Scope } from '../keys.js';
import { displayWidth } from '../../core/text/text-fit.js';

// The help bar as text: the screen's keys that fit, then the essential ones (next step, help,
// quit), which always stay.
/** @internal unit-tested on its own: test/ui/keys.test.ts */
export function helpBarText(scopes: readonly Scope[], width: number): string {
  const items = barItems(scopes);
  const text = (i: { keys: string; label: string }) => `${i.keys} ${i.label}`;
  const tail = items.filter((i) => i.essential).map(text).join('  ');
  let head = '';
  for (const item of items.filter((i) => !i.essential)) {
    const piece = `${head ? '  ' : ''}${text(item)}`;
    if (displayWidth(head) + displayWidth(piece) + 2 + displayWidth(tail) > width) break;
    head += piece;
  }
  const all = head && tail ? `${head}  ${tail}` : head || tail;
  // cut by columns, no marker (the bar is one dim line; a serial console shows ASCII only)
  const chars = Array.from(all);
  while (displayWidth(chars.join('')) > Math.max(0, width)) chars.pop();
  return chars.join('');
}

// The keys that work here, generated from the keymap.
export function HelpBar({ scopes, width }: { scopes: readonly Scope[]; width: number }) {
  return (
    <Box width={width}>
      <T tone="dim" width={width}>
        {helpBarText(scopes, width)}
      </T>
    </Box>
  );
}
