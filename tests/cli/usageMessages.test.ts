import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { longCsv, runFolder } from '../support/fixture.js';
import { fakeTerminal } from '../support/terminal.js';

const stderrOf = async (args: string[]): Promise<{ code: number; text: string }> => {
  const term = fakeTerminal();
  const code = await main(args, term);
  return { code, text: term.stderr.join('\n') };
};

describe('what the CLI says to a mistake', () => {
  it('names the option or argument Node’s parser refused, in Chinese and English', async () => {
    for (const [args, says] of [
      [['runs', '--bogus'], '未知的选项 "--bogus" / unknown option "--bogus"'],
      [['runs', '--db'], '缺少值'],
      [['runs', 'extra'], '多余的参数 "extra" / unexpected argument "extra"'],
    ] as const) {
      const { code, text } = await stderrOf([...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(text).toContain(says);
    }
  });

  it('kpi history with part of a region’s name suggests the regions it could mean', async () => {
    const ran = await runFolder({ observations: { 'q.csv': longCsv([['A', '2023Q2', 'gdp', 10], ['B', '2023Q2', 'gdp', 5]]) } });
    const { code, text } = await stderrOf(['history', 'District', 'gdp', '2023Q2', '--db', join(ran.out, 'kpi.duckdb')]);
    expect(code).toBe(1);
    expect(text).toContain('NO_HISTORY');
    expect(text).toContain('did you mean District A（A）、District B（B）？');
    const exact = await stderrOf(['history', 'District A', 'gdp', '2023Q2', '--db', join(ran.out, 'kpi.duckdb')]);
    expect(exact.code).toBe(0);
  });
});
