import type { Qualifier } from './quantityQualifiers.js';
import { aspirationWords, cumulativeMarkers, qualifiersAfter, qualifiersBefore, qualifiersInside } from './quantityQualifiers.js';
import type { Scale, UnitKind } from './quantityUnits.js';
import { quantityUnits, scaleWords } from './quantityUnits.js';
import { subjectAfter, subjectBefore } from './quantitySubject.js';
import { chineseNumeralChars, readChineseNumeral } from './readChineseNumeral.js';
import { toHalfWidth } from '../check/halfWidth.js';

/** A number a plan's text states, with what it counts and how it is bounded. */
export interface Quantity {
  /** statedValue × scale, in `unit`: 0.7万人 is 7000 人, 2.5亿元 is 250000000 元. */
  value: number;
  /** The base unit, without 万/亿: 人, 元, 家, 场次, %. */
  unit: string;
  /** The number as written, read as a number: 0.7 for 0.7万人, 20 for 二十家. */
  statedValue: number;
  /** The unit as written, with its scale word: 万人, 亿元. */
  statedUnit: string;
  /** 1e4 for 万, 1e8 for 亿, else 1. */
  scale: Scale;
  /** How the number bounds the result; undefined when the text says nothing. */
  qualifier: Qualifier | undefined;
  /** For a written range (1-2家): its upper end, in `unit`; `value` is then the lower end. */
  upperValue?: number;
  /** For a written range: its upper end as written (2 for 1-2万人), like `statedValue`. */
  statedUpperValue?: number;
  /**
   * True when the number is a running total for the year or a level on the
   * milestone's date (累计, 年内, 达到, 拥有量, a percentage…), so quarterly values
   * must not be added up. False for what is done within the period, and for any
   * number whose clause has no such word.
   */
  cumulative: boolean;
  /** What is counted: 在孵企业, 高校毕业生, 金额. Empty when the text names nothing. */
  subject: string;
  /** The clause the quantity came from, exactly as written: text.slice(start, end). */
  phrase: string;
  start: number;
  end: number;
}

const arabic = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const chinese = `[${chineseNumeralChars}]+`;
const numberPattern = `(?:${arabic}|${chinese})`;
/** An optional 百分之, a number, and optionally the other end of a range (1-2, 1—2, 10至20). */
const candidatePattern = new RegExp(`(百分之)?(${numberPattern})(?:\\s*[-—–~～至到]\\s*(${numberPattern}))?`, 'g');

const clauseDelimiters = /[，,。；;：:！!？?\n\r\t]/;
/** What may open a clause before its words: spaces, list marks, quotes, brackets, a task number (36.). */
const clauseOpening = /^[\s、“”‘’"'（）()【】[\]]*(?:\d+[.、](?!\d)\s*)?/;
const unitsLongestFirst = Object.keys(quantityUnits).sort((a, b) => b.length - a.length);

/**
 * Every quantity a plan's text states: a number (Arabic, full-width or Chinese)
 * followed by a unit from `quantityUnits`. Numbers without a unit are not
 * quantities, which leaves out dates (2023年, 4月, 一季度), task numbers (36.),
 * rankings (20强) and codes (PM2.5); ordinals (第二届) and numbers inside 《》
 * titles are skipped too.
 *
 * Rules, in the words an analyst would check:
 * - value = statedValue × scale in the base unit, for every unit alike: money is
 *   in 元 (2.5亿元 → 250000000 元), people in 人 (0.7万人 → 7000 人).
 * - qualifier: a word right before the number (不少于, 突破, 约…), else right
 *   after the unit (以上, 左右…), else inside (20余家), else at_least for a range
 *   (1-2家) or a clause of commitment (力争, 争取, 确保).
 * - cumulative: see `Quantity.cumulative`; the words are `cumulativeMarkers`.
 * - subject and phrase come from the clause (text between ，。；： and the like);
 *   two quantities in one clause split it at the first one's end.
 *
 * @example
 * extractQuantities('实现知识产权质押20笔，金额2.5亿元。')
 * // [
 * //   { value: 20, unit: '笔', statedValue: 20, statedUnit: '笔', scale: 1, qualifier: undefined,
 * //     cumulative: false, subject: '知识产权质押', phrase: '实现知识产权质押20笔', start: 0, end: 11 },
 * //   { value: 250000000, unit: '元', statedValue: 2.5, statedUnit: '亿元', scale: 1e8, qualifier: undefined,
 * //     cumulative: false, subject: '金额', phrase: '金额2.5亿元', start: 12, end: 19 },
 * // ]
 */
export function extractQuantities(text: string): Quantity[] {
  // One character for one (toHalfWidth keeps the length), so offsets into `scan` are offsets into `text`.
  const scan = maskTitles(toHalfWidth(text));
  const found: Quantity[] = [];
  let previousEnd = 0;
  const pattern = new RegExp(candidatePattern);
  for (let match = pattern.exec(scan); match !== null; match = pattern.exec(scan)) {
    const quantity = readCandidate(text, scan, match, previousEnd);
    if (quantity === undefined) {
      // A range that is not a quantity (1-3月) leaves its second number to be tried alone.
      if (match[3] !== undefined) pattern.lastIndex = match.index + (match[1] ?? '').length + (match[2] ?? '').length;
      continue;
    }
    found.push(quantity);
    previousEnd = quantity.end;
    pattern.lastIndex = Math.max(pattern.lastIndex, quantity.end);
  }
  return found;
}

function readCandidate(text: string, scan: string, match: RegExpExecArray, previousEnd: number): Quantity | undefined {
  const [whole, percentOf, first = '', second] = match;
  const numberStart = match.index + (percentOf ?? '').length;
  if (!isFreeStanding(scan, numberStart)) return undefined;
  const isPercent = percentOf !== undefined;
  // A range is read only when its second number carries the unit (1-2家); else the first number alone.
  const rangeMeasure = second === undefined ? undefined : readMeasure(scan, match.index + whole.length, second, isPercent);
  const measure = rangeMeasure ?? readMeasure(scan, numberStart + first.length, first, isPercent);
  if (measure === undefined) return undefined;
  const stated = readNumber(rangeMeasure === undefined ? measure.numeral : first);
  const upper = rangeMeasure === undefined ? undefined : readNumber(rangeMeasure.numeral);
  if (stated === undefined || (rangeMeasure !== undefined && upper === undefined)) return undefined;

  const before = qualifierBefore(scan, match.index);
  const start = startOfClause(scan, before.start, previousEnd);
  const clause = text.slice(start, measure.end);
  // Words right after the measure word are what it counts (40户企业); a measure word
  // that ends its clause counts what was written before the number.
  const after = endsClause(scan, measure.end) ? undefined : subjectAfter(text, measure.end);
  const subject = after?.subject || subjectBefore(text.slice(start, before.start));
  const end = after?.subject ? after.end : measure.end;
  const qualifier =
    before.qualifier ??
    measure.qualifierAfter ??
    measure.qualifierInside ??
    (upper !== undefined || aspirationWords.some((w) => clause.includes(w)) ? 'at_least' : undefined);

  return {
    value: scaled(stated, measure.scale),
    unit: measure.unit,
    statedValue: stated,
    statedUnit: measure.statedUnit,
    scale: measure.scale,
    qualifier,
    ...(upper === undefined ? {} : { upperValue: scaled(upper, measure.scale), statedUpperValue: upper }),
    cumulative: measure.kind === 'ratio' || cumulativeMarkers.some((w) => clause.includes(w)),
    subject,
    phrase: text.slice(start, end),
    start,
    end,
  };
}

interface Measure {
  /** The numeral the unit follows, without a scale word it carried (两万人 → 两). */
  numeral: string;
  unit: string;
  statedUnit: string;
  scale: Scale;
  kind: UnitKind;
  qualifierInside: Qualifier | undefined;
  qualifierAfter: Qualifier | undefined;
  /** Where the unit, and any qualifier after it, ends. */
  end: number;
}

/** What follows a numeral: [余|多] [万|亿] [余|多] unit [以上|左右…]; undefined when no unit follows. */
function readMeasure(scan: string, at: number, written: string, isPercent: boolean): Measure | undefined {
  const split = splitScale(written);
  const numeral = split.numeral;
  let scale = split.scale;
  let pos = at;
  let unit: string;
  let kind: UnitKind;
  let inside: Match<Qualifier> | undefined;
  if (isPercent) {
    if (scale !== 1) return undefined;
    unit = '%';
    kind = 'ratio';
  } else {
    while (scan.charAt(pos) === ' ' || scan.charAt(pos) === '\u3000') pos += 1;
    inside = wordAt(scan, pos, qualifiersInside);
    pos += inside?.word.length ?? 0;
    const scaleWord = scan.charAt(pos);
    if (scale === 1 && (scaleWord === '万' || scaleWord === '亿')) {
      scale = scaleWords[scaleWord];
      pos += 1;
      if (inside === undefined) {
        inside = wordAt(scan, pos, qualifiersInside);
        pos += inside?.word.length ?? 0;
      }
    }
    const found = unitsLongestFirst.find((u) => scan.startsWith(u, pos));
    const entry = found === undefined ? undefined : quantityUnits[found];
    if (found === undefined || entry === undefined) return undefined;
    if (entry.notFollowedBy?.some((c) => scan.startsWith(c, pos + found.length))) return undefined;
    // A scaled percentage (3万%) is nothing a plan writes; reading one would invent it.
    if (entry.kind === 'ratio' && scale !== 1) return undefined;
    unit = found;
    kind = entry.kind;
    pos += found.length;
  }
  const after = wordAt(scan, pos, qualifiersAfter);
  return {
    numeral,
    unit,
    statedUnit: `${scaleName(scale)}${unit}`,
    scale,
    kind,
    qualifierInside: inside?.value,
    qualifierAfter: after?.value,
    end: pos + (after?.word.length ?? 0),
  };
}

/** 两万 is 两 with the scale 万; 一万二千 and 一亿五千万 are whole numerals. */
function splitScale(numeral: string): { numeral: string; scale: Scale } {
  const last = numeral.slice(-1);
  const rest = numeral.slice(0, -1);
  if ((last === '万' || last === '亿') && rest !== '' && !/[万亿]/.test(rest)) return { numeral: rest, scale: scaleWords[last] };
  return { numeral, scale: 1 };
}

function scaleName(scale: Scale): string {
  return scale === 1e8 ? '亿' : scale === 1e4 ? '万' : '';
}

function readNumber(numeral: string): number | undefined {
  if (/^[0-9]/.test(numeral)) return Number(numeral.replace(/,/g, ''));
  return readChineseNumeral(numeral);
}

/** statedValue × scale without binary rounding: 1.1万 is 11000, not 11000.000000000002. */
function scaled(stated: number, scale: Scale): number {
  if (scale === 1) return stated;
  const shifted = Number(`${stated}e${Math.log10(scale)}`);
  return Number.isFinite(shifted) ? shifted : stated * scale;
}

/** Letters around a number make it part of a code (PM2.5, 5G, O3); 第 makes it an ordinal. */
function isFreeStanding(scan: string, start: number): boolean {
  const before = scan.charAt(start - 1);
  if (/[A-Za-z第0-9.]/.test(before)) return false;
  const first = scan.charAt(start);
  if (/[0-9]/.test(first)) {
    const afterDigits = scan.slice(start).replace(/^[0-9.,]+/, '').charAt(0);
    return !/[A-Za-z]/.test(afterDigits);
  }
  return true;
}

interface Match<T> {
  word: string;
  value: T;
}

/** The longest word of `table` that starts at `pos`. */
function wordAt<T>(scan: string, pos: number, table: Record<string, T>): Match<T> | undefined {
  let best: Match<T> | undefined;
  for (const [word, value] of Object.entries(table)) {
    if (scan.startsWith(word, pos) && word.length > (best?.word.length ?? 0)) best = { word, value };
  }
  return best;
}

/** The qualifier word that ends right before `numberStart`, and where the words before it end. */
function qualifierBefore(scan: string, numberStart: number): { qualifier: Qualifier | undefined; start: number } {
  let end = numberStart;
  while (end > 0 && /[ \u3000]/.test(scan.charAt(end - 1))) end -= 1;
  let best: Match<Qualifier> | undefined;
  for (const [word, value] of Object.entries(qualifiersBefore)) {
    if (scan.startsWith(word, end - word.length) && word.length > (best?.word.length ?? 0)) best = { word, value };
  }
  return best === undefined ? { qualifier: undefined, start: numberStart } : { qualifier: best.value, start: end - best.word.length };
}

/**
 * Where the clause holding a quantity starts: after the last delimiter, or after
 * the previous quantity when two share a clause (新建…5个、新增…1个), with any
 * list marks, quotes or task number (36.) skipped.
 */
function startOfClause(scan: string, before: number, previousEnd: number): number {
  let start = before;
  while (start > 0 && !clauseDelimiters.test(scan.charAt(start - 1))) start -= 1;
  if (previousEnd > start && previousEnd <= before) start = previousEnd;
  const opening = clauseOpening.exec(scan.slice(start, before));
  return start + (opening?.[0].length ?? 0);
}

/** Whether nothing but punctuation follows `pos` in its clause. */
function endsClause(scan: string, pos: number): boolean {
  return pos >= scan.length || /[\s、，,。；;：:！!？?）)”’》\]】]/.test(scan.charAt(pos));
}

/** Document titles (《…》) hidden behind a placeholder of the same length: their numbers name, not count. */
function maskTitles(scan: string): string {
  return scan.replace(/《[^《》]*》/g, (title) => `《${'□'.repeat(title.length - 2)}》`);
}
