import type { TextInput } from './types.js';

// The prompt widget's reducer (its view is components/DangerConfirm.tsx, its keys come through
// the walk's one input hook): typing and erasing in the buffer. Pure.

// Longest text a prompt keeps (a paste beyond it is cut).
const MAX_TYPED = 4096;

// Text typed at the end of the buffer.
export function typedInto(input: TextInput, text: string): TextInput {
  return { ...input, buffer: (input.buffer + text).slice(0, MAX_TYPED) };
}

// The last character erased (a whole character, not half of a surrogate pair).
export function erased(input: TextInput): TextInput {
  return { ...input, buffer: [...input.buffer].slice(0, -1).join('') };
}
