import { beforeAll, describe, expect, it } from 'vitest';
import type { Narrative, NarrativeFact, NarrativeSentence } from '../../src/present/report/narrative.js';
import { narrativeOf, sentenceText } from '../../src/present/report/narrative.js';
import type { ReportData, ReportRow } from '../../src/present/report/reportData.js';
import { formatLead, formatShare, formatValue, progressLead } from '../../src/present/format/formatFigure.js';
import { periodLabel } from '../../src/present/format/periodLabels.js';
import { sampleReportData } from '../support/sampleReport.js';

const sentences = (n: Narrative): NarrativeSentence[] => [...n.overall, ...n.highlights, ...n.problems, ...n.nextSteps];
const facts = (n: Narrative): NarrativeFact[] => sentences(n).flatMap((s) => s.filter((p): p is NarrativeFact => typeof p !== 'string'));

/** The result field a fact quotes, as the run stored it. */
function quoted(row: ReportRow, field: NonNullable<NarrativeFact['source']>['field']): number | null {
  return field === 'lead' ? progressLead(row.annualProgress, row.expectedProgress) : row[field];
}

describe.each(['2023Q2', '2023Q3'])('the quarter in words (%s): every number is a result of the same run', (period) => {
  let data: ReportData;
  let narrative: Narrative;

  beforeAll(async () => {
    data = await sampleReportData(period);
    narrative = narrativeOf(data, { errors: 2, warnings: 5 });
  }, 120_000);

  it('has its four parts, each saying something', () => {
    for (const part of [narrative.overall, narrative.highlights, narrative.problems, narrative.nextSteps]) {
      expect(part.length).toBeGreaterThan(0);
      for (const s of part) expect(sentenceText(s)).toMatch(/[。]$/);
    }
  });

  it('writes no digit outside a fact (the period\'s name aside)', () => {
    for (const s of sentences(narrative)) {
      const template = s.filter((p): p is string => typeof p === 'string').join('').replace(periodLabel(period), '');
      expect(template, sentenceText(s)).not.toMatch(/\d/);
    }
  });

  it('quotes each figure exactly as the results hold it, formatted as the tables format it', () => {
    const quotedFacts = facts(narrative).filter((f) => f.source);
    expect(quotedFacts.length).toBeGreaterThan(0);
    for (const f of quotedFacts) {
      const src = f.source!;
      const row = data.rows.find((r) => r.indicator === src.indicator && r.region === src.region && r.period === src.period);
      expect(row, JSON.stringify(src)).toBeDefined();
      expect(f.value).toBe(quoted(row!, src.field));
      const indicator = data.indicators.find((i) => i.id === src.indicator)!;
      const expected =
        src.field === 'lead' ? `${formatLead(f.value)}个百分点` : src.field === 'attainment' || src.field === 'yoyGrowth' || src.field === 'probability' ? formatShare(f.value) : formatValue(f.value, indicator);
      expect(f.text).toBe(expected);
    }
  });

  it('counts only rows that are there, and says the count it counted', () => {
    for (const f of facts(narrative).filter((x) => x.counted)) {
      expect(f.value).toBe(f.counted!.length);
      expect(f.text).toBe(String(f.value));
      for (const c of f.counted!) expect(data.rows.some((r) => r.indicator === c.indicator && r.region === c.region && r.period === period)).toBe(true);
    }
  });

  it('the overall count adds up: the statuses named sum to the indicators of the root region', () => {
    const [first] = narrative.overall;
    const counts = first!.filter((p): p is NarrativeFact => typeof p !== 'string').map((f) => f.value);
    const [all, ...byStatus] = counts;
    const root = data.regions.find((r) => r.parent === null)!.code;
    expect(all).toBe(data.rows.filter((r) => r.period === period && r.region === root).length);
    expect(byStatus.reduce((a, b) => a + b, 0)).toBe(all);
  });

  it('names each early warning it shows with the pace needed and the lead units', () => {
    const shown = data.warnings.slice(0, 3);
    if (shown.length === 0) return;
    const text = narrative.nextSteps.map(sentenceText).join('');
    for (const w of shown) for (const unit of w.leadUnits) expect(text).toContain(unit);
  });

  it('the data-quality counts it was given are said', () => {
    const text = narrative.problems.map(sentenceText).join('');
    expect(text).toContain('错误2项');
    expect(text).toContain('需核实5项');
  });
});
