import { join } from 'node:path';

/** Where a data folder keeps its plan (CONTRACT.md: `plan/`). */
export const planFiles = (folder: string): PlanFiles => ({
  json: join(folder, 'plan', 'tasks.json'),
  csv: join(folder, 'plan', 'tasks.csv'),
  quantities: join(folder, 'plan', 'quantities.csv'),
});

export interface PlanFiles {
  readonly json: string;
  readonly csv: string;
  readonly quantities: string;
}
