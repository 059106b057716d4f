import React from 'react';
import { Box, Text } from 'ink';
import { T, useTheme } from '../../theme.js';
import { ListView } from '../../components/ListView.js';
import { safeText } from '../../format.js';
import { fitMiddle, padCell } from '../../../core/text/text-fit.js';
import { listRows } from '../../layout.js';
import { INSIDE_OVERHEAD, currentPage } from './state.js';
import type { DirScan, LsEntry, PathFacts } from '../../ports/index.js';
import { entryErrorText, kindChar } from '../../../core/listing/entry.js';
import type { WalkState } from '../../walk/types.js';
import { fmtBytes, fmtCount, fmtMode, fmtTime } from '../../../core/text/units.js';
import { insideText } from './messages.js';
import { displayWidth } from '../../../core/text/text-fit.js';

// Step 3: a page of the directory in readdir order (never sorted), counts and oldest/newest
// on demand; names always escaped.

// One entry as a row of at most `width` columns: type (as ls -l shows it), size, mtime, and the
// escaped name shortened in its middle, so its end (what tells queue files apart) stays visible.
function entryLine(e: LsEntry, width: number, ascii: boolean): string {
  const name = safeText(e.nameBytes ?? e.name, ascii) + (e.error !== undefined ? `  (${entryErrorText(e.error)})` : '');
  const head = `${kindChar(e.type)} ${padCell(fmtBytes(e.size), 9, 'right')}  ${padCell(fmtTime(e.mtimeMs), 16)}  `;
  return head + fitMiddle(name, Math.max(8, width - displayWidth(head)), ascii);
}

function factsLine(f: PathFacts, show: (p: string) => string, ascii: boolean): string {
  if (f.kind === 'missing') return f.error ?? insideText().missing(safeText(show(f.path), ascii));
  const who = `${f.owner ?? f.uid}:${f.group ?? f.gid}`;
  const size = f.kind === 'dir' ? insideText().dirItself(fmtBytes(f.sizeBytes)) : `${fmtBytes(f.sizeBytes)}`;
  return insideText().facts(f.kind, who, fmtMode(f.mode), size, fmtTime(f.mtimeMs));
}

function CountLine({ state }: { state: WalkState }) {
  const c = state.inside.count;
  if (c.status === 'running') return <T>{c.stopping ? insideText().countingStopping : insideText().counting(fmtCount(c.progress ?? 0))}</T>;
  if (c.status === 'done') return c.value.incomplete ? <T tone="warn">{insideText().countedThen(fmtCount(c.value.count), c.value.incomplete)}</T> : <T tone="accent">{insideText().countedAll(fmtCount(c.value.count))}</T>;
  if (c.status === 'aborted') return <T>{insideText().countStopped}</T>;
  if (c.status === 'failed') return <T tone="error">{insideText().countFailed(c.error)}</T>;
  return <T>{insideText().notCounted}</T>;
}

function OldestNewest({ state, width }: { state: WalkState; width: number }) {
  const theme = useTheme();
  const t = state.inside.oldestNewest;
  if (t.status === 'running') return <T>{t.stopping ? insideText().stopping : insideText().readingMtimes(fmtCount(t.progress ?? 0))}</T>;
  if (t.status === 'failed') return <T tone="error">{t.error}</T>;
  if (t.status !== 'done') return <T>{insideText().oldestHint}</T>;
  const { oldest, newest } = t.value;
  const cut = scanNote(t.value);
  return (
    <Box flexDirection="column" width={width}>
      <T bold>{insideText().oldest(oldest.length, cut)}</T>
      {oldest.map((e, i) => (
        <T key={`o${i}`}>{`  ${entryLine(e, width - 2, theme.ascii)}`}</T>
      ))}
      <T bold>{insideText().newest(newest.length)}</T>
      {newest.map((e, i) => (
        <T key={`n${i}`}>{`  ${entryLine(e, width - 2, theme.ascii)}`}</T>
      ))}
    </Box>
  );
}

// What limits a finished pass: entries that could not be dated, or why it stopped early.
function scanNote(r: DirScan): string {
  if (r.incomplete) return insideText().incomplete(r.incomplete);
  return r.undated ? insideText().undated(fmtCount(r.undated)) : '';
}

function pageInfo(state: WalkState, shown: number): string {
  const i = state.inside;
  if (i.loading.status === 'running' && shown === 0) return insideText().readingFirst;
  const first = i.page * listRows(state.rows, INSIDE_OVERHEAD);
  const more = i.done && i.page === i.firstPageNumber + i.pages.length - 1 ? insideText().endOfDirectory : insideText().nextPage;
  if (shown === 0) return i.done ? insideText().empty : '';
  return insideText().entries(fmtCount(first + 1), fmtCount(first + shown), more);
}

// The Look inside screen.
export function LookInsideScreen({ state, width, show }: { state: WalkState; width: number; show: (p: string) => string }) {
  const theme = useTheme();
  const i = state.inside;
  if (!i.target) return <T>{insideText().nothingPicked}</T>;
  const title = `${safeText(show(i.target.path), theme.ascii)}${i.target.tag ? ` (${i.target.tag})` : ''}`;
  const facts = i.facts.status === 'done' ? factsLine(i.facts.value, show, theme.ascii) : i.facts.status === 'failed' ? i.facts.error : insideText().reading;
  if (i.target.kind === 'file') {
    return (
      <Box flexDirection="column" width={width}>
        <T bold>{fitMiddle(title, width, theme.ascii)}</T>
        <T>{facts}</T>
        <Text> </Text>
        <T>{insideText().singleFile}</T>
      </Box>
    );
  }
  if (i.facts.status === 'done' && (i.facts.value.kind === 'symlink' || i.facts.value.kind === 'other' || i.facts.value.kind === 'missing')) {
    const what = i.facts.value.kind === 'symlink' ? insideText().symlink : i.facts.value.kind === 'missing' ? insideText().notThere : insideText().notDirectory;
    return (
      <Box flexDirection="column" width={width}>
        <T bold>{fitMiddle(title, width, theme.ascii)}</T>
        <T tone="warn">{insideText().thisIs(what)}</T>
        <T>{facts}</T>
      </Box>
    );
  }
  const page = currentPage(state);
  const rows = listRows(state.rows, INSIDE_OVERHEAD);
  const failed = i.loading.status === 'failed' ? i.loading.error : null;
  return (
    <Box flexDirection="column" width={width}>
      <T bold>{fitMiddle(title, width, theme.ascii)}</T>
      <T>{facts}</T>
      <CountLine state={state} />
      {i.showOldest ? (
        <OldestNewest state={state} width={width} />
      ) : (
        <>
          <T>{failed ? '' : pageInfo(state, page.length)}</T>
          {failed ? <T tone="error">{failed}</T> : <ListView items={page} cursor={i.cursor} height={rows} line={(e) => entryLine(e, width - 2, theme.ascii)} empty=" " />}
        </>
      )}
    </Box>
  );
}

