import type { Diagnostic, Location } from './diagnostic.js';

/**
 * The catalog of user-facing problems. Each entry has a stable code, the
 * severity and a bilingual message; `expected` says what to do.
 */
interface ProblemSpec {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly expected?: string;
}

export const problems = {
  FILE_UNREADABLE: { severity: 'error', message: '文件无法读取 / the file cannot be read' },
  FILE_EMPTY: { severity: 'error', message: '文件没有数据行 / the file has no data rows', expected: '表头之后至少一行数据 / at least one row after the header' },
  UNSUPPORTED_FILE: { severity: 'warning', message: '不支持的文件类型，已忽略 / unsupported file type, ignored', expected: '.csv、.xlsx、.json 或 .parquet' },
  FOLDER_MISSING: { severity: 'error', message: '缺少必需的文件或文件夹 / a required file or folder is missing' },
  MISSING_COLUMN: { severity: 'error', message: '缺少必需的列 / a required column is missing' },
  DUPLICATE_COLUMN: { severity: 'error', message: '列名重复 / the same column appears twice' },
  UNKNOWN_COLUMN: { severity: 'warning', message: '未知的列，已忽略 / unknown column, ignored' },
  UNKNOWN_VARIABLE_COLUMN: { severity: 'error', message: '宽表中的列不是已知的基础数据项 / a wide-layout column is not a known variable code' },
  REQUIRED_VALUE: { severity: 'error', message: '必填单元格为空 / a required cell is empty' },
  NOT_A_NUMBER: { severity: 'error', message: '不是数字 / not a number', expected: '数字，如 12.5 / a number such as 12.5' },
  BAD_PERIOD: { severity: 'error', message: '期别格式不正确 / the period is not valid', expected: 'YYYYQn（如 2023Q2）或 YYYY' },
  BAD_YEAR: { severity: 'error', message: '年度不正确 / the year is not valid', expected: '四位年份，如 2023 / a four-digit year' },
  SCHEDULE_OUTSIDE_YEAR: { severity: 'error', message: '进度期别不在目标年度内 / the schedule period is not in the target year' },
  BAD_BOOLEAN: { severity: 'error', message: '不是是/否值 / not a yes/no value', expected: 'true/false、是/否、1/0' },
  UNKNOWN_REGION: { severity: 'error', message: '未知的地区代码 / unknown region code', expected: 'regions.csv 中的地区代码 / a code listed in regions.csv' },
  UNKNOWN_VARIABLE: { severity: 'error', message: '未知的基础数据项代码 / unknown variable code', expected: '指标目录中的代码 / a variable code of the catalog' },
  UNKNOWN_INDICATOR: { severity: 'error', message: '未知的指标 / unknown indicator id', expected: '指标目录中的指标 / an indicator id of the catalog' },
  DUPLICATE_KEY: { severity: 'error', message: '同一文件中键重复 / the same key appears twice in one file' },
  DUPLICATE_REGION: { severity: 'error', message: '地区代码重复 / the region code appears twice' },
  UNKNOWN_PARENT: { severity: 'error', message: '上级代码不存在 / the parent code is not a region' },
  NO_ROOT: { severity: 'error', message: '没有根地区（上级为空）/ no root region (one with an empty parent)' },
  MANY_ROOTS: { severity: 'error', message: '有多个根地区 / more than one root region', expected: '只有一个上级为空的地区 / exactly one region with an empty parent' },
  REGION_CYCLE: { severity: 'error', message: '地区上下级关系成环 / the parent links form a cycle' },
  BAD_SETTINGS: { severity: 'error', message: '设置文件无效 / settings.json is not valid' },
  BAD_DEFINITION: { severity: 'error', message: '指标定义无效 / a catalog definition is not valid' },
  FORMULA_SYNTAX: { severity: 'error', message: '公式语法错误 / the formula cannot be parsed' },
  FORMULA_UNKNOWN_IDENTIFIER: { severity: 'error', message: '公式引用了未知的标识符 / the formula uses an unknown identifier', expected: '目录中的基础数据项代码 / a variable code of the catalog' },
  FORMULA_DISALLOWED: { severity: 'error', message: '公式使用了不允许的写法 / the formula uses a construct that is not allowed', expected: '变量、数字、+ - * /、括号和允许的函数 / variables, numbers, + - * /, parentheses and allowed functions' },
  NO_RUN: { severity: 'error', message: '数据库中没有已完成的运行 / the database holds no finished run', expected: '先运行 kpi run --data … --out … / run `kpi run` first' },
  UNKNOWN_PERIOD: { severity: 'error', message: '该期别没有结果 / no results for this period' },
  DUPLICATE_DEFINITION: { severity: 'error', message: '定义重复 / a definition appears twice' },
} as const satisfies Record<string, ProblemSpec>;

export type ProblemCode = keyof typeof problems;

/** Builds a diagnostic from the catalog; `expected` overrides the catalog's default advice. */
export function problem(
  code: ProblemCode,
  at: Location & { value?: string | undefined; expected?: string | undefined; detail?: string | undefined } = {},
): Diagnostic {
  const spec: ProblemSpec = problems[code];
  const { detail, value, expected, ...location } = at;
  const resolvedExpected = expected ?? spec.expected;
  return {
    code,
    severity: spec.severity,
    message: detail ? `${spec.message}：${detail}` : spec.message,
    ...location,
    ...(value === undefined ? {} : { value }),
    ...(resolvedExpected === undefined ? {} : { expected: resolvedExpected }),
  };
}
