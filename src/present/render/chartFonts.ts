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
    const [regular, bold] = await Promise.all([files.regular, files.bold].map(parseFont));
    return { regular: regular as opentype.Font, bold: bold as opentype.Font, files };
  })();
  return loaded;
}

async function parseFont(file: string): Promise<opentype.Font> {
  const bytes = await readFile(file);
  // lowMemory reads glyphs on demand: a report uses a few hundred of the 30,000.
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), { lowMemory: true });
}

/** Whether a CSS font weight draws with the bold face. */
export const isBold = (weight: unknown): boolean => weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
