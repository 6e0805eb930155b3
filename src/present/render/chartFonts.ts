import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import opentype from 'opentype.js';

/**
 * The CJK font charts are measured and drawn with: Noto Sans SC (SIL OFL),
 * shipped as TTF by the npm package `@expo-google-fonts/noto-sans-sc`, so a
 * fresh `npm ci` renders Chinese with no system font installed.
 */
export interface ChartFonts {
  readonly regular: opentype.Font;
  readonly bold: opentype.Font;
  readonly files: { readonly regular: string; readonly bold: string };
  /** SHA-256 of both faces' bytes: what a cached drawing's key holds of the fonts it was measured and drawn with. */
  readonly sha256: string;
}

const require = createRequire(import.meta.url);

/** Paths of the shipped TTF files. */
export function chartFontFiles(): { regular: string; bold: string } {
  return {
    regular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
  };
}

let loaded: Promise<ChartFonts> | undefined;

/** Parses both weights once per process (lazily: glyphs are read when first used, about 60 ms a face). */
export function loadChartFonts(): Promise<ChartFonts> {
  loaded ??= (async () => {
    const files = chartFontFiles();
    const [regular, bold] = await Promise.all([parseFont(files.regular), parseFont(files.bold)]);
    const sha256 = createHash('sha256').update(regular.sha256).update(bold.sha256).digest('hex');
    return { regular: regular.font, bold: bold.font, files, sha256 };
  })();
  return loaded;
}

async function parseFont(file: string): Promise<{ font: opentype.Font; sha256: string }> {
  const bytes = await readFile(file);
  // lowMemory reads glyphs on demand: a report uses a few hundred of the 30,000.
  const font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), { lowMemory: true });
  return { font, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Whether a CSS font weight draws with the bold face. */
export const isBold = (weight: unknown): boolean => weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
