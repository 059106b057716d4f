import { keysText } from './keys-messages.js';

// The keymap as data, after ncdu: keys map to commands, commands go to the reducer, and the help
// bar and the full help screen are generated from this table so they never disagree with it.

// Commands every step may use; a step adds its own words to StepCommands from its folder.
type CommonCommand =
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
  | 'lookInside'
  | 'evidence'
  | 'purge'
  | 'refresh'
  | 'goto'
  | 'yes'
  | `gotoStep${number}`
  | `goto:${string}`;

// The commands of the steps (declaration merging: each step lists its own).
/** @public extended by each step's folder with `declare module`, which the unused-export check does not follow */
export interface StepCommands {
  /** Placeholder so the interface is never empty. */
  none: never;
}

// Everything a key can ask for.
export type Command = CommonCommand | Exclude<keyof StepCommands, 'none'>;

// Where a binding applies: always, in a list, while something runs, in a dialog, or on the
// screen of one step (its id).
export type Scope = 'global' | 'steps' | 'list' | 'running' | 'dialog' | 'menu' | 'help' | (string & {});

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

// The keys every screen shares, most specific scopes first (the first match wins); the steps add
// theirs (Step.bindings) and the registry the keys that jump to steps (keymap.ts joins them).
export const COMMON_BINDINGS: readonly Binding[] = [
  { command: 'interrupt', keys: [{ input: 'c', ctrl: true }], scopes: ['global', 'dialog', 'menu', 'help', 'running'], keyLabel: 'Ctrl-C', get help() { return keysText().interruptHelp; } },
  { command: 'cancel', keys: [named('escape')], scopes: ['dialog', 'menu'], keyLabel: 'Esc', get bar() { return keysText().cancelBar; }, get help() { return keysText().cancelHelp; } },
  { command: 'cancel', keys: [named('escape')], scopes: ['running'], keyLabel: 'Esc', get bar() { return keysText().stopBar; }, get help() { return keysText().stopHelp; } },
  { command: 'help', keys: [ch('?'), named('escape'), ch('q')], scopes: ['help'], keyLabel: '?/Esc/q', get bar() { return keysText().closeHelpBar; }, get help() { return keysText().closeHelpHelp; } },
  { command: 'yes', keys: [ch('y'), ch('Y')], scopes: ['dialog'], keyLabel: 'y', get help() { return keysText().yesHelp; } },
  { command: 'up', keys: [ch('k'), named('up')], scopes: ['list', 'help'], keyLabel: 'j/k/arrows', get help() { return keysText().moveHelp; } },
  { command: 'down', keys: [ch('j'), named('down')], scopes: ['list', 'help'], keyLabel: 'j/k/arrows', get help() { return keysText().moveHelp; } },
  { command: 'pageUp', keys: [named('pageUp'), ch('b')], scopes: ['list', 'help'], keyLabel: 'PgUp/b', get help() { return keysText().pageUpHelp; } },
  { command: 'pageDown', keys: [named('pageDown'), ch(' ')], scopes: ['list', 'help'], keyLabel: 'PgDn/Space', get bar() { return keysText().pageDownBar; }, barKeys: 'Space', barIn: ['inside'], get help() { return keysText().pageDownHelp; } },
  { command: 'home', keys: [named('home'), ch('g')], scopes: ['list'], keyLabel: 'Home/g', get help() { return keysText().homeHelp; } },
  { command: 'end', keys: [named('end'), ch('G')], scopes: ['list'], keyLabel: 'End/G', get help() { return keysText().endHelp; } },
  { command: 'open', keys: [named('return'), ch('l'), named('right')], scopes: ['list'], keyLabel: 'Enter', get bar() { return keysText().openBar; }, barIn: ['hotspots', 'inside'], get help() { return keysText().openHelp; } },
  { command: 'back', keys: [named('backspace'), ch('h'), named('left')], scopes: ['list'], keyLabel: 'h/Backspace/Left', get bar() { return keysText().backBar; }, barKeys: 'h', barIn: ['hotspots'], get help() { return keysText().backHelp; } },
  { command: 'nextStep', keys: [named('tab', false), ch(']')], scopes: ['global'], keyLabel: 'Tab/]', get bar() { return keysText().nextStepBar; }, barKeys: 'Tab', essential: true, get help() { return keysText().nextStepHelp; } },
  { command: 'prevStep', keys: [named('tab', true), ch('[')], scopes: ['global'], keyLabel: 'Shift-Tab/[', get help() { return keysText().prevStepHelp; } },
  { command: 'help', keys: [ch('?')], scopes: ['global'], keyLabel: '?', get bar() { return keysText().helpBar; }, essential: true, get help() { return keysText().helpHelp; } },
  { command: 'quit', keys: [ch('q')], scopes: ['global'], keyLabel: 'q', get bar() { return keysText().quitBar; }, essential: true, get help() { return keysText().quitHelp; } },
];

// Keys several steps share (acting on the selected path); a step takes the ones it needs with
// scopedTo(), so each step's keys are listed in its own folder.
export const SHARED_KEYS = {
  goto: { command: 'goto', keys: [ch('/')], keyLabel: '/', get help() { return keysText().gotoHelp; } },
  lookInside: { command: 'lookInside', keys: [ch('i')], keyLabel: 'i', get bar() { return keysText().insideBar; }, get help() { return keysText().insideHelp; } },
  evidence: { command: 'evidence', keys: [ch('e')], keyLabel: 'e', get bar() { return keysText().evidenceBar; }, get help() { return keysText().evidenceHelp; } },
  purge: { command: 'purge', keys: [ch('p'), ch('d')], keyLabel: 'p/d', get bar() { return keysText().purgeBar; }, get help() { return keysText().purgeHelp; } },
  refresh: { command: 'refresh', keys: [ch('r')], keyLabel: 'r', get bar() { return keysText().refreshBar; }, get help() { return keysText().refreshHelp; } },
} as const satisfies Record<string, Omit<Binding, 'scopes'>>;

// A copy of a binding with some fields changed. Its words are getters that ask the catalogue when
// help is drawn (the language is chosen after modules load), so they are copied as getters, not
// read now as a spread would.
export function rebound<B extends object, C extends object>(binding: B, changes: C): Omit<B, keyof C> & C {
  return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(binding), ...Object.getOwnPropertyDescriptors(changes) }) as Omit<B, keyof C> & C;
}

// Bindings that apply on one step's screen.
export function scopedTo(scope: Scope, ...bindings: Omit<Binding, 'scopes'>[]): Binding[] {
  return bindings.map((b) => rebound(b, { keys: [...b.keys], scopes: [scope] }));
}

// A key given as the character it types.
export const charKey = ch;
// A key given by its name (Enter, Esc...).
export const namedKey = named;

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
  /** The Delete key itself (ESC [3~), which Ink also reports as "delete", like Backspace's DEL. */
  forwardDelete?: boolean;
  tab?: boolean;
  ctrl?: boolean;
  shift?: boolean;
}

// Ink's flags to one key name. Most terminals send DEL (0x7f) for Backspace, which Ink calls
// "delete"; that is Backspace here, as in ncdu. The Delete key proper has no name: it must not
// go up a level.
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
  if (key.forwardDelete) return undefined;
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
export function commandFor(input: string, key: InkKey, scopes: readonly Scope[], bindings: readonly Binding[]): Command | undefined {
  const name = keyNameOf(key);
  for (const scope of scopes) {
    for (const b of bindings) {
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
export function barItems(scopes: readonly Scope[], bindings: readonly Binding[]): BarItem[] {
  const out: BarItem[] = [];
  const seen = new Set<string>();
  const screen = scopes.find((s) => s !== 'running' && s !== 'list');
  for (const scope of scopes) {
    for (const b of bindings) {
      if (!b.bar || !b.scopes.includes(scope) || seen.has(b.bar)) continue;
      if (b.barIn && !b.barIn.some((s) => s === screen || s === scope)) continue;
      seen.add(b.bar);
      out.push({ keys: b.barKeys ?? b.keyLabel, label: b.bar, essential: !!b.essential });
    }
  }
  return out;
}

// One section of the full help.
export interface HelpSection {
  title: string;
  lines: { keys: string; help: string }[];
}

// Full help: one line per binding with a help text, grouped under the titled scopes in order
// (a help text shared by several bindings is listed once, where it first appears).
export function helpSections(bindings: readonly Binding[], titles: readonly (readonly [Scope, string])[]): HelpSection[] {
  const sections: HelpSection[] = [];
  const seen = new Set<string>();
  for (const [scope, title] of titles) {
    const lines: { keys: string; help: string }[] = [];
    for (const b of bindings) {
      if (!b.help || seen.has(b.help) || !b.scopes.includes(scope)) continue;
      seen.add(b.help);
      lines.push({ keys: b.keyLabel, help: b.help });
    }
    if (lines.length) sections.push({ title, lines });
  }
  return sections;
}
