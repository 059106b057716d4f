// Log text on a terminal: a log is data anyone could have written (a planted file, a recipient
// address), so control bytes and C1 codes become '?' rather than reach the terminal.
export function printable(line: string): string {
  return line.replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f]/g, '?');
}
