import React from 'react';
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import { T, useTheme } from '../theme.js';

// ink-select-input with ASCII-safe parts: its default pointer is a non-ASCII glyph and its items
// are coloured, which a serial console must never receive.
function Indicator({ isSelected = false }: { isSelected?: boolean }) {
  const theme = useTheme();
  return (
    <Box flexShrink={0} width={2}>
      <Text>{isSelected ? theme.glyph.pointer : ' '}</Text>
    </Box>
  );
}

function Item({ isSelected = false, label }: { isSelected?: boolean; label: string }) {
  return (
    <T inverse={isSelected} bold={isSelected}>
      {label}
    </T>
  );
}

// Cuts a label to the columns left after the pointer (SelectInput lays items out in a row, and a
// label too long for it squeezes the pointer away).
export function menuLabel(label: string, width: number): string {
  const room = Math.max(4, width - 3);
  return label.length > room ? label.slice(0, room - 3) + '...' : label;
}

// A short choice list (actions for a path, evidence destinations); j/k/arrows, Enter, 1-9.
export function Menu(props: { title?: string; items: { label: string; value: string }[]; onSelect: (value: string) => void; focused: boolean; limit?: number; width: number }) {
  return (
    <Box flexDirection="column">
      {props.title ? (
        <T tone="accent" bold>
          {props.title}
        </T>
      ) : null}
      <SelectInput
        items={props.items.map((i, n) => ({ key: `${n}:${i.value}`, label: menuLabel(i.label, props.width), value: i.value }))}
        isFocused={props.focused}
        limit={props.limit}
        indicatorComponent={Indicator}
        itemComponent={Item}
        onSelect={(item) => props.onSelect(item.value)}
      />
    </Box>
  );
}
