import { milestoneStatusLabels } from '../../plan/milestoneStatus.js';
import type { DueMilestone } from '../../plan/trackPlan.js';

/** A milestone's state in words: the reported status, or 未报送 when nobody reported. */
export const milestoneStateLabel = (state: DueMilestone['state']): string => (state === 'unreported' ? '未报送' : milestoneStatusLabels[state]);
