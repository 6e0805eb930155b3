import type { QualityFinding } from '../model/qualityFinding.js';
import { qualityFindingSchema } from '../model/qualityFinding.js';
import type { Store } from './store.js';

/** Stores a run's data-quality findings in their order, as one bound JSON array (no value is pasted into SQL). */
export async function saveQualityFindings(store: Store, runId: number, findings: readonly QualityFinding[]): Promise<void> {
  if (findings.length === 0) return;
  await store.run(
    `INSERT INTO quality_findings (run_id, ord, finding)
     SELECT $run, CAST(j.key AS INTEGER), j.value FROM json_each(CAST($findings AS JSON)) AS j`,
    { run: runId, findings: JSON.stringify(findings) },
  );
}

/**
 * A run's data-quality findings as it stored them, checked against the
 * catalog of rules; none for a run made before they were stored.
 *
 * @example await storedQualityFindings(store, 3) // [{ code: 'PARENT_SUM_MISMATCH', severity: 'warning', … }]
 */
export async function storedQualityFindings(store: Store, runId: number): Promise<QualityFinding[]> {
  const rows = await store.all<{ finding: string }>('SELECT CAST(finding AS VARCHAR) AS finding FROM quality_findings WHERE run_id = $run ORDER BY ord', { run: runId });
  return rows.map((r) => qualityFindingSchema.parse(JSON.parse(r.finding)) as QualityFinding);
}
