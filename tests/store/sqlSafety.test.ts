import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { longCsv, runFolder } from '../support/fixture.js';

describe('data never becomes SQL', () => {
  it('names, codes and notes full of quotes and SQL are stored and written back as they were', async () => {
    const hostileName = `O'Brien"; DROP TABLE runs; --`;
    // Region codes are letters, digits, - and _ (CONTRACT.md); the code can still read as SQL.
    const hostileCode = `A--DELETE_FROM_observations--`;
    const ran = await runFolder({
      regions: `code,name,parent,level,rollup\nC,City,,city,true\n"${hostileCode}","${hostileName.replaceAll('"', '""')}",C,district,true\nB,District B,C,district,true\n`,
      targets: 'indicator,region,year,period,value,note\nrd_intensity,C,2023,,2.5,"it\'s 2.5; DROP TABLE targets"\n',
      observations: {
        "a'; DROP TABLE loads; --.csv": longCsv([
          [hostileCode, '2023Q1', 'gdp', 100],
          [hostileCode, '2023Q1', 'rd_expenditure', 2],
          ['B', '2023Q1', 'gdp', 50],
          ['B', '2023Q1', 'rd_expenditure', 1],
        ]),
      },
    });
    const row = ran.row('rd_intensity', hostileCode, '2023Q1');
    expect(row.region_name).toBe(hostileName);
    expect(row.actual).toBeCloseTo(2, 12);
    expect(ran.row('rd_intensity', 'C', '2023Q1').actual).toBeCloseTo(2, 12);
    const store = await Store.open(ran.summary.db);
    try {
      expect((await store.one<{ n: number }>('SELECT count(*) AS n FROM observations'))?.n).toBe(4);
      expect((await store.one<{ n: number }>('SELECT count(*) AS n FROM runs'))?.n).toBe(1);
      expect((await store.one<{ note: string }>('SELECT note FROM targets'))?.note).toBe("it's 2.5; DROP TABLE targets");
    } finally {
      store.close();
    }
  });
});
