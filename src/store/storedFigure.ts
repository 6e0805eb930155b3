import type { Status } from '../assess/status.js';

/** The assessed columns of one `results` row, as DuckDB returns them (snake_case, nulls kept). */
export interface StoredFigure {
  [key: string]: unknown;
  actual: number | null;
  target: number | null;
  annual_target: number | null;
  attainment: number | null;
  annual_progress: number | null;
  expected_progress: number | null;
  gap: number | null;
  status: Status;
  rank: number | null;
  target_source: string | null;
  notes: string | null;
}
