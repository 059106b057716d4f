import { SHARED_KEYS, namedKey, scopedTo } from '../../keys.js';
import type { Step } from '../../walk/step.js';
import { disksCommand, disksResult, initialDisks, loadDisks } from './state.js';
import { DisksScreen } from './view.js';

// Step 1, Disks: which filesystem is full; Enter scans it.
export const disksStep: Step<'disks'> = {
  id: 'disks',
  label: 'Disks',
  short: 'Disks',
  initial: initialDisks,
  start: loadDisks,
  commands: (s, c) => disksCommand(s, c),
  results: (s, a) => disksResult(s, a),
  list: () => true,
  bindings: scopedTo(
    'disks',
    { command: 'open', keys: [namedKey('return')], keyLabel: 'Enter', bar: 'scan it', help: 'scan the selected filesystem for hotspots' },
    SHARED_KEYS.refresh,
  ),
  effects: (ports) => ({ handlers: { loadDisks: (_, { signal }) => ports.disks.loadDisks(signal) } }),
  View: DisksScreen,
};
