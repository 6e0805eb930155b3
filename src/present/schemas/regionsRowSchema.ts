import { z } from 'zod';
import { regionCodeSchema } from './cellSchemas.js';

/** The Chinese header each column of regions.csv may carry instead of its code (CONTRACT.md §regions.csv). */
export const regionsHeaders = { code: '地区代码', name: '地区名称', parent: '上级代码', level: '层级', rollup: '计入上级' } as const;

/**
 * One row of regions.csv, keyed by column code, every cell as the text the
 * file holds. `code`, `name` and `parent` are required columns (parent empty
 * for the single root); `level` and `rollup` may be left out.
 */
export const regionsRowSchema = z.strictObject({
  code: regionCodeSchema.describe('地区代码 code: 唯一代码，按文本保存 / unique region code, kept as text: letters, digits, - and _ (it names the files of the report)'),
  name: z.string().min(1).describe('地区名称 name: 显示名称 / display name'),
  parent: z
    .union([regionCodeSchema, z.literal('')])
    .describe('上级代码 parent: 上级地区代码，唯一的根为空 / the parent\'s code; empty for the single root. Every parent is a region of the file, with no cycles'),
  level: z.string().optional().describe('层级 level: city, county, district, zone 或其他词 / or another word; used by an indicator\'s applies_to.levels'),
  rollup: z
    .enum(['true', 'false', ''])
    .optional()
    .describe(
      '计入上级 rollup: 默认 true；false 表示其数值不计入上级（其下级已计入他处）/ default true (also when empty or the column is absent); false marks a unit whose values are not added into its parent. The checks also read yes/no, 1/0, 是/否, 计入/不计入',
    ),
});
