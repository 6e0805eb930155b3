/**
 * The one way a file is named after data (a region code, an indicator id, a
 * period): letters, digits, `-` and `_` pass; every other byte is written as
 * `%XX`, so a name never climbs out of its folder (`../x` → `%2E%2E%2Fx`),
 * never hides (`.x`), and stays distinct for distinct data.
 *
 * @example safeFileName('scorecard-../../PWNED') // 'scorecard-%2E%2E%2F%2E%2E%2FPWNED'
 */
export function safeFileName(name: string): string {
  const encoded = [...Buffer.from(name, 'utf8')].map((b) => (isPlain(b) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  return encoded === '' ? '%' : encoded;
}

const isPlain = (b: number): boolean => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x2d || b === 0x5f;
