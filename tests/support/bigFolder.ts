import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFolder } from './fixture.js';

/**
 * A data folder large enough that loading it takes a while (for the crash
 * and lock tests): a city with `units` districts reporting GDP and R&D
 * spending for every quarter of `years`, as one long CSV.
 */
export async function bigFolder(units: number, years: readonly number[]): Promise<string> {
  const regions = ['code,name,parent,level,rollup', 'C,City,,city,true', ...Array.from({ length: units }, (_, i) => `D${i},District ${i},C,district,true`)];
  const data = await writeFolder({ regions: `${regions.join('\n')}\n`, targets: 'indicator,region,year,period,value\nrd_intensity,C,2023,,2.5\n' });
  const lines = ['region,period,variable,value'];
  for (const year of years) {
    for (let q = 1; q <= 4; q++) {
      for (let i = 0; i < units; i++) {
        lines.push(`D${i},${year}Q${q},gdp,${100 + ((i * 7 + q) % 50)}`);
        lines.push(`D${i},${year}Q${q},rd_expenditure,${1 + ((i * 3 + q) % 5) / 10}`);
      }
    }
  }
  await writeFile(join(data, 'observations', 'big.csv'), `${lines.join('\n')}\n`);
  return data;
}
