/**
 * Generates the SYNTHETIC sample data folder `data/suqian/` (2020Q1–2023Q4; 2020–2021 a synthetic history made backwards from 2022).
 *
 *   npx tsx data/generate-suqian.ts        (or: npm run generate:sample)
 *
 * Only the city's published GDP and population figures are real; every other
 * number is invented, but shaped to tell a believable story against the 2023
 * plan targets (宿迁市2023年度国家创新型城市建设重点任务推进计划).
 *
 * How it works: the city-level totals per quarter are written down by hand
 * (CITY_PLAN), then split over the nine reporting units with a table of unit
 * shares and "character" factors (UNITS) plus a little seeded noise. Splits are
 * done in integer units (cents for 亿元, whole counts) so the units always sum
 * exactly to the planned city total. The output is deterministic: a seeded
 * PRNG, no clock, fixed xlsx properties, single-threaded DuckDB.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { DuckDBInstance } from '@duckdb/node-api';
import { milestoneStatusLabels } from '../src/plan/milestoneStatus.js';
import type { MilestoneStatus } from '../src/model/milestoneReport.js';
import { parsePlan } from '../src/plan/parsePlan.js';
import type { Plan } from '../src/plan/planSchema.js';
import { planSchema } from '../src/plan/planSchema.js';
import { planCsv, planJson } from '../src/present/writePlan.js';
import { mulberry32 } from './prng.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, 'suqian');
const OBS_DIR = join(OUT, 'observations');
const PLAN_DIR = join(OUT, 'plan');
/** The plan document the sample's plan is imported from (a copy of ../shared/seeds; the committed plan is used without it). */
const SEED = join(HERE, 'seeds', 'suqian-2023-innovative-city-plan.txt');

// ---------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------

type Rng = () => number;

const PRNG_SEED = 20230224; // the plan's issue date

/** One independent stream per variable, so tuning one variable leaves the others unchanged. */
function rngFor(key: string): Rng {
  let h = 0x811c9dc5; // FNV-1a
  for (const ch of key) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return mulberry32(h ^ PRNG_SEED);
}

/** w × (1 ± spread), uniformly. */
function jitter(w: number, spread: number, rng: Rng): number {
  return w * (1 + spread * (2 * rng() - 1));
}

// ---------------------------------------------------------------------------
// Variables (INDICATORS.md §1)
// ---------------------------------------------------------------------------

const VARIABLES = [
  { code: 'gdp', decimals: 2, dept: '统计局' },
  { code: 'gdp_constant', decimals: 2, dept: '统计局' },
  { code: 'rd_expenditure', decimals: 2, dept: '统计局' },
  { code: 'rd_platforms', decimals: 0, dept: '科技局' },
  { code: 'rd_inst_firms', decimals: 0, dept: '科技局' },
  { code: 'rd_inst_base_firms', decimals: 0, dept: '科技局' },
  { code: 'high_tech_firms', decimals: 0, dept: '科技局' },
  { code: 'tech_smes', decimals: 0, dept: '科技局' },
  { code: 'invention_patents', decimals: 0, dept: '市场监管局' },
  { code: 'population', decimals: 2, dept: '统计局' },
  { code: 'high_tech_output', decimals: 2, dept: '统计局' },
  { code: 'industrial_output', decimals: 2, dept: '统计局' },
  { code: 'tech_contract_value', decimals: 2, dept: '科技局' },
  { code: 'incubators', decimals: 0, dept: '科技局' },
  { code: 'new_incubated_firms', decimals: 0, dept: '科技局' },
  { code: 'talents_introduced', decimals: 0, dept: '人才办' },
  { code: 'energy_consumption', decimals: 2, dept: '统计局' },
  { code: 'good_air_days', decimals: 0, dept: '生态环境局' },
  { code: 'valid_air_days', decimals: 0, dept: '生态环境局' },
  { code: 'sci_fiscal_exp', decimals: 2, dept: '财政局' },
  { code: 'public_fiscal_exp', decimals: 2, dept: '财政局' },
  { code: 'graduates_attracted', decimals: 0, dept: '人社局' },
] as const;

type VarCode = (typeof VARIABLES)[number]['code'];
const VAR_CODES: readonly VarCode[] = VARIABLES.map((v) => v.code);
/** Everything but the annual population is reported quarterly. */
const QUARTERLY_VARS: readonly VarCode[] = VAR_CODES.filter((c) => c !== 'population');
const varInfo = (code: VarCode) => VARIABLES.find((v) => v.code === code) ?? VARIABLES[0];

/** Values are kept as integers: cents for 2-decimal variables, whole numbers otherwise. */
const scaleOf = (code: VarCode): number => 10 ** varInfo(code).decimals;
const toScaled = (code: VarCode, x: number): number => Math.round(x * scaleOf(code));
const toNumber = (code: VarCode, scaled: number): number => scaled / scaleOf(code);
/** Text form for CSV: fixed decimals, never thousands separators or exponents. */
const toText = (code: VarCode, scaled: number): string =>
  toNumber(code, scaled).toFixed(varInfo(code).decimals);

// ---------------------------------------------------------------------------
// Periods: index t = 0..7 is 2022Q1..2023Q4
// ---------------------------------------------------------------------------

const YEARS = [2022, 2023] as const;
const QUARTERS: readonly string[] = YEARS.flatMap((y) => [1, 2, 3, 4].map((q) => `${y}Q${q}`));
const N = QUARTERS.length;
const yearOf = (t: number): number => YEARS[0] + Math.floor(t / 4);
const qOf = (t: number): number => (t % 4) + 1;

type Series = number[]; // one scaled value per quarter index t

/** xs[i] for an index this script's own loops produce; a miss is a bug here, so it throws rather than yield undefined. */
function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`index ${i} is outside 0..${xs.length - 1}`);
  return x;
}

/** Unit i's value in quarter t. */
const unitValue = (series: readonly Series[], i: number, t: number): number => at(at(series, i), t);

/** Year-to-date series → the quarter's own increment. */
const increment = (s: Series, t: number): number => (qOf(t) === 1 ? at(s, t) : at(s, t) - at(s, t - 1));

/** Two years of four quarters, written as in a statistical bulletin. */
const byYear = (y2022: number[], y2023: number[]): number[] => [...y2022, ...y2023];

// ---------------------------------------------------------------------------
// Regions
// ---------------------------------------------------------------------------

const CITY = { code: '321300', name: '宿迁市' } as const;

/**
 * The nine reporting units. Shares are in % of the city; factors are relative
 * to the city average (1 = average), so that units differ: some ahead, some
 * behind, a few just inside the warning band.
 */
interface Unit {
  code: string;
  name: string;
  level: 'county' | 'district' | 'zone';
  gdp: number; // share of city GDP, %
  pop: number; // 2022 year-end residents, 万人 (rescaled to the city's figure)
  popTrend: number; // annual change of residents, % (zones grow, counties shrink)
  deflator: number; // price level vs. the city, for gdp_constant
  industry: number; // share of the city's 规上工业总产值, %
  fiscal: number; // share of the city's 一般公共预算支出, %
  rd: number; // R&D intensity vs. the city
  hightech: number; // high-tech share of industrial output vs. the city
  contracts: number; // tech contracts per GDP vs. the city
  sciFiscal: number; // science share of fiscal spending vs. the city
  rdInstGap: number; // R&D institution rate minus the city's, percentage points
  energy: number; // energy per unit of GDP vs. the city
  saving: number; // own 2023 decline of energy intensity, % (the city's total is fixed separately)
  platforms: number; // weights for splitting city counts
  patents: number;
  incubators: number;
  graduates: number;
  incubated: number;
  htfTarget: number; // own 2023 targets for the three extensive indicators split by unit
  htfPerf: number; // actual / target at year end (roughly)
  smeTarget: number;
  smePerf: number;
  talTarget: number;
  talPerf: number;
  incubatedSchedule?: readonly [number, number, number, number]; // only about half the units
}

// prettier-ignore
const UNITS: readonly Unit[] = [
  { code: '321322', name: '沭阳县', level: 'county', gdp: 26, pop: 151.0, popTrend: -0.3, deflator: 1.000,
    industry: 24, fiscal: 24, rd: 0.90, hightech: 0.95, contracts: 0.85, sciFiscal: 0.90, rdInstGap: -1, energy: 1.00, saving: 3.8,
    platforms: 22, patents: 21, incubators: 7, graduates: 24, incubated: 31,
    htfTarget: 165, htfPerf: 1.06, smeTarget: 560, smePerf: 1.04, talTarget: 20, talPerf: 1.10, incubatedSchedule: [7, 14, 21, 28] },
  { code: '321323', name: '泗阳县', level: 'county', gdp: 15, pop: 81.5, popTrend: -0.4, deflator: 1.002,
    industry: 15, fiscal: 15, rd: 0.97, hightech: 1.00, contracts: 0.90, sciFiscal: 0.95, rdInstGap: 1, energy: 1.05, saving: 3.2,
    platforms: 14, patents: 12, incubators: 4, graduates: 13, incubated: 8,
    htfTarget: 95, htfPerf: 0.93, smeTarget: 330, smePerf: 1.03, talTarget: 12, talPerf: 0.90 },
  { code: '321324', name: '泗洪县', level: 'county', gdp: 15, pop: 87.0, popTrend: -0.5, deflator: 0.998,
    industry: 13, fiscal: 16, rd: 0.84, hightech: 0.88, contracts: 0.75, sciFiscal: 0.85, rdInstGap: -3, energy: 1.10, saving: 2.6,
    platforms: 12, patents: 10, incubators: 4, graduates: 12, incubated: 6,
    htfTarget: 85, htfPerf: 0.91, smeTarget: 300, smePerf: 0.88, talTarget: 12, talPerf: 0.80 },
  { code: '321302', name: '宿城区', level: 'district', gdp: 13, pop: 66.0, popTrend: 0.2, deflator: 1.001,
    industry: 10, fiscal: 13, rd: 1.10, hightech: 1.05, contracts: 1.20, sciFiscal: 1.10, rdInstGap: 0, energy: 0.80, saving: 4.2,
    platforms: 11, patents: 14, incubators: 6, graduates: 16, incubated: 22,
    htfTarget: 90, htfPerf: 1.03, smeTarget: 310, smePerf: 1.06, talTarget: 14, talPerf: 1.10, incubatedSchedule: [5, 10, 16, 22] },
  { code: '321311', name: '宿豫区', level: 'district', gdp: 10, pop: 55.0, popTrend: 0.1, deflator: 0.999,
    industry: 10, fiscal: 11, rd: 1.02, hightech: 1.08, contracts: 1.00, sciFiscal: 1.00, rdInstGap: 2, energy: 1.00, saving: 3.4,
    platforms: 11, patents: 10, incubators: 4, graduates: 10, incubated: 8,
    htfTarget: 80, htfPerf: 1.00, smeTarget: 250, smePerf: 0.95, talTarget: 10, talPerf: 1.00 },
  { code: '321371', name: '宿迁经济技术开发区', level: 'zone', gdp: 9, pop: 22.0, popTrend: 1.2, deflator: 1.003,
    industry: 13, fiscal: 8, rd: 1.40, hightech: 1.25, contracts: 1.50, sciFiscal: 1.35, rdInstGap: 4, energy: 1.30, saving: 2.9,
    platforms: 15, patents: 17, incubators: 6, graduates: 12, incubated: 27,
    htfTarget: 100, htfPerf: 1.05, smeTarget: 280, smePerf: 1.08, talTarget: 14, talPerf: 1.20, incubatedSchedule: [6, 12, 18, 24] },
  { code: '321391', name: '湖滨新区', level: 'zone', gdp: 4, pop: 14.5, popTrend: 1.5, deflator: 1.000,
    industry: 2.5, fiscal: 5, rd: 0.82, hightech: 0.90, contracts: 0.90, sciFiscal: 0.95, rdInstGap: -5, energy: 0.60, saving: 5.0,
    platforms: 4, patents: 5, incubators: 3, graduates: 5, incubated: 9,
    htfTarget: 25, htfPerf: 0.85, smeTarget: 90, smePerf: 0.92, talTarget: 6, talPerf: 0.85, incubatedSchedule: [3, 6, 9, 12] },
  { code: '321392', name: '洋河新区', level: 'zone', gdp: 5, pop: 10.5, popTrend: 0.6, deflator: 0.996,
    industry: 9, fiscal: 4, rd: 0.78, hightech: 0.55, contracts: 0.60, sciFiscal: 0.80, rdInstGap: -2, energy: 1.40, saving: 1.5,
    platforms: 6, patents: 5, incubators: 1, graduates: 4, incubated: 3,
    htfTarget: 30, htfPerf: 1.02, smeTarget: 80, smePerf: 1.00, talTarget: 5, talPerf: 0.90 },
  { code: '321393', name: '苏宿工业园区', level: 'zone', gdp: 3, pop: 10.0, popTrend: 1.8, deflator: 1.004,
    industry: 3.5, fiscal: 4, rd: 1.55, hightech: 1.45, contracts: 1.80, sciFiscal: 1.50, rdInstGap: 5, energy: 0.90, saving: 4.5,
    platforms: 5, patents: 6, incubators: 2, graduates: 4, incubated: 15,
    htfTarget: 35, htfPerf: 1.05, smeTarget: 110, smePerf: 1.10, talTarget: 8, talPerf: 1.15, incubatedSchedule: [3, 6, 10, 14] },
];

/** Units with their own rd_intensity target; the rest inherit the city's 2.2 %. */
const UNIT_RD_TARGETS: Readonly<Record<string, number>> = { '321302': 2.5, '321391': 1.8 };

// ---------------------------------------------------------------------------
// The city-level story (totals per quarter, YTD for flows, levels for stocks)
// ---------------------------------------------------------------------------

/** Year-end population is annual and starts a year early, so 2022's growth has a base. */
const POPULATION_YEARS = [2021, 2022, 2023] as const;
type PopulationYear = (typeof POPULATION_YEARS)[number];

const CITY_PLAN = {
  // Published: 2023 Q1 894.40, H1 1920.57, year 4398.07; 2022 year 4111.98. Q3s and 2022 Q1–Q3 are believable guesses.
  gdp: byYear([851.36, 1826.45, 2961.83, 4111.98], [894.4, 1920.57, 3128.36, 4398.07]),
  deflator: { 2022: 1.024, 2023: 1.012 } as Record<number, number>, // gdp_constant = gdp / deflator (previous year's prices)
  // Sum of the units. 2023Q2: 41.72, about 1 % above the city's own 41.30 (a data-quality warning); 2.05 %/2.17 %/2.21 %.
  rdExpenditure: byYear([16.6, 37.44, 61.61, 87.17], [18.34, 41.72, 67.89, 97.2]),
  cityOwnRd2023Q2: 41.3, // the city's own figure: 41.30 / 1920.57 = 2.150 % (worked example)
  rdPlatforms: byYear([230, 238, 247, 261], [268, 277, 289, 302]),
  rdInstBaseFirms: byYear([968, 981, 990, 1003], [1012, 1026, 1035, 1048]),
  rdInstRate: byYear([86.0, 86.9, 87.6, 88.5], [88.4, 89.3, 90.2, 91.0]), // % ; target 92 → warning at year end
  highTechFirms: byYear([529, 532, 535, 619], [617, 621, 624, 711]), // certified in Q4, some expire in Q1
  techSmes: byYear([640, 1410, 1870, 2080], [780, 1690, 2180, 2352]), // 当年累计: restarts each year
  inventionPatents: byYear([2702, 2886, 3071, 3247], [3418, 3655, 3842, 4012]), // schedule 3500/3750/3850/4000
  industrialOutput: byYear([985.4, 2080.75, 3190.2, 4330.6], [1052.3, 2231.85, 3420.55, 4652.4]),
  highTechShare: byYear([35.6, 36.2, 36.9, 37.1], [37.2, 37.9, 38.6, 38.3]), // % ; target 38.5 → warning at year end
  techContractShare: byYear([1.21, 1.3, 1.38, 1.45], [1.42, 1.49, 1.55, 1.58]), // % of GDP; target 1.54
  incubators: byYear([30, 31, 32, 33], [34, 35, 35, 37]),
  newIncubatedFirms: byYear([24, 51, 80, 110], [28, 57, 92, 125]), // schedule 30/60/90/120
  talents: byYear([18, 41, 66, 93], [20, 48, 75, 104]), // linear 25/50/75/100
  energyPerGdp2022: [0.336, 0.332, 0.33, 0.331], // 万吨标准煤 per 亿元 (constant prices), YTD
  energyDecline2023: [3.6, 3.1, 3.4, 3.5], // % vs. the same quarter of 2022; target 3.3
  goodAirDays: byYear([69, 142, 216, 289], [71, 146, 224, 296]), // ratio ≈ 79–82 %; target 82 → warning at year end
  validAirDays: byYear([89, 179, 270, 361], [90, 181, 273, 365]), // 2022 lost a few days to monitor outages
  publicFiscalExp: byYear([141.2, 289.7, 412.5, 561.8], [148.6, 302.4, 431.8, 586.3]),
  sciFiscalShare: byYear([2.62, 2.81, 2.76, 2.88], [2.82, 3.05, 2.97, 3.08]), // % ; target 3
  graduates: byYear([2600, 6500, 9900, 14200], [2900, 7200, 10800, 15300]), // schedule 3000/7000/11000/15000
  // Published year-end residents (万人); 2021 is approximate.
  population: { 2021: 498.2, 2022: 497.53, 2023: 497.75 } satisfies Record<PopulationYear, number>,
  // The units' population sum differs from the city's by these small amounts (all < 0.1 %), as real data do.
  populationGap: { 2021: 0.21, 2022: -0.14, 2023: 0.09 } satisfies Record<PopulationYear, number>,
};

/**
 * Plan programmes promoted from the milestones to tracked indicators (issue 5). Only the city
 * reports them (its lead unit counts the whole city), 2023 only, year to date. `schedule` is the
 * year-to-date target per quarter as typed from the milestone texts of data/suqian/plan/tasks.json
 * (null where the milestone names no number: the engine then falls back to linear 序时);
 * `milestones` is the phrase each target row cites; `actual` is the synthetic year-to-date report.
 * Per-quarter milestone counts are summed into year-to-date targets (the engine compares the
 * year-to-date actual with the quarter's row); rising milestones (5→10→14→20) are already cumulative.
 */
interface Programme {
  variable: string;
  task: number;
  decimals: number;
  dept: string;
  annual: number;
  annualNote: string;
  cumulative: boolean; // milestones already year to date
  milestones: readonly [string | null, string | null, string | null, string | null];
  schedule: readonly [number | null, number | null, number | null, number | null];
  actual: readonly [number, number, number, number];
}

// prettier-ignore
const PROGRAMMES: readonly Programme[] = [
  { variable: 'skill_competitions', task: 39, decimals: 0, dept: '人社局', annual: 60, annualNote: '开展各类职业技能竞赛60场次（四季度合计）', cumulative: false,
    milestones: ['开展各类职业技能竞赛10场次', '开展各类职业技能竞赛20场次', '开展各类职业技能竞赛20场次', '开展各类职业技能竞赛10场次'],
    schedule: [10, 30, 50, 60], actual: [9, 31, 46, 62] },
  { variable: 'order_classes', task: 40, decimals: 0, dept: '人社局', annual: 20, annualNote: '合作开设“订单班”、“冠名班”20个（四季度合计）', cumulative: false,
    milestones: ['合作开设“订单班”、“冠名班”5个', '合作开设“订单班”、“冠名班”5个', '合作开设“订单班”、“冠名班”5个', '合作开设“订单班”、“冠名班”5个'],
    schedule: [5, 10, 15, 20], actual: [4, 9, 15, 21] },
  { variable: 'apprentices_trained', task: 41, decimals: 0, dept: '人社局', annual: 1100, annualNote: '开展企业新型学徒制培训1100人（四季度合计）', cumulative: false,
    milestones: ['开展企业新型学徒制培训200人', '开展企业新型学徒制培训300人', '开展企业新型学徒制培训300人', '开展企业新型学徒制培训300人'],
    schedule: [200, 500, 800, 1100], actual: [186, 472, 815, 1093] },
  { variable: 'school_locality_events', task: 41, decimals: 0, dept: '人社局', annual: 20, annualNote: '开展校地合作不低于20场次', cumulative: true,
    milestones: ['开展校地合作不低于5场次', '开展校地合作交流不低于10次', '开展校地合作不低于14场次', '开展校地合作不低于20场次'],
    schedule: [5, 10, 14, 20], actual: [6, 10, 13, 21] },
  { variable: 'new_patent_owning_firms', task: 61, decimals: 0, dept: '市场监管局', annual: 90, annualNote: '新增拥有发明专利企业90户（二至四季度合计）', cumulative: false,
    milestones: [null, '新增拥有发明专利企业30户', '新增拥有发明专利企业30户', '新增拥有发明专利企业30户'],
    schedule: [null, 30, 60, 90], actual: [12, 34, 57, 93] },
  { variable: 'ip_standard_firms', task: 63, decimals: 0, dept: '市场监管局', annual: 120, annualNote: '每年新增知识产权“贯标”备案企业120家', cumulative: false,
    milestones: [null, '新增知识产权贯标企业40户', '新增知识产权贯标企业40户', '新增知识产权贯标企业40户'],
    schedule: [null, 40, 80, 120], actual: [8, 37, 78, 112] },
  { variable: 'ip_pledges', task: 64, decimals: 0, dept: '市场监管局', annual: 100, annualNote: '实现知识产权质押100笔（四季度合计）', cumulative: false,
    milestones: ['实现知识产权质押20笔', '实现知识产权质押20笔', '实现知识产权质押30笔', '实现知识产权质押30笔'],
    schedule: [20, 40, 70, 100], actual: [22, 41, 66, 104] },
  { variable: 'ip_pledge_amount', task: 64, decimals: 2, dept: '市场监管局', annual: 10, annualNote: '实现知识产权质押金额10亿元（四季度合计）', cumulative: false,
    milestones: ['知识产权质押金额2.5亿元', '知识产权质押金额2.5亿元', '知识产权质押金额2.5亿元', '知识产权质押金额2.5亿元'],
    schedule: [2.5, 5, 7.5, 10], actual: [2.31, 5.12, 7.26, 10.45] },
  { variable: 'ip_assistance_cases', task: 67, decimals: 0, dept: '市场监管局', annual: 50, annualNote: '开展知识产权维权援助50次（四季度合计）', cumulative: false,
    milestones: ['开展知识产权维权援助次数10次', '开展知识产权维权援助次数10次', '开展知识产权维权援助次数10次', '开展知识产权维权援助次数20次'],
    schedule: [10, 20, 30, 50], actual: [11, 21, 30, 47] },
  { variable: 'ip_mediation_cases', task: 67, decimals: 0, dept: '市场监管局', annual: 100, annualNote: '指导各类调解机构调解案件100件（四季度合计）', cumulative: false,
    milestones: ['指导各类调解机构调解案件25件', '指导各类调解机构调解案件25件', '指导各类调解机构调解案件25件', '指导各类调解机构调解案件25件'],
    schedule: [25, 50, 75, 100], actual: [23, 52, 71, 103] },
  { variable: 'fund_tech_investments', task: 89, decimals: 0, dept: '财政局', annual: 4, annualNote: '争取母子基金年内完成科技型企业投资4个', cumulative: true,
    milestones: [null, '争取上半年母子基金完成科技型企业投资2个', null, '争取母子基金年内完成科技型企业投资4个'],
    schedule: [null, 2, null, 4], actual: [0, 2, 2, 5] },
  { variable: 'online_financing', task: 94, decimals: 2, dept: '地方金融监管局', annual: 300, annualNote: '推动平台线上撮合融资超300亿元', cumulative: true,
    milestones: [null, '推动平台线上撮合融资超150亿元', null, '推动平台线上撮合融资超300亿元'],
    schedule: [null, 150, null, 300], actual: [68.4, 157.3, 221.85, 312.6] },
];

/** Later corrections to 2023Q2 unit values: the xlsx holds final − change, the revision file the final value. */
const REVISIONS: readonly { region: string; variable: VarCode; change: number; why: string }[] = [
  { region: '321324', variable: 'rd_expenditure', change: 0.35, why: '补报重点企业研发经费' },
  { region: '321393', variable: 'tech_contract_value', change: 0.42, why: '补登记技术合同' },
  { region: '321311', variable: 'talents_introduced', change: -1, why: '剔除重复统计团队' },
];

// ---------------------------------------------------------------------------
// Splitting city totals over the units
// ---------------------------------------------------------------------------

/**
 * Split an integer total into integer parts proportional to weights. The
 * remainder left by flooring goes to units drawn at random in proportion to
 * their fractional parts, so small counts (one new incubator) do not always
 * land on the largest unit. Parts always sum to the total exactly.
 */
function allocate(total: number, weights: readonly number[], rng: Rng): number[] {
  const sign = total < 0 ? -1 : 1;
  const amount = Math.abs(total);
  const sumW = weights.reduce((a, b) => a + b, 0);
  const quotas = weights.map((w) => (amount * w) / sumW);
  const parts = quotas.map((q) => Math.floor(q));
  const frac = quotas.map((q) => q - Math.floor(q));
  let rest = amount - parts.reduce((a, b) => a + b, 0);
  while (rest > 0) {
    const sumF = frac.reduce((a, b) => a + b, 0);
    let pick = frac.indexOf(Math.max(...frac));
    if (sumF > 0) {
      let r = rng() * sumF;
      for (const [i, f] of frac.entries()) {
        r -= f;
        if (r < 0 && f > 0) {
          pick = i;
          break;
        }
      }
    }
    parts[pick] = at(parts, pick) + 1;
    frac[pick] = 0;
    rest -= 1;
  }
  return parts.map((p) => p * sign);
}

type Mode =
  | 'ytd' // flow, cumulative within the year: split each quarter's increment
  | 'level'; // stock: split the first level, then each quarter's change

/** Split a city series over UNITS; returns one series per unit (same order as UNITS). */
function split(
  name: string,
  city: Series,
  mode: Mode,
  weight: (u: Unit, i: number, t: number) => number,
  noise: number,
): Series[] {
  const rng = rngFor(name);
  const out: Series[] = UNITS.map(() => new Array<number>(N).fill(0));
  for (let t = 0; t < N; t++) {
    const restart = mode === 'ytd' ? qOf(t) === 1 : t === 0;
    const amount = restart ? at(city, t) : at(city, t) - at(city, t - 1);
    const weights = UNITS.map((u, i) => jitter(weight(u, i, t), noise, rng));
    const parts = allocate(amount, weights, rng);
    out.forEach((series, i) => {
      series[t] = (restart ? 0 : at(series, t - 1)) + at(parts, i);
    });
  }
  return out;
}

/** City plan numbers (亿元, counts, …) → scaled integers for a variable. */
const scaled = (code: VarCode, xs: readonly number[]): Series => xs.map((x) => toScaled(code, x));

// ---------------------------------------------------------------------------
// Build every unit's values
// ---------------------------------------------------------------------------

/** What the nine units report: everything except the annual population and the (non-additive) air-quality days. */
type UnitVar = Exclude<VarCode, 'population' | 'good_air_days' | 'valid_air_days'>;
const isUnitVar = (v: VarCode): v is UnitVar => v !== 'population' && v !== 'good_air_days' && v !== 'valid_air_days';
type UnitData = Record<UnitVar, Series[]>;

function buildUnitData(): UnitData {
  const P = CITY_PLAN;
  const deflator = (t: number): number => P.deflator[yearOf(t)] ?? 1;

  const gdpCity = scaled('gdp', P.gdp);
  const gdp = split('gdp', gdpCity, 'ytd', (u) => u.gdp, 0.03);
  const gdpConstCity = gdpCity.map((g, t) => Math.round(g / deflator(t)));
  // Each unit's constant-price GDP follows its own current-price GDP and price level.
  const gdpConstant = split('gdp_constant', gdpConstCity, 'ytd', (u, i, t) => increment(at(gdp, i), t) / u.deflator, 0);

  const rd = split('rd_expenditure', scaled('rd_expenditure', P.rdExpenditure), 'ytd',
    (u, i, t) => increment(at(gdp, i), t) * u.rd, 0.04);

  const rdPlatforms = split('rd_platforms', P.rdPlatforms, 'level', (u) => u.platforms, 0.15);
  const base = split('rd_inst_base_firms', P.rdInstBaseFirms, 'level', (u) => u.industry, 0.1);
  const instCity = P.rdInstBaseFirms.map((b, t) => Math.round((b * at(P.rdInstRate, t)) / 100));
  // Levels split directly (no noise) so each unit's rate = the city's rate shifted by its own gap.
  const instRateOf = (u: Unit, t: number): number => Math.min(99, at(P.rdInstRate, t) + u.rdInstGap);
  const inst: Series[] = UNITS.map(() => new Array<number>(N).fill(0));
  const instRng = rngFor('rd_inst_firms');
  for (let t = 0; t < N; t++) {
    const parts = allocate(at(instCity, t), UNITS.map((u, i) => unitValue(base, i, t) * instRateOf(u, t)), instRng);
    inst.forEach((series, i) => {
      series[t] = Math.min(at(parts, i), unitValue(base, i, t));
    });
  }

  const highTechFirms = split('high_tech_firms', P.highTechFirms, 'level', (u) => u.htfTarget * u.htfPerf, 0.08);
  const techSmes = split('tech_smes', P.techSmes, 'ytd', (u) => u.smeTarget * u.smePerf, 0.08);
  const patents = split('invention_patents', P.inventionPatents, 'level', (u) => u.patents, 0.1);

  const industrialCity = scaled('industrial_output', P.industrialOutput);
  const industrial = split('industrial_output', industrialCity, 'ytd', (u) => u.industry, 0.04);
  const highTechCity = industrialCity.map((x, t) => Math.round((x * at(P.highTechShare, t)) / 100));
  const highTech = split('high_tech_output', highTechCity, 'ytd',
    (u, i, t) => increment(at(industrial, i), t) * u.hightech, 0.03);

  const contractCity = gdpCity.map((g, t) => Math.round((g * at(P.techContractShare, t)) / 100));
  const contracts = split('tech_contract_value', contractCity, 'ytd',
    (u, i, t) => increment(at(gdp, i), t) * u.contracts, 0.12);

  const incubators = split('incubators', P.incubators, 'level', (u) => u.incubators, 0.2);
  const incubated = split('new_incubated_firms', P.newIncubatedFirms, 'ytd', (u) => u.incubated, 0.25);
  const talents = split('talents_introduced', P.talents, 'ytd', (u) => u.talTarget * u.talPerf, 0.25);
  const graduates = split('graduates_attracted', P.graduates, 'ytd', (u) => u.graduates, 0.1);

  // Energy: the city total for 2022 is constant-price GDP times a plausible intensity;
  // for 2023 it is fixed by the planned decline of energy per constant GDP. Units
  // share it by their own constant GDP, energy intensity and (in 2023) saving effort,
  // so their own declines scatter around the city's.
  const energyCity: Series = new Array<number>(N).fill(0);
  P.energyPerGdp2022.forEach((perGdp, q) => {
    const energy2022 = Math.round(at(gdpConstCity, q) * perGdp);
    const realGrowth = at(gdpConstCity, q + 4) / at(gdpConstCity, q);
    energyCity[q] = energy2022;
    energyCity[q + 4] = Math.round(energy2022 * realGrowth * (1 - at(P.energyDecline2023, q) / 100));
  });
  const energy = split('energy_consumption', energyCity, 'ytd',
    (u, i, t) => increment(at(gdpConstant, i), t) * u.energy * (yearOf(t) === 2023 ? 1 - u.saving / 100 : 1), 0.01);

  const publicCity = scaled('public_fiscal_exp', P.publicFiscalExp);
  const publicFiscal = split('public_fiscal_exp', publicCity, 'ytd', (u) => u.fiscal, 0.05);
  const sciCity = publicCity.map((x, t) => Math.round((x * at(P.sciFiscalShare, t)) / 100));
  const sciFiscal = split('sci_fiscal_exp', sciCity, 'ytd',
    (u, i, t) => increment(at(publicFiscal, i), t) * u.sciFiscal, 0.08);

  return {
    gdp,
    gdp_constant: gdpConstant,
    rd_expenditure: rd,
    rd_platforms: rdPlatforms,
    rd_inst_firms: inst,
    rd_inst_base_firms: base,
    high_tech_firms: highTechFirms,
    tech_smes: techSmes,
    invention_patents: patents,
    high_tech_output: highTech,
    industrial_output: industrial,
    tech_contract_value: contracts,
    incubators,
    new_incubated_firms: incubated,
    talents_introduced: talents,
    energy_consumption: energy,
    sci_fiscal_exp: sciFiscal,
    public_fiscal_exp: publicFiscal,
    graduates_attracted: graduates,
  };
}

/**
 * Year-end residents per unit: the 2022 table value, moved by each unit's trend,
 * then scaled to the city's figure plus a small gap (< 0.1 %). The largest unit
 * absorbs the rounding so the gap is exact.
 */
function buildUnitPopulation(): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const largest = UNITS.indexOf(UNITS.reduce((m, u) => (u.pop > m.pop ? u : m)));
  for (const year of POPULATION_YEARS) {
    const raw = UNITS.map((u) => u.pop * (1 + u.popTrend / 100) ** (year - 2022));
    const total = toScaled('population', CITY_PLAN.population[year] + CITY_PLAN.populationGap[year]);
    const sumRaw = raw.reduce((a, b) => a + b, 0);
    const parts = raw.map((r) => Math.round((r / sumRaw) * total));
    parts[largest] = at(parts, largest) + (total - parts.reduce((a, b) => a + b, 0));
    out.set(year, parts);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Observations
// ---------------------------------------------------------------------------

interface Obs {
  region: string;
  period: string; // YYYYQn, or YYYY for the annual population
  variable: VarCode;
  value: number; // scaled integer
  note: string;
}

const REGION_ORDER = [CITY.code, ...UNITS.map((u) => u.code)];
const regionName = (code: string): string =>
  code === CITY.code ? CITY.name : (UNITS.find((u) => u.code === code)?.name ?? code);
/** Who reported it, e.g. 沭阳县统计局. */
const sourceOf = (o: { region: string; variable: VarCode }): string => `${regionName(o.region)}${varInfo(o.variable).dept}`;

/** Every observation with its final (latest revised) value. */
function buildObservations(): Obs[] {
  const data = buildUnitData();
  const pop = buildUnitPopulation();
  const obs: Obs[] = [];

  // The city reports only what it measures itself or publishes itself.
  const P = CITY_PLAN;
  const gdpCity = scaled('gdp', P.gdp);
  QUARTERS.forEach((period, t) => {
    const gdp = at(gdpCity, t);
    const gdpConst = Math.round(gdp / (P.deflator[yearOf(t)] ?? 1));
    obs.push({ region: CITY.code, period, variable: 'gdp', value: gdp, note: '公布数' });
    obs.push({ region: CITY.code, period, variable: 'gdp_constant', value: gdpConst, note: '' });
    obs.push({ region: CITY.code, period, variable: 'good_air_days', value: at(P.goodAirDays, t), note: '' });
    obs.push({ region: CITY.code, period, variable: 'valid_air_days', value: at(P.validAirDays, t), note: '' });
    if (period === '2023Q2') {
      obs.push({ region: CITY.code, period, variable: 'rd_expenditure', value: toScaled('rd_expenditure', P.cityOwnRd2023Q2), note: '市级归集数' });
    }
  });
  for (const year of POPULATION_YEARS) {
    const note = year === 2021 ? '年末常住人口（近似值）' : '年末常住人口，公布数';
    obs.push({ region: CITY.code, period: String(year), variable: 'population', value: toScaled('population', P.population[year]), note });
  }

  UNITS.forEach((u, i) => {
    QUARTERS.forEach((period, t) => {
      for (const variable of VAR_CODES.filter(isUnitVar)) {
        obs.push({ region: u.code, period, variable, value: unitValue(data[variable], i, t), note: '' });
      }
    });
    for (const year of POPULATION_YEARS) {
      obs.push({ region: u.code, period: String(year), variable: 'population', value: pop.get(year)?.[i] ?? 0, note: '' });
    }
  });
  return obs;
}

/** The value as first reported, before the revision file corrected it. */
function asFirstReported(o: Obs): Obs {
  const r = REVISIONS.find((x) => x.region === o.region && x.variable === o.variable && o.period === '2023Q2');
  return r ? { ...o, value: o.value - toScaled(o.variable, r.change) } : o;
}

/** Stable order: region as in regions.csv, then variable, then period. */
function sorted(obs: Obs[]): Obs[] {
  const key = (o: Obs): [number, number, string] => [REGION_ORDER.indexOf(o.region), VAR_CODES.indexOf(o.variable), o.period];
  return [...obs].sort((a, b) => {
    const [ra, va, pa] = key(a);
    const [rb, vb, pb] = key(b);
    return ra - rb || va - vb || (pa < pb ? -1 : pa > pb ? 1 : 0);
  });
}

// ---------------------------------------------------------------------------
// Writers, one per file
// ---------------------------------------------------------------------------

const BOM = '\uFEFF';
const csvCell = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csv = (rows: readonly (readonly string[])[]): string => rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';

const written: string[] = [];
function save(path: string, content: string | Uint8Array): void {
  writeFileSync(path, content);
  written.push(relative(HERE, path));
}

function writeRegions(): void {
  const rows = [
    ['code', 'name', 'parent', 'level', 'rollup'],
    [CITY.code, CITY.name, '', 'city', 'true'],
    ...UNITS.map((u) => [u.code, u.name, CITY.code, u.level, 'true']),
  ];
  save(join(OUT, 'regions.csv'), csv(rows));
}

// ---------------------------------------------------------------------------
// History 2020–2021 (synthetic), for the outlook's seasonal factors
// ---------------------------------------------------------------------------

/** Variables reported year to date (their quarterly shape is the season); the others are quarter-end levels. */
const YTD_VARS: ReadonlySet<VarCode> = new Set<VarCode>([
  'gdp', 'gdp_constant', 'rd_expenditure', 'tech_smes', 'high_tech_output', 'industrial_output', 'tech_contract_value',
  'new_incubated_firms', 'talents_introduced', 'energy_consumption', 'good_air_days', 'valid_air_days', 'sci_fiscal_exp',
  'public_fiscal_exp', 'graduates_attracted',
]);

/** The unit whose season shifts: in 2020–2021 it did more of its year in the first half than it does now. */
const SHIFTING_UNIT = '321392';

/** Problems planted in the history, which the data-quality rules must find (OUTLOOK.md §5). */
const PLANTED = {
  /** YTD_DECREASE: a year-to-date count that falls from Q2 to Q3. */
  ytdDecrease: { region: '321302', variable: 'new_incubated_firms', period: '2021Q3' },
  /** OUT_OF_RANGE: more firms with R&D institutions than firms (a share above 100 %). */
  shareAbove100: { region: '321371', period: '2021Q2' },
  /** MISSING_REPORT: a unit that reported the year before, as its siblings do, but not this quarter. */
  missing: { region: '321324', variable: 'rd_expenditure', period: '2021Q3' },
} as const;

/**
 * 2020 and 2021 for every quarterly variable a region reports in 2022, made
 * backwards from 2022: each year's year-end is the next year's divided by a
 * growth of a few percent (per region and year), and the quarters of a
 * year-to-date variable follow 2022's season with its shares moved by a few
 * percent each year and region — so seasonal factors differ a little from
 * year to year and by district, and {@link SHIFTING_UNIT}'s differ a lot.
 * Levels step back by the same growth with a little noise. Then the
 * {@link PLANTED} problems.
 */
function buildHistory(obs: Obs[]): Obs[] {
  const rng = rngFor('history');
  const y2022 = obs.filter((o) => /^2022Q[1-4]$/.test(o.period));
  const key = (o: { region: string; variable: string }): string => `${o.region}|${o.variable}`;
  const series = new Map<string, Map<number, Obs>>();
  for (const o of y2022) {
    const m = series.get(key(o)) ?? new Map<number, Obs>();
    m.set(Number(o.period.slice(5)), o);
    series.set(key(o), m);
  }
  const history: Obs[] = [];
  for (const quarters of series.values()) {
    const q4 = quarters.get(4);
    if (!q4 || quarters.size !== 4) continue;
    const ytd = YTD_VARS.has(q4.variable);
    let next = new Map([...quarters].map(([q, o]) => [q, o.value]));
    for (const year of [2021, 2020]) {
      const growth = q4.variable === 'good_air_days' || q4.variable === 'valid_air_days' ? 1 : 1.04 + 0.06 * rng();
      const values = new Map<number, number>();
      const yearEnd = (next.get(4) ?? 0) / growth;
      for (const q of [1, 2, 3, 4]) {
        const now = next.get(q) ?? 0;
        if (!ytd) {
          values.set(q, (now / growth) * (1 + 0.02 * (rng() - 0.5)));
          continue;
        }
        const share = (next.get(4) ?? 0) === 0 ? q / 4 : now / (next.get(4) ?? 1);
        const shift = q4.region === SHIFTING_UNIT && q < 4 ? 1.18 : 1;
        values.set(q, q === 4 ? yearEnd : Math.min(1, share * shift * (1 + 0.08 * (rng() - 0.5))) * yearEnd);
      }
      // A year to date never falls within the year (except where a problem is planted below).
      const rounded = new Map<number, number>();
      for (const q of [1, 2, 3, 4]) {
        const value = Math.max(0, Math.round(values.get(q) ?? 0));
        rounded.set(q, ytd ? Math.max(value, rounded.get(q - 1) ?? 0) : value);
      }
      if (ytd && (rounded.get(4) ?? 0) < (rounded.get(3) ?? 0)) rounded.set(4, rounded.get(3) ?? 0);
      for (const q of [1, 2, 3, 4]) history.push({ region: q4.region, period: `${year}Q${q}`, variable: q4.variable, value: rounded.get(q) ?? 0, note: '' });
      next = rounded;
    }
  }
  // The city's own GDP figures are what its units add up to (a parent's own report that differs would be a planted problem).
  for (const o of history.filter((x) => x.region === CITY.code && (x.variable === 'gdp' || x.variable === 'gdp_constant'))) {
    o.value = history.filter((x) => x.region !== CITY.code && x.variable === o.variable && x.period === o.period).reduce((sum, x) => sum + x.value, 0);
  }
  // Air-quality days: no more good days than valid ones.
  const find = (region: string, variable: VarCode, period: string): Obs | undefined => history.find((o) => o.region === region && o.variable === variable && o.period === period);
  for (const o of history.filter((x) => x.variable === 'good_air_days')) {
    const valid = find(o.region, 'valid_air_days', o.period);
    if (valid && o.value > valid.value) o.value = valid.value;
  }
  const ytd = PLANTED.ytdDecrease;
  const q3 = find(ytd.region, ytd.variable, ytd.period);
  const q2 = find(ytd.region, ytd.variable, '2021Q2');
  if (q3 && q2) {
    q3.value = Math.max(0, q2.value - 2);
    q3.note = '样例：累计值回落 planted: year to date falls';
  }
  const share = PLANTED.shareAbove100;
  const base = find(share.region, 'rd_inst_base_firms', share.period);
  const inst = find(share.region, 'rd_inst_firms', share.period);
  if (base && inst) {
    inst.value = base.value + 3;
    inst.note = '样例：多于规上企业数 planted: more than the base';
  }
  const missing = PLANTED.missing;
  return history.filter((o) => !(o.region === missing.region && o.variable === missing.variable && o.period === missing.period));
}

/** Long layout like 01_2022_long.csv: the synthetic history 2020Q1–2021Q4. */
function writeHistory(obs: Obs[]): void {
  save(join(OBS_DIR, '00_2020_2021_history.csv'), csv([
    ['region', 'period', 'variable', 'value', 'source', 'note'],
    ...sorted(buildHistory(obs)).map((o) => [o.region, o.period, o.variable, toText(o.variable, o.value), sourceOf(o), o.note]),
  ]));
}

/** Long layout, English headers, no BOM: all of 2022 plus the 2021/2022 population. */
function write2022Long(obs: Obs[]): void {
  const rows = sorted(obs.filter((o) => o.period.startsWith('2022') || o.period === '2021'));
  save(join(OBS_DIR, '01_2022_long.csv'), csv([
    ['region', 'period', 'variable', 'value', 'source', 'note'],
    ...rows.map((o) => [o.region, o.period, o.variable, toText(o.variable, o.value), sourceOf(o), o.note]),
  ]));
}

/** One row per region for one quarter; null where the region does not report the variable. */
function wideRows(obs: Obs[], period: string): { region: string; cells: (Obs | null)[] }[] {
  const atPeriod = obs.filter((o) => o.period === period);
  return REGION_ORDER.map((region) => ({
    region,
    cells: QUARTERLY_VARS.map((v) => atPeriod.find((o) => o.region === region && o.variable === v) ?? null),
  }));
}

/** Wide layout, Chinese key headers, UTF-8 with BOM. */
function write2023Q1Wide(obs: Obs[]): void {
  const period = '2023Q1';
  const rows = wideRows(obs, period).map((r) => [
    r.region,
    period,
    ...r.cells.map((o) => (o ? toText(o.variable, o.value) : '')),
  ]);
  save(join(OBS_DIR, '02_2023Q1_wide.csv'), BOM + csv([['地区代码', '期别', ...QUARTERLY_VARS], ...rows]));
}

/** Wide layout in the first sheet; region codes as text cells; values as first reported. */
function write2023Q2Xlsx(obs: Obs[]): void {
  const period = '2023Q2';
  const aoa: (string | number | null)[][] = [
    ['region', 'period', ...QUARTERLY_VARS],
    ...wideRows(obs.map(asFirstReported), period).map((r) => [
      r.region,
      period,
      ...r.cells.map((o) => (o ? toNumber(o.variable, o.value) : null)),
    ]),
  ];
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet, period);
  // Fixed properties: no clock in the file, so the bytes are reproducible.
  wb.Props = {
    Title: '宿迁市2023年二季度科技创新指标（模拟数据）',
    Author: 'generate-suqian.ts',
    CreatedDate: new Date('2023-07-20T00:00:00Z'),
    ModifiedDate: new Date('2023-07-20T00:00:00Z'),
  };
  const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  save(join(OBS_DIR, '03_2023Q2.xlsx'), bytes);
}

/** Long layout as a JSON array of row objects. */
function write2023Q3Json(obs: Obs[]): void {
  const rows = sorted(obs.filter((o) => o.period === '2023Q3')).map((o) => ({
    region: o.region,
    period: o.period,
    variable: o.variable,
    value: toNumber(o.variable, o.value),
    source: sourceOf(o),
  }));
  save(join(OBS_DIR, '04_2023Q3.json'), JSON.stringify(rows, null, 2) + '\n');
}

/** Long layout in Parquet, written by DuckDB; includes the 2023 population. */
async function write2023Q4Parquet(obs: Obs[]): Promise<void> {
  const rows = sorted(obs.filter((o) => o.period === '2023Q4' || o.period === '2023'));
  const path = join(OBS_DIR, '05_2023Q4.parquet');
  // One thread and an explicit order keep row groups, and so the bytes, reproducible.
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const con = await db.connect();
  try {
    await con.run('CREATE TABLE obs (seq INTEGER, region VARCHAR, period VARCHAR, variable VARCHAR, value DOUBLE, source VARCHAR)');
    const app = await con.createAppender('obs');
    rows.forEach((o, seq) => {
      app.appendInteger(seq);
      app.appendVarchar(o.region);
      app.appendVarchar(o.period);
      app.appendVarchar(o.variable);
      app.appendDouble(toNumber(o.variable, o.value));
      app.appendVarchar(sourceOf(o));
      app.endRow();
    });
    app.flushSync();
    app.closeSync();
    const target = path.replace(/'/g, "''");
    await con.run(`COPY (SELECT region, period, variable, value, source FROM obs ORDER BY seq) TO '${target}' (FORMAT parquet)`);
  } finally {
    con.closeSync();
    db.closeSync();
  }
  written.push(relative(HERE, path));
}

/** A later file that corrects three 2023Q2 unit values (long layout, note 修订). */
function writeRevision(obs: Obs[]): void {
  const rows = REVISIONS.map((r) => {
    const o = obs.find((x) => x.region === r.region && x.variable === r.variable && x.period === '2023Q2');
    if (!o) throw new Error(`no observation to revise: ${r.region} ${r.variable}`);
    return [o.region, o.period, o.variable, toText(o.variable, o.value), sourceOf(o), `修订（${r.why}）`];
  });
  save(join(OBS_DIR, '06_2023Q2_revision.csv'), csv([['region', 'period', 'variable', 'value', 'source', 'note'], ...rows]));
}

/** The city's own year-to-date reports of the plan programmes, 2023 (long layout); a new file leaves the others unchanged. */
function writeProgrammes(): void {
  const rows = PROGRAMMES.flatMap((p) =>
    p.actual.map((v, k) => [CITY.code, `2023Q${k + 1}`, p.variable, v.toFixed(p.decimals), `${CITY.name}${p.dept}`, `任务${p.task}`]),
  );
  save(join(OBS_DIR, '07_2023_plan_programmes.csv'), csv([['region', 'period', 'variable', 'value', 'source', 'note'], ...rows]));
}

function writeTargets(): void {
  const Y = '2023';
  const rows: string[][] = [['indicator', 'region', 'year', 'period', 'value', 'note']];
  const add = (indicator: string, region: string, value: number | string, note: string, period = ''): void => {
    rows.push([indicator, region, Y, period, String(value), note]);
  };
  const schedule = (indicator: string, region: string, values: readonly number[], what: string): void => {
    values.forEach((v, k) => add(indicator, region, v, `${what}：${['一', '二', '三', '四'][k]}季度末`, `${Y}Q${k + 1}`));
  };
  const c = CITY.code;
  // City: the plan's headline tasks 1–14, 38 and 61.
  add('rd_intensity', c, 2.2, '任务1：全社会R&D经费支出占GDP比重2.2%');
  add('rd_platforms', c, 300, '任务2：国家和省级重点实验室、工程（技术）研究中心、企业技术中心300家');
  add('rd_institution_rate', c, 92, '任务3：大中型工业企业和规上高企研发机构建有率92%');
  add('high_tech_firms', c, 700, '任务4：高新技术企业数700家');
  add('tech_smes', c, 2300, '任务5：科技型中小企业数2300家');
  add('patents_per_10k', c, 8, '任务6：万人发明专利拥有量8件');
  add('high_tech_output_share', c, 38.5, '任务7：高新技术产业产值占规模以上工业产值比重38.5%');
  add('tech_contract_share', c, 1.54, '任务8：技术市场成交合同金额占GDP比重1.54%');
  add('incubators', c, 37, '任务9：国家和省级科技企业孵化器、众创空间37家');
  add('new_incubated_firms', c, 120, '任务10：新增在孵企业120家');
  schedule('new_incubated_firms', c, [30, 60, 90, 120], '计划进度');
  add('talents_introduced', c, 100, '任务11：引进高层次人才及团队100个');
  add('energy_intensity_decline', c, 3.3, '省定目标，样例值');
  add('good_air_days_ratio', c, '82.0', '省定目标，样例值');
  add('sci_fiscal_share', c, 3, '任务14：科技公共财政支出占公共财政支出比重3%');
  add('graduates_attracted', c, 15000, '任务38：引进高校毕业生不少于1.5万人');
  schedule('graduates_attracted', c, [3000, 7000, 11000, 15000], '计划进度');
  add('invention_patents', c, 4000, '任务61：全市发明专利拥有量4000件');
  schedule('invention_patents', c, [3500, 3750, 3850, 4000], '计划进度');
  // City: plan programmes promoted from the milestones; per-quarter counts summed to year to date.
  for (const p of PROGRAMMES) {
    add(p.variable, c, p.annual, `任务${p.task}：${p.annualNote}`);
    p.schedule.forEach((v, k) => {
      if (v === null) return;
      const quarter = `${['一', '二', '三', '四'][k]}季度`;
      const how = p.cumulative || k === 0 ? '' : `，累计${v}`;
      add(p.variable, c, v, `任务${p.task}：${p.milestones[k] ?? ''}（${quarter}${how}）`, `${Y}Q${k + 1}`);
    });
  }

  // Units: own split of the extensive counts (synthetic); rd_platforms, incubators and
  // invention_patents deliberately have no unit targets (status no_target).
  for (const u of UNITS) {
    add('high_tech_firms', u.code, u.htfTarget, '县区分解目标（模拟）');
    add('tech_smes', u.code, u.smeTarget, '县区分解目标（模拟）');
    add('talents_introduced', u.code, u.talTarget, '县区分解目标（模拟）');
    if (u.incubatedSchedule) schedule('new_incubated_firms', u.code, u.incubatedSchedule, '县区分解进度（模拟）');
    const rd = UNIT_RD_TARGETS[u.code];
    if (rd !== undefined) add('rd_intensity', u.code, rd, '本地目标，不沿用全市2.2%（模拟）');
  }
  save(join(OUT, 'targets.csv'), csv(rows));
}

function writeSettings(): void {
  save(join(OUT, 'settings.json'), JSON.stringify({ warningThreshold: 0.9, reportTitle: '宿迁市创新型城市建设主要指标完成情况通报' }, null, 2) + '\n');
}

function writeReadme(obs: Obs[]): void {
  // The units' 2023Q2 R&D sums, first reported and revised, quoted from the data so the text cannot drift.
  const unitRd = (o: (x: Obs) => Obs): string => {
    const sum = obs.filter((x) => x.region !== CITY.code && x.variable === 'rd_expenditure' && x.period === '2023Q2')
      .reduce((a, x) => a + o(x).value, 0);
    return toText('rd_expenditure', sum);
  };
  const firstRd = unitRd(asFirstReported);
  const finalRd = unitRd((x) => x);
  const diff = (sum: string): string => `${((Number(sum) / CITY_PLAN.cityOwnRd2023Q2 - 1) * 100).toFixed(1)}%`;
  const revised = REVISIONS.map((r) => `${regionName(r.region)} \`${r.variable}\``).join('、');
  const text = `# 宿迁市样例数据 / Suqian sample data (2020Q1–2023Q4; 2020–2021 a synthetic history)

**模拟数据，不是官方统计数据。** 除下列全市公布数外，所有数值均为脚本生成的模拟值，仅用于演示 KPI 引擎。

**SYNTHETIC data, not official statistics.** Only these city figures are published ones:
GDP 2023 一季度 894.40、上半年 1920.57、全年 4398.07 亿元；2022 全年 4111.98 亿元；
常住人口 2022 年末 497.53、2023 年末 497.75 万人（2021 年末 498.2 为近似值）.
City targets come from the 2023 plan (宿迁市2023年度国家创新型城市建设重点任务推进计划); the note column cites the task number. Unit targets are synthetic splits.

## Files / 文件

| file | format / layout | content |
|---|---|---|
| \`regions.csv\` | CSV, English headers | 宿迁市 and its 9 reporting units (3 counties, 2 districts, 4 zones), all \`rollup=true\` |
| \`targets.csv\` | CSV | 2023 city targets (tasks 1–14, 38, 61, and the plan programmes of tasks 39–41, 61, 63, 64, 67, 89, 94) with quarterly schedules; unit targets for high_tech_firms, tech_smes, talents_introduced, some new_incubated_firms schedules, rd_intensity for 宿城区 (2.5) and 湖滨新区 (1.8) |
| \`observations/00_2020_2021_history.csv\` | long, English headers, UTF-8 without BOM | **synthetic** history 2020Q1–2021Q4 of every quarterly variable, made backwards from 2022 (a few percent growth a year, seasons that move a little by year and district; 洋河新区 did more of its year in the first half), for the outlook's seasonal factors; planted problems: 宿城区 new_incubated_firms falls 2021Q2 → Q3, 经开区 2021Q2 rd_inst_firms above rd_inst_base_firms, 泗洪县 did not report rd_expenditure 2021Q3 |
| \`observations/01_2022_long.csv\` | long, English headers, UTF-8 without BOM | all of 2022 + population for \`2021\`, \`2022\` (bare year = annual) |
| \`observations/02_2023Q1_wide.csv\` | wide, Chinese key headers (地区代码, 期别), UTF-8 with BOM | 2023Q1; empty cell = not reported |
| \`observations/03_2023Q2.xlsx\` | wide, first sheet, region codes as text | 2023Q2 as first reported |
| \`observations/04_2023Q3.json\` | long, array of objects | 2023Q3 |
| \`observations/05_2023Q4.parquet\` | long, written by DuckDB | 2023Q4 + population \`2023\` |
| \`observations/06_2023Q2_revision.csv\` | long, note \`修订\` | revised 2023Q2 values: ${revised} (a later file revises an earlier one) |
| \`observations/07_2023_plan_programmes.csv\` | long, note = plan task | the city's own year-to-date 2023Q1–Q4 reports of the plan programmes promoted from the milestones (skill competitions, 订单班, apprentices, 校地合作, patent-owning firms, 贯标, IP pledges, 维权援助, 调解, fund investments, online financing) |
| \`settings.json\` | JSON | \`{"warningThreshold": 0.9, "reportTitle": "宿迁市创新型城市建设主要指标完成情况通报"}\` |

## What the data demonstrate / 演示要点

- Flow variables are year-to-date (累计); stocks are quarter-end levels; \`tech_smes\` is 当年累计 and restarts each year; population is annual.
- The city reports its own gdp, gdp_constant, population and air-quality days (not additive); every other variable is the sum of the units, except the plan programmes (\`07_2023_plan_programmes.csv\`), which only the city reports, for 2023 only; per-quarter milestone counts are summed into year-to-date targets, and quarters whose milestone names no number have no schedule row (linear 序时).
- 数据质量预警 / data-quality warning: 宿迁市自报 2023Q2 \`rd_expenditure\` = 41.30 亿元（R&D强度 41.30 / 1920.57 = 2.15%，市级自报数优先）。九个单位首报合计 ${firstRd}（差 ${diff(firstRd)}，容差内），泗洪县修订后合计 ${finalRd}（差 ${diff(finalRd)}），超过 0.5% 容差，引擎应给出预警。
  The city's own 41.30 wins over the units' sum; after the revision the sum (${finalRd}) differs by ${diff(finalRd)} (> 0.5 %), so the engine should warn.
- \`energy_intensity_decline\` 3.3 与 \`good_air_days_ratio\` 82.0 是省定目标，计划未列具体数值：**样例值 / sample values**.
- \`rd_platforms\`, \`incubators\`, \`invention_patents\` have no unit targets on purpose (status \`no_target\` for units).

## Regenerate / 重新生成

\`\`\`
npm run generate:sample      # = npx tsx data/generate-suqian.ts
\`\`\`

The generator is deterministic (seeded PRNG, fixed xlsx properties): two runs give byte-identical files.
`;
  save(join(OUT, 'README.md'), text);
}

function importPlan(): Plan {
  const parsed = parsePlan(readFileSync(SEED, 'utf8'), SEED);
  if (!parsed.plan) throw new Error(`the seed plan does not import: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  return parsed.plan;
}

function writePlan(plan: Plan): void {
  save(join(PLAN_DIR, 'tasks.json'), planJson(plan));
  save(join(PLAN_DIR, 'tasks.csv'), planCsv(plan));
}

/**
 * What lead units reported each quarter (synthetic): most milestones done, some
 * in progress, late or not started, a few never reported; from Q2 on, each file
 * also re-reports some of the previous quarter's unfinished milestones as done
 * (a later file revises an earlier one).
 */
function writeMilestoneReports(plan: Plan): void {
  const rng = rngFor('milestones');
  const statusOf = (): MilestoneStatus | undefined => {
    const x = rng();
    if (x < 0.06) return undefined;
    if (x < 0.74) return 'done';
    if (x < 0.86) return 'in_progress';
    if (x < 0.96) return 'late';
    return 'not_started';
  };
  const previous = new Map<number, MilestoneStatus | undefined>();
  for (const quarter of [1, 2, 3, 4]) {
    const rows: string[][] = [['任务序号', '期别', '状态', '备注', '报送单位']];
    for (const task of plan.tasks) {
      const unit = task.leadUnits[0] ?? '';
      const before = previous.get(task.number);
      if (quarter > 1 && (before === 'in_progress' || before === 'late') && rng() < 0.6) {
        rows.push([String(task.number), `${plan.year}Q${quarter - 1}`, milestoneStatusLabels.done, '补报：上季度任务已完成', unit]);
      }
      if (task.milestones[quarter - 1]?.trim() === '') continue;
      const status = statusOf();
      previous.set(task.number, status);
      if (status) rows.push([String(task.number), `${plan.year}Q${quarter}`, milestoneStatusLabels[status], '', unit]);
    }
    save(join(PLAN_DIR, 'reports', `${plan.year}Q${quarter}.csv`), BOM + csv(rows));
  }
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  // The plan is imported from the seed document when it is at hand; otherwise the committed one is kept.
  const plan = existsSync(SEED) ? importPlan() : planSchema.parse(JSON.parse(readFileSync(join(PLAN_DIR, 'tasks.json'), 'utf8')));
  // Start clean so no stale observation file from an older layout lingers.
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OBS_DIR, { recursive: true });
  mkdirSync(join(PLAN_DIR, 'reports'), { recursive: true });

  const obs = buildObservations();
  writeRegions();
  writeTargets();
  writeSettings();
  writeHistory(obs);
  write2022Long(obs);
  write2023Q1Wide(obs);
  write2023Q2Xlsx(obs);
  write2023Q3Json(obs);
  await write2023Q4Parquet(obs);
  writeRevision(obs);
  writeProgrammes();
  writePlan(plan);
  writeMilestoneReports(plan);
  writeReadme(obs);
  console.log(`wrote ${written.length} files: ${written.join(', ')}`);
}

await main();
