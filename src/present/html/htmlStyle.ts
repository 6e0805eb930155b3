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
.masthead{text-align:center}
.lead{font-size:15px;margin:12px 0}
table{border-collapse:collapse;width:100%;font-size:13px;font-variant-numeric:tabular-nums}
th,td{border:1px solid var(--rule);padding:4px 6px;vertical-align:middle}
th{background:var(--band);font-weight:700;text-align:center;white-space:nowrap}
td.num{text-align:right;white-space:nowrap}
td[class^="status-"]{white-space:nowrap;text-align:center}
td.name{min-width:12em}
td.unit,td.quarter{white-space:nowrap}
td.units{font-size:12px;color:var(--muted)}
.unit-name{white-space:nowrap}
tbody tr:nth-child(even) td:not([class*="status-"]){background:#fbfcfd}
.chip{display:inline-block;padding:0 6px;border-radius:3px;white-space:nowrap;font-size:12px}
.legend{display:flex;flex-wrap:wrap;gap:6px 12px;margin:8px 0;font-size:12px}
.chart{margin:12px 0}
.chart svg{max-width:100%;height:auto;display:block}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:8px 24px}
.grid.small{grid-template-columns:repeat(auto-fill,minmax(340px,1fr))}
.counts{margin:0 0 4px}
.notes li{margin:4px 0}
table.notes td{vertical-align:top;font-size:12.5px}
.notes code{font-size:11px;color:var(--muted);word-break:break-all}
sup a{text-decoration:none;color:var(--muted)}
.plan-tables{display:flex;flex-wrap:wrap;gap:0 32px;align-items:flex-start}
table.plan{width:auto}
.colophon{margin-top:40px;color:var(--muted);font-size:12px;border-top:1px solid var(--rule);padding-top:8px}
.colophon-title{margin:0 0 4px}
.colophon dl{display:grid;grid-template-columns:max-content 1fr;gap:0 12px;margin:0}
.colophon dd{margin:0}
${statusRules}
.ms-done{background:#1b7837;color:#fff}.ms-in_progress{background:#6a8fd0;color:#1a1a1a}.ms-late{background:#d73027;color:#fff}
.ms-not_started{background:#f1a340;color:#1a1a1a}.ms-unreported{background:#bdbdbd;color:#1a1a1a}
/* Printed, a heading stays with what follows it and a chart, a table row or a region is never cut across pages (Chromium keeps a block with break-inside:avoid together more reliably than it honours break-after:avoid alone). */
.keep,.chart,tr{break-inside:avoid;page-break-inside:avoid}
h2,h3{break-after:avoid;page-break-after:avoid}
@media print{
  /* Status colours are backgrounds: printed even when the print dialog's 背景图形 is off. */
  body{font-size:10pt;line-height:1.45;-webkit-print-color-adjust:exact;print-color-adjust:exact}
  main{max-width:none;padding:0}
  h1{font-size:17pt;line-height:1.25;margin:0}
  .meta{margin:0 0 4pt}
  .masthead+section>.keep:first-child>h2{margin-top:4pt}
  h2{font-size:13pt;margin:10pt 0 6pt;padding-bottom:2pt}
  section.page>h2:first-child,section.page>.keep:first-child>h2:first-child{margin-top:0}
  h3{font-size:11pt;margin:6pt 0 3pt}
  .lead{font-size:9.5pt;line-height:1.35;margin:3pt 0}
  .legend{margin:4pt 0;font-size:8pt}
  .chip{font-size:8pt}
  table{font-size:8.5pt;line-height:1.3}
  th,td{padding:2px 4px}
  table.headline{font-size:8pt;line-height:1.2}
  table.headline th,table.headline td{padding:1px 4px}
  td.units{font-size:8pt}
  table.notes td{font-size:8pt}
  .notes code{font-size:7pt}
  .definitions .meta{font-size:8.5pt;line-height:1.35;margin:0 0 2pt}
  /* Widths that keep most notes to two lines: the formula and the rule get the room, the unit only its own. */
  table.notes{table-layout:fixed}
  table.notes th:nth-child(1){width:3.5%}table.notes th:nth-child(2){width:16%}table.notes th:nth-child(3){width:29%}
  table.notes th:nth-child(4){width:6.5%}table.notes th:nth-child(5){width:23%}table.notes th:nth-child(6){width:22%}
  thead{display:table-header-group}
  .chart{margin:0 0 6pt}
  /* On the 273 mm (≈ 1030 px) body: two charts a row in 507 px columns, trends three in 332 px; a wider chart shrinks to its column (max-width:100%), none grows. */
  .grid{grid-template-columns:repeat(2,minmax(0,1fr));gap:0 16px}
  .grid.small{grid-template-columns:repeat(3,minmax(0,1fr))}
  section.page{break-before:page;page-break-before:always}
  .colophon{margin-top:16pt;font-size:8pt}
  a{color:inherit;text-decoration:none}
}
`;
