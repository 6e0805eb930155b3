/** The results columns, in output order: the contract's twelve first, then the extras (CONTRACT.md §Outputs). */
export const resultColumns = [
  'indicator',
  'region',
  'period',
  'actual',
  'target',
  'annual_target',
  'attainment',
  'annual_progress',
  'expected_progress',
  'gap',
  'status',
  'rank',
  'indicator_name',
  'region_name',
  'unit',
  'status_label',
  'target_source',
  'missing_inputs',
  'missing_children',
  'notes',
] as const;

export type ResultColumn = (typeof resultColumns)[number];
export type ResultRow = Record<ResultColumn, string | number | null>;
