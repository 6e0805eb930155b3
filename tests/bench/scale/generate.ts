/**
 * The scale benchmark's synthetic data folder, written by DuckDB itself so the
 * generator is not what is measured: a province (`900000`) of 12 cities of 25
 * counties each (313 regions), firms spread over the 300 counties, each firm
 * reporting every quarter of 2023–2024 in one firm-level CSV per quarter (the
 * way quarterly monitoring reports arrive), wide layout:
 *
 *   region,period,entity,rd_expenditure,revenue,patents,is_high_tech
 *
 * `rows` is the number of firm × quarter rows over the eight files. Values are
 * deterministic (a hash of firm and quarter), with two decimals for money, and
 * year-to-date for the flows (Q2 ≥ Q1 within a year). The catalog is the
 * bench's own (`metrics/` in the folder): four variables, one of them the count
 * of firms flagged high-tech, and four indicators over them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export const PERIODS = ['2023Q1', '2023Q2', '2023Q3', '2023Q4', '2024Q1', '2024Q2', '2024Q3', '2024Q4'] as const;
export const CITIES = 12;
export const COUNTIES_PER_CITY = 25;

const variables = `- { code: rd_expenditure, name: 企业研发经费支出, unit: 万元, kind: flow, frequency: quarterly, additive: true, min: 0 }
- { code: revenue, name: 企业营业收入, unit: 万元, kind: flow, frequency: quarterly, additive: true, min: 0 }
- { code: patents, name: 企业有效发明专利, unit: 件, kind: stock, frequency: quarterly, additive: true, integer: true, min: 0 }
- { code: high_tech_firms, name: 高新技术企业数, unit: 家, kind: stock, frequency: quarterly, additive: true, integer: true, min: 0, derived: { count_entities: { flag: is_high_tech } } }
`;

const indicator = (id: string, name: string, unit: string, scope: string, formula: string, decimals: number) =>
  `id: ${id}\nname: ${name}\nunit: '${unit}'\ndirection: higher\nscope: ${scope}\nschedule: level\nformula: '${formula}'\ndecimals: ${decimals}\n`;

/** The bench's indicators: what the floor and the Arquero version compute by hand, too (formulas in floor.sql and arquero.ts). */
export const INDICATORS: Record<string, string> = {
  '01_rd_intensity.yaml': indicator('rd_intensity', '企业研发经费占营业收入比重', '%', 'intensive', '100 * rd_expenditure / revenue', 2),
  '02_rd_expenditure.yaml': indicator('rd_total', '企业研发经费支出', '万元', 'extensive', 'rd_expenditure', 2),
  '03_high_tech_firms.yaml': indicator('high_tech_count', '高新技术企业数', '家', 'extensive', 'high_tech_firms', 0),
  '04_patents_per_firm.yaml': indicator('patents_per_high_tech', '每家高新技术企业有效发明专利', '件', 'intensive', 'patents / high_tech_firms', 2),
};

export interface GeneratedFolder {
  readonly data: string;
  readonly metrics: string;
  readonly files: readonly string[];
  readonly bytes: number;
}

/** Writes the folder under `root` (data/ and metrics/), `rows` firm × quarter rows in all. */
export async function generateFolder(root: string, rows: number): Promise<GeneratedFolder> {
  const data = join(root, 'data');
  const metrics = join(root, 'metrics');
  await mkdir(join(data, 'observations'), { recursive: true });
  await mkdir(join(metrics, 'indicators'), { recursive: true });
  await writeFile(join(metrics, 'variables.yaml'), variables);
  for (const [name, text] of Object.entries(INDICATORS)) await writeFile(join(metrics, 'indicators', name), text);

  const regions = ['code,name,parent,level,rollup', '900000,示范省,,province,true'];
  for (let c = 1; c <= CITIES; c++) {
    const city = `9${String(c).padStart(2, '0')}000`;
    regions.push(`${city},第${c}市,900000,city,true`);
    for (let k = 1; k <= COUNTIES_PER_CITY; k++) regions.push(`9${String(c).padStart(2, '0')}${String(k).padStart(3, '0')},第${c}市第${k}县,${city},county,true`);
  }
  await writeFile(join(data, 'regions.csv'), `${regions.join('\n')}\n`);
  await writeFile(join(data, 'targets.csv'), 'indicator,region,year,period,value\n');

  const firms = Math.ceil(rows / PERIODS.length);
  const counties = CITIES * COUNTIES_PER_CITY;
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  const files: string[] = [];
  let bytes = 0;
  try {
    for (const [q, period] of PERIODS.entries()) {
      const quarterOfYear = (q % 4) + 1;
      // Firm i lives in county i mod 300 and reports this quarter if i < the share of rows left for it.
      const inQuarter = Math.min(firms, Math.max(0, rows - q * firms));
      const file = join(data, 'observations', `firms_${period}.csv`);
      await connection.run(`COPY (
        SELECT '9' || lpad(CAST(1 + (i % ${counties}) // ${COUNTIES_PER_CITY} AS VARCHAR), 2, '0') || lpad(CAST(1 + (i % ${counties}) % ${COUNTIES_PER_CITY} AS VARCHAR), 3, '0') AS region,
               '${period}' AS period,
               '91' || lpad(CAST(i AS VARCHAR), 16, '0') AS entity,
               round(${quarterOfYear} * (1 + (hash(i, 1) % 50000) / 100.0), 2) AS rd_expenditure,
               round(${quarterOfYear} * (100 + (hash(i, 2) % 5000000) / 100.0), 2) AS revenue,
               CAST(hash(i, 3, ${q >= 4 ? 1 : 0}) % 40 AS BIGINT) + ${q % 4} AS patents,
               CAST(hash(i, 4) % 5 = 0 AS INTEGER) AS is_high_tech
        FROM range(${inQuarter}) t(i)
      ) TO '${file}' (HEADER, DELIMITER ',')`);
      files.push(file);
      const size = await connection.runAndReadAll(`SELECT size FROM read_blob('${file}')`);
      bytes += Number(size.getRowObjectsJS()[0]?.size ?? 0);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return { data, metrics, files, bytes };
}
