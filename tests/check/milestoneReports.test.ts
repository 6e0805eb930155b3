import { describe, expect, it } from 'vitest';
import { checkMilestoneReports } from '../../src/check/checkMilestoneReports.js';
import { makePeriod } from '../../src/model/period.js';
import { readCsv } from '../../src/read/readCsv.js';

const context = { tasks: new Set([1, 2, 3, 36]), year: 2023, currentQuarter: makePeriod(2023, 3) };
const check = async (csv: string) => checkMilestoneReports(await readCsv('plan/reports/2023Q2.csv', new TextEncoder().encode(csv)), context);

describe('milestone reports', () => {
  it('reads task, quarter, status, note and who reported, with Chinese headers and period labels', async () => {
    const { reports, diagnostics, normalizations } = await check(
      '任务序号,期别,状态,备注,报送单位\n1,2023Q1,已完成,,市科技局\n36,2023年二季度,推进中,签约中,市财政局\n2,2023Q2,延期,,市科技局\n',
    );
    expect(diagnostics).toEqual([]);
    expect(reports).toEqual([
      { task: 1, period: '2023Q1', year: 2023, quarter: 1, status: 'done', note: '', reportedBy: '市科技局', row: 2 },
      { task: 36, period: '2023Q2', year: 2023, quarter: 2, status: 'in_progress', note: '签约中', reportedBy: '市财政局', row: 3 },
      { task: 2, period: '2023Q2', year: 2023, quarter: 2, status: 'late', note: '', reportedBy: '市科技局', row: 4 },
    ]);
    expect(normalizations).toEqual([expect.objectContaining({ row: 3, rule: 'period_label', from: '2023年二季度', to: '2023Q2' })]);
  });

  it('rejects, located, an unknown task, a status that is none of the four, a year instead of a quarter, another year, the future and a repeat', async () => {
    const { reports, diagnostics } = await check(
      'task,period,status\n99,2023Q1,已完成\n1,2023Q1,差不多\n1,2023,已完成\n2,2022Q4,已完成\n3,2023Q4,已完成\n36,2023Q1,done\n36,2023Q1,late\n',
    );
    expect(diagnostics.map((d) => [d.code, d.row, d.column, d.value])).toEqual([
      ['UNKNOWN_TASK', 2, 'task', '99'],
      ['BAD_MILESTONE_STATUS', 3, 'status', '差不多'],
      ['PERIOD_NEEDS_QUARTER', 4, 'period', '2023'],
      ['SCHEDULE_OUTSIDE_YEAR', 5, 'period', '2022Q4'],
      ['FUTURE_PERIOD', 6, 'period', '2023Q4'],
      ['DUPLICATE_KEY', 8, 'task', '36'],
    ]);
    expect(diagnostics[1]?.expected).toBe('已完成、推进中、滞后、未启动');
    expect(reports.map((r) => r.row)).toEqual([7]);
  });
});
