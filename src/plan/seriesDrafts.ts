import { quantityUnits } from './quantityUnits.js';
import type { SeriesSuggestion } from './suggestTargets.js';

/** An indicator definition in the shape of `metrics/indicators/*.yaml` (src/catalog/indicator.ts), keys in the catalog's order. */
export interface IndicatorDraft {
  readonly id: string;
  readonly task: number;
  readonly name: string;
  readonly unit: string;
  readonly direction: 'higher' | 'lower';
  readonly scope: 'intensive' | 'extensive';
  readonly schedule: 'level' | 'explicit' | 'year_end';
  readonly formula: string;
  readonly decimals: number;
  readonly lead_units: readonly string[];
  readonly cooperating_units: readonly string[];
}

/** An entry of `metrics/variables.yaml` (src/catalog/variable.ts) for the one input the draft's formula reads. */
export interface VariableDraft {
  readonly code: string;
  readonly name: string;
  readonly unit: string;
  readonly kind: 'flow' | 'stock';
  readonly frequency: 'quarterly' | 'annual';
  readonly additive: boolean;
  readonly integer?: true;
  readonly min?: 0;
}

/** Words that make a figure a level at the period's end (a stock) rather than what was done in the year to date (a flow). */
const levelWords: readonly string[] = ['拥有量', '保有量', '总量', '总数', '达到', '突破', '建有率', '比重', '占比'];

/**
 * The indicator a suggested series would be, judged like the catalog's own
 * promoted plan indicators: counted against explicit quarterly rows when the
 * milestones give numbers, else a level (ratios) or judged at year end;
 * `lower` is better only when the plan caps the figure (不超过, 控制在).
 */
export function indicatorDraft(s: SeriesSuggestion): IndicatorDraft {
  const quantities = quantitiesOf(s);
  const kind = quantityUnits[quantities[0]?.unit ?? '']?.kind;
  const counted = kind === 'count' || kind === 'people';
  return {
    id: s.id,
    task: s.task.number,
    name: quantities.find((q) => q.subject !== '')?.subject ?? quantities[0]?.phrase ?? s.id,
    unit: s.unit,
    direction: quantities.some((q) => q.qualifier === 'at_most') ? 'lower' : 'higher',
    scope: kind === 'ratio' ? 'intensive' : 'extensive',
    schedule: s.series.milestones.length > 0 ? 'explicit' : kind === 'ratio' ? 'level' : 'year_end',
    formula: s.id,
    decimals: counted ? 0 : Math.min(6, Math.max(0, ...s.targets.map((t) => decimalsOf(t.value)))),
    lead_units: s.task.leadUnits,
    cooperating_units: s.task.cooperatingUnits,
  };
}

/** The input variable the draft's formula reads: what the lead unit would report, year to date or at the period's end. */
export function variableDraft(s: SeriesSuggestion): VariableDraft {
  const indicator = indicatorDraft(s);
  const quantities = quantitiesOf(s);
  const kind = quantityUnits[quantities[0]?.unit ?? '']?.kind;
  const stock = kind === 'ratio' || quantities.some((q) => levelWords.some((w) => q.phrase.includes(w)));
  const counted = kind === 'count' || kind === 'people';
  return {
    code: s.id,
    name: stock ? indicator.name : `${indicator.name}（当年累计）`,
    unit: s.unit,
    kind: stock ? 'stock' : 'flow',
    frequency: s.series.milestones.length > 0 ? 'quarterly' : 'annual',
    additive: kind !== 'ratio',
    ...(counted ? { integer: true, min: 0 } : {}),
  };
}

const quantitiesOf = (s: SeriesSuggestion) => [...s.series.milestones, ...(s.series.goal ? [s.series.goal] : [])];

function decimalsOf(value: number): number {
  const text = String(value);
  return text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
}
