import React from 'react';
import { Box } from 'ink';
import { T } from '../theme.js';
import { safeText } from '../format.js';
import { cutMarker, displayWidth, fitMiddle, fitStart } from '../../core/text/text-fit.js';
import { useTheme } from '../theme.js';
import type { TextInput } from '../walk/types.js';
import { componentsText } from './messages.js';

// The prompt and what was typed on one line of the width: the prompt is shortened in its middle
// (the plan above shows the whole path) and a long answer shows its end, so the operator always
// sees what they typed and the cursor.
/** @internal unit-tested on its own: test/ui/prompt-line.test.ts */
export function promptLine(prompt: string, typed: string, width: number, ascii: boolean): string {
  const whole = `${prompt}${typed}_`;
  if (displayWidth(whole) <= width) return whole;
  const label = prompt.trimEnd();
  const head = `${fitMiddle(label, Math.min(displayWidth(label), Math.max(Math.floor(width / 2), width - displayWidth(typed) - 2)), ascii)} `;
  const line = `${head}${typed}_`;
  if (displayWidth(line) <= width) return line;
  const marker = cutMarker(ascii);
  return `${head}${fitStart(`${typed}_`, width - displayWidth(head) - displayWidth(marker), marker)}`;
}

// The typed confirmation before anything is destroyed, and the plain text prompts: the buffer is
// shown escaped, Enter submits, Esc cancels; for confirmations anything but the exact name cancels.
export function DangerConfirm({ input, width }: { input: TextInput; width: number }) {
  const theme = useTheme();
  const danger = !!input.danger;
  const confirm = input.expected !== undefined;
  const rule = theme.glyph.rule.repeat(Math.max(0, width));
  return (
    <Box flexDirection="column" width={width}>
      <T>{rule}</T>
      {danger ? (
        <T tone="warn" bold>
          {componentsText().danger}
        </T>
      ) : null}
      <T>{promptLine(input.prompt, safeText(input.buffer, theme.ascii), width, theme.ascii)}</T>
      {input.edits ? <T tone="warn" bold>{componentsText().editsConfig}</T> : null}
      <T tone="dim">{confirm ? componentsText().confirmHint(input.expected ?? '') : componentsText().promptHint}</T>
      <T>{rule}</T>
    </Box>
  );
}
