/**
 * `/assets/dashboard.js`: the page's entry module. It reads the periods,
 * regions and indicators from the API, keeps the view (period, region,
 * indicator) in the URL hash, and redraws the sections a change of view
 * touches: a region changes the scorecard and the trend; an indicator the
 * ranking and the trend; a period all four.
 */
export const mainModule = String.raw`
import { ApiError, getJson, query } from './api.js';
import { ChartSection } from './charts.js';
import { el } from './dom.js';
import { ExplainPanel } from './explain.js';
import { hashOf, readHash, settle, settledPeriod } from './state.js';
import { chartFont, periodLabel } from './vocabulary.js';

const byId = (id) => document.getElementById(id);
const controls = { period: byId('period'), region: byId('region'), indicator: byId('indicator') };
const problem = byId('problem');

/** Shows what went wrong, each message once (the server's words); hides the banner when nothing did. */
function report(errors) {
  const messages = [...new Set(errors.map((e) => (e instanceof ApiError ? e.message : '页面出错 the page failed: ' + e.message)))];
  problem.hidden = messages.length === 0;
  problem.textContent = messages.join('\n');
}

/**
 * Vega measures text as it lays a chart out (label limits, title lines):
 * draw once the charts' own font is in, or the layout is measured in the
 * fallback font and the text redrawn in another.
 */
function fontsLoaded() {
  return Promise.all(['400', '700'].map((weight) => document.fonts.load(weight + ' 16px "' + chartFont + '"'))).catch(() => undefined);
}

function options(select, items) {
  select.replaceChildren(...items.map(([value, label]) => el('option', { value }, label)));
}

/** How deep a region sits in the tree, for indenting the region list. */
function depthOf(region, byCode) {
  let depth = 0;
  for (let r = region; r && r.parent !== null && depth < 20; r = byCode.get(r.parent)) depth++;
  return depth;
}

async function start() {
  const [periods, regions, indicators] = await Promise.all([getJson('periods'), getJson('regions'), getJson('indicators'), fontsLoaded()]);
  const root = regions.find((r) => r.parent === null) || regions[0];
  if (periods.length === 0 || root === undefined || indicators.length === 0) {
    report([new ApiError('尚无结果，请先运行 kpi run no results yet: run kpi run first')]);
    return;
  }
  const known = { periods, regions, indicators, root };
  const byCode = new Map(regions.map((r) => [r.code, r]));
  byId('page-title').textContent = root.name + '主要指标完成情况';
  options(controls.period, [...periods].reverse().map((p) => [p, periodLabel(p)]));
  options(controls.region, regions.map((r) => [r.code, '\u3000'.repeat(depthOf(r, byCode)) + r.name]));
  options(controls.indicator, indicators.map((i) => [i.id, i.name]));

  // Every ranking of a period in one request: the indicator list's default and the ranking section both read it.
  const rankingsByPeriod = new Map();
  const rankingsOf = (period) => {
    if (!rankingsByPeriod.has(period)) {
      const charts = getJson('charts/ranking' + query({ period }));
      charts.catch(() => rankingsByPeriod.delete(period));
      rankingsByPeriod.set(period, charts);
    }
    return rankingsByPeriod.get(period);
  };

  let view;
  const go = (next) => {
    const hash = hashOf(next);
    if (hash !== location.hash) location.hash = hash;
  };
  const explain = new ExplainPanel(byId('explain'), byId('layout'), (code) => (byCode.get(code) || { name: code }).name);
  /** A click in a chart: a region in the heatmap or the ranking drills down to it; a figure (a mark with region, indicator and period) is explained. */
  const picked = (kind, pick) => {
    const next = { ...view };
    if (pick.region && (kind === 'heatmap' || kind === 'ranking')) next.region = pick.region;
    if (pick.indicator && kind !== 'trend') next.indicator = pick.indicator;
    go(next);
    if (pick.region && pick.indicator && pick.period) void explain.show(pick);
  };
  const sections = Object.fromEntries(['scorecard', 'heatmap', 'ranking', 'trend'].map((kind) => [kind, new ChartSection(byId(kind), kind, picked)]));

  let shows = 0;
  async function show(wanted) {
    const ticket = ++shows;
    document.documentElement.dataset.state = 'loading';
    try {
      const period = settledPeriod(wanted.period, known);
      const ranked = await rankingsOf(period);
      view = settle(wanted, known, period, ranked.length > 0 ? ranked[0].indicator : indicators[0].id);
      if (hashOf(view) !== location.hash) history.replaceState(null, '', hashOf(view));
      for (const [key, select] of Object.entries(controls)) select.value = view[key];
      document.title = root.name + '主要指标完成情况 · ' + periodLabel(period);
      const { region, indicator } = view;
      const drawn = await Promise.allSettled([
        sections.scorecard.draw(period + '|' + region, () => getJson('charts/scorecard' + query({ period, region })), '该地区本期没有指标 no indicators for this region'),
        sections.heatmap.draw(period, () => getJson('charts/heatmap' + query({ period })), '本期没有结果 no results for this period'),
        sections.ranking.draw(period + '|' + indicator, async () => (await rankingsOf(period)).filter((c) => c.indicator === indicator), '该指标本期不排名 this indicator is not ranked for the period'),
        sections.trend.draw(period + '|' + region + '|' + indicator, () => getJson('charts/trend' + query({ period, region, indicator })), '该地区没有此指标的趋势 no trend of this indicator for the region'),
      ]);
      report(drawn.filter((d) => d.status === 'rejected').map((d) => d.reason));
    } catch (error) {
      report([error]);
    } finally {
      if (ticket === shows) document.documentElement.dataset.state = 'ready';
    }
  }

  for (const [key, select] of Object.entries(controls)) select.addEventListener('change', () => go({ ...view, [key]: select.value }));
  window.addEventListener('hashchange', () => void show(readHash(location.hash)));
  await show(readHash(location.hash));
}

start().catch((error) => report([error]));
`;
