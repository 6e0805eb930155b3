/**
 * The spreadsheet letter of a column position (0-based): 0 → A, 25 → Z,
 * 26 → AA. How a user finds a column that has no header.
 *
 * @example columnLetter(2) // 'C'
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A column for a message: its header, or for an unnamed one its letter and number (`C列 column C (#3)`). */
export const unnamedColumn = (index: number): string => `${columnLetter(index)}列 column ${columnLetter(index)} (#${index + 1})`;
