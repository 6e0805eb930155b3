/**
 * The verdict on one figure (INDICATORS.md §5), in the order the rules are tried.
 *
 * @example
 * statuses.includes('behind') // true: 滞后, below the warning line
 */
export const statuses = ['no_data', 'no_target', 'completed', 'pending', 'on_track', 'warning', 'behind'] as const;
/** One of {@link statuses}: the `status` column of results.csv. */
export type Status = (typeof statuses)[number];
