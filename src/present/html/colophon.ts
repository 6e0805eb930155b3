import { formatTime, zoneLabel } from '../../model/clock.js';
import type { ReportData } from '../report/reportData.js';
import { escapeHtml as esc } from './escapeHtml.js';

/** The heading of the colophon; the printed-page tests find the end of the body by it. */
export const colophonHeading = '版本说明';

/** `2024-01-20 09:00:00+08:00（北京时间）`: the run's time as `kpi runs` prints it, with its zone named. */
function runTimeLabel(runAt: string, zone: string): string {
  const at = new Date(runAt);
  return Number.isNaN(at.getTime()) ? runAt : `${formatTime(at, zone)}（${zoneLabel(zone, at)}）`;
}

/**
 * The small print at the end of the 通报: which run the figures come from,
 * when it was made, by which engine, and the font's licence. A reader of the
 * body never needs these; whoever traces a printed figure back does.
 */
export function colophon(data: ReportData, engineVersion: string): string {
  const items: [string, string][] = [
    ['数据来源', `运行 #${data.runId} 的计算结果`],
    ['运行时间', runTimeLabel(data.runAt, data.timeZone)],
    ['计算引擎', `kpi-engine ${engineVersion}`],
    ['指标定义', `sha256 ${data.definitionsSha256.slice(0, 12)}`],
    ['图表字体', 'Noto Sans SC（SIL Open Font License 1.1）'],
  ];
  return `<footer class="colophon">
<p class="colophon-title"><b>${colophonHeading}</b></p>
<dl>${items.map(([term, value]) => `<dt>${esc(term)}</dt><dd>${esc(value)}</dd>`).join('')}</dl>
</footer>`;
}
