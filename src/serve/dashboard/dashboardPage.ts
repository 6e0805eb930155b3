import type { ChartKind } from '../../present/charts/chart.js';
import { chartKindLabels } from '../../present/charts/chart.js';

/** The four sections, in page order, each with its English name and what a click in it does. */
const sections: readonly { kind: ChartKind; en: string; hint: readonly [string, string] }[] = [
  { kind: 'scorecard', en: 'scorecard', hint: ['点击条形：看这个数的计算过程', 'click a bar: how it was made'] },
  { kind: 'heatmap', en: 'regions × indicators', hint: ['点击格子：切换到该地区，并看计算过程', 'click a cell: drill down, and how it was made'] },
  { kind: 'ranking', en: 'ranking', hint: ['点击地区：切换到该地区', 'click a region: drill down to it'] },
  { kind: 'trend', en: 'year over year', hint: ['点击数据点：看这个数的计算过程', 'click a point: how it was made'] },
];

const control = (id: string, zh: string, en: string): string => `<label for="${id}"><span>${zh}</span> <small lang="en">${en}</small><select id="${id}"></select></label>`;

/**
 * The dashboard page at `/`: a frame with nothing of the publication in it
 * (the script fills in the title, the lists and the charts from the API), so
 * it is the same for every city. Relative URLs throughout: the page also
 * works under a proxy's sub-path.
 */
export const dashboardPage = `<!doctype html>
<html lang="zh-CN" data-state="loading">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>主要指标完成情况</title>
<link rel="icon" href="assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="assets/dashboard.css">
<script defer src="assets/vega.min.js"></script>
<script defer src="assets/vega-lite.min.js"></script>
<script defer src="assets/vega-embed.min.js"></script>
<script type="module" src="assets/dashboard.js"></script>
</head>
<body>
<header class="top">
<h1><span id="page-title">主要指标完成情况</span><small lang="en">Key indicators dashboard</small></h1>
<div class="controls" role="group" aria-label="视图 view">
${control('period', '期别', 'period')}
${control('region', '地区', 'region')}
${control('indicator', '指标', 'indicator')}
</div>
</header>
<p id="problem" class="problem" role="alert" hidden></p>
<div id="layout" class="layout">
<main class="sections">
${sections
  .map(
    (s) => `<section id="${s.kind}" class="panel" aria-labelledby="${s.kind}-heading">
<h2 id="${s.kind}-heading">${chartKindLabels[s.kind]} <small lang="en">${s.en}</small></h2>
<p class="hint">${s.hint[0]} <small lang="en">${s.hint[1]}</small></p>
<div class="charts"></div>
</section>`,
  )
  .join('\n')}
</main>
<aside id="explain" class="explain" hidden aria-labelledby="explain-heading">
<header><h2 id="explain-heading">计算过程 <small lang="en">how it was made</small></h2><button type="button" class="explain-close">关闭 <small lang="en">close</small></button></header>
<div class="explain-body" aria-live="polite"></div>
</aside>
</div>
<noscript><p class="problem">仪表板需要 JavaScript the dashboard needs JavaScript</p></noscript>
</body>
</html>
`;
