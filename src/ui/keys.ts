// The keymap as data, after ncdu: keys map to commands, commands go to the reducer, and the help
// bar and the full help screen are generated from this table so they never disagree with it.

// Everything a key can ask for.
export type Command =
  | 'up'
  | 'down'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'open'
  | 'back'
  | 'quit'
  | 'help'
  | 'cancel'
  | 'interrupt'
  | 'nextStep'
  | 'prevStep'
  | 'gotoStep1'
  | 'gotoStep2'
  | 'gotoStep3'
  | 'gotoStep4'
  | 'gotoStep5'
  | 'gotoStep6'
  | 'actions'
  | 'lookInside'
  | 'evidence'
  | 'purge'
  | 'sortBytes'
  | 'sortEntries'
  | 'largestFiles'
  | 'mailPaths'
  | 'refresh'
  | 'count'
  | 'oldestNewest'
  | 'goto'
  | 'showAll'
  | 'why'
  | 'whyDays'
  | 'whyIds'
  | 'yes';

// Where a binding applies: always, in a screen, while something runs, in a dialog.
export type Scope = 'global' | 'steps' | 'list' | 'disks' | 'hotspots' | 'inside' | 'evidence' | 'purge' | 'summary' | 'why' | 'running' | 'dialog' | 'menu' | 'help';

// Named keys, normalised from Ink's Key flags.
export type KeyName = 'up' | 'down' | 'left' | 'right' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'backspace' | 'tab';

// One way to press a command: a character, or a named key, with modifiers.
export interface KeySpec {
  input?: string;
  name?: KeyName;
  ctrl?: boolean;
  shift?: boolean;
}

// A command, its keys, where it applies, and how help shows it.
export interface Binding {
  command: Command;
  keys: KeySpec[];
  scopes: Scope[];
  /** Keys as help shows them ("j/k/arrows"). */
  keyLabel: string;
  /** Short word for the help bar; bindings without one appear only in full help. */
  bar?: string;
  /** Keys as the help bar shows them, when shorter than keyLabel. */
  barKeys?: string;
  /** Screens whose help bar shows it (default: every scope of the binding). */
  barIn?: Scope[];
  /** Always on the help bar, at its end (help, quit, next step). */
  essential?: boolean;
  /** One line for the full help. */
  help: string;
}

const ch = (input: string): KeySpec => ({ input });
const named = (name: KeyName, shift?: boolean): KeySpec => ({ name, shift });

// The whole keymap, most specific scopes first (the first match wins).
export const BINDINGS: readonly Binding[] = [
  { command: 'interrupt', keys: [{ input: 'c', ctrl: true }], scopes: ['global', 'dialog', 'menu', 'help', 'running'], keyLabel: 'Ctrl-C', help: 'stop what is running; when nothing runs, quit' },
  { command: 'cancel', keys: [named('escape')], scopes: ['dialog', 'menu'], keyLabel: 'Esc', bar: 'cancel', help: 'cancel the dialog or menu (nothing is done)' },
  { command: 'cancel', keys: [named('escape')], scopes: ['running'], keyLabel: 'Esc', bar: 'stop', help: 'stop the running scan, count, capture or purge cleanly' },
  { command: 'help', keys: [ch('?'), named('escape'), ch('q')], scopes: ['help'], keyLabel: '?/Esc/q', bar: 'close help', help: 'close this help (j/k and PgUp/PgDn scroll it)' },
  { command: 'yes', keys: [ch('y'), ch('Y')], scopes: ['dialog'], keyLabel: 'y', help: 'answer yes to a yes/no question (default is no)' },
  { command: 'open', keys: [named('return')], scopes: ['disks'], keyLabel: 'Enter', bar: 'scan it', help: 'scan the selected filesystem for hotspots' },
  { command: 'open', keys: [named('return')], scopes: ['summary'], keyLabel: 'Enter', bar: 'review fix', help: 'review the fix of the selected finding; Enter again asks you to type its code, then applies it' },
  { command: 'cancel', keys: [named('escape')], scopes: ['summary'], keyLabel: 'Esc', help: 'close the review of a fix (nothing is changed)' },
  { command: 'open', keys: [named('return')], scopes: ['purge'], keyLabel: 'Enter/p', bar: 'purge', help: 'purge or truncate: asks you to type the name first' },
  { command: 'up', keys: [ch('k'), named('up')], scopes: ['list', 'help'], keyLabel: 'j/k/arrows', help: 'move the cursor down/up' },
  { command: 'down', keys: [ch('j'), named('down')], scopes: ['list', 'help'], keyLabel: 'j/k/arrows', help: 'move the cursor down/up' },
  { command: 'pageUp', keys: [named('pageUp'), ch('b')], scopes: ['list', 'help'], keyLabel: 'PgUp/b', help: 'previous page' },
  { command: 'pageDown', keys: [named('pageDown'), ch(' '), ch('n')], scopes: ['list', 'help'], keyLabel: 'PgDn/Space/n', bar: 'next page', barKeys: 'n', barIn: ['inside'], help: 'next page (Look inside reads further into the directory)' },
  { command: 'home', keys: [named('home'), ch('g')], scopes: ['list'], keyLabel: 'Home/g', help: 'first row' },
  { command: 'end', keys: [named('end'), ch('G')], scopes: ['list'], keyLabel: 'End/G', help: 'last row' },
  { command: 'open', keys: [named('return'), ch('l'), named('right')], scopes: ['list'], keyLabel: 'Enter', bar: 'open', barIn: ['hotspots', 'inside'], help: 'open: pick the filesystem, drill into the directory, choose' },
  { command: 'back', keys: [named('backspace'), ch('h'), named('left')], scopes: ['list'], keyLabel: 'h/Backspace/Left', bar: 'up', barKeys: 'h', barIn: ['hotspots'], help: 'go up to the parent directory' },
  { command: 'sortBytes', keys: [ch('s')], scopes: ['hotspots'], keyLabel: 's', bar: 'bytes', help: 'hotspots by bytes directly inside' },
  { command: 'sortEntries', keys: [ch('C'), ch('c')], scopes: ['hotspots'], keyLabel: 'C', bar: 'entries', help: 'hotspots by entries directly inside (a flooded queue)' },
  { command: 'largestFiles', keys: [ch('f')], scopes: ['hotspots'], keyLabel: 'f', help: 'largest single files (a swollen mailbox)' },
  { command: 'mailPaths', keys: [ch('m')], scopes: ['hotspots'], keyLabel: 'm', bar: 'mail paths', help: "known mail paths from Postfix's settings" },
  { command: 'actions', keys: [ch('a')], scopes: ['hotspots'], keyLabel: 'a', bar: 'actions', help: 'what to do with the selected path' },
  { command: 'count', keys: [ch('c')], scopes: ['inside'], keyLabel: 'c', bar: 'count', help: 'count every entry (streams the whole directory)' },
  { command: 'oldestNewest', keys: [ch('o')], scopes: ['inside'], keyLabel: 'o', bar: 'oldest/newest', help: 'the oldest and newest entries by mtime' },
  { command: 'goto', keys: [ch('/')], scopes: ['hotspots', 'inside'], keyLabel: '/', help: 'type a path to look inside' },
  { command: 'showAll', keys: [ch('A')], scopes: ['evidence'], keyLabel: 'A', bar: 'all filesystems', help: 'also offer filesystems that are troubled or too full' },
  { command: 'lookInside', keys: [ch('i')], scopes: ['hotspots', 'evidence', 'purge'], keyLabel: 'i', bar: 'inside', help: 'look inside the selected directory' },
  { command: 'evidence', keys: [ch('e')], scopes: ['hotspots', 'inside', 'purge'], keyLabel: 'e', bar: 'evidence', help: 'capture evidence of the selected path' },
  { command: 'purge', keys: [ch('p')], scopes: ['hotspots', 'inside', 'evidence', 'purge'], keyLabel: 'p', bar: 'purge', help: 'purge the directory or truncate the spool (plan first)' },
  { command: 'why', keys: [ch('w')], scopes: ['disks', 'hotspots'], keyLabel: 'w', bar: 'why', help: 'why the disk filled: analyse the mail log (step Why)' },
  { command: 'whyDays', keys: [ch('d')], scopes: ['why'], keyLabel: 'd', bar: 'days', help: 'list the days (Enter: processes and retries of that day)' },
  { command: 'whyIds', keys: [ch('u')], scopes: ['why'], keyLabel: 'u', bar: 'queue IDs', help: 'list the most retried queue IDs (Enter: attempts per day)' },
  { command: 'cancel', keys: [named('escape')], scopes: ['why'], keyLabel: 'Esc', bar: 'back', help: 'back to the list, then to the step you came from' },
  { command: 'refresh', keys: [ch('r')], scopes: ['disks', 'hotspots', 'summary', 'why'], keyLabel: 'r', bar: 'refresh', help: 'read again (disks, scan, summary)' },
  { command: 'nextStep', keys: [named('tab', false), ch(']')], scopes: ['global'], keyLabel: 'Tab/]', bar: 'next step', barKeys: 'Tab', essential: true, help: 'next step (a step left undone is marked skipped)' },
  { command: 'prevStep', keys: [named('tab', true), ch('[')], scopes: ['global'], keyLabel: 'Shift-Tab/[', help: 'previous step' },
  { command: 'gotoStep1', keys: [ch('1')], scopes: ['steps'], keyLabel: '1-6', help: 'go to a step by number (revisit or skip ahead)' },
  { command: 'gotoStep2', keys: [ch('2')], scopes: ['steps'], keyLabel: '2', help: '' },
  { command: 'gotoStep3', keys: [ch('3')], scopes: ['steps'], keyLabel: '3', help: '' },
  { command: 'gotoStep4', keys: [ch('4')], scopes: ['steps'], keyLabel: '4', help: '' },
  { command: 'gotoStep5', keys: [ch('5')], scopes: ['steps'], keyLabel: '5', help: '' },
  { command: 'gotoStep6', keys: [ch('6')], scopes: ['steps'], keyLabel: '6', help: '' },
  { command: 'help', keys: [ch('?')], scopes: ['global'], keyLabel: '?', bar: 'help', essential: true, help: 'full help' },
  { command: 'quit', keys: [ch('q')], scopes: ['global'], keyLabel: 'q', bar: 'quit', essential: true, help: 'quit (asks first while a purge runs)' },
];

// The subset of Ink's Key flags the keymap reads.
export interface InkKey {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  backspace?: boolean;
  delete?: boolean;
  tab?: boolean;
  ctrl?: boolean;
  shift?: boolean;
}

// Ink's flags to one key name. Most terminals send DEL (0x7f) for Backspace, which Ink calls
// "delete"; both mean Backspace here, as in ncdu.
export function keyNameOf(key: InkKey): KeyName | undefined {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageUp';
  if (key.pageDown) return 'pageDown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'return';
  if (key.escape) return 'escape';
  if (key.backspace || key.delete) return 'backspace';
  if (key.tab) return 'tab';
  return undefined;
}

function matches(spec: KeySpec, input: string, name: KeyName | undefined, key: InkKey): boolean {
  if (spec.ctrl && !key.ctrl) return false;
  if (!spec.ctrl && key.ctrl) return false;
  if (spec.name) return spec.name === name && (spec.shift === undefined || spec.shift === !!key.shift);
  return name === undefined && spec.input === input;
}

// The command a key press means in the active scopes, or undefined.
export function commandFor(input: string, key: InkKey, scopes: readonly Scope[]): Command | undefined {
  const name = keyNameOf(key);
  for (const scope of scopes) {
    for (const b of BINDINGS) {
      if (!b.scopes.includes(scope)) continue;
      if (b.keys.some((k) => matches(k, input, name, key))) return b.command;
    }
  }
  return undefined;
}

// One help bar item.
export interface BarItem {
  keys: string;
  label: string;
  essential: boolean;
}

// The help bar's items for the active scopes, most specific first, one per label; the first
// scope is the screen's, which decides the barIn filters.
export function barItems(scopes: readonly Scope[]): BarItem[] {
  const out: BarItem[] = [];
  const seen = new Set<string>();
  const screen = scopes.find((s) => s !== 'running' && s !== 'list');
  for (const scope of scopes) {
    for (const b of BINDINGS) {
      if (!b.bar || !b.scopes.includes(scope) || seen.has(b.bar)) continue;
      if (b.barIn && !b.barIn.some((s) => s === screen || s === scope)) continue;
      seen.add(b.bar);
      out.push({ keys: b.barKeys ?? b.keyLabel, label: b.bar, essential: !!b.essential });
    }
  }
  return out;
}

// Full help: one line per binding with a help text, grouped by scope title.
export function helpSections(): { title: string; lines: { keys: string; help: string }[] }[] {
  const titles: [Scope, string][] = [
    ['global', 'Anywhere'],
    ['steps', 'Steps'],
    ['list', 'Lists'],
    ['disks', 'Disks'],
    ['hotspots', 'Hotspots'],
    ['inside', 'Look inside'],
    ['evidence', 'Evidence'],
    ['purge', 'Purge / truncate'],
    ['why', 'Why (mail log)'],
    ['summary', 'Summary'],
    ['running', 'While something runs'],
    ['dialog', 'Dialogs and menus'],
    ['help', 'This help'],
  ];
  const used = new Set<Binding>();
  const sections: { title: string; lines: { keys: string; help: string }[] }[] = [];
  for (const [scope, title] of titles) {
    const lines: { keys: string; help: string }[] = [];
    for (const b of BINDINGS) {
      if (!b.help || used.has(b) || !b.scopes.includes(scope)) continue;
      if (lines.some((l) => l.help === b.help)) {
        used.add(b);
        continue;
      }
      used.add(b);
      lines.push({ keys: b.keyLabel, help: b.help });
    }
    if (lines.length) sections.push({ title, lines });
  }
  return sections;
}

// Lines of the full help (titles included), for scrolling it.
export function helpLineCount(): number {
  return helpSections().reduce((n, s) => n + 1 + s.lines.length, 0);
}
