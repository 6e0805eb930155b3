import { describe, expect, it } from 'vitest';
import type { Finding, FindingCode } from '../../src/model/finding.js';
import { findingCodes, findingSchemas } from '../../src/model/finding.js';
import { findingText } from '../../src/present/format/findingWords.js';
import { schemaStatements } from '../../src/store/schema.js';
import { sourceFiles, textPieces } from './sourceText.js';

const pieces = sourceFiles('src').flatMap(textPieces);
const outside = (...allowed: string[]) => pieces.filter((p) => !allowed.some((a) => p.file.startsWith(a)));

/** The store's tables, read from its own schema. */
const storeTables = schemaStatements.map((s) => /CREATE TABLE IF NOT EXISTS (\w+)/.exec(s)?.[1]).filter((t): t is string => t !== undefined);

describe('the store owns its tables', () => {
  it('knows the tables from the schema', () => {
    expect(storeTables).toEqual(expect.arrayContaining(['runs', 'run_files', 'results', 'observations', 'loads']));
  });

  it('is the only place SQL names them', () => {
    const naming = new RegExp(`\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+(${storeTables.join('|')})\\b`, 'i');
    const found = outside('src/store/').filter((p) => naming.test(p.text)).map((p) => `${p.file}:${p.line} ${p.text.slice(0, 80)}`);
    expect(found).toEqual([]);
  });
});

/** A finding of every code with made-up parameters (`§`, which is no word): its words are what must not appear elsewhere. */
function sample(code: FindingCode): Finding {
  const params: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(findingSchemas[code].shape)) {
    const kind = (schema as { def: { type: string } }).def.type;
    params[name] = kind === 'number' ? 7 : kind === 'boolean' ? true : kind === 'array' ? (name === 'inputs' && code === 'CHILDREN_SUM_NOT_FINITE' ? [{ input: '§', period: '§' }] : ['§']) : kind === 'enum' ? 'gap' : '§';
  }
  return { code, params } as Finding;
}

/** The fixed words of a finding: its bilingual head, its Chinese runs of six characters or more (shorter ones are the domain’s vocabulary: 年度目标, 上年同期), and its English phrases of three words or more. */
function wordsOf(code: FindingCode): string[] {
  const text = findingText(sample(code), { region: () => undefined });
  const chinese = text.match(/[\u4e00-\u9fff，（）、]{6,}/gu) ?? [];
  const english = (text.match(/[a-z][a-z ]*[a-z]/g) ?? []).filter((phrase) => phrase.split(' ').length >= 3);
  // The bilingual head before a colon: `缺少数据 missing input`.
  const head = /^[^:：]+(?=[:：])/u.exec(text)?.[0];
  return [...chinese, ...english, ...(head && /[\u4e00-\u9fff]/u.test(head) && / [a-z]/.test(head) ? [head] : [])];
}

describe('findings leave assess as data', () => {
  const allowed = ['src/present/', 'src/model/finding.ts'];

  for (const code of findingCodes) {
    it(`${code} is put into words only in present/`, () => {
      const words = wordsOf(code);
      expect(words.length).toBeGreaterThan(0);
      const found = outside(...allowed).flatMap((p) => words.filter((w) => p.text.includes(w)).map((w) => `${p.file}:${p.line} "${w}"`));
      expect(found).toEqual([]);
    });
  }

  it('the words of the old notes column are gone from the SQL', () => {
    const sqlWithWords = outside(...allowed).filter((p) => /\b(SELECT|CASE WHEN|list_filter)\b/.test(p.text) && /[\u4e00-\u9fff]/u.test(p.text));
    expect(sqlWithWords.map((p) => `${p.file}:${p.line}`)).toEqual([]);
  });
});
