import { SHARED_KEYS, charKey, scopedTo } from '../../keys.js';
import { isRunning, stopSlice } from '../../walk/tasks.js';
import type { Step } from '../../walk/step.js';
import { stepWords } from '../step-words.js';
import { hotspotsEffects } from './effects.js';
import { actionsChosen } from './actions.js';
import { askMailPaths, enterHotspots, hotspotsCommand, hotspotsResult, initialHotspots } from './state.js';
import { HotspotsScreen } from './view.js';
import { hotspotsText } from './messages.js';

// Step 2, Hotspots: where the bytes and the entries sit; picks the path the next steps work on.
export const hotspotsStep: Step<'hotspots'> = stepWords(hotspotsText, {
  id: 'hotspots',
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
    { command: 'sortBytes', keys: [charKey('s')], keyLabel: 's', get bar() { return hotspotsText().bytesBar; }, get help() { return hotspotsText().bytesHelp; } },
    { command: 'sortEntries', keys: [charKey('C'), charKey('c')], keyLabel: 'C', get bar() { return hotspotsText().entriesBar; }, get help() { return hotspotsText().entriesHelp; } },
    { command: 'largestFiles', keys: [charKey('f')], keyLabel: 'f', get help() { return hotspotsText().filesHelp; } },
    { command: 'mailPaths', keys: [charKey('m')], keyLabel: 'm', get bar() { return hotspotsText().mailBar; }, get help() { return hotspotsText().mailHelp; } },
    { command: 'actions', keys: [charKey('a')], keyLabel: 'a', get bar() { return hotspotsText().actionsBar; }, get help() { return hotspotsText().actionsHelp; } },
    SHARED_KEYS.goto,
    SHARED_KEYS.lookInside,
    SHARED_KEYS.evidence,
    SHARED_KEYS.purge,
    SHARED_KEYS.refresh,
  ),
  effects: hotspotsEffects,
  View: HotspotsScreen,
});
