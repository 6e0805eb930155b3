/** A target row: an annual target (period null) or a cumulative schedule point due by a quarter's end. */
export interface Target {
  readonly indicator: string;
  readonly region: string;
  readonly year: number;
  readonly period: string | null;
  readonly value: number;
  readonly note: string;
  readonly row: number;
}
