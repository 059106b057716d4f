import type { Menu, Target, WalkState } from '../../walk/types.js';
import { go, markDone } from '../../walk/navigate.js';
import { hotspotsText } from './messages.js';

// What the operator can do with a path picked in Hotspots: the action menu and where each
// choice leads (the next steps, or Why for a mail log).

// Sets the path the next steps work on.
export function withTarget(state: WalkState, target: Target): WalkState {
  return markDone({ ...state, target }, 'hotspots');
}

// The action menu for a picked path: look inside, capture, purge or truncate.
export function actionsMenu(target: Target, show: (p: string) => string): Menu {
  const isDir = target.kind === 'dir';
  const t = hotspotsText();
  return {
    title: `${show(target.path)}${target.tag ? ` (${target.tag})` : ''}`,
    target,
    cursor: 0,
    owner: 'hotspots',
    items: [
      { label: isDir ? t.menuInsideDir : t.menuInsideFile, value: 'inside' },
      { label: t.menuEvidence, value: 'evidence' },
      ...(!isDir && /log/i.test(`${target.tag ?? ''} ${target.path}`) ? [{ label: t.menuWhy, value: 'why' }] : []),
      { label: isDir ? t.menuPurgeDir : t.menuTruncate, value: 'purge' },
      { label: t.menuCancel, value: 'cancel' },
    ],
  };
}

// Follows a choice of the action menu.
export function actionsChosen(state: WalkState, value: string): WalkState {
  const menu = state.menu;
  const s = { ...state, menu: null };
  if (!menu || value === 'cancel') return s;
  const t = withTarget(s, menu.target);
  if (value === 'inside') return go(t, 'inside');
  if (value === 'evidence') return go(t, 'evidence');
  if (value === 'purge') return go(t, 'purge');
  if (value === 'why') return go(t, 'why', { files: [menu.target.path] });
  return s;
}
