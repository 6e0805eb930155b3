import { editDistance } from './editDistance.js';

/** Something a cell may name: a code, and the Chinese name people also write. */
export interface Named {
  readonly code: string;
  readonly name: string;
}

/** A typo is at most one edit in three characters (at least one): `gpd` → `gdp`, not `X9` → `A`. */
const closeEnough = (distance: number, a: string, b: string): boolean =>
  distance <= Math.max(1, Math.floor(Math.max([...a].length, [...b].length) / 3));

/**
 * The known code nearest to `value`, comparing it with every code (English
 * case ignored) and every Chinese name, or undefined when nothing is close.
 * Ties go to the earlier entry, i.e. the order the analyst listed them.
 *
 * @example suggestCode('甲', [{ code: '100101', name: '甲县' }]) // { code: '100101', name: '甲县' }
 */
export function suggestCode(value: string, known: readonly Named[]): Named | undefined {
  let best: { entry: Named; distance: number } | undefined;
  for (const entry of known) {
    for (const target of [entry.code.toLowerCase(), entry.name]) {
      const distance = editDistance(target === entry.name ? value : value.toLowerCase(), target);
      if (closeEnough(distance, value, target) && (best === undefined || distance < best.distance)) best = { entry, distance };
    }
  }
  return best?.entry;
}

/**
 * `expected` for an unknown code: "did you mean" the nearest known code,
 * then the general advice.
 *
 * @example didYouMean('100110', regions, 'regions.csv 中的地区代码') // '你是不是要写 100101（甲县）？did you mean 100101 (甲县)?；regions.csv 中的地区代码'
 */
export function didYouMean(value: string, known: readonly Named[], advice: string): string {
  const near = suggestCode(value, known);
  if (near === undefined) return advice;
  const label = near.name !== '' && near.name !== near.code ? [`（${near.name}）`, ` (${near.name})`] : ['', ''];
  return `你是不是要写 ${near.code}${label[0]}？did you mean ${near.code}${label[1]}?；${advice}`;
}
