import { EventEmitter } from 'node:events';

// A terminal's stdin for Ink in-process: raw mode is recorded, keys are pushed by the test.
export class FakeStdin extends EventEmitter {
  isTTY = true;
  rawModes: boolean[] = [];
  private data: string | null = null;
  setRawMode(on: boolean) {
    this.rawModes.push(on);
    return this;
  }
  setEncoding() {}
  ref() {}
  unref() {}
  resume() {}
  pause() {}
  read() {
    const d = this.data;
    this.data = null;
    return d;
  }
  press(s: string) {
    this.data = s;
    this.emit('readable');
  }
}
