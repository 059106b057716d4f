import { SHARED_KEYS, namedKey, scopedTo } from '../../keys.js';
import type { Step } from '../../walk/step.js';
import { stepWords } from '../step-words.js';
import { disksCommand, disksResult, initialDisks, loadDisks } from './state.js';
import { DisksScreen } from './view.js';
import { disksText } from './messages.js';

// Step 1, Disks: which filesystem is full; Enter scans it.
export const disksStep: Step<'disks'> = stepWords(disksText, {
  id: 'disks',
  initial: initialDisks,
  start: loadDisks,
  commands: (s, c) => disksCommand(s, c),
  results: (s, a) => disksResult(s, a),
  list: () => true,
  bindings: scopedTo(
    'disks',
    { command: 'open', keys: [namedKey('return')], keyLabel: 'Enter', get bar() { return disksText().openBar; }, get help() { return disksText().openHelp; } },
    SHARED_KEYS.refresh,
  ),
  effects: (ports) => ({ handlers: { loadDisks: (_, { signal }) => ports.disks.loadDisks(signal) } }),
  View: DisksScreen,
});
