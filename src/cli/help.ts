/** Help texts: what each command does, with an example, and the exit statuses. */
import { exitStatusHelp } from './exitCodes.js';
import { sampleFolders, sampleRegions } from './sampleExample.js';

export const mainHelp = `kpi — 指标计算引擎 KPI engine for a plan's targets

用法 Usage:
  kpi <command> [options]
  （在源码目录中 in a checkout: npm run kpi -- <command> [options]）

命令 Commands:
  run      完成一期的全部工作：读取数据文件夹、校验、入库、计算每个指标、写出结果
           the quarterly job: check and store a data folder, compute every indicator, write results
           and the latest period's 通报 (report-<period>/)
  plan     导入年度任务计划文档（任务、每季度进度、写明的数量）为数据 import the year's task plan: kpi plan import <file> --out <data>；
           为尚未跟踪的计划数量起草指标和目标行 draft indicators and targets for untracked quantities: kpi plan suggest --data <data>
  runs     数据库中的全部运行（发布）及其输入哈希 every run recorded, with its inputs' hashes
  history  一项观测的全部版本（值、文件、sha256、行、入库时间） every revision of one observation
  explain  一个数字是怎样算出来的：公式、每项输入及来源、目标、判定规则 how one figure was made
  diff     两次运行之间变化的数字及原因（哪项输入被修订） what changed between two runs, and why
  report   生成一期的通报：图表（.vl.json/.svg，--png 另有 .png）、report.html、report.xlsx
           render one period's report: charts, a self-contained HTML page and an Excel workbook
  serve    只读 HTTP 接口和实时仪表板（不妨碍 kpi run） a read-only HTTP API and live dashboard that never blocks kpi run
  export   为 BI 工具导出一次运行：按年和期别分区的 Parquet、地区、指标、目标、有效观测、manifest.json
           export a run for BI tools: results partitioned by year and period, regions, indicators, targets, observations

选项 Options:
  -h, --help     显示帮助 show help (also: kpi <command> --help)
  -v, --version  显示版本 show the version

${exitStatusHelp}

示例 Example:
  kpi run --data data/suqian --out out/suqian
  kpi report --period 2023Q2 --out out/suqian/report-2023Q2
`;

export const runHelp = `kpi run — 读取数据文件夹并计算全部指标 / load a data folder and compute every indicator

用法 Usage:
  kpi run --data <folder> --out <folder> [--db <file>] [--metrics <folder>] [--warning-threshold <x>]
  kpi run --data <folder> --dry-run [--out <folder> | --db <file>]
  kpi run --as-of <run id | time> --out <folder> [--db <file>]

选项 Options:
  --data <folder>            数据文件夹（regions.csv、targets.csv、observations/） the data folder
  --out <folder>             输出文件夹：results.csv（带BOM）、results.json、results.parquet the output folder
  --db <file>                数据库文件，默认 <out>/kpi.duckdb the DuckDB database file
  --metrics <folder>         指标目录，默认随引擎附带的 metrics/ the catalog folder
  --warning-threshold <x>    预警阈值，默认 0.9（可在 settings.json 设置） warning threshold
  --encoding <name>          CSV 文件编码（utf-8、gb18030、utf-16le），默认自动识别 the CSV encoding, default detected
  --as-of <run | time>       按某次运行（或某一时刻）时的数据、目标、定义和设置重算，结果与当时逐字节相同
                             recompute a past publication from the database alone (byte-identical results);
                             时间按北京时间读取，除非带时区 a time is Beijing time unless it carries an offset:
                             2023-07-20（当日结束 the end of that day）、2023-07-20T18:00、2023-07-20T18:00+08:00；
                             环境变量 KPI_TIME_ZONE 可改时区 KPI_TIME_ZONE names another zone
  --dry-run                  演练：校验、计算并显示摘要，不入库、不写任何文件 check, compute and show; store and write nothing
  --wait <seconds>           数据库被另一运行占用时最多等待的秒数（默认 0：立即停止） wait for a busy database
  --no-report                不生成最新一期通报 skip the latest period's report
  --png                      通报图表另存 2 倍 PNG（默认只有 .vl.json 和 .svg） also draw the report's charts as PNG at 2×
  --no-cache                 不用绘图缓存，全部重画（缓存在 $KPI_CACHE_DIR，默认 ~/.cache/kpi） draw every chart again
  -q, --quiet                不显示进度和规范化清单（警告照常）no progress, no normalization list (warnings still)

${exitStatusHelp}

示例 Example:
  kpi run --data data/suqian --dry-run
  kpi run --data data/suqian --out out/suqian
  kpi run --as-of 1 --out out/suqian/as-of-1
`;

export const reportHelp = `kpi report — 生成一期的通报 / render one period's report

用法 Usage:
  kpi report --out <folder> [--period YYYYQn] [--db <file>] [--run <id>]

选项 Options:
  --out <folder>     通报文件夹：report.html、report.xlsx、charts/*.vl.json|svg the report folder
  --period <YYYYQn>  期别，默认最新一期 the period, default the latest with results
  --db <file>        数据库文件，默认 <out>/kpi.duckdb 或 <out>/../kpi.duckdb the database
  --run <id>         运行编号，默认最近一次 the run, default the latest
  --png              图表另存 2 倍 PNG（charts/*.png） also draw the charts as PNG at 2×
  --no-cache         不用绘图缓存，全部重画（缓存在 $KPI_CACHE_DIR，默认 ~/.cache/kpi） draw every chart again
  -q, --quiet        不显示进度 no progress messages

${exitStatusHelp}
  （1：没有可用的结果，说明原因 1: nothing to report, with the reason）

示例 Example:
  kpi run --data data/suqian --out out/suqian
  kpi report --period 2023Q2 --out out/suqian/report-2023Q2
`;

/** The example of a help text: a command on the bundled sample, or a template where there is none. */
const onSample = (args: (region: { root: string; child: string }) => string, template: string): string => {
  const regions = sampleRegions();
  return regions ? `示例（随附样例，先运行 npm run sample）Example, on the bundled sample after npm run sample:\n  npm run kpi -- ${args(regions)}` : `示例 Example:\n  kpi ${template}`;
};

export const historyHelp = (): string => `kpi history — 一项观测的全部版本 / every stored revision of one observation

用法 Usage:
  kpi history <地区 region> <基础数据项 variable> <期别 period> --db <file> [--json]

地区和基础数据项可写代码或中文名称。每个版本列出数值、文件、sha256、行列和入库时间；* 为当前有效版本。
Region and variable by code or Chinese name. Each revision: value, file, sha256, row and column, load time; * marks the one in effect.

${onSample((r) => `history ${r.child} gdp 2023Q2 --db ${sampleFolders.out}/kpi.duckdb`, 'history <地区代码或名称 region> gdp 2023Q2 --db <out>/kpi.duckdb')}

${exitStatusHelp}
  （1：数据库中没有要找的内容 1: the database holds no such thing；3：--db 不存在或不是 kpi 数据库 3: --db is missing or not a kpi database）
`;

export const explainHelp = (): string => `kpi explain — 一个数字是怎样算出来的 / how one figure was made

用法 Usage:
  kpi explain <指标 indicator> <地区 region> <期别 period> --db <file> [--run <id>] [--json]

列出：公式；每项输入的数值及来源（本级报送：文件、行、列、sha256；或下级合计：每个下级的数值及来源）；
代入数字的算式；所用目标行（本级或继承自哪个上级；计划进度或线性序时）；触发的状态判定规则。
Lists the formula; each input with its value and source (reported: file, row, column, sha256; or the sum of
which children, each with its own source); the arithmetic; the target rows used (own or inherited; schedule
or linear); and the status rule that fired. --json for tools.

${onSample((r) => `explain rd_intensity ${r.root} 2023Q1 --db ${sampleFolders.out}/kpi.duckdb`, 'explain <指标 indicator> <地区代码或名称 region> 2023Q1 --db <out>/kpi.duckdb')}

${exitStatusHelp}
  （1：数据库中没有要找的内容 1: the database holds no such thing；3：--db 不存在或不是 kpi 数据库 3: --db is missing or not a kpi database）
`;

export const diffHelp = `kpi diff — 两次运行之间变化的数字及原因 / every figure that changed between two runs, and why

用法 Usage:
  kpi diff <运行 run> <运行 run> --db <file> [--json]

列出两次发布之间所有变化的数字（实际、目标、完成率、状态、排名……），并说明原因：哪项输入被修订（地区、基础数据项、期别、
旧值 → 新值、文件和行），目标或指标定义的变化，或仅因同级地区变化而排名变化。
Lists every changed figure between two publications and why: which input was revised (and the figure depends on
it through its formula and the region tree), which targets or definitions changed, or which siblings moved a rank.

示例 Example:
  kpi diff 1 2 --db out/suqian/kpi.duckdb

${exitStatusHelp}
  （1：数据库中没有要找的内容 1: the database holds no such thing；3：--db 不存在或不是 kpi 数据库 3: --db is missing or not a kpi database）
`;

export const runsHelp = `kpi runs — 数据库中的全部运行（发布） / every run (publication) in the database

用法 Usage:
  kpi runs --db <file> [--json]

每次运行：时间、状态、数据文件夹或重算自哪次运行、每个输入文件及其 sha256、指标定义的哈希、引擎版本。
Each run: time, status, data folder (or the run it recomputed), every input file with its sha256, the definitions' hash, the engine version.

${exitStatusHelp}
  （1：数据库中没有要找的内容 1: the database holds no such thing；3：--db 不存在或不是 kpi 数据库 3: --db is missing or not a kpi database）
`;

export const exportHelp = `kpi export — 为 BI 工具导出一次运行 / export a run for BI tools (Superset, Metabase, Grafana, pandas)

用法 Usage:
  kpi export --out <folder> [--db <file>] [--run <id>] [--wait <seconds>]

写出 Writes (docs/bi-tools.md):
  results/year=YYYY/period=YYYYQn/*.parquet   与 results.csv 相同的行和列（另加 year） the rows of results.csv (plus year)
  regions.parquet indicators.parquet targets.parquet   运行所用的地区、指标定义、目标 what the run used
  observations.parquet   运行时有效的观测版本（文件、行、sha256） the revisions in effect, with file, row, sha256
  quality.parquet runs.parquet manifest.json   数据质量、已发布的运行、清单（行数和列） quality, runs, the manifest
全部文件一次切换（<folder>/.kpi/current），读者不会看到一半的导出；再次导出替换整个文件夹。
All files are switched in at once (<folder>/.kpi/current): a reader never sees half an export; exporting again replaces it whole.

选项 Options:
  --out <folder>     导出文件夹：新的、空的或以前的导出 the export folder: new, empty, or an earlier export
  --db <file>        数据库文件，默认 <out>/kpi.duckdb 或 <out>/../kpi.duckdb the database
  --run <id>         运行编号，默认最近一次发布 the run, default the latest published
  --wait <seconds>   另一导出正写入同一文件夹时最多等待的秒数 wait for another export into the folder
  -q, --quiet        不显示进度 no progress messages

${exitStatusHelp}
  （1：没有这次运行 1: no such run；2：--out 是别的文件夹（如 kpi run 的输出）2: --out holds something else, e.g. a kpi run output）

示例（先运行 npm run sample）Example, after npm run sample:
  kpi export --db out/suqian/kpi.duckdb --out out/suqian/warehouse
`;

export const serveHelp = `kpi serve — 只读 HTTP 接口和实时仪表板 / a read-only HTTP API and a live dashboard

用法 Usage:
  kpi serve [--db <file> | --out <folder>] [--port <n>] [--host <address>] [--cors <origins>]

读取每次 kpi run 发布的只读快照（数据库旁的 kpi.published.duckdb），从不打开数据库本身：服务运行时 kpi run 照常进行，
发布后立即提供新的结果。Serves the read-only snapshot every kpi run publishes beside the database, never the
database itself: kpi run goes on while it serves, and each new publication is served as soon as it lands.

接口 Endpoints（GET；/openapi.json 为 OpenAPI 3.1 说明 describes them all）:
  /                       仪表板 the dashboard
  /indicators /regions /periods /runs
  /results?indicator=&region=&period=&run=&format=csv     结果（JSON；CSV 用 Accept: text/csv 或 format=csv）
  /explain/<指标>/<地区>/<期别>    一个数字是怎样算出来的 how a figure was made
  /charts/<kind>?period=&region=&indicator=             通报的 Vega-Lite 图表 the 通报's charts
  /report/<期别>           该期的 HTML 通报 the period's HTML report
  /health

选项 Options:
  --db <file>         数据库文件 the database (default <out>/kpi.duckdb or ./kpi.duckdb)
  --out <folder>      kpi run 的输出文件夹，数据库在其中 the run's output folder holding kpi.duckdb
  --port <n>          端口，默认 8080（0：任一空闲端口）the port, default 8080 (0: any free port)
  --host <address>    监听地址，默认 127.0.0.1（仅本机）the address to listen on, default 127.0.0.1 (this machine only)
  --cors <origins>    允许跨域调用的网页来源，逗号分隔，默认取 settings.json 的 corsOrigins
                      web origins allowed to call the API from a browser, comma-separated (default settings.json corsOrigins)

${exitStatusHelp}

示例 Example:
  kpi serve --out out/suqian --port 8080
`;
