import { displayWidth, wrapText } from '../core/text/text-fit.js';

// Japanese is written without spaces and may break between any two characters, except before a
// closing mark (、。）」) or after an opening one (（「): wrapping only at spaces would leave a
// sentence on one overlong line or break it at the one ASCII word inside.
const JAPANESE = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/u;
const PIECE = /( +)|([（「『]*(?:[!-~]+|[^ !-~])[、。，．）」』：ー]*)/gu;

// Prose wrapped to `width` columns, continuation lines starting with `indent`: English as
// wrapText does it (at spaces), Japanese also between characters.
export function wrapProse(text: string, width: number, indent = ''): string[] {
  if (!JAPANESE.test(text)) return wrapText(text, width, indent);
  const out: string[] = [];
  let line = '';
  let gap = '';
  for (const [piece, space] of text.matchAll(PIECE)) {
    if (space) {
      gap = space;
      continue;
    }
    const started = line !== '' && line !== indent;
    if (started && displayWidth(line + gap + piece) > width) {
      out.push(line);
      line = indent + piece;
    } else line += (started ? gap : '') + piece;
    gap = '';
  }
  out.push(line);
  return out;
}
