import opentype from 'opentype.js';
import type { ChartFonts } from './chartFonts.js';
import { chartFont } from '../charts/chartTheme.js';
import type { RenderCache } from './renderCache.js';
import { cacheKey, codeFingerprint } from './renderCache.js';

/** OpenType (CFF) fonts holding only the characters a report uses, one per weight. */
export interface FontSubset {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  /** The characters asked for (some may have no glyph in the font). */
  readonly characters: ReadonlySet<string>;
}

/** Characters every report may draw beyond its text: digits, signs and Latin letters. */
const baseCharacters = ' 0123456789.,:;%+-−—–·…()（）/?!abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Cuts the 10 MB Noto Sans SC down to the characters of `text` (tens of KB).
 * The subset is what resvg loads for each PNG (loading the full font costs
 * over 100 ms per chart) and what the HTML report embeds, so pages render
 * with the same glyphs and widths the charts were laid out with.
 */
export function subsetFonts(fonts: ChartFonts, text: string, boldText: string = text): FontSubset {
  const { characters, boldCharacters } = subsetCharacters(text, boldText);
  return {
    regular: subsetFace(fonts.regular, characters, 'Regular', 400),
    bold: subsetFace(fonts.bold, boldCharacters, 'Bold', 700),
    characters: new Set(characters),
  };
}

/**
 * {@link subsetFonts}, each face taken from `cache` when the same characters
 * were cut from the same font files by the same code before (the same bytes:
 * cutting is deterministic), else cut and kept there.
 */
export async function cachedSubsetFonts(fonts: ChartFonts, text: string, boldText: string, cache: RenderCache | undefined): Promise<FontSubset> {
  if (!cache) return subsetFonts(fonts, text, boldText);
  const { characters, boldCharacters } = subsetCharacters(text, boldText);
  fingerprint ??= codeFingerprint(['opentype.js'], ['fontSubset', 'chartFonts']);
  const face = async (font: opentype.Font, chars: readonly string[], styleName: string, weight: number): Promise<Uint8Array> => {
    const key = cacheKey(fingerprint ?? '', fonts.sha256, chartFont, styleName, String(weight), chars.join(''));
    const cached = await cache.get('font', key);
    if (cached) return new Uint8Array(cached.buffer, cached.byteOffset, cached.byteLength);
    const bytes = subsetFace(font, chars, styleName, weight);
    await cache.put('font', key, bytes);
    return bytes;
  };
  return {
    regular: await face(fonts.regular, characters, 'Regular', 400),
    bold: await face(fonts.bold, boldCharacters, 'Bold', 700),
    characters: new Set(characters),
  };
}

let fingerprint: string | undefined;

function subsetCharacters(text: string, boldText: string): { characters: string[]; boldCharacters: string[] } {
  return {
    characters: [...new Set(baseCharacters + text)].filter((c) => c >= ' '),
    // Bold is drawn only in titles and headings: its subset is kept to their characters (writing a glyph costs ~0.7 ms).
    boldCharacters: [...new Set(baseCharacters + boldText)].filter((c) => c >= ' '),
  };
}

function subsetFace(font: opentype.Font, characters: readonly string[], styleName: string, weight: number): Uint8Array {
  const notdef = font.glyphs.get(0);
  notdef.name = '.notdef';
  const glyphs = [notdef];
  const seen = new Set([0]);
  for (const character of characters) {
    const glyph = font.charToGlyph(character);
    if (glyph.index === 0 || seen.has(glyph.index)) continue;
    seen.add(glyph.index);
    // opentype.js writes glyph names into the CFF table and complains (on the console) about missing ones.
    glyph.name = `uni${character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
    glyphs.push(glyph);
  }
  const subset = new opentype.Font({
    familyName: chartFont,
    styleName,
    unitsPerEm: font.unitsPerEm,
    ascender: font.ascender,
    descender: font.descender,
    weightClass: weight as unknown as string,
    glyphs,
  });
  return new Uint8Array(subset.toArrayBuffer());
}
