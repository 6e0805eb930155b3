/** The verdict on one figure (INDICATORS.md §5), in the order the rules are tried. */
export const statuses = ['no_data', 'no_target', 'completed', 'pending', 'on_track', 'warning', 'behind'] as const;
export type Status = (typeof statuses)[number];
