/**
 * Thrown by the CSV reader when the file is plainly separated by something
 * other than commas (`;` as European Excel writes, or tabs): its header reads
 * as one column holding the separator. The check reports WRONG_DELIMITER.
 * It is not guessed around: a semicolon file usually has decimal commas
 * too (`1,5`), which would then be misread.
 */
export class CsvDelimiterError extends Error {
  constructor(
    /** The separator the file seems to use. */
    readonly delimiter: ';' | '\t',
    /** The first line, as far as it is shown. */
    readonly excerpt: string,
    /** The line it was seen on (1 = the header). */
    readonly line: number,
  ) {
    super(`文件像是用${delimiter === ';' ? '分号 ;' : '制表符 Tab'}分隔的 / the file seems to be separated by ${delimiter === ';' ? 'semicolons' : 'tabs'}`);
    this.name = 'CsvDelimiterError';
  }
}
