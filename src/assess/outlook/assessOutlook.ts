import { z } from 'zod';
import type { Catalog } from '../../catalog/catalog.js';
import type { Sql } from '../../model/sql.js';
import { ident, joinSql, sql } from '../../model/sql.js';
import { decodeRow } from '../../store/decodeRow.js';
import { outlookColumns } from '../../store/results.js';
import type { Store } from '../../store/store.js';
import { workingRegions } from '../../store/workingSet.js';
import type { OutlookRow } from './figureOutlooks.js';
import { figureOutlooks } from './figureOutlooks.js';

const sqlTypes: Record<(typeof outlookColumns)[keyof typeof outlookColumns]['type'], Sql> = { DOUBLE: sql`DOUBLE`, VARCHAR: sql`VARCHAR` };

const assessedRow = z.object({ indicator: z.string(), region: z.string(), period: z.string(), actual: z.number().nullable(), annual_target: z.number().nullable() });

/**
 * Step 3b, after assessResults (src/assess/assessResults.ts): each figure's outlook (OUTLOOK.md
 * §1–3) added to the temp table `assessed` as the columns of
 * `outlookColumns` (store/results.ts). The rules need other figures' actuals (last year's,
 * the ancestors'), so they run in TypeScript (src/assess/outlook/) over the
 * assessed rows; the values go back through an appender into the temp table
 * `outlook`, joined in by key — never into SQL text.
 */
export async function assessOutlook(store: Store, catalog: Catalog): Promise<void> {
  const rows: OutlookRow[] = (await store.all('SELECT indicator, region, period, actual, annual_target FROM assessed ORDER BY ord')).map((row) => {
    const r = decodeRow(assessedRow, row, 'assessed');
    return { indicator: r.indicator, region: r.region, period: r.period, actual: r.actual, annualTarget: r.annual_target };
  });
  const parents = new Map((await workingRegions(store)).map((r) => [r.code, r.parent]));
  const outlooks = figureOutlooks(rows, catalog.indicators, parents);

  const columns = Object.entries(outlookColumns);
  await store.run(sql`CREATE OR REPLACE TEMP TABLE outlook (indicator VARCHAR NOT NULL, region VARCHAR NOT NULL, period VARCHAR NOT NULL, ${joinSql(columns.map(([name, c]) => sql`${ident(name)} ${sqlTypes[c.type]}`))})`);
  const appender = await store.connection.createAppender('outlook', 'main', 'temp');
  for (const [i, row] of rows.entries()) {
    const outlook = outlooks[i]?.outlook;
    if (outlook === undefined) throw new Error('an outlook per assessed row');
    appender.appendVarchar(row.indicator);
    appender.appendVarchar(row.region);
    appender.appendVarchar(row.period);
    for (const [, c] of columns) {
      const value = outlook[c.field];
      if (value === null) appender.appendNull();
      else if (typeof value === 'number') appender.appendDouble(value);
      else appender.appendVarchar(value);
    }
    appender.endRow();
  }
  appender.closeSync();
  await store.run(`
    CREATE OR REPLACE TEMP TABLE assessed AS
    SELECT a.*, o.* EXCLUDE (indicator, region, period)
    FROM assessed a LEFT JOIN outlook o USING (indicator, region, period)`);
}
