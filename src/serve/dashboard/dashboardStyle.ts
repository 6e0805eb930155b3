import { chartFont } from '../../present/charts/chartTheme.js';
import { statusColors, statusTextColors } from '../../present/charts/statusStyle.js';
import { statuses } from '../../model/status.js';
import { fontAssets } from './fontAssets.js';

/**
 * The dashboard's stylesheet: the charts' font (so page and charts read
 * alike, as in the 通报), type large enough for the back of a meeting room
 * (20 px body, 18 px the smallest), dark text on white, and the status
 * colours of the charts for the explanation's status badge.
 */
export function dashboardStyle(): string {
  const faces = fontAssets.map(
    (f) => `@font-face { font-family: "${chartFont}"; font-weight: ${f.weight}; font-style: normal; font-display: swap; src: url("${f.name}") format("truetype"); }`,
  );
  const badges = statuses.map((s) => `.status-${s} { background: ${statusColors[s]}; color: ${statusTextColors[s]}; }`);
  return [...faces, ...badges, rules].join('\n');
}

const rules = String.raw`
:root { --chart-zoom: 1.5; --ink: #111111; --quiet: #444444; --line: #c8ccd4; --band: #1f2d4d; --paper: #ffffff; --wash: #f3f5f9; --focus: #ffbf47; }
* { box-sizing: border-box; }
html { font-family: "${chartFont}", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 20px; line-height: 1.5; color: var(--ink); background: var(--wash); }
body { margin: 0; }
small { font-size: 0.9rem; font-weight: normal; color: var(--quiet); }
.top small { color: #d6dcea; }
#trend { --chart-zoom: 1.2; }
#vg-tooltip-element { font-size: 18px; }
[lang="en"] { font-family: system-ui, sans-serif; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: 0.6rem 2rem; padding: 0.7rem 1.5rem; background: var(--band); color: #ffffff; }
.top h1 { margin: 0; font-size: 1.7rem; line-height: 1.25; }
.top h1 small { display: block; color: #d6dcea; font-size: 0.9rem; }
.controls { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; margin-left: auto; }
.controls label { display: flex; flex-direction: column; font-size: 0.9rem; color: #d6dcea; }
.controls label span { color: #ffffff; font-size: 1rem; font-weight: bold; }
.controls select { font: inherit; font-size: 1.05rem; color: var(--ink); background: #ffffff; border: 2px solid #ffffff; border-radius: 4px; padding: 0.15rem 0.4rem; min-width: 9rem; max-width: 22rem; }
select:focus-visible, button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.problem { margin: 1rem 1.5rem 0; padding: 0.75rem 1rem; border: 3px solid #b00020; border-radius: 6px; background: #fff1f1; color: #6b0012; font-weight: bold; white-space: pre-wrap; }
.layout { display: grid; gap: 1rem; padding: 1rem 1.5rem 2rem; grid-template-columns: minmax(0, 1fr); }
.layout.explaining { grid-template-columns: minmax(0, 1fr) minmax(22rem, 34%); }
.sections { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); align-content: start; }
@media (min-width: 1400px) {
  .sections { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); grid-template-areas: "scorecard ranking" "scorecard trend" "heatmap heatmap"; }
  .layout.explaining .sections { grid-template-columns: minmax(0, 1fr); grid-template-areas: "scorecard" "ranking" "trend" "heatmap"; }
  #scorecard { grid-area: scorecard; } #heatmap { grid-area: heatmap; } #ranking { grid-area: ranking; } #trend { grid-area: trend; }
}
.panel { align-self: start; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 1rem 0.8rem; min-width: 0; }
.panel h2 { margin: 0; font-size: 1.3rem; line-height: 1.3; }
.hint { margin: 0.1rem 0 0.4rem; font-size: 0.9rem; color: var(--quiet); }
.note { margin: 0.5rem 0; font-size: 1rem; color: var(--quiet); }
.charts { display: flex; flex-direction: column; gap: 0.5rem; }
.chart { margin: 0; }
.chart svg { display: block; max-width: 100%; height: auto; }
.chart .mark-rect path, .chart .mark-text text, .chart .mark-symbol path, .chart .mark-tick path, .chart .role-axis-label text { cursor: pointer; }
.busy .charts { opacity: 0.55; transition: opacity 0.2s; }
.explain { position: sticky; top: 1rem; align-self: start; max-height: calc(100vh - 2rem); overflow: auto; background: var(--paper); border: 3px solid var(--band); border-radius: 6px; padding: 0.6rem 1rem 1rem; font-size: 1rem; }
.explain[hidden] { display: none; }
.explain header { display: flex; align-items: start; justify-content: space-between; gap: 1rem; }
.explain h2 { margin: 0; font-size: 1.3rem; }
.explain h3 { margin: 0.3rem 0 0.4rem; font-size: 1.1rem; }
.explain button { font: inherit; font-size: 0.95rem; padding: 0.15rem 0.7rem; border: 2px solid var(--band); border-radius: 4px; background: #ffffff; color: var(--ink); cursor: pointer; white-space: nowrap; }
.explain dl { margin: 0; }
.explain dt { margin-top: 0.6rem; font-weight: bold; }
.explain dd { margin: 0.1rem 0 0 0; }
.explain code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.95rem; background: var(--wash); padding: 0.05rem 0.3rem; border-radius: 3px; overflow-wrap: anywhere; }
.explain ul { margin: 0.2rem 0 0; padding-left: 1.1rem; }
.explain li { margin: 0.15rem 0; }
.source { display: block; font-size: 0.9rem; color: var(--quiet); overflow-wrap: anywhere; }
.status { display: inline-block; padding: 0 0.5rem; border-radius: 4px; font-weight: bold; }
`;
