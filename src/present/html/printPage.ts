import { chartFont } from '../charts/chartTheme.js';
import { periodLabel } from '../format/periodLabels.js';
import type { ReportData } from '../report/reportData.js';

/** What the printed page's margins carry: the report's title and period above, the page number below. */
export interface RunningText {
  readonly title: string;
  readonly period: string;
}

/** A report's running text: its title, and its period in words (`2023年四季度`). */
export const runningText = (data: Pick<ReportData, 'title' | 'period'>): RunningText => ({ title: data.title, period: periodLabel(data.period) });

/**
 * The printed page in millimetres: A4 landscape and its margins. The sides
 * leave 273 mm (≈ 1030 CSS px, the width charts are drawn to fit) and the
 * top and bottom 185 mm (≈ 699 px) for the body; the running header and
 * footer sit in the top and bottom margins.
 */
export const printedPage = { width: 297, height: 210, margin: { top: 13, right: 12, bottom: 12, left: 12 } } as const;

/** The words around the page counters: `第 3 页 / 共 12 页`. */
const pageNumberWords = ['第 ', ' 页 / 共 ', ' 页'] as const;

/**
 * The paper and its margins: A4 landscape, the title and period in the top
 * margin, `第 3 页 / 共 12 页` in the bottom one; the first page, whose
 * masthead already says title and period, has only the page number.
 *
 * Page margin boxes (`@top-left`, `counter(pages)`) print from the browser's
 * own print dialog as well as from a headless `page.pdf()`, in Chromium and
 * Edge since 131 and Safari since 18.2. A browser without them (Firefox)
 * prints the pages without these lines; its own 页眉和页脚 option then
 * gives the page number and the `<title>`, which names the period.
 */
export function pageRules(running: RunningText): string {
  const box = `font-family:"${chartFont}","Noto Sans CJK SC",sans-serif;font-size:8.5pt;color:#5f6368`;
  const [before, middle, after] = pageNumberWords;
  const { margin } = printedPage;
  return `
@page{size:A4 landscape;margin:${margin.top}mm ${margin.right}mm ${margin.bottom}mm ${margin.left}mm;
@top-left{content:${cssString(running.title)};${box};vertical-align:bottom;padding-bottom:2mm}
@top-right{content:${cssString(running.period)};${box};vertical-align:bottom;padding-bottom:2mm}
@bottom-center{content:${cssString(before)} counter(page) ${cssString(middle)} counter(pages) ${cssString(after)};${box};vertical-align:top;padding-top:2mm}
}
@page:first{@top-left{content:none}@top-right{content:none}}
`;
}

/** Every character the margins print besides digits, for the embedded font's subset. */
export const runningCharacters = (running: RunningText): string => running.title + running.period + pageNumberWords.join('');

/**
 * A CSS string literal. Quotes and backslashes are escaped, and so is `<`,
 * so a title can never close the `<style>` element it is written in.
 */
export function cssString(text: string): string {
  const escaped = text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.codePointAt(0)?.toString(16) ?? ''} `);
  return `"${escaped}"`;
}
