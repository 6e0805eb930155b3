/** `/assets/state.js`: the view lives in the URL hash, so a link reproduces it and back/forward step through drill-downs. */
export const stateModule = String.raw`
const keys = ['period', 'region', 'indicator'];

/** '#period=2023Q4&region=…&indicator=…' → { period, region, indicator } (undefined where absent). */
export function readHash(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return Object.fromEntries(keys.map((k) => [k, params.get(k) || undefined]));
}

/** The hash that names a view. */
export function hashOf(view) {
  const params = new URLSearchParams();
  for (const k of keys) if (view[k]) params.set(k, view[k]);
  return '#' + params.toString();
}

/** The wanted period when the publication has results for it, else the latest. */
export function settledPeriod(wanted, known) {
  return known.periods.includes(wanted) ? wanted : known.periods[known.periods.length - 1];
}

/**
 * The view to show for a wanted one at period: region and indicator kept
 * when the publication has them, else the root region and the given
 * default indicator.
 */
export function settle(wanted, known, period, defaultIndicator) {
  const region = known.regions.some((r) => r.code === wanted.region) ? wanted.region : known.root.code;
  const indicator = known.indicators.some((i) => i.id === wanted.indicator) ? wanted.indicator : defaultIndicator;
  return { period, region, indicator };
}
`;
