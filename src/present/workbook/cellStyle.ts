import type { Borders, Fill, Font } from 'exceljs';
import type { Status } from '../../model/status.js';
import { statusColors, statusTextColors } from '../charts/statusStyle.js';

/** `#f1a340` → `FFF1A340`, the opaque ARGB exceljs writes. */
export const argb = (hex: string): string => `FF${hex.replace(/^#/u, '').toUpperCase()}`;

// 宋体 for the body and 黑体 for titles is how printed 通报 tables are set.
export const bodyFont: Partial<Font> = { name: '宋体', size: 10.5 };
export const headerFont: Partial<Font> = { ...bodyFont, bold: true };
export const titleFont: Partial<Font> = { name: '黑体', size: 16, bold: true };
export const noteFont: Partial<Font> = { ...bodyFont, size: 9.5, color: { argb: 'FF595959' } };

export const headerFill: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

const thin = { style: 'thin', color: { argb: 'FF7F7F7F' } } as const;
export const thinBorder: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** The status colour as a solid cell fill. */
export const statusFill = (status: Status): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(statusColors[status]) } });

/** Body font in the colour that reads on the status fill. */
export const statusFont = (status: Status): Partial<Font> => ({ ...bodyFont, color: { argb: argb(statusTextColors[status]) } });
