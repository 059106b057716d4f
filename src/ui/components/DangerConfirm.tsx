import React from 'react';
import { Box, Text } from 'ink';
import { T } from '../theme.js';
import { safeText } from '../format.js';
import { useTheme } from '../theme.js';
import type { TextInput } from '../state/types.js';

// The typed confirmation before anything is destroyed, and the plain text prompts: the buffer is
// shown escaped, Enter submits, Esc cancels; for confirmations anything but the exact name cancels.
export function DangerConfirm({ input, width }: { input: TextInput; width: number }) {
  const theme = useTheme();
  const danger = input.purpose === 'confirm-purge' || input.purpose === 'confirm-truncate';
  const rule = theme.glyph.rule.repeat(Math.max(0, width));
  return (
    <Box flexDirection="column" width={width}>
      <T>{rule}</T>
      {danger ? (
        <T tone="warn" bold>
          {'DANGER: this cannot be undone. Default is to cancel.'}
        </T>
      ) : null}
      <T>{`${input.prompt}${safeText(input.buffer, theme.ascii)}_`}</T>
      <T tone="dim">{danger ? `Enter runs it only if you typed '${input.expected}'; Esc or anything else cancels.` : 'Enter to accept, Esc to cancel.'}</T>
      <T>{rule}</T>
    </Box>
  );
}
