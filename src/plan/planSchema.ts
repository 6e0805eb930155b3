import { z } from 'zod';

const unitName = z.string().min(1);

/**
 * One task of the year's plan, as its table row reads: the 事项 and 重点工作 it
 * falls under (inherited from the row above where Word merged the cells), its
 * text without the leading number, the four quarterly milestones, and who
 * leads and who cooperates.
 *
 * @example
 * { number: 36, category: '现代化产业体系建设工程', keyWork: '集聚发展科技服务业', text: '扩大数据采集、…',
 *   milestones: ['研究制定数字经济发展工作清单。', '…', '…', '…'],
 *   leadUnits: ['市发展改革委', '市住房城乡建设局', '市交通局', '市卫健委'], cooperatingUnits: ['各县（区）、市各功能区'], line: 362 }
 */
export const taskSchema = z.strictObject({
  number: z.number().int().min(1),
  /** 事项 */
  category: z.string().min(1),
  /** 重点工作; empty where the 事项 cell spans the 重点工作 column too (the plan's 主要工作目标 rows). */
  keyWork: z.string(),
  /** 具体任务, without its number. */
  text: z.string().min(1),
  /** 一季度 … 四季度; an empty string only where the document's cell is empty. */
  milestones: z.tuple([z.string(), z.string(), z.string(), z.string()]),
  /** 牵头单位 */
  leadUnits: z.array(unitName).min(1),
  /** 配合单位; a group such as 各县（区）、市各功能区 is one entry. */
  cooperatingUnits: z.array(unitName),
  /** The document line where the task's cell (the one with its number) is. */
  line: z.number().int().min(1),
});

/** A year's task plan: its title and year as the document states them, and its tasks numbered 1…n in order. */
export const planSchema = z
  .strictObject({
    title: z.string().min(1),
    year: z.number().int().min(1900).max(2999),
    tasks: z.array(taskSchema).min(1),
  })
  .superRefine((plan, ctx) => {
    // Milestone reports name tasks by number, so a gap or a repeat would send a report to the wrong task.
    plan.tasks.forEach((task, i) => {
      if (task.number !== i + 1) {
        ctx.addIssue({ code: 'custom', path: ['tasks', i, 'number'], message: `任务应按 1、2、3… 顺序编号，此处应为 ${i + 1} / tasks are numbered 1, 2, 3…; expected ${i + 1}` });
      }
    });
  });

export type Task = z.infer<typeof taskSchema>;
export type Plan = z.infer<typeof planSchema>;
