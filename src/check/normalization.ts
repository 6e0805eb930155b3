/** The ways a cell or a file may be rewritten on the way in because what it says has only one meaning. */
export const normalizationRules = ['encoding', 'whitespace', 'full_width', 'thousands_separator', 'unit_suffix', 'period_label'] as const;
export type NormalizationRule = (typeof normalizationRules)[number];

/**
 * One rewrite the check phase made, for the load log: nothing is normalized
 * silently. `encoding` is one entry per file; the others one per cell.
 *
 * @example { file: 'data/observations/q2.csv', row: 3, column: 'value', rule: 'thousands_separator', from: '1,234.5', to: '1234.5' }
 */
export interface Normalization {
  readonly file: string;
  readonly row?: number;
  readonly column?: string;
  readonly rule: NormalizationRule;
  /** The text as it arrived (for `encoding`: the encoding's name). */
  readonly from: string;
  /** What was stored instead (for `encoding`: `utf-8`). */
  readonly to: string;
}

/** What each rule does, in Chinese then English, as the load log and the CLI say it. */
export const normalizationDescriptions: Record<NormalizationRule, string> = {
  encoding: '文本从其他编码转为 UTF-8 / text decoded from another encoding',
  whitespace: '数值去掉首尾空白 / spaces around numbers removed',
  full_width: '全角数字和符号改为半角 / full-width digits and signs made ASCII',
  thousands_separator: '数值去掉千位分隔符 / thousands separators removed',
  unit_suffix: '数值去掉与数据项相同的单位 / the variable\'s own unit removed from numbers',
  period_label: '期别写法统一为 YYYYQn / period labels rewritten as YYYYQn',
};
