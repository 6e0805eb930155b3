/**
 * The in-memory alternative of the scale benchmark, in its own process: the
 * same results table in Arquero over the rows read into JavaScript, as a
 * notebook analyst would write it (loadCSV per file, concat, groupby/rollup,
 * up the region tree level by level, the formulas, toCSV). Prints one JSON
 * line: { load, compute, rss }.
 *
 * Usage: tsx arquero.child.ts <data> <results.csv>
 */
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as aq from 'arquero';

const [data, out] = process.argv.slice(2);
if (data === undefined || out === undefined) throw new Error('usage: arquero.child.ts <data> <out>');
const { op } = aq;

const started = performance.now();
const numbers = { rd_expenditure: Number, revenue: Number, patents: Number, is_high_tech: Number };
const files = readdirSync(join(data, 'observations')).filter((f) => f.endsWith('.csv'));
const parts = [];
for (const f of files) parts.push(await aq.loadCSV(join(data, 'observations', f), { autoType: false, parse: numbers }));
const [first, ...rest] = parts;
if (first === undefined) throw new Error('no observation files');
const firms = first.concat(...rest);
const regions = await aq.loadCSV(join(data, 'regions.csv'), { autoType: false });
const loaded = performance.now();

// Firms to their counties, then each level to its parent until the root.
const sums = { rd_expenditure: op.sum('rd_expenditure'), revenue: op.sum('revenue'), patents: op.sum('patents'), high_tech_firms: op.sum('high_tech_firms') };
const own = firms.derive({ high_tech_firms: (d: { is_high_tech: number }) => (d.is_high_tech === 1 ? 1 : 0) }).groupby('region', 'period').rollup(sums);
const parents = regions.select('code', 'parent').rename({ code: 'region' });
const levels = [own];
for (let level = own; level.numRows() > 0; ) {
  level = level
    .join(parents, 'region')
    .filter((d: { parent: string | null }) => d.parent != null && d.parent !== '')
    .select(aq.not('region'))
    .rename({ parent: 'region' })
    .groupby('region', 'period')
    .rollup(sums);
  if (level.numRows() > 0) levels.push(level);
}
const [bottom, ...above] = levels;
const totals = (bottom ?? own).concat(...above);
const results = totals
  .derive({
    rd_intensity: (d: { rd_expenditure: number; revenue: number }) => (100 * d.rd_expenditure) / d.revenue,
    rd_total: (d: { rd_expenditure: number }) => d.rd_expenditure,
    high_tech_count: (d: { high_tech_firms: number }) => d.high_tech_firms,
    patents_per_high_tech: (d: { patents: number; high_tech_firms: number }) => d.patents / d.high_tech_firms,
  })
  .fold(['rd_intensity', 'rd_total', 'high_tech_count', 'patents_per_high_tech'], { as: ['indicator', 'actual'] })
  // A value that is not finite (a division by zero) is null, as INDICATORS.md says.
  .derive({ actual: (d: { actual: number }) => (op.is_finite(d.actual) ? d.actual : null) })
  .join(regions.select('code', 'name').rename({ code: 'region', name: 'region_name' }), 'region')
  .select('indicator', 'region', 'period', 'actual', 'region_name')
  .orderby('indicator', 'region', 'period');
await writeFile(out, results.toCSV());
const done = performance.now();
process.stdout.write(`${JSON.stringify({ load: loaded - started, compute: done - loaded, rss: process.resourceUsage().maxRSS * 1024 })}\n`);
