/** A reporting unit: the city, a county, a district or a functional zone. */
export interface Region {
  readonly code: string;
  readonly name: string;
  /** The parent's code; null for the single root. */
  readonly parent: string | null;
  readonly level: string;
  /** False for a unit whose values must not be added into its parent's. */
  readonly rollup: boolean;
  /** Position in regions.csv, used to order outputs as the analyst listed them. */
  readonly order: number;
}
