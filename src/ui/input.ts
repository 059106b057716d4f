import { useEffect, useRef } from 'react';
import { useInput, useStdin } from 'ink';
import type { Action } from './walk/requests.js';

// The Delete key's sequences (ESC [3~ and its modified forms, ESC [3;5~): Ink names them "delete"
// like the DEL byte Backspace sends, and only the raw sequence tells them apart.
const DELETE_KEY = /^\u001b\[3(;\d+)?[~$^]$/;

// The walk's one input hook: every key goes to the reducer as it came, and the keymap (read
// against the state the key arrives in) decides what it means for the list, menu, prompt or
// step on screen. Widgets have no input hooks of their own, so one key never means two things.
export function useWalkInput(dispatch: (a: Action) => void): void {
  const { internal_eventEmitter: events } = useStdin();
  const raw = useRef('');
  // Registered before useInput's own listener, so the raw sequence is known when the key arrives.
  useEffect(() => {
    const remember = (data: string | Buffer) => {
      raw.current = String(data);
    };
    events?.on('input', remember);
    return () => void events?.off('input', remember);
  }, [events]);
  useInput((input, key) => dispatch({ type: 'key', input, key: key.delete && DELETE_KEY.test(raw.current) ? { ...key, forwardDelete: true } : key }));
}
