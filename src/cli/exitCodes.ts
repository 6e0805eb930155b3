/** The exit statuses of `kpi`, one meaning each (README, "Exit status"). */
export const exitCodes = {
  ok: 0,
  /** The input was rejected; every problem is listed and nothing was stored. */
  inputRejected: 1,
  usage: 2,
  /** The database cannot be used: missing, busy, another schema version, not a DuckDB database. */
  databaseUnusable: 3,
  /** The operating system refused to read or write a file or folder. */
  fileAccess: 4,
  /** A bug: one line on stderr, the details in a log file. */
  internal: 5,
} as const;

/** The exit statuses as every command's help states them. */
export const exitStatusHelp = `退出状态 Exit status:
  0  成功 success
  1  输入被拒绝（逐条列出问题，数据库未改动） input rejected: every problem listed, nothing stored
  2  用法错误 usage error
  3  数据库不能使用：不存在、正被另一进程使用（可加 --wait）、结构版本不同、不是 DuckDB 数据库
     the database cannot be used: missing, busy (see --wait), another schema version, not a DuckDB database
  4  文件或文件夹无法读写：没有权限、磁盘已满、不是文件夹、链接断开或成环、只读文件系统
     a file or folder cannot be read or written: permission, full disk, not a folder, broken or looping link, read-only
  5  内部错误（程序缺陷）：详情写入 kpi-error-<pid>.log（或设 KPI_DEBUG=1 显示）
     internal error (a bug): details in kpi-error-<pid>.log in the temp folder (or set KPI_DEBUG=1)`;
