import { normalizeHeader } from '../columns.js';

/**
 * The header of a firm-level file's firm column: `entity`, or in Chinese 企业代码 or 统一社会信用代码 (the unified
 * social credit code most registers carry). A file with such a column is a firm-level file.
 */
export const entityHeaders: readonly string[] = ['entity', '企业代码', '统一社会信用代码'];

const entityHeaderSet = new Set(entityHeaders.map(normalizeHeader));

export const isEntityHeader = (header: string): boolean => entityHeaderSet.has(normalizeHeader(header));

/** Whether a file with these headers is a firm-level file. */
export const hasEntityColumn = (headers: readonly string[]): boolean => headers.some(isEntityHeader);

/** What a firm code may be: letters and digits (the 18-character unified social credit code), `-` and `_`. */
export const ENTITY_CODE_PATTERN = '[0-9A-Za-z_-]+';
