/**
 * The file's bytes are not what its type says — a CSV the parser cannot
 * follow, a workbook SheetJS cannot open, JSON that is not an array of rows,
 * a damaged Parquet file. Readers throw it only around the library call that
 * judged the bytes, so any other error (a bug of ours) is not passed off as
 * a bad file.
 */
export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    /** What was wrong, in the reader's or the library's words. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'UnreadableFileError';
  }
}

/** Runs the library call that judges a file's bytes; its failure is an {@link UnreadableFileError}. */
export function judging<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw new UnreadableFileError(file, e instanceof Error ? e.message : String(e), { cause: e });
  }
}

/** {@link judging} for a library call that returns a promise. */
export async function judgingAsync<T>(file: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    throw new UnreadableFileError(file, e instanceof Error ? e.message : String(e), { cause: e });
  }
}
