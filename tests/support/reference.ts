/**
 * A plain-loop reference implementation of INDICATORS.md §3–§5 for a handful of indicators,
 * written from the spec alone (no engine code), used to cross-check the engine's results.
 */

export type Scope = 'intensive' | 'extensive';
export type Schedule = 'level' | 'linear' | 'explicit' | 'year_end';
type Values = Readonly<Record<string, number | null>>;

export interface RefIndicator {
  readonly id: string;
  readonly scope: Scope;
  readonly schedule: Schedule;
  readonly variables: readonly string[];
  /** The formula on the region's own input values; every input is non-null here. Null on division by zero. */
  readonly compute: (v: Values) => number | null;
}

const div = (a: number, b: number): number | null => (b === 0 ? null : a / b);
const num = (v: Values, name: string): number => v[name] as number;

/** The catalog subset, hard-coded from INDICATORS.md §2. */
export const refIndicators: readonly RefIndicator[] = [
  { id: 'rd_intensity', scope: 'intensive', schedule: 'level', variables: ['rd_expenditure', 'gdp'], compute: (v) => div(100 * num(v, 'rd_expenditure'), num(v, 'gdp')) },
  { id: 'patents_per_10k', scope: 'intensive', schedule: 'year_end', variables: ['invention_patents', 'population'], compute: (v) => div(num(v, 'invention_patents'), num(v, 'population')) },
  { id: 'talents_introduced', scope: 'extensive', schedule: 'linear', variables: ['talents_introduced'], compute: (v) => num(v, 'talents_introduced') },
  { id: 'new_incubated_firms', scope: 'extensive', schedule: 'explicit', variables: ['new_incubated_firms'], compute: (v) => num(v, 'new_incubated_firms') },
  { id: 'good_air_days_ratio', scope: 'intensive', schedule: 'level', variables: ['good_air_days', 'valid_air_days'], compute: (v) => div(100 * num(v, 'good_air_days'), num(v, 'valid_air_days')) },
  { id: 'high_tech_firms', scope: 'extensive', schedule: 'year_end', variables: ['high_tech_firms'], compute: (v) => num(v, 'high_tech_firms') },
];

/** INDICATORS.md §1, for the variables used above. */
const annualVariables = new Set(['population']);
const nonAdditiveVariables = new Set(['good_air_days', 'valid_air_days']);

export interface RefRegion {
  readonly code: string;
  readonly parent: string | null;
  readonly rollup: boolean;
}
export interface RefObservation {
  readonly region: string;
  /** `YYYYQn` or `YYYY` */
  readonly period: string;
  readonly variable: string;
  readonly value: number;
}
export interface RefTarget {
  readonly indicator: string;
  readonly region: string;
  readonly year: number;
  /** null for the annual target */
  readonly period: string | null;
  readonly value: number;
}
export interface RefInput {
  readonly regions: readonly RefRegion[];
  /** Observation files, in the order they are read (name order). */
  readonly observationFiles: readonly (readonly RefObservation[])[];
  readonly targets: readonly RefTarget[];
  readonly warningThreshold: number;
}

export interface RefRow {
  indicator: string;
  region: string;
  period: string;
  actual: number | null;
  target: number | null;
  annual_target: number | null;
  attainment: number | null;
  annual_progress: number | null;
  expected_progress: number | null;
  gap: number | null;
  status: string;
  rank: number | null;
}

/** `YYYY` → `YYYYQ4`; `YYYYQn` unchanged. */
export const normalizePeriod = (p: string): string => (/^\d{4}$/.test(p) ? `${p}Q4` : p);
const yearOf = (p: string): number => Number(p.slice(0, 4));
const quarterOf = (p: string): number => Number(p.slice(5));
const ordinal = (p: string): number => yearOf(p) * 4 + quarterOf(p) - 1;

export function reference(input: RefInput): RefRow[] {
  // Latest revision of each (region, variable, period): later files win.
  const latest = new Map<string, number>();
  const key = (region: string, variable: string, period: string): string => `${region}|${variable}|${period}`;
  const periodSet = new Set<string>();
  for (const file of input.observationFiles) {
    for (const o of file) {
      const p = normalizePeriod(o.period);
      latest.set(key(o.region, o.variable, p), o.value);
      periodSet.add(p);
    }
  }
  const periods = [...periodSet].sort((a, b) => ordinal(a) - ordinal(b));

  const children = new Map<string, RefRegion[]>();
  const byCode = new Map<string, RefRegion>();
  for (const r of input.regions) {
    byCode.set(r.code, r);
    if (r.parent !== null) {
      const list = children.get(r.parent) ?? [];
      list.push(r);
      children.set(r.parent, list);
    }
  }

  /** The region's own observation: exact period for quarterly variables, as-of for annual ones. */
  function own(region: string, variable: string, period: string): number | null {
    if (!annualVariables.has(variable)) return latest.get(key(region, variable, period)) ?? null;
    let best: number | null = null;
    let bestOrdinal = -Infinity;
    for (const p of periods) {
      const v = latest.get(key(region, variable, p));
      if (v !== undefined && ordinal(p) <= ordinal(period) && ordinal(p) > bestOrdinal) {
        best = v;
        bestOrdinal = ordinal(p);
      }
    }
    return best;
  }

  /** §3: own value, else the sum over rolling-up children when every one has a value. */
  function value(region: string, variable: string, period: string): number | null {
    const mine = own(region, variable, period);
    if (mine !== null) return mine;
    if (nonAdditiveVariables.has(variable)) return null;
    const kids = (children.get(region) ?? []).filter((c) => c.rollup);
    if (kids.length === 0) return null;
    let sum = 0;
    for (const kid of kids) {
      const v = value(kid.code, variable, period);
      if (v === null) return null;
      sum += v;
    }
    return sum;
  }

  const annualRow = (indicator: string, region: string, year: number): number | null => {
    for (const t of input.targets) if (t.indicator === indicator && t.region === region && t.year === year && t.period === null) return t.value;
    return null;
  };
  const scheduleRow = (indicator: string, region: string, period: string): number | null => {
    for (const t of input.targets) if (t.indicator === indicator && t.region === region && t.period === period) return t.value;
    return null;
  };
  /** §4: own annual row, else own Q4 schedule row, else (intensive only) the nearest ancestor's. */
  function annualTarget(ind: RefIndicator, region: string, year: number): number | null {
    const mine = annualRow(ind.id, region, year) ?? scheduleRow(ind.id, region, `${year}Q4`);
    if (mine !== null) return mine;
    const parent = byCode.get(region)?.parent ?? null;
    if (ind.scope === 'intensive' && parent !== null) return annualTarget(ind, parent, year);
    return null;
  }

  const rows: RefRow[] = [];
  for (const ind of refIndicators) {
    for (const period of periods) {
      const year = yearOf(period);
      const q = quarterOf(period);
      for (const region of input.regions) {
        const inputs: Record<string, number | null> = {};
        let complete = true;
        for (const v of ind.variables) {
          inputs[v] = value(region.code, v, period);
          if (inputs[v] === null) complete = false;
        }
        const actual = complete ? ind.compute(inputs) : null;

        const annual = annualTarget(ind, region.code, year);
        let target: number | null;
        let expected: number | null;
        switch (ind.schedule) {
          case 'level':
            target = annual;
            expected = 1;
            break;
          case 'linear':
            target = annual === null ? null : (annual * q) / 4;
            expected = q / 4;
            break;
          case 'explicit': {
            const row = scheduleRow(ind.id, region.code, period);
            if (row !== null) {
              target = row;
              expected = annual === null ? null : div(row, annual);
            } else {
              target = annual === null ? null : (annual * q) / 4;
              expected = q / 4;
            }
            break;
          }
          case 'year_end':
            target = annual;
            expected = q === 4 ? 1 : null;
            break;
        }

        // §5: a target of 0 or below makes its ratio null; "≥ 1" on such a null ratio reads "actual meets the target",
        // and it is never `warning`. (Every indicator here is higher-is-better.)
        const ratio = (goal: number | null): number | null => (actual !== null && goal !== null && goal > 0 ? div(actual, goal) : null);
        const reaches = (r: number | null, goal: number | null): boolean => (r !== null ? r >= 1 : actual !== null && goal !== null && actual >= goal);
        const attainment = ratio(target);
        const annualProgress = ratio(annual);
        const gap = actual !== null && target !== null ? actual - target : null;

        let status: string;
        if (actual === null) status = 'no_data';
        else if (annual === null) status = 'no_target';
        else if (ind.schedule === 'level' ? q === 4 && reaches(attainment, target) : reaches(annualProgress, annual)) status = 'completed';
        else if (ind.schedule === 'year_end' && q < 4) status = 'pending';
        else if (reaches(attainment, target)) status = 'on_track';
        else if (attainment !== null && attainment >= input.warningThreshold) status = 'warning';
        else status = 'behind';

        rows.push({
          indicator: ind.id,
          region: region.code,
          period,
          actual,
          target,
          annual_target: annual,
          attainment,
          annual_progress: annualProgress,
          expected_progress: expected,
          gap,
          status,
          rank: null,
        });
      }
    }
  }

  // §5 rank: among regions with the same parent, by attainment, highest first, ties sharing.
  const groups = new Map<string, RefRow[]>();
  for (const row of rows) {
    const parent = byCode.get(row.region)?.parent ?? null;
    if (parent === null || row.attainment === null) continue;
    const k = `${row.indicator}|${row.period}|${parent}`;
    const list = groups.get(k) ?? [];
    list.push(row);
    groups.set(k, list);
  }
  for (const list of groups.values()) {
    for (const row of list) row.rank = 1 + list.filter((o) => (o.attainment as number) > (row.attainment as number)).length;
  }
  return rows;
}
