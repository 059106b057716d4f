import React, { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Box, Text, useApp } from 'ink';
import { useWalkInput } from './input.js';
import type { Ports } from './ports/index.js';
import { LineWidth, ThemeProvider, T, type Theme } from './theme.js';
import { bodyRows, tooSmall } from './layout.js';
import { safeText } from './format.js';
import { createRunner, type Runner, type RunnerOptions } from './effects/runner.js';
import { createReducer } from './reducer.js';
import { initialState } from './initial.js';
import { activeScopes } from './scopes.js';
import { stepOf } from './steps/index.js';
import type { WalkState } from './walk/types.js';
import { StepLine } from './components/StepLine.js';
import { HelpBar } from './components/HelpBar.js';
import { HelpScreen } from './components/HelpScreen.js';
import { DangerConfirm } from './components/DangerConfirm.js';
import { Menu } from './components/Menu.js';
import { TooSmall } from './components/TooSmall.js';
import { walkText } from './messages.js';

// The guided walk as one Ink component: a pure reducer holds the state, one input hook turns
// every key into an action (the keymap decides what it means), the runner performs the
// reducer's requests through the steps' effects; the screen is the current step's View.

export interface WalkAppProps {
  ports: Ports;
  theme: Theme;
  columns: number;
  rows: number;
  runner?: RunnerOptions;
  /** Fires when the walk ends or is asked to (Ctrl-C outside the walk, SIGTERM). */
  signal?: AbortSignal;
  /** Sees every state (the entry point remembers the incident file for crash messages). */
  onState?: (s: WalkState) => void;
  /** Receives the runner once (the entry point waits for stopped tasks to settle on exit). */
  onRunner?: (r: Runner) => void;
}

// Proposed incident file name: host and start time, safe in any directory, and a random tag so
// another user cannot plant the file in /dev/shm in advance (the sink refuses it anyway).
function incidentNameFor(hostname: string, at: Date, tag?: string): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}`;
  return `spoolrescue-incident-${hostname.replace(/[^A-Za-z0-9.-]/g, '_') || 'host'}-${stamp}${tag ? `-${tag.replace(/[^A-Za-z0-9]/g, '')}` : ''}.md`;
}

function Screen({ state, width, height, show }: { state: WalkState; width: number; height: number; show: (p: string) => string }) {
  if (state.helpOpen) return <HelpScreen width={width} height={height} top={state.helpTop} />;
  if (state.menu) return <Menu title={state.menu.title} items={state.menu.items} cursor={state.menu.cursor} width={width} />;
  const { View } = stepOf(state.step);
  return <View state={state} width={width} height={height} show={show} />;
}

function contextLine(state: WalkState, ports: Ports, theme: Theme): string {
  const where = ports.session.root ? ` --root ${safeText(ports.session.root, theme.ascii)}` : '';
  const target = state.target ? walkText().target(safeText(ports.session.show(state.target.path), theme.ascii)) : '';
  return walkText().context(safeText(ports.session.hostname, theme.ascii), where, theme.serial, target);
}

// The walk.
export function WalkApp(props: WalkAppProps) {
  const { ports, theme, columns, rows } = props;
  const { exit } = useApp();
  const env = useMemo(() => ({ show: ports.session.show, resolve: ports.session.resolve }), [ports]);
  const reducer = useMemo(() => createReducer(env), [env]);
  const [state, dispatch] = useReducer(reducer, undefined, () =>
    initialState({ columns, rows, incidentName: incidentNameFor(ports.session.hostname, ports.session.now(), ports.session.uniqueTag?.()) }),
  );
  const [runner] = useState(() => {
    const r = createRunner(ports, dispatch, props.runner);
    props.onRunner?.(r);
    return r;
  });
  const lastRun = useRef(0);

  useEffect(() => () => runner.dispose(), [runner]);
  useEffect(() => {
    const fresh = state.requests.filter((r) => r.token > lastRun.current);
    if (!state.requests.length) return;
    for (const r of fresh) runner.run(r);
    lastRun.current = Math.max(lastRun.current, ...state.requests.map((r) => r.token));
    dispatch({ type: 'requestsTaken', upTo: lastRun.current });
  }, [state.requests, runner]);
  useEffect(() => {
    if (state.columns !== columns || state.rows !== rows) dispatch({ type: 'resize', columns, rows });
  }, [columns, rows, state.columns, state.rows]);
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);
  useEffect(() => {
    const signal = props.signal;
    if (!signal) return;
    const stop = () => dispatch({ type: 'stopAll' });
    if (signal.aborted) stop();
    signal.addEventListener('abort', stop);
    return () => signal.removeEventListener('abort', stop);
  }, [props.signal]);
  useEffect(() => {
    props.onState?.(state);
  }, [state, props.onState]);

  useWalkInput(dispatch);

  if (tooSmall(columns, rows)) {
    return (
      <ThemeProvider theme={theme}>
        <TooSmall columns={columns} rows={rows} />
      </ThemeProvider>
    );
  }
  const body = bodyRows(rows);
  const dialog = state.input ? 5 : 0;
  const notice = state.question ? { text: state.question.question, tone: 'warn' as const } : state.notice;
  return (
    <ThemeProvider theme={theme}>
      <LineWidth width={columns}>
      <Box flexDirection="column" width={columns} height={Math.max(rows, 1)} overflow="hidden">
        <StepLine step={state.step} marks={state.marks} width={columns} />
        <T>{contextLine(state, ports, theme)}</T>
        <Box flexDirection="column" height={body - dialog} overflow="hidden">
          <Screen state={state} width={columns} height={body - dialog} show={env.show} />
        </Box>
        {state.input ? <DangerConfirm input={state.input} width={columns} /> : null}
        <Box height={1}>{notice ? <T tone={notice.tone === 'info' ? 'accent' : notice.tone}>{notice.text}</T> : <Text> </Text>}</Box>
        <HelpBar scopes={activeScopes(state)} width={columns - 1} />
      </Box>
      </LineWidth>
    </ThemeProvider>
  );
}
