import { chartFont } from '../../../present/charts/chartTheme.js';
import { quarterLabel } from '../../../present/format/periodLabels.js';

/**
 * `/assets/vocabulary.js`: the words and names the page shares with the
 * 通报, written from the same constants (quarter names, the charts' font),
 * so the browser spells periods as the report does.
 */
export const vocabularyModule = (): string =>
  [
    `export const quarterNames = ${JSON.stringify([1, 2, 3, 4].map(quarterLabel))};`,
    `export const chartFont = ${JSON.stringify(chartFont)};`,
    String.raw`
/** '2023Q2' → '2023年二季度', as the 通报 prints periods. */
export function periodLabel(period) {
  const match = /^(\d{4})Q([1-4])$/.exec(period);
  return match ? match[1] + '年' + quarterNames[Number(match[2]) - 1] : period;
}
`,
  ].join('\n');
