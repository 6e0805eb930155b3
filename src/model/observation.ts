/** One reported value of a variable for a region and period, with where it was read. */
export interface Observation {
  readonly region: string;
  readonly period: string;
  readonly year: number;
  readonly quarter: number;
  readonly variable: string;
  readonly value: number;
  readonly source: string;
  readonly note: string;
  readonly row: number;
  /** The column the value came from (the variable's column in a wide file, `value` in a long one). */
  readonly column: string;
}
