import type { Step } from '../walk/step.js';
import type { StepId } from '../walk/types.js';

// The names a step's catalogue gives it: on the step line (long and narrow) and in the full help.
interface StepNames {
  label: string;
  short: string;
  helpTitle?: string;
}

// The words a step takes from its catalogue.
type Worded = 'label' | 'short' | 'helpTitle';

// A step whose names are read from its catalogue each time they are shown (the language is chosen
// after the steps' modules load, so the names cannot be copied when the step is defined).
export function stepWords<K extends StepId>(text: () => StepNames, step: Omit<Step<K>, Worded>): Step<K> {
  return Object.defineProperties(step, {
    label: { get: () => text().label, enumerable: true },
    short: { get: () => text().short, enumerable: true },
    helpTitle: { get: () => text().helpTitle, enumerable: true },
  }) as Step<K>;
}
