import { SHARED_KEYS, charKey, scopedTo } from '../../keys.js';
import { isRunning, stopSlice } from '../../walk/tasks.js';
import type { Step } from '../../walk/step.js';
import { hotspotsEffects } from './effects.js';
import { actionsChosen } from './actions.js';
import { askMailPaths, enterHotspots, hotspotsCommand, hotspotsResult, initialHotspots } from './state.js';
import { HotspotsScreen } from './view.js';

// Step 2, Hotspots: where the bytes and the entries sit; picks the path the next steps work on.
export const hotspotsStep: Step<'hotspots'> = {
  id: 'hotspots',
  label: 'Hotspots',
  short: 'Hot',
  initial: initialHotspots,
  start: askMailPaths,
  enter: enterHotspots,
  commands: (s, c, env) => hotspotsCommand(s, c, env.show),
  results: (s, a) => hotspotsResult(s, a),
  choose: actionsChosen,
  list: () => true,
  busy: (s) => isRunning(s.hotspots.scan),
  stop: (s) => stopSlice(s, 'hotspots', ['scan']),
  bindings: scopedTo(
    'hotspots',
    { command: 'sortBytes', keys: [charKey('s')], keyLabel: 's', bar: 'bytes', help: 'hotspots by bytes directly inside' },
    { command: 'sortEntries', keys: [charKey('C'), charKey('c')], keyLabel: 'C', bar: 'entries', help: 'hotspots by entries directly inside (a flooded queue)' },
    { command: 'largestFiles', keys: [charKey('f')], keyLabel: 'f', help: 'largest single files (a swollen mailbox)' },
    { command: 'mailPaths', keys: [charKey('m')], keyLabel: 'm', bar: 'mail paths', help: "known mail paths from Postfix's settings" },
    { command: 'actions', keys: [charKey('a')], keyLabel: 'a', bar: 'actions', help: 'what to do with the selected path' },
    SHARED_KEYS.goto,
    SHARED_KEYS.lookInside,
    SHARED_KEYS.evidence,
    SHARED_KEYS.purge,
    SHARED_KEYS.refresh,
  ),
  effects: hotspotsEffects,
  View: HotspotsScreen,
};
