/**
 * The floor of the scale benchmark in its own process: floor.sql on a fresh
 * in-memory DuckDB (2 threads, like the engine's). Prints one JSON line:
 * { load, compute, rss }.
 *
 * Usage: tsx floor.child.ts <data> <results.parquet>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [data, out] = process.argv.slice(2);
if (data === undefined || out === undefined) throw new Error('usage: floor.child.ts <data> <out>');
const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const files = readdirSync(join(data, 'observations')).filter((f) => f.endsWith('.csv')).map((f) => quote(join(data, 'observations', f)));
const script = readFileSync(new URL('floor.sql', import.meta.url), 'utf8')
  .replaceAll('${files}', `[${files.join(', ')}]`)
  .replaceAll('${regions}', quote(join(data, 'regions.csv')))
  .replaceAll('${out}', quote(out));
const [load = '', compute = ''] = script.split('-- 2.');

const started = performance.now();
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
await connection.run(load);
const loaded = performance.now();
await connection.run(`-- 2.${compute}`);
const done = performance.now();
connection.closeSync();
instance.closeSync();
process.stdout.write(`${JSON.stringify({ load: loaded - started, compute: done - loaded, rss: process.resourceUsage().maxRSS * 1024 })}\n`);
