import type { Config } from 'vega-lite';

/** The font every chart is measured and drawn with; the renderer and the HTML report embed it. */
export const chartFont = 'Noto Sans SC';

/** Sizes of the chart title and subtitle, which charts break into lines themselves (chartTitle.ts). */
export const titleFontSize = 15;
export const subtitleFontSize = 11;

/**
 * The width a chart may take at its natural size: the content width of an
 * A4 landscape page (297 mm less 2 × 12 mm margins ≈ 273 mm) in CSS pixels
 * at 96 dpi. A wider chart is scaled down in the printed 通报, text with it.
 */
export const pageContentWidth = 1030;

/**
 * The height a chart may take to print whole on one page with the heading
 * above it: the body of an A4 landscape page (210 mm less 13 + 12 mm
 * margins = 185 mm ≈ 699 CSS px) less about 60 px for a section heading.
 */
export const pageChartHeight = 640;

/** Shared look: one font, left-aligned titles, quiet axes, labels long enough for Chinese names. */
export const chartConfig: Config = {
  font: chartFont,
  // Plain numbers as in statistical tables: 4000, 2.15 (no thousands separators, no trailing zeros).
  numberFormat: '~f',
  background: '#ffffff',
  padding: 12,
  view: { stroke: null },
  title: {
    anchor: 'start',
    fontSize: titleFontSize,
    fontWeight: 'bold',
    lineHeight: 20,
    subtitleFontSize,
    subtitleLineHeight: 15,
    subtitleColor: '#555555',
    offset: 12,
  },
  axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', titleColor: '#333333', labelColor: '#333333', labelLimit: 320 },
  legend: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'bold', labelLimit: 320 },
  text: { fontSize: 11 },
};

export const vegaLiteSchema = 'https://vega.github.io/schema/vega-lite/v6.json';
