const quarterNames = ['一季度', '二季度', '三季度', '四季度'] as const;

/** 1 → `一季度`. */
export function quarterLabel(quarter: number): string {
  const name = quarterNames[quarter - 1];
  if (!name) throw new Error(`not a quarter: ${quarter}`);
  return name;
}

/** `2023Q2` → `2023年二季度`; a year `2023` → `2023年`. */
export function periodLabel(period: string): string {
  const match = /^(\d{4})(?:Q([1-4]))?$/.exec(period);
  if (!match) return period;
  return match[2] ? `${match[1]}年${quarterLabel(Number(match[2]))}` : `${match[1]}年`;
}

/** `2023Q2` → `2023年1-6月`, the months a year-to-date figure covers. */
export function yearToDateLabel(year: number, quarter: number): string {
  return quarter === 1 ? `${year}年1-3月` : `${year}年1-${quarter * 3}月`;
}

/**
 * Every period code in a sentence spelled the way the 通报 prints periods:
 * `R&D经费支出 2023Q2 为 1.02%` → `R&D经费支出 2023年二季度 为 1.02%`. For
 * text made elsewhere (a finding's words) that reaches the printed page.
 */
export function periodsInWords(text: string): string {
  return text.replace(/(?<![0-9A-Za-z])(\d{4})Q([1-4])(?![0-9A-Za-z])/g, (_, year: string, quarter: string) => `${year}年${quarterLabel(Number(quarter))}`);
}
