import { describe, expect, it } from 'vitest';
import { sourceFiles, textPieces } from './sourceText.js';

/** Text that reads as SQL: a statement, or a clause a fragment builder writes. */
const sqlLike = /\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE|COPY|CASE|THEN|JOIN|WHERE|list_transform|list_filter|list_reduce|json_object|NULLIF)\b/;

describe('SQL text', () => {
  const templates = sourceFiles('src').flatMap(textPieces).filter((p) => p.substitutions.length > 0 && sqlLike.test(p.text));

  it('finds the SQL templates of the pipeline (the check would be empty otherwise)', () => {
    expect(templates.length).toBeGreaterThan(20);
  });

  it('is always made with the sql tag, whose pieces can only be Sql: no value is ever pasted into it', () => {
    const untagged = templates.filter((t) => t.tag !== 'sql').map((t) => `${t.file}:${t.line} ${t.text.replace(/\s+/g, ' ').slice(0, 70)}`);
    expect(untagged).toEqual([]);
  });
});
