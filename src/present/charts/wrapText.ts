import type { TextMeasure } from './textMeasure.js';

/** Punctuation that may not begin a line (it closes what came before). */
const closing = new Set([...'，。、；：！？）》」』】〕〉…%’”,.;:!?)]}·']);
/** Punctuation that may not end a line (it opens what comes next). */
const opening = new Set([...'（《「『【〔〈‘“([{']);
/** Latin letters, digits and the signs inside figures: a run of them is one word (R&D, 2023, 8.06, +1.30). */
const wordChar = /[A-Za-z0-9&.+\-−/_%]/u;
/** A break after these (or before an opening bracket) reads naturally: it ends a phrase. */
const phraseEnd = new Set([...'，、；：。）》」』】,;:) \u3000']);

/** Units a line may break between: a Latin word or number, or one character, with punctuation held to its neighbour. */
function breakUnits(text: string): string[] {
  const units: string[] = [];
  let pendingOpen = '';
  for (const char of text) {
    const last = units.length - 1;
    if (closing.has(char) && last >= 0 && pendingOpen === '') units[last] += char;
    else if (opening.has(char)) pendingOpen += char;
    else if (wordChar.test(char) && pendingOpen === '' && last >= 0 && wordChar.test((units[last] ?? '').slice(-1))) units[last] += char;
    else {
      units.push(pendingOpen + char);
      pendingOpen = '';
    }
  }
  if (pendingOpen !== '') units.push(pendingOpen);
  return units;
}

/**
 * Breaks `text` into lines no wider than `maxWidth` as measured, the way
 * Chinese is set: between any two characters, but never inside a Latin word
 * or a number, never before a closing or after an opening punctuation mark,
 * and at the end of a phrase (、，：or before （) where that still fills most
 * of the line. A unit wider than the line is given a line of its own.
 *
 * @example
 * wrapText('国家和省级重点实验室、工程（技术）研究中心', 130, 11, measure);
 * // ['国家和省级重点实验室、', '工程（技术）研究中心']
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, measure: TextMeasure, bold = false): string[] {
  const width = (s: string) => measure(s, fontSize, bold);
  if (width(text) <= maxWidth) return [text];
  const units = breakUnits(text);
  const lines: string[] = [];
  let line: string[] = [];
  for (const unit of units) {
    if (line.length === 0 || width([...line, unit].join('').trimEnd()) <= maxWidth) {
      line.push(unit);
      continue;
    }
    // Prefer the last phrase end that still fills 60 % of the line.
    let cut = line.length;
    for (let i = line.length - 1; i > 0; i--) {
      const before = line[i - 1] ?? '';
      const after = line[i] ?? '';
      if ((phraseEnd.has(before.slice(-1)) || opening.has(after.charAt(0))) && width(line.slice(0, i).join('')) >= 0.6 * maxWidth) {
        cut = i;
        break;
      }
    }
    if (width([...line.slice(cut), unit].join('').trim()) > maxWidth) cut = line.length;
    lines.push(line.slice(0, cut).join('').trim());
    line = [...line.slice(cut), unit];
  }
  if (line.length > 0) lines.push(line.join('').trim());
  return lines.filter((l) => l !== '');
}
