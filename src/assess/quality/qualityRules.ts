import type { QualityCode } from '../../model/qualityFinding.js';
import { missingReport } from './missingReport.js';
import { outOfRange } from './outOfRange.js';
import { parentSumMismatch } from './parentSumMismatch.js';
import { peerOutlier } from './peerOutlier.js';
import type { QualityRule } from './qualityRule.js';
import { stockJump } from './stockJump.js';
import { ytdDecrease } from './ytdDecrease.js';

/** Every data-quality rule of OUTLOOK.md §5, by code: a code of the catalog without a rule, or a rule under another's code, does not compile. */
export const qualityRules: { readonly [C in QualityCode]: QualityRule<C> } = {
  YTD_DECREASE: ytdDecrease,
  OUT_OF_RANGE: outOfRange,
  STOCK_JUMP: stockJump,
  PARENT_SUM_MISMATCH: parentSumMismatch,
  PEER_OUTLIER: peerOutlier,
  MISSING_REPORT: missingReport,
};
