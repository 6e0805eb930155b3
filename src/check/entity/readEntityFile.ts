import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { problem } from '../../diagnostics/problems.js';
import { decodeText, TextEncodingError } from '../../read/decodeText.js';
import type { RawTable } from '../../read/rawTable.js';
import type { TableFormat } from '../../read/readTable.js';
import { csvHeaderLine, parquetColumns, stageCsv, stageParquet, stageRawTable, withStagingDatabase } from '../../read/stageTable.js';
import { UnreadableFileError } from '../../read/unreadableFileError.js';
import type { CheckContext } from '../context.js';
import type { CheckedEntityFile } from './checkEntityFile.js';
import { checkEntityFile } from './checkEntityFile.js';
import { hasEntityColumn } from './entityColumns.js';

const UTF8_ONLY =
  '企业级 CSV 文件由数据库直接读取，必须是 UTF-8：用 Excel 另存为“CSV UTF-8（逗号分隔）” / a firm-level CSV is read by the database itself and must be UTF-8: save it as "CSV UTF-8 (Comma delimited)"';

/** The first line of a CSV as text in whatever encoding it decodes, to tell a firm-level file by its header even when it is GBK. */
function headerOf(bytes: Uint8Array): { headers: string[]; encoding: string } {
  const end = bytes.indexOf(0x0a);
  const first = bytes.subarray(0, end === -1 ? bytes.length : end);
  try {
    const { text, encoding } = decodeText(first);
    return { headers: csvHeaderLine(new TextEncoder().encode(text)), encoding };
  } catch {
    return { headers: [], encoding: 'utf-8' };
  }
}

/**
 * Reads and checks a firm-level CSV or Parquet file by DuckDB's own readers
 * (src/read/stageTable.ts), or returns undefined when the file has no entity
 * column (a region-level file, read as before). A firm-level CSV must be UTF-8
 * (with or without a BOM): a GBK one is BAD_ENCODING at its first line that
 * is not UTF-8, with that advice.
 */
export async function readEntityFile(file: string, format: TableFormat, bytes: Uint8Array, context: CheckContext, diagnostics: Diagnostic[]): Promise<CheckedEntityFile | undefined> {
  if (format === 'csv') {
    const { headers, encoding } = headerOf(bytes);
    if (!hasEntityColumn(headers)) return undefined;
    if (encoding !== 'utf-8') return rejected(diagnostics, problem('BAD_ENCODING', { file, row: 1, value: headers.join(',').slice(0, 60), detail: `文件是 ${encoding.toUpperCase()} 编码 / the file is ${encoding.toUpperCase()}`, expected: UTF8_ONLY }));
    try {
      decodeText(bytes, 'utf-8');
    } catch (e) {
      if (!(e instanceof TextEncodingError)) throw e;
      return rejected(diagnostics, problem('BAD_ENCODING', { file, row: e.line, value: e.excerpt, detail: e.message, expected: UTF8_ONLY }));
    }
    return staged(file, diagnostics, async (connection) => {
      await stageCsv(connection, file, headers.length);
      return checkEntityFile(connection, file, headers, context);
    });
  }
  if (format === 'parquet') {
    try {
      return await withStagingDatabase(async (connection) => {
        const headers = await parquetColumns(connection, file);
        if (!hasEntityColumn(headers)) return undefined;
        await stageParquet(connection, file, headers);
        return checkEntityFile(connection, file, headers, context);
      });
    } catch (e) {
      // Unreadable here is unreadable for the small-file reader too, which reports it.
      if (e instanceof UnreadableFileError) return undefined;
      throw e;
    }
  }
  return undefined;
}

/** Checks a workbook or JSON file already read, when it has an entity column: the same SQL checks as a big file. */
export async function checkEntityTable(table: RawTable, context: CheckContext): Promise<CheckedEntityFile | undefined> {
  if (!hasEntityColumn(table.headers)) return undefined;
  return withStagingDatabase(async (connection) => {
    await stageRawTable(connection, table);
    return checkEntityFile(connection, table.file, table.headers, context);
  });
}

const nothing = (diagnostics: Diagnostic[]): CheckedEntityFile => ({ layout: 'long', rows: { count: 0, contentSha256: '', parquet: null }, diagnostics, normalizations: [] });

function rejected(diagnostics: Diagnostic[], d: Diagnostic): CheckedEntityFile {
  diagnostics.push(d);
  return nothing([]);
}

async function staged(file: string, diagnostics: Diagnostic[], use: Parameters<typeof withStagingDatabase<CheckedEntityFile>>[0]): Promise<CheckedEntityFile> {
  try {
    return await withStagingDatabase(use);
  } catch (e) {
    if (!(e instanceof UnreadableFileError)) throw e;
    return rejected(diagnostics, problem('FILE_UNREADABLE', { file, detail: e.reason }));
  }
}
