/** How to read a file. */
export interface ReadOptions {
  /** The text encoding of a CSV file, as TextDecoder names it; default: detected (see decodeText). */
  readonly encoding?: string | undefined;
}
