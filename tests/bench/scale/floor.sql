-- The floor of the scale benchmark: the results table computed by one
-- hand-written DuckDB script from the same files, as fast as this can be done
-- here (no checking, no revision history, no store). ${files}, ${regions},
-- ${out} are filled in by floor.child.ts. Step 1 is the load; the rest is the
-- computation, ending in the results file.

-- 1. load
CREATE TABLE firms AS
SELECT * FROM read_csv(${files}, header = true, delim = ',', quote = '"',
  columns = {'region': 'VARCHAR', 'period': 'VARCHAR', 'entity': 'VARCHAR', 'rd_expenditure': 'DOUBLE',
             'revenue': 'DOUBLE', 'patents': 'BIGINT', 'is_high_tech': 'INTEGER'});
CREATE TABLE regions AS
SELECT * FROM read_csv(${regions}, header = true, all_varchar = true);

-- 2. firms to counties, counties up the tree (every region's value is the sum over the firms below it)
CREATE TABLE ancestry AS
WITH RECURSIVE up(code, ancestor) AS (
  SELECT code, code FROM regions
  UNION ALL
  SELECT up.code, r.parent FROM up JOIN regions r ON r.code = up.ancestor WHERE r.parent IS NOT NULL AND r.parent <> ''
)
SELECT * FROM up;
CREATE TABLE own AS
SELECT region, period, sum(rd_expenditure) AS rd_expenditure, sum(revenue) AS revenue,
       sum(patents) AS patents, count(*) FILTER (WHERE is_high_tech = 1) AS high_tech_firms
FROM firms GROUP BY region, period;
CREATE TABLE totals AS
SELECT a.ancestor AS region, o.period, sum(o.rd_expenditure) AS rd_expenditure, sum(o.revenue) AS revenue,
       sum(o.patents) AS patents, sum(o.high_tech_firms) AS high_tech_firms
FROM own o JOIN ancestry a ON a.code = o.region GROUP BY a.ancestor, o.period;

-- 3. the formulas (a value that is not finite, such as a division by zero, is null, as INDICATORS.md says), names, the file
COPY (
  SELECT f.indicator, t.region, t.period, CASE WHEN isfinite(f.actual) THEN f.actual END AS actual, r.name AS region_name
  FROM totals t
  CROSS JOIN LATERAL (VALUES
    ('rd_intensity', 100 * t.rd_expenditure / t.revenue),
    ('rd_total', t.rd_expenditure),
    ('high_tech_count', CAST(t.high_tech_firms AS DOUBLE)),
    ('patents_per_high_tech', t.patents / t.high_tech_firms)
  ) f(indicator, actual)
  JOIN regions r ON r.code = t.region
  ORDER BY f.indicator, t.region, t.period
) TO ${out} (FORMAT parquet);
