/** Text as decoded, and the encoding it was decoded from (the WHATWG name: `utf-8`, `gb18030`, `utf-16le`, …). */
export interface DecodedText {
  readonly text: string;
  readonly encoding: string;
}

/**
 * Thrown by a reader when a text file is not valid in the encoding given or
 * detected; the check phase reports it as BAD_ENCODING, at the first line
 * that does not decode, with that line as far as it can be read.
 */
export class TextEncodingError extends Error {
  constructor(
    detail: string,
    readonly line: number | undefined,
    readonly excerpt: string | undefined,
    /** The text holds NUL bytes that no encoding explains: a binary or corrupt file (BINARY_FILE), not a wrong encoding. */
    readonly binary = false,
  ) {
    super(detail);
    this.name = 'TextEncodingError';
  }
}

const byteOrderMarks: readonly { readonly bytes: readonly number[]; readonly encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((b, i) => bytes[i] === b);

/** Decodes, or returns undefined when the bytes are not valid in `encoding`. */
function strictDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    // `ignoreBOM: false` drops a byte-order mark of the decoder's own encoding.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (e) {
    if (e instanceof TypeError) return undefined; // invalid data; an unknown encoding name is a RangeError and the caller's mistake
    throw e;
  }
}

const EXCERPT_LENGTH = 60;

/** The first line (1-based) valid in none of `encodings`, and that line read as UTF-8 with � where it breaks. */
function firstBadLine(bytes: Uint8Array, encodings: readonly string[]): { line: number; excerpt: string } | undefined {
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    const slice = bytes.subarray(start, end === -1 ? bytes.length : end);
    if (encodings.every((e) => strictDecode(slice, e) === undefined)) {
      return { line, excerpt: new TextDecoder('utf-8').decode(slice).replace(/\r$/, '').slice(0, EXCERPT_LENGTH) };
    }
    if (end === -1) break;
    start = end + 1;
  }
  return undefined;
}

function encodingError(bytes: Uint8Array, encodings: readonly string[], detail: string): TextEncodingError {
  const bad = firstBadLine(bytes, encodings);
  return new TextEncodingError(detail, bad?.line, bad?.excerpt);
}

/**
 * Decodes a text file. An explicit `encoding` wins. Otherwise a byte-order
 * mark decides (UTF-8, UTF-16 LE/BE); without one the text must be valid
 * UTF-8, and failing that, valid GB18030 (what Chinese Excel writes as
 * "CSV"; GB18030 is a superset of GBK). Anything else throws
 * {@link TextEncodingError}: guessing further would only garble Chinese text.
 *
 * @example decodeText(bytes).encoding // 'gb18030' for a CSV saved by Chinese Excel
 */
export function decodeText(bytes: Uint8Array, encoding?: string): DecodedText {
  if (encoding !== undefined) {
    const name = new TextDecoder(encoding).encoding;
    const text = strictDecode(bytes, name);
    if (text === undefined) throw encodingError(bytes, [name], `不是有效的 ${name.toUpperCase()} 文本 / not valid ${name.toUpperCase()} text`);
    return { text, encoding: name };
  }
  const marked = byteOrderMarks.find((m) => startsWith(bytes, m.bytes));
  if (marked) {
    const text = strictDecode(bytes, marked.encoding);
    if (text === undefined) throw encodingError(bytes, [marked.encoding], `有 ${marked.encoding.toUpperCase()} 的 BOM，内容却不是 / a ${marked.encoding.toUpperCase()} byte-order mark, but the text is not`);
    return withoutNul({ text, encoding: marked.encoding });
  }
  // Mostly NULs, every other byte: UTF-16 that lost its byte-order mark (valid UTF-8, and GB18030 would garble it).
  const nuls = bytes.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
  if (nuls * 4 >= bytes.length) {
    const utf16 = new TextDecoder('utf-8').decode(bytes).split('\n')[0] ?? '';
    throw new TextEncodingError('含有 NUL 字节，像是没有 BOM 的 UTF-16 / NUL bytes: UTF-16 without a byte-order mark?', 1, utf16.replaceAll('\u0000', '').replace(/\r$/, '').slice(0, EXCERPT_LENGTH));
  }
  const utf8 = strictDecode(bytes, 'utf-8');
  if (utf8 === undefined) {
    const gb = strictDecode(bytes, 'gb18030');
    if (gb === undefined) throw encodingError(bytes, ['utf-8', 'gb18030'], '既不是 UTF-8，也不是 GB18030/GBK 文本 / neither UTF-8 nor GB18030/GBK text');
    return withoutNul({ text: gb, encoding: 'gb18030' });
  }
  return withoutNul({ text: utf8, encoding: 'utf-8' });
}

/**
 * NUL never appears in a spreadsheet's text, whatever the encoding: a file
 * with one is binary or corrupt (a workbook renamed .csv, a truncated copy).
 * One error for the file, at the first NUL's line, instead of one per cell.
 */
function withoutNul(decoded: DecodedText): DecodedText {
  const nul = decoded.text.indexOf('\u0000');
  if (nul === -1) return decoded;
  const line = decoded.text.slice(0, nul).split('\n').length;
  const excerpt = (decoded.text.split('\n')[line - 1] ?? '').replaceAll('\u0000', '\\0').replace(/\r$/, '').slice(0, EXCERPT_LENGTH);
  throw new TextEncodingError('含有 NUL 字节 / NUL bytes in the text', line, excerpt, true);
}

/** Whether `encoding` is a name TextDecoder knows (`gbk`, `GB18030`, `utf-16le`, …). */
export function isKnownEncoding(encoding: string): boolean {
  try {
    new TextDecoder(encoding);
    return true;
  } catch {
    return false;
  }
}
