import { keysText } from './keys-messages.js';
import { COMMON_BINDINGS, rebound, barItems as barItemsOf, charKey, commandFor as commandOf, helpSections as sectionsOf, type BarItem, type Binding, type Command, type HelpSection, type InkKey, type Scope } from './keys.js';
import { SIDE_STEPS, WALK_STEPS, STEPS } from './steps/index.js';

// The one keymap of the walk: the keys every screen shares (keys.ts), each step's own keys
// (Step.bindings), and the keys that jump to steps, numbered from the registry. One rule for
// digits: they jump to a step from any screen or menu (never "pick entry"); lists and menus
// move with j/k and pick with Enter.

// The command that jumps to a numbered step (1-based) or to a side step.
function jumpCommand(step: string): Command {
  const n = WALK_STEPS.findIndex((s) => s.id === step);
  return n >= 0 ? `gotoStep${n + 1}` : `goto:${step}`;
}

function jumps(): Binding[] {
  const numbered = WALK_STEPS.map((s, i): Binding => ({
    command: jumpCommand(s.id),
    keys: [charKey(String(i + 1))],
    scopes: ['steps'],
    keyLabel: i === 0 ? `1-${WALK_STEPS.length}` : String(i + 1),
    get help() {
      return i === 0 ? keysText().jumpHelp : '';
    },
  }));
  const side = SIDE_STEPS.map((s): Binding => rebound(s.side!, { command: jumpCommand(s.id), keys: [...s.side!.keys] }));
  return [...numbered, ...side];
}

// Every binding of the walk.
/** @internal unit-tested on its own: test/ui/keys.test.ts */
export const BINDINGS: readonly Binding[] = [...COMMON_BINDINGS, ...STEPS.flatMap((s) => s.bindings), ...jumps()];

// Sections of the full help: shared keys, then each step's in the order of the registry (titles
// are made when help is drawn, in the language of the run).
function titles(): readonly (readonly [Scope, string])[] {
  const t = keysText();
  return [
    ['global', t.titleAnywhere],
    ['steps', t.titleSteps],
    ['list', t.titleLists],
    ...STEPS.map((s) => [s.id, s.helpTitle ?? s.label] as const),
    ['running', t.titleRunning],
    ['dialog', t.titleDialogs],
    ['help', t.titleHelp],
  ];
}

// The command a key press means in the active scopes, or undefined.
export function commandFor(input: string, key: InkKey, scopes: readonly Scope[]): Command | undefined {
  return commandOf(input, key, scopes, BINDINGS);
}

// The help bar's items for the active scopes.
export function barItems(scopes: readonly Scope[]): BarItem[] {
  return barItemsOf(scopes, BINDINGS);
}

// The full help.
export function helpSections(): HelpSection[] {
  return sectionsOf(BINDINGS, titles());
}

// Lines of the full help (titles included), for scrolling it.
export function helpLineCount(): number {
  return helpSections().reduce((n, s) => n + 1 + s.lines.length, 0);
}
