// A minimal terminal for tests: applies the sequences the frame writer uses (cursor position,
// cursor forward, erase to end of line, clear screen) to a grid, so a test can check that the
// bytes sent reproduce the frame exactly. Anything else it meets is an error.
export class ScreenModel {
  private grid: string[][];
  private r = 0;
  private c = 0;
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    this.grid = Array.from({ length: rows }, () => Array(columns).fill(' '));
  }

  // Applies bytes written to the terminal.
  apply(data: string): void {
    for (let i = 0; i < data.length; i++) {
      const ch = data[i];
      if (ch === '\u001b') {
        const m = /^\u001b\[(\??)([0-9;]*)([A-Za-z])/.exec(data.slice(i, i + 16));
        if (!m) throw new Error(`unknown escape at ${i}: ${JSON.stringify(data.slice(i, i + 10))}`);
        i += m[0].length - 1;
        const args = m[2].split(';').map((x) => Number(x || '0'));
        if (m[1] === '?') continue;
        if (m[3] === 'H') {
          this.r = Math.max(1, args[0] || 1) - 1;
          this.c = Math.max(1, args[1] || 1) - 1;
        } else if (m[3] === 'C') this.c += Math.max(1, args[0] || 1);
        else if (m[3] === 'K') for (let x = this.c; x < this.columns; x++) this.grid[this.r][x] = ' ';
        else if (m[3] === 'J') this.grid = Array.from({ length: this.rows }, () => Array(this.columns).fill(' '));
        else throw new Error(`unsupported sequence ${JSON.stringify(m[0])}`);
        continue;
      }
      if (ch === '\r') this.c = 0;
      else if (ch === '\n') this.r = Math.min(this.rows - 1, this.r + 1);
      else {
        if (this.c < this.columns) this.grid[this.r][this.c] = ch;
        this.c++;
      }
    }
  }

  // The screen as text, trailing blanks trimmed per row.
  text(): string {
    return this.grid.map((row) => row.join('').replace(/\s+$/, '')).join('\n');
  }
}
