/** Help texts: what each command does, with an example. */
export const mainHelp = `kpi — 指标计算引擎 KPI engine for a plan's targets

用法 Usage:
  kpi <command> [options]

命令 Commands:
  run      完成一期的全部工作：读取数据文件夹、校验、入库、计算每个指标、写出结果
           the quarterly job: check and store a data folder, compute every indicator, write results
           and the latest period's 通报 (report-<period>/)
  report   生成一期的通报：图表（.vl.json/.svg/.png）、report.html、report.xlsx
           render one period's report: charts, a self-contained HTML page and an Excel workbook

选项 Options:
  -h, --help     显示帮助 show help (also: kpi <command> --help)
  -v, --version  显示版本 show the version

示例 Example:
  kpi run --data data/suqian --out out/suqian
  kpi report --period 2023Q2 --out out/suqian/report-2023Q2
`;

export const runHelp = `kpi run — 读取数据文件夹并计算全部指标 / load a data folder and compute every indicator

用法 Usage:
  kpi run --data <folder> --out <folder> [--db <file>] [--metrics <folder>] [--warning-threshold <x>]

选项 Options:
  --data <folder>            数据文件夹（regions.csv、targets.csv、observations/） the data folder
  --out <folder>             输出文件夹：results.csv（带BOM）、results.json、results.parquet the output folder
  --db <file>                数据库文件，默认 <out>/kpi.duckdb the DuckDB database file
  --metrics <folder>         指标目录，默认随引擎附带的 metrics/ the catalog folder
  --warning-threshold <x>    预警阈值，默认 0.9（可在 settings.json 设置） warning threshold
  --encoding <name>          CSV 文件编码（utf-8、gb18030、utf-16le），默认自动识别 the CSV encoding, default detected
  --no-report                不生成最新一期通报 skip the latest period's report
  -q, --quiet                不显示进度 no progress messages

退出状态 Exit status: 0 成功 success; 1 输入被拒绝（逐条列出问题） input rejected, every problem listed; 2 用法错误 usage error.

示例 Example:
  kpi run --data data/suqian --out out/suqian
`;

export const reportHelp = `kpi report — 生成一期的通报 / render one period's report

用法 Usage:
  kpi report --out <folder> [--period YYYYQn] [--db <file>] [--run <id>]

选项 Options:
  --out <folder>     通报文件夹：report.html、report.xlsx、charts/*.vl.json|svg|png the report folder
  --period <YYYYQn>  期别，默认最新一期 the period, default the latest with results
  --db <file>        数据库文件，默认 <out>/kpi.duckdb 或 <out>/../kpi.duckdb the database
  --run <id>         运行编号，默认最近一次 the run, default the latest
  -q, --quiet        不显示进度 no progress messages

退出状态 Exit status: 0 成功 success; 1 没有可用的结果（说明原因） nothing to report, with the reason; 2 用法错误 usage error.

示例 Example:
  kpi run --data data/suqian --out out/suqian
  kpi report --period 2023Q2 --out out/suqian/report-2023Q2
`;
