import React from 'react';
import { Box } from 'ink';
import { T } from '../theme.js';
import { WALK_STEPS, stepOf } from '../steps/index.js';
import { displayWidth } from '../../core/text/text-fit.js';
import type { StepId, StepMark } from '../walk/types.js';

const MARK: Record<StepMark, string> = { todo: ' ', visited: ' ', done: '*', skipped: '-' };

// The step line as text: the current step in brackets, done steps starred, skipped ones dashed;
// short labels when the terminal is narrow; a side step is named after them. Read from the
// registry.
/** @internal unit-tested on its own: test/ui/state/registry.test.ts */
export function stepLineText(step: StepId, marks: Record<StepId, StepMark>, width: number): string {
  const make = (short: boolean) =>
    WALK_STEPS.map((s, i) => {
      const label = `${i + 1}${MARK[marks[s.id]]}${short ? s.short : s.label}`;
      return s.id === step ? `[${label}]` : ` ${label} `;
    }).join('');
  const current = stepOf(step);
  const side = current.side ? ` [${current.label}]` : '';
  const long = make(false) + side;
  return displayWidth(long) <= width ? long : make(true) + side;
}

// Where the operator is in the walk.
export function StepLine({ step, marks, width }: { step: StepId; marks: Record<StepId, StepMark>; width: number }) {
  return (
    <Box width={width}>
      <T tone="accent" bold>
        {stepLineText(step, marks, width)}
      </T>
    </Box>
  );
}
