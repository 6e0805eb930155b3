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
  FILE_UNREADABLE: { severity: 'error', message: '文件无法读取 / the file cannot be read', expected: 'UTF-8 或 GBK 编码的 CSV、.xlsx、对象数组的 JSON 或 Parquet 文件 / a CSV in UTF-8 or GBK, an .xlsx, a JSON array of objects or a Parquet file' },
  FILE_EMPTY: { severity: 'error', message: '文件没有数据行 / the file has no data rows', expected: '表头之后至少一行数据 / at least one row after the header' },
  UNSUPPORTED_FILE: { severity: 'warning', message: '不支持的文件类型，已忽略 / unsupported file type, ignored', expected: '.csv、.xlsx、.json 或 .parquet' },
  UNSUPPORTED_DATA_FILE: { severity: 'error', message: '数据文件夹中有不能读取的文件类型，其中的数字不会被计入 / a file of a type the engine does not read: its figures would be lost', expected: '另存为 .csv、.xlsx（或 .xls、.et、.ods）、.json 或 .parquet，或移出该文件夹 / save it as .csv, .xlsx (.xls, .et, .ods), .json or .parquet, or move it out of the folder' },
  FILE_SKIPPED: { severity: 'warning', message: '已跳过隐藏文件或 Office 临时锁定文件 / a hidden file or an Office lock file was skipped', expected: '无需处理；Excel 关闭后锁定文件（~$…）会消失 / nothing to do: the lock file (~$…) goes away when Excel closes the workbook' },
  FILE_ACCESS: { severity: 'error', message: '文件无法访问 / the file cannot be accessed', expected: '检查文件是否存在、是否为普通文件、是否有读取权限（符号链接是否指向存在的文件）/ check that it exists, is a regular file you may read, and that a symbolic link points to a file' },
  BAD_FILE_NAME: { severity: 'error', message: '文件名不是有效的 UTF-8 文本 / the file name is not valid UTF-8', expected: '重命名该文件（文件名只用 UTF-8 字符）/ rename the file' },
  FOLDER_MISSING: { severity: 'error', message: '缺少必需的文件或文件夹 / a required file or folder is missing', expected: '数据文件夹内有 regions.csv、targets.csv 和 observations/（至少一个数据文件）/ regions.csv, targets.csv and observations/ with at least one data file' },
  MISSING_COLUMN: { severity: 'error', message: '缺少必需的列 / a required column is missing', expected: '在第1行加上这一列的表头 / add this column to the header row' },
  DUPLICATE_COLUMN: { severity: 'error', message: '列名重复 / the same column appears twice', expected: '每列只出现一次：删去或改名重复的列 / each column once: remove or rename the repeated one' },
  UNKNOWN_COLUMN: { severity: 'warning', message: '未知的列，已忽略 / unknown column, ignored' },
  UNKNOWN_VARIABLE_COLUMN: { severity: 'error', message: '宽表中的列不是已知的基础数据项 / a wide-layout column is not a known variable code', expected: '指标目录中的基础数据项代码或中文名称 / a variable code or Chinese name of the catalog' },
  REQUIRED_VALUE: { severity: 'error', message: '必填单元格为空 / a required cell is empty', expected: '填写这个单元格 / fill in this cell' },
  NOT_A_NUMBER: { severity: 'error', message: '不是数字 / not a number', expected: '数字，如 12.5 / a number such as 12.5' },
  BAD_PERIOD: { severity: 'error', message: '期别格式不正确 / the period is not valid', expected: 'YYYYQn（如 2023Q2、2023-Q2、2023年二季度、2023年1-6月、2023年上半年、2023年前三季度），年度数写 YYYY 或 2023年全年 / YYYYQn, or YYYY for an annual figure' },
  PERIOD_NEEDS_QUARTER: { severity: 'error', message: '季度数据项的期别缺少季度 / a quarterly variable\'s period has no quarter', expected: 'YYYYQn，如 2023Q4：只写年份会被当成哪个季度无法确定 / YYYYQn such as 2023Q4' },
  ANNUAL_PERIOD_NOT_Q4: { severity: 'error', message: '年度数据项只能报年末（第四季度）/ an annual variable is reported for the year end only', expected: 'YYYY 或 YYYYQ4，如 2023 或 2023Q4 / YYYY or YYYYQ4' },
  PERIOD_OUT_OF_RANGE: { severity: 'error', message: '期别的年份超出范围 / the period\'s year is out of range', expected: '1900–2100 年之间的四位年份 / a four-digit year from 1900 to 2100' },
  BAD_YEAR: { severity: 'error', message: '年度不正确 / the year is not valid', expected: '四位年份，如 2023 / a four-digit year' },
  SCHEDULE_OUTSIDE_YEAR: { severity: 'error', message: '进度期别不在目标年度内 / the schedule period is not in the target year', expected: '目标年度内的季度 / a quarter of the target year' },
  BAD_BOOLEAN: { severity: 'error', message: '不是是/否值 / not a yes/no value', expected: 'true/false、是/否、1/0' },
  UNKNOWN_REGION: { severity: 'error', message: '未知的地区代码 / unknown region code', expected: 'regions.csv 中的地区代码 / a code listed in regions.csv' },
  UNKNOWN_VARIABLE: { severity: 'error', message: '未知的基础数据项代码 / unknown variable code', expected: '指标目录中的代码 / a variable code of the catalog' },
  APPLIES_TO_UNKNOWN: { severity: 'warning', message: '指标的适用范围（applies_to）中有 regions.csv 没有的层级或地区，这部分不会产生结果 / an indicator\'s applies_to names a level or region regions.csv does not have: no results there', expected: 'regions.csv 中的层级（level 列）或地区代码 / a level or region code of regions.csv' },
  UNKNOWN_INDICATOR: { severity: 'error', message: '未知的指标 / unknown indicator id', expected: '指标目录中的指标 / an indicator id of the catalog' },
  DUPLICATE_KEY: { severity: 'error', message: '同一文件中键重复 / the same key appears twice in one file', expected: '每个键只保留一行；修订数请放在文件名更靠后的文件中 / one row per key; put a revision in a later file' },
  DUPLICATE_REGION: { severity: 'error', message: '地区代码重复 / the region code appears twice', expected: '每个地区代码只出现一次 / each region code once' },
  BAD_REGION_CODE: { severity: 'error', message: '地区代码含有不允许的字符 / the region code has characters that are not allowed', expected: '只用字母、数字、- 和 _，如 D01、zone-1（代码用于报告的文件名）/ letters, digits, - and _ only, such as D01 or zone-1 (codes name report files)' },
  UNKNOWN_PARENT: { severity: 'error', message: '上级代码不存在 / the parent code is not a region', expected: 'regions.csv 中的地区代码；根地区留空 / a code listed in regions.csv, empty for the root' },
  NO_ROOT: { severity: 'error', message: '没有根地区（上级为空）/ no root region (one with an empty parent)', expected: '恰好一个地区的上级代码留空 / exactly one region with an empty parent' },
  MANY_ROOTS: { severity: 'error', message: '有多个根地区 / more than one root region', expected: '只有一个上级为空的地区 / exactly one region with an empty parent' },
  REGION_CYCLE: { severity: 'error', message: '地区上下级关系成环 / the parent links form a cycle', expected: '上级链最终到达根地区 / every chain of parents ends at the root' },
  BAD_SETTINGS: { severity: 'error', message: '设置文件无效 / settings.json is not valid', expected: 'JSON 对象，键为 warningThreshold、dataQualityTolerance、reportTitle、timeZone、warningProbability、jumpTolerance、outlierZ、corsOrigins（见 README）/ a JSON object with the keys the README lists' },
  BAD_DEFINITION: { severity: 'error', message: '指标定义无效 / a catalog definition is not valid', expected: '按 README 的目录格式填写定义 / a definition in the catalog format of the README' },
  FORMULA_SYNTAX: { severity: 'error', message: '公式语法错误 / the formula cannot be parsed', expected: '完整的表达式，如 100 * rd_expenditure / gdp / a complete expression such as 100 * rd_expenditure / gdp' },
  FORMULA_UNKNOWN_IDENTIFIER: { severity: 'error', message: '公式引用了未知的标识符 / the formula uses an unknown identifier', expected: '目录中的基础数据项代码 / a variable code of the catalog' },
  FORMULA_TOO_DEEP: { severity: 'error', message: '公式嵌套层数过多 / the formula is nested too deeply', expected: '嵌套不超过 100 层（括号、函数、正负号和连续运算各算一层），可拆成几个指标 / at most 100 levels (each bracket, function, sign and chained operator counts one); split it into several indicators' },
  FORMULA_DISALLOWED: { severity: 'error', message: '公式使用了不允许的写法 / the formula uses a construct that is not allowed', expected: '变量、数字、+ - * /、括号和允许的函数 / variables, numbers, + - * /, parentheses and allowed functions' },
  BAD_PLAN: { severity: 'error', message: '任务计划文件无效 / plan/tasks.json is not a valid plan', expected: '用 kpi plan import <文件> --out <数据文件夹> 生成 / write it with kpi plan import' },
  UNKNOWN_TASK: { severity: 'error', message: '计划中没有这个任务序号 / no such task number in the plan' },
  BAD_MILESTONE_STATUS: { severity: 'error', message: '进度状态无法识别 / not a milestone status' },
  UNKNOWN_RUN: { severity: 'error', message: '数据库中没有这一次已完成的运行 / the database holds no finished run of that number or time', expected: '数据库中已完成的运行之一（kpi runs 列出全部）/ one of the finished runs in the database (kpi runs lists them)' },
  NO_RUN: { severity: 'error', message: '数据库中没有已完成的运行 / the database holds no finished run', expected: '先运行 kpi run --data … --out … / run `kpi run` first' },
  NO_FIGURE: { severity: 'error', message: '该运行中没有这个数字 / no such figure in the run', expected: '指标代码或名称、地区代码或名称、期别（如 2023Q2）/ an indicator, a region and a period of the run' },
  NO_HISTORY: { severity: 'error', message: '数据库中没有这项观测 / no such observation in the database', expected: '地区代码或名称、基础数据项代码或名称、期别（如 2023Q2）/ a region, a variable and a period that were reported' },
  UNKNOWN_PERIOD: { severity: 'error', message: '该期别没有结果 / no results for this period' },
  UNKNOWN_CHART_KIND: { severity: 'error', message: '没有这种图表 / no such kind of chart', expected: 'scorecard、heatmap、cumulative、ranking 或 trend' },
  BAD_PARAMETER: { severity: 'error', message: '请求参数不正确 / a request parameter is not valid' },
  UNKNOWN_ENDPOINT: { severity: 'error', message: '没有这个地址 / no such endpoint', expected: 'GET /openapi.json 列出全部地址 / GET /openapi.json lists every endpoint' },
  DUPLICATE_DEFINITION: { severity: 'error', message: '定义重复 / a definition appears twice', expected: '每个代码只定义一次 / each code defined once' },
  OUT_IS_PUBLICATION: { severity: 'error', message: '这个文件夹属于 kpi run 的发布，不能另写通报 / this folder belongs to a publication of kpi run', expected: '另选一个 --out 文件夹 / choose another --out folder' },
  // Inputs as they really arrive: what has one meaning is normalized (and logged); what is ambiguous is rejected here.
  BAD_ENCODING: { severity: 'error', message: '文件的文本编码无法解读 / the file\'s text cannot be decoded', expected: '另存为 UTF-8（Excel：“CSV UTF-8”），或用 --encoding 指定编码 / save as UTF-8 (Excel: "CSV UTF-8"), or name the encoding with --encoding' },
  WRONG_DELIMITER: { severity: 'error', message: 'CSV 文件不是用逗号分隔的 / the CSV file is not comma-separated', expected: '用逗号分隔另存（Excel：“CSV UTF-8（逗号分隔）”）/ save it comma-separated (Excel: "CSV UTF-8 (Comma delimited)")' },
  CSV_SEP_LINE: { severity: 'warning', message: '已跳过 Excel 的 sep=, 首行 / Excel\'s sep=, first line was skipped', expected: '无需处理；行号按 Excel 显示的计（表头为第1行）/ nothing to do: rows are numbered as Excel shows them (header = row 1)' },
  EMPTY_HEADER: { severity: 'error', message: '有数据的列没有表头 / a column with values has no header', expected: '在第1行为这一列填写表头，或删除这一列 / give the column a header in row 1, or delete the column' },
  BINARY_FILE: { severity: 'error', message: '文件含有二进制内容（NUL 字节），不是文本表格，可能已损坏 / the file holds binary content (NUL bytes): not a text table, maybe corrupt', expected: '从原表重新导出为 CSV UTF-8 / export it again from the original workbook as CSV UTF-8' },
  UNKNOWN_ENCODING: { severity: 'error', message: '不认识的编码名称 / unknown encoding name', expected: 'utf-8、gb18030、gbk、utf-16le 或 utf-16be' },
  PERCENT_VALUE: { severity: 'error', message: '数值带百分号，含义不明（12 还是 0.12？）/ a percent sign in a value cell is ambiguous (12 or 0.12?)', expected: '去掉 %，写该数据项单位下的数字 / the number in the variable\'s unit, without %' },
  BAD_THOUSANDS_SEPARATOR: { severity: 'error', message: '千位分隔符位置不对 / a thousands separator is misplaced', expected: '如 1,234.5 或 1234.5：逗号只能每三位一个，不能当小数点 / e.g. 1,234.5 or 1234.5: commas only between groups of three digits, never as a decimal point' },
  WRONG_UNIT: { severity: 'error', message: '单位与数据项的单位不符 / the unit is not the variable\'s unit', expected: '按数据项的单位填写数字，不带单位 / a number in the variable\'s unit, without a unit' },
  NOT_AN_INTEGER: { severity: 'error', message: '计数应为整数 / a count must be a whole number', expected: '整数，如 12 / a whole number such as 12' },
  VALUE_BELOW_MIN: { severity: 'error', message: '数值小于允许的最小值 / the value is below the allowed minimum', expected: '不小于 0 的数 / a number of at least 0' },
  FUTURE_PERIOD: { severity: 'error', message: '期别尚未开始，不可能已有数据 / the period has not started yet, so it cannot have data', expected: '已开始的期别；检查年份是否写错 / a period that has begun: check the year' },
  WRONG_SHEET: { severity: 'error', message: '数据不在第一个工作表 / the data are not on the first sheet', expected: '按约定只读第一个工作表：把数据（表头在第一行）移到第一个工作表 / the first sheet is read: move the data, header first, to the first sheet' },
  MERGED_CELLS: { severity: 'error', message: '数据区域有合并单元格 / the data range has merged cells', expected: '取消合并，并在每一格填上值 / unmerge the cells and fill in every cell' },
  // Firm-level files (docs/data-folder.md「企业级数据」): one row per firm, summed per region inside DuckDB.
  BAD_ENTITY_CODE: { severity: 'error', message: '企业代码含有不允许的字符 / the firm code has characters that are not allowed', expected: '字母和数字（如 18 位统一社会信用代码），也可用 - 和 _ / letters and digits (such as an 18-character unified social credit code), - and _' },
  BAD_FLAG: { severity: 'error', message: '标志列只能填 0 或 1 / a flag is 0 or 1', expected: '1（是）或 0（否）；不确定的留空 / 1 (yes) or 0 (no); leave it empty when not known' },
  DERIVED_VARIABLE_REPORTED: { severity: 'error', message: '这个数据项由企业标志计数得出，企业级文件不能直接报送 / this variable is counted from the firms\' flags: a firm-level file cannot report it', expected: '报送该数据项的标志列（见 metrics/variables.yaml 的 derived），地区合计数请放在地区级文件中 / report its flag column (derived in metrics/variables.yaml); a region total goes in a region-level file' },
  FORMULA_CELL: { severity: 'error', message: '单元格是公式而不是数值 / the cell holds a formula, not a value', expected: '复制后“选择性粘贴 → 数值”，报送的数必须是数值 / paste as values: a reported figure must be a value' },
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
