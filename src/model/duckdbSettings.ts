/**
 * The settings every DuckDB database of the engine opens with: never
 * install or load an extension on its own (nothing may be downloaded), and
 * a memory limit, beyond which DuckDB spills sorts, joins and aggregates to
 * its temp folder instead of growing. The limit is 1 GB unless
 * `KPI_MEMORY_LIMIT` says otherwise (a DuckDB size: `4GB`, `512MB`); without
 * one DuckDB takes up to 80 % of the machine's memory: 15.9 GiB for 10^7
 * firm rows here, against 1.6 GiB with the limit (docs/scaling.md).
 */
export function duckdbSettings(): Record<string, string> {
  return { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', memory_limit: process.env.KPI_MEMORY_LIMIT ?? '1GB' };
}
