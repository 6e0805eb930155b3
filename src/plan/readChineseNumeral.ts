const digits: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const smallUnits: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const largeUnits: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** The characters a Chinese numeral is written with (点 for a decimal point). */
export const chineseNumeralChars = '零〇一二两三四五六七八九十百千万亿点';

/**
 * The value of a Chinese numeral in the common written forms, or undefined when
 * the characters do not form one.
 *
 * @example
 * readChineseNumeral('二十') // 20
 * readChineseNumeral('三千五百') // 3500
 * readChineseNumeral('一万二千') // 12000
 * readChineseNumeral('一点五') // 1.5
 * readChineseNumeral('一二三') // undefined: digit strings like years are not counts
 */
export function readChineseNumeral(text: string): number | undefined {
  const [whole, fraction, extra] = text.split('点');
  if (whole === undefined || whole === '' || extra !== undefined) return undefined;
  const integer = readInteger(whole);
  if (integer === undefined || fraction === undefined) return integer;
  // Digits after 点 are read one by one, like Arabic decimals.
  let decimals = '';
  for (const ch of fraction) {
    const d = digits[ch];
    if (d === undefined) return undefined;
    decimals += String(d);
  }
  return decimals === '' ? undefined : Number(`${integer}.${decimals}`);
}

function readInteger(text: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let afterUnit = false;
  for (const ch of text) {
    const d = digits[ch];
    if (d !== undefined) {
      // A digit may only follow a unit (三千五) or a 零 that follows one (一百零五);
      // strings of digits (二〇二三, 一二三) are years and codes, not counts.
      if (digit !== undefined && !(digit === 0 && afterUnit)) return undefined;
      if (d === 0 && !afterUnit && text.length > 1) return undefined;
      digit = d;
      continue;
    }
    const small = smallUnits[ch];
    if (small !== undefined) {
      // 十五 and 百 are written without a leading 一.
      section += (digit ?? 1) * small;
    } else {
      const large = largeUnits[ch];
      if (large === undefined) return undefined;
      if (large === 1e8) total = (total + section + (digit ?? 0)) * large;
      else total += (section + (digit ?? 0)) * large;
      section = 0;
    }
    digit = undefined;
    afterUnit = true;
  }
  const value = total + section + (digit ?? 0);
  return value === 0 && text !== '零' && text !== '〇' ? undefined : value;
}
