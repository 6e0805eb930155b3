import type { indicatorSchema } from '../../catalog/indicator.js';
import type { variableSchema } from '../../catalog/variable.js';

/**
 * What each field of the catalog means, for the published schemas of
 * metrics/variables.yaml and metrics/indicators/*.yaml. The Zod schemas of
 * `src/catalog/` carry their meaning in doc comments; these records are
 * keyed by the schemas' own fields, so a field added there without words
 * here is a compile error.
 */
export const variableFieldDescriptions: Record<keyof typeof variableSchema.shape, string> = {
  code: '变量代码 code: 小写蛇形，报送文件和公式中使用 / lower snake case, as data files and formulas name it (rd_expenditure); unique in the catalog',
  name: '名称 name: 基础数据项名称 / the variable\'s name',
  unit: '计量单位 unit: 报送数值的单位 / the unit values are reported in (亿元, 家, 天)',
  kind: '类型 kind: flow 为当年累计值，stock 为期末数 / flow: year-to-date cumulative at the period\'s end; stock: the level at the period\'s end',
  frequency: '频率 frequency: quarterly 按季报送；annual 每年一次（YYYY 或 YYYYQ4），季度计算取最近一期 / annual variables are reported once a year and read as-of by quarterly computations',
  additive: '可加 additive: 上级数值可否为下级之和 / whether a parent\'s value may be the sum of its children\'s (air-quality days may not)',
  integer: '整数 integer: 只接受整数（家数、件数、人数、天数）/ whole numbers only: a reported 12.5 is rejected. Default: any number',
  min: '下限 min: 报送值不得低于此值；已入库值低于它为 OUT_OF_RANGE 错误 / the smallest value a report may give (0 for counts and amounts): a report below it is rejected; a stored one below it is an OUT_OF_RANGE error in quality.csv',
  max: '上限 max: 可能正确的最大值；超出为 quality.csv 中的 OUT_OF_RANGE 错误，运行继续 / the largest value that can be right (366 days): a stored value above it is an OUT_OF_RANGE error in quality.csv; the run goes on. Not below min',
  description: '说明 description: 可选，供人阅读 / optional, for people',
};

export const indicatorFieldDescriptions: Record<keyof typeof indicatorSchema.shape, string> = {
  id: '指标 id: 小写蛇形，目标文件和结果中使用 / lower snake case, as targets.csv and the results name it; unique in the catalog',
  task: '任务序号 task: 计划中的任务编号 / the plan\'s task number',
  name: '名称 name: 指标名称 / the indicator\'s name, as reports write it',
  unit: '计量单位 unit: 指标值、目标和差距的单位 / the unit of the value, targets and gap (% for shares)',
  direction: '方向 direction: higher 越高越好，lower 越低越好 / whether more is better (R&D intensity) or less is better (energy use)',
  scope: '范围 scope: intensive（比率，下级继承上级目标）/ extensive（总量，不继承）/ intensive (ratios, rates): a region without its own target inherits its nearest ancestor\'s; extensive (counts, sums): it does not',
  schedule: '进度 schedule: level（水平，全年同一目标）、linear（线性，年度 × q ÷ 4）、explicit（targets.csv 分期行）、year_end（年末考核）/ how the target to date follows the year (INDICATORS.md §4)',
  formula: '公式 formula: 以变量代码写的 DuckDB SQL 表达式；prev_year(x) 为上年同期 / a DuckDB SQL expression over variable codes; prev_year(x) is x a year earlier. Every identifier must be a variable of the catalog',
  decimals: '小数位 decimals: 报告中显示的小数位（0–6），结果文件不取整 / decimals shown in reports; results files are never rounded',
  lead_units: '牵头单位 lead units: 列表，默认为空 / a list, default empty; named in early warnings',
  cooperating_units: '配合单位 cooperating units: 列表，默认为空 / a list, default empty',
  description: '说明 description: 可选，供人阅读 / optional, for people',
  range: '取值范围 range: {min, max}，至少一个，min ≤ max；超出为 quality.csv 中的 OUT_OF_RANGE 错误，指标照常计算发布 / the values that can be right ({min: 0, max: 100} for a share in %): at least one bound, min not above max; a value outside is an OUT_OF_RANGE error in quality.csv, and the figure is still published',
  applies_to: '适用范围 applies to: {root, levels, regions}，至少一项；缺省为所有地区 / where the indicator applies: the root (root: true), some levels, some regions, any of them (at least one); absent, every region. No result row is made elsewhere',
};
