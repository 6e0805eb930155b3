import { basename } from 'node:path';
import { chartFontFiles } from '../../present/render/chartFonts.js';

/** A face of the charts' font as the dashboard serves it: `/assets/<name>`, for the stylesheet's @font-face. */
export interface FontAsset {
  readonly name: string;
  readonly weight: 400 | 700;
  readonly file: string;
}

const files = chartFontFiles();

/**
 * The TTF files the charts are measured with in Node (chartFonts.ts), served
 * to the browser so vega-embed draws the same glyphs and the 通报's layout
 * (wrapped headers, label widths) holds on screen. Titles are bold.
 */
export const fontAssets: readonly FontAsset[] = [
  { name: basename(files.regular), weight: 400, file: files.regular },
  { name: basename(files.bold), weight: 700, file: files.bold },
];
