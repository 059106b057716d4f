import { EventEmitter } from 'node:events';
import { terminalFrame } from '../../core/text/terminal-text.js';

// The stdout Ink renders into (in debug mode Ink writes each whole frame here): it forwards
// frames to the FrameWriter and tells Ink the real terminal's size.
export class FrameSink extends EventEmitter {
  readonly isTTY = false;
  constructor(
    public columns: number,
    public rows: number,
    private readonly onFrame: (frame: string) => void,
  ) {
    super();
  }

  // Ink's write: one complete frame; a name inside it cannot put a raw control byte on the terminal.
  write(data: string | Uint8Array): boolean {
    this.onFrame(terminalFrame(typeof data === 'string' ? data : Buffer.from(data).toString('utf8')));
    return true;
  }

  // New terminal size; Ink lays out again on 'resize'.
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}
