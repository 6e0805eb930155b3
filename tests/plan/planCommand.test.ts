import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planCommand } from '../../src/cli/commands/plan.js';
import { UsageError } from '../../src/cli/terminal.js';
import { writePlan } from '../../src/present/writePlan.js';
import type { Plan } from '../../src/plan/planSchema.js';
import { tempDir } from '../support/fixture.js';
import { fakeTerminal } from '../support/terminal.js';
import { editVariant, lineOf } from './variantPlan.js';

const SEED = 'data/seeds/suqian-2023-innovative-city-plan.txt';

/** The variant with a milestone cell lost from task 1's row and task 4's row written twice. */
async function brokenDocument(): Promise<{ file: string; lines: string[] }> {
  const withCopy = editVariant(['\t优化人才服努', ['\t', '\t', '\t4.建设人才公寓200套。', '\t完成选址。', '\t开工建设。', '\t主体封顶。', '\t交付使用。', '\t区住建局', '\t区财政局', '', '\t优化人才服努']]);
  const lines = withCopy.filter((l) => l !== '\t开展半年调度。');
  const file = join(await tempDir('kpi-plan-doc-'), 'bad.txt');
  await writeFile(file, lines.join('\n'));
  return { file, lines };
}

describe('kpi plan import', () => {
  it('imports the 2023 document into <out>/plan/ and prints tasks, milestone cells and tasks per 事项', async () => {
    const out = await tempDir('kpi-plan-');
    const term = fakeTerminal();
    expect(await planCommand(['import', SEED, '--out', out], term)).toBe(0);
    expect(await readFile(join(out, 'plan', 'tasks.json'), 'utf8')).toBe(await readFile('data/suqian/plan/tasks.json', 'utf8'));
    expect(await readFile(join(out, 'plan', 'tasks.csv'), 'utf8')).toBe(await readFile('data/suqian/plan/tasks.csv', 'utf8'));
    const stdout = term.stdout.join('\n');
    expect(stdout).toContain('宿迁市2023年度国家创新型城市建设重点任务推进计划');
    expect(stdout).toContain('任务 tasks: 98');
    expect(stdout).toContain('milestone cells: 392');
    expect(stdout).toMatch(/ 14 {2}主要工作目标\n/);
    expect(stdout).toMatch(/ 15 {2}科技体制机制改革工程\n/);
    expect(stdout).toContain(join(out, 'plan', 'tasks.csv'));
    // What it resolved on its own is shown for an analyst to check, with lines.
    expect(term.stderr.some((l) => l.includes('第368行') && l.includes('UNITS_SPLIT'))).toBe(true);
    expect(term.stderr.some((l) => l.includes('第951行') && l.includes('HEADING_REPEATED'))).toBe(true);
  });

  it('rejects a document it cannot read whole with exit 1, every problem with its line on stderr, and writes nothing', async () => {
    const { file, lines } = await brokenDocument();
    const out = await tempDir('kpi-plan-');
    const term = fakeTerminal();
    expect(await planCommand(['import', file, '--out', out], term)).toBe(1);
    const stderr = term.stderr.join('\n');
    expect(stderr).toContain(`CELL_COUNT ${file} 第${lineOf(lines, '\t主要目标')}行`);
    const second = lines.findIndex((l, i) => l.startsWith('\t4.') && i + 1 > lineOf(lines, '\t4.')) + 1;
    expect(stderr).toContain(`DUPLICATE_TASK ${file} 第${second}行`);
    expect(stderr).toContain('共 2 个问题');
    expect(existsSync(join(out, 'plan'))).toBe(false);
    expect(term.stdout).toEqual([]);
  });

  it('leaves the plan already in the folder as it was when the new document is rejected', async () => {
    const out = await tempDir('kpi-plan-');
    const plan: Plan = { title: '旧计划2022年度推进计划', year: 2022, tasks: [{ number: 1, category: '事项', keyWork: '', text: '任务', milestones: ['一', '二', '三', '四'], leadUnits: ['市科技局'], cooperatingUnits: [], line: 20 }] };
    const { json } = await writePlan(plan, out);
    const before = await readFile(json, 'utf8');
    expect(await planCommand(['import', (await brokenDocument()).file, '--out', out], fakeTerminal())).toBe(1);
    expect(await readFile(json, 'utf8')).toBe(before);
  });

  it('exits 1 naming a document that cannot be read', async () => {
    const term = fakeTerminal();
    expect(await planCommand(['import', 'no/such/plan.txt', '--out', await tempDir()], term)).toBe(1);
    expect(term.stderr.join('\n')).toContain('no/such/plan.txt');
  });

  it('prints its help with an example', async () => {
    for (const args of [['--help'], ['import', '--help'], ['suggest', '--help']]) {
      const term = fakeTerminal();
      expect(await planCommand(args, term)).toBe(0);
      expect(term.stdout.join('\n')).toContain('kpi plan import <file> --out <data folder>');
      expect(term.stdout.join('\n')).toContain('kpi plan suggest --data <data folder>');
      expect(term.stdout.join('\n')).toContain('示例 Example');
    }
  });

  it('treats a missing subcommand, file or --out as a usage mistake', async () => {
    await expect(planCommand([], fakeTerminal())).rejects.toThrow(UsageError);
    await expect(planCommand(['export', SEED], fakeTerminal())).rejects.toThrow(UsageError);
    await expect(planCommand(['import', '--out', 'x'], fakeTerminal())).rejects.toThrow(UsageError);
    await expect(planCommand(['import', SEED], fakeTerminal())).rejects.toThrow(UsageError);
    await expect(planCommand(['import', SEED, SEED, '--out', 'x'], fakeTerminal())).rejects.toThrow(UsageError);
  });
});
