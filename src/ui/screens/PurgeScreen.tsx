import React from 'react';
import { Box, Text } from 'ink';
import { T, useTheme } from '../theme.js';
import { ProgressLine } from '../components/ProgressLine.js';
import { fmtBytes, fmtCount, fmtDuration, fmtMode, safeText } from '../format.js';
import { confirmationWord } from '../state/purge.js';
import type { PurgePlan, PurgeResult, TruncatePlan, TruncateResult } from '../ports.js';
import type { WalkState } from '../state/types.js';

// Step 5: the plan on screen before anything happens, the typed confirmation, live progress
// with rate and ETA, and the verification (owner, group, mode, label, postfix check).


// The plan of a purge as lines.
export function planLines(p: PurgePlan): string[] {
  const lines = [
    `Strategy:  ${p.strategy} - ${p.strategyReason}`,
    `Entries:   ${fmtCount(p.entries)}   Bytes: ${fmtBytes(p.bytes)}`,
    `Owner:     ${p.owner}:${p.group} (uid ${p.uid}, gid ${p.gid})   mode ${fmtMode(p.mode)}`,
    `SELinux:   ${p.selinuxLabel ?? 'no label'}`,
    `Postfix:   ${p.postfixRunning === null ? 'state unknown' : p.postfixRunning ? 'running' : 'stopped'}`,
  ];
  for (const w of p.warnings) lines.push(`Warning:   ${w}`);
  return lines;
}

// How a purge ended, with its verification, as lines.
export function resultLines(r: PurgeResult): string[] {
  const lines = [`${r.outcome === 'done' ? 'Done' : r.outcome === 'aborted' ? 'Stopped' : 'Failed'}: ${fmtCount(r.removed)} entries removed, ${fmtBytes(r.bytesFreed)} freed in ${fmtDuration(r.seconds)}${r.message ? ` (${r.message})` : ''}`];
  const v = r.verification;
  if (v) {
    lines.push(`Verified:  owner ${v.ownerOk ? 'ok' : 'WRONG'}, group ${v.groupOk ? 'ok' : 'WRONG'}, mode ${v.modeOk ? 'ok' : 'WRONG'}, label ${v.labelOk === null ? 'n/a' : v.labelOk ? 'ok' : 'WRONG'}`);
    if (v.postfixCheck) lines.push(`postfix check: ${v.postfixCheck.ran ? (v.postfixCheck.ok ? 'clean' : `problems: ${v.postfixCheck.output.split('\n')[0]}`) : 'not run'}`);
  }
  return lines;
}

// The plan of a truncate and, once run, how it ended, as lines.
export function truncateLines(p: TruncatePlan, r: TruncateResult | null): string[] {
  const lines = [
    `Size:      ${fmtBytes(p.sizeBytes)} -> 0, inode ${p.ino} kept (truncated in place)`,
    `Owner:     ${p.owner}:${p.group} (uid ${p.uid}, gid ${p.gid})   mode ${fmtMode(p.mode)} (kept)`,
    `Lock:      ${p.lock}`,
    `Evidence:  ${p.capture ? `captured ${p.capture.time}, sha256 ${p.capture.sha256.slice(0, 16)}...` : 'NOT captured yet (Evidence, step 4)'}`,
  ];
  if (p.lateBytes > 0) lines.push(`Warning:   ${fmtBytes(p.lateBytes)} arrived after the capture and would be lost uncaptured`);
  if (r) {
    lines.push(`${r.ok ? 'Done' : 'Failed'}: ${fmtBytes(r.sizeBefore)} -> ${fmtBytes(r.sizeAfter)}; inode, owner, mode ${r.kept ? 'kept' : 'CHANGED (check them)'}${r.recorded ? '; recorded in the incident file' : ''}`);
    if (r.message) lines.push(r.message);
  }
  return lines;
}

const Lines = ({ lines }: { lines: string[] }) => (
  <>
    {lines.map((l, i) => (
      <T key={i}>
        {l}
      </T>
    ))}
  </>
);

function DirPurge({ state, width }: { state: WalkState; width: number }) {
  const p = state.purge;
  const word = confirmationWord(p.target!.path);
  if (state.missing.purge) return <T tone="warn">{`Purge: ${state.missing.purge}. Nothing will be changed.`}</T>;
  if (p.run.status === 'running') {
    const g = p.run.progress;
    return (
      <Box flexDirection="column" width={width}>
        <T>Purging. Esc stops cleanly (the directory stays in place with its owner and mode).</T>
        <ProgressLine width={width} p={{ label: 'Removed', done: g?.removed ?? 0, total: g?.total ?? (p.plan.status === 'done' ? p.plan.value.entries : null), rate: g?.rate ?? null, etaSeconds: g?.etaSeconds ?? null, extra: `${fmtBytes(g?.bytesFreed ?? 0)} freed`, stopping: p.run.stopping }} />
      </Box>
    );
  }
  if (p.run.status === 'done') return <Lines lines={resultLines(p.run.value)} />;
  if (p.plan.status === 'running') return <T>{p.plan.stopping ? 'Stopping...' : `Making the plan: ${fmtCount(p.plan.progress ?? 0)} entries counted so far (Esc stops)`}</T>;
  if (p.plan.status === 'failed') return <T tone="error">{`No plan: ${p.plan.error}`}</T>;
  if (p.plan.status !== 'done') return <Text>No plan yet.</Text>;
  const plan = p.plan.value;
  return (
    <Box flexDirection="column" width={width}>
      <Lines lines={planLines(plan)} />
      <Text> </Text>
      {plan.refusal ? <T tone="warn">{`Refused: ${plan.refusal}. Nothing will be changed.`}</T> : <T tone="accent">{`Enter or p to purge: you will type '${word}' to confirm.`}</T>}
      {p.run.status === 'failed' ? <T tone="error">{`Purge failed: ${p.run.error}`}</T> : null}
    </Box>
  );
}

function FileTruncate({ state, width }: { state: WalkState; width: number }) {
  const p = state.purge;
  if (state.missing.truncate) return <T tone="warn">{`Truncate: ${state.missing.truncate}. Nothing will be changed.`}</T>;
  if (p.truncatePlan.status === 'failed') return <T tone="error">{`No plan: ${p.truncatePlan.error}`}</T>;
  if (p.truncatePlan.status !== 'done') return <Text>Making the plan...</Text>;
  const plan = p.truncatePlan.value;
  const result = p.truncateRun.status === 'done' ? p.truncateRun.value : null;
  return (
    <Box flexDirection="column" width={width}>
      <Lines lines={truncateLines(plan, result)} />
      <Text> </Text>
      {p.truncateRun.status === 'running' ? <Text>Truncating under the lock...</Text> : null}
      {plan.refusal ? <T tone="warn">{`Refused: ${plan.refusal}`}</T> : !result ? <T tone="accent">{`Enter or p to truncate: you will type '${confirmationWord(plan.target)}' to confirm.`}</T> : null}
    </Box>
  );
}

// The Purge/Truncate screen.
export function PurgeScreen({ state, width, show }: { state: WalkState; width: number; show: (p: string) => string }) {
  const theme = useTheme();
  const t = state.purge.target;
  if (!t) return <T>Nothing picked: choose a queue directory or a spool in Hotspots (2) first.</T>;
  return (
    <Box flexDirection="column" width={width}>
      <T bold>{`${t.kind === 'dir' ? 'Purge' : 'Truncate'} ${safeText(show(t.path), theme.ascii)}${t.tag ? ` (${t.tag})` : ''}`}</T>
      {t.kind === 'dir' ? <DirPurge state={state} width={width} /> : <FileTruncate state={state} width={width} />}
    </Box>
  );
}

