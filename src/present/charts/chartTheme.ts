import type { Config } from 'vega-lite';

/** The font every chart is measured and drawn with; the renderer and the HTML report embed it. */
export const chartFont = 'Noto Sans SC';

/** Shared look: one font, left-aligned titles, quiet axes, labels long enough for Chinese names. */
export const chartConfig: Config = {
  font: chartFont,
  // Plain numbers as in statistical tables: 4000, 2.15 (no thousands separators, no trailing zeros).
  numberFormat: '~f',
  background: '#ffffff',
  padding: 12,
  view: { stroke: null },
  title: { anchor: 'start', fontSize: 15, fontWeight: 'bold', subtitleFontSize: 11, subtitleColor: '#555555', offset: 12 },
  axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', titleColor: '#333333', labelColor: '#333333', labelLimit: 320 },
  legend: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'bold', labelLimit: 320 },
  text: { fontSize: 11 },
};

export const vegaLiteSchema = 'https://vega.github.io/schema/vega-lite/v6.json';
