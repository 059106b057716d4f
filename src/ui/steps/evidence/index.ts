import { SHARED_KEYS, charKey, scopedTo } from '../../keys.js';
import { sliceRunning, stopSlice } from '../../walk/tasks.js';
import type { Step } from '../../walk/step.js';
import { stepWords } from '../step-words.js';
import { choiceValues, enterEvidence, evidenceChosen, evidenceCommand, evidenceResult, incidentPathTyped, initialEvidence } from './state.js';
import { EvidenceScreen } from './view.js';
import { evidenceText } from './messages.js';

// Step 4, Evidence: where the incident file goes, then the capture and the walk's own record.
export const evidenceStep: Step<'evidence'> = stepWords(evidenceText, {
  id: 'evidence',
  initial: initialEvidence,
  enter: enterEvidence,
  commands: (s, c) => evidenceCommand(s, c),
  results: (s, a) => evidenceResult(s, a),
  submit: { 'incident-path': (s, typed) => incidentPathTyped(s, typed) },
  choose: evidenceChosen,
  list: (s) => choiceValues(s).length > 0,
  busy: (s) => sliceRunning(s, 'evidence', ['capture']),
  stop: (s) => stopSlice(s, 'evidence', ['capture']),
  bindings: scopedTo(
    'evidence',
    { command: 'showAll', keys: [charKey('A')], keyLabel: 'A', get bar() { return evidenceText().allBar; }, get help() { return evidenceText().allHelp; } },
    SHARED_KEYS.lookInside,
    SHARED_KEYS.purge,
  ),
  effects: (ports) => ({
    handlers: {
      destinations: (req) => ports.evidence.destinations({ report: req.report, troubled: req.troubled, source: req.source, fileName: req.fileName }),
      capture: (req, { signal, progress }) => ports.evidence.capture.run(req.request, { signal, onProgress: progress }),
      record: (req) => ports.evidence.record(req.file, req.title, req.markdown),
    },
  }),
  View: EvidenceScreen,
});
