import type { Status } from '../../model/status.js';
import { statuses } from '../../model/status.js';
import { statusColors, statusTextColors } from '../charts/statusStyle.js';
import { chartFont } from '../charts/chartTheme.js';

const statusRules = statuses
  .map((s: Status) => `.status-${s}{background:${statusColors[s]};color:${statusTextColors[s]}}`)
  .join('\n');

/** The report's stylesheet: readable on a laptop, and on A4 paper when printed. */
export const htmlStyle = `
:root{--ink:#1a1a1a;--muted:#5f6368;--rule:#d0d4d9;--band:#f5f7fa}
*{box-sizing:border-box}
body{margin:0;font-family:"${chartFont}","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--ink);background:#fff;font-size:14px;line-height:1.6}
main{max-width:1180px;margin:0 auto;padding:28px 32px 48px}
h1{font-size:24px;margin:0 0 4px;font-weight:700}
h2{font-size:18px;margin:36px 0 12px;padding-bottom:4px;border-bottom:2px solid var(--ink);font-weight:700}
h3{font-size:15px;margin:20px 0 8px;font-weight:700}
.meta{color:var(--muted);margin:0 0 12px}
.lead{font-size:15px;margin:12px 0}
table{border-collapse:collapse;width:100%;font-size:13px;font-variant-numeric:tabular-nums}
th,td{border:1px solid var(--rule);padding:4px 6px;vertical-align:middle}
th{background:var(--band);font-weight:700;text-align:center;white-space:nowrap}
td.num{text-align:right;white-space:nowrap}
td[class^="status-"]{white-space:nowrap;text-align:center}
td.name{min-width:12em}
td.units{font-size:12px;color:var(--muted)}
tbody tr:nth-child(even) td:not([class*="status-"]){background:#fbfcfd}
.chip{display:inline-block;padding:0 6px;border-radius:3px;white-space:nowrap;font-size:12px}
.legend{display:flex;flex-wrap:wrap;gap:6px 12px;margin:8px 0;font-size:12px}
.chart{margin:12px 0;break-inside:avoid;page-break-inside:avoid}
.chart svg{max-width:100%;height:auto;display:block}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:8px 24px}
.grid.small{grid-template-columns:repeat(auto-fill,minmax(340px,1fr))}
.region{break-inside:avoid-page}
.notes li{margin:4px 0}
table.notes td{vertical-align:top;font-size:12.5px}
.notes code{font-size:11px;color:var(--muted);word-break:break-all}
sup a{text-decoration:none;color:var(--muted)}
footer{margin-top:40px;color:var(--muted);font-size:12px;border-top:1px solid var(--rule);padding-top:8px}
${statusRules}
.ms-done{background:#1b7837;color:#fff}.ms-in_progress{background:#6a8fd0;color:#1a1a1a}.ms-late{background:#d73027;color:#fff}
.ms-not_started{background:#f1a340;color:#1a1a1a}.ms-unreported{background:#bdbdbd;color:#1a1a1a}
table.plan{width:auto;min-width:60%}
@page{size:A4 landscape;margin:10mm 12mm}
@media print{
  body{font-size:10.5pt}
  main{max-width:none;padding:0}
  h2{break-after:avoid;page-break-after:avoid}
  table{font-size:8.5pt}
  .grid,.grid.small{grid-template-columns:1fr 1fr}
  section.page{break-before:page;page-break-before:always}
  a{color:inherit;text-decoration:none}
}
`;
