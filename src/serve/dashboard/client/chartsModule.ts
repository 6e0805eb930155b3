/** `/assets/charts.js`: a section of the page drawing the API's Vega-Lite charts with vega-embed, and what a click on one of them picks. */
export const chartsModule = String.raw`
import { el } from './dom.js';

/**
 * One section's charts. draw(key, load) fetches and draws them unless the
 * same key is already drawn; a newer draw supersedes one still loading. A
 * click on a mark or an axis label calls onPick(kind, pick) with the region,
 * indicator and period it stands for. The section's data-state says
 * 'loading', 'drawn' or 'failed' (what the browser test waits for).
 */
export class ChartSection {
  constructor(section, kind, onPick) {
    this.section = section;
    this.kind = kind;
    this.onPick = onPick;
    this.box = section.querySelector('.charts');
    this.embedded = [];
    this.key = undefined;
  }

  async draw(key, load, emptyNote) {
    if (this.key === key && this.section.dataset.state !== 'failed') return;
    this.key = key;
    this.section.dataset.state = 'loading';
    this.section.classList.add('busy');
    try {
      const charts = await load();
      if (this.key !== key) return;
      this.clear();
      if (charts.length === 0) this.box.append(el('p', { class: 'note' }, emptyNote));
      for (const chart of charts) {
        const figure = el('figure', { class: 'chart', 'data-chart': chart.name });
        this.box.append(figure);
        const result = await vegaEmbed(figure, chart.spec, { actions: false, renderer: 'svg' });
        if (this.key !== key) return result.finalize();
        this.embedded.push(result);
        zoomable(figure.querySelector('svg'));
        const labels = labelPicks(chart.spec);
        result.view.addEventListener('click', (_event, item) => {
          const pick = pickOf(item, labels);
          if (pick) this.onPick(this.kind, pick);
        });
      }
      this.section.dataset.state = 'drawn';
    } catch (error) {
      if (this.key === key) this.section.dataset.state = 'failed';
      throw error;
    } finally {
      if (this.key === key) this.section.classList.remove('busy');
    }
  }

  clear() {
    for (const result of this.embedded) result.finalize();
    this.embedded = [];
    this.box.replaceChildren();
  }
}

/**
 * Drawn at its natural size times the page's --chart-zoom (larger for a
 * projector), never wider than its section: the SVG keeps its viewBox, so
 * the layout Vega measured scales as one picture.
 */
function zoomable(svg) {
  if (!svg) return;
  svg.style.width = 'calc(' + svg.getAttribute('width') + 'px * var(--chart-zoom, 1))';
  svg.removeAttribute('height');
}

/**
 * What a clicked scene item stands for. A mark's datum is its data row,
 * which names region, indicator and period; an axis label's datum is only
 * the label's value (a name, or a header wrapped onto lines), looked up in
 * the chart's own rows.
 */
function pickOf(item, labels) {
  if (!item || !item.datum) return undefined;
  if (item.mark && item.mark.role === 'axis-label') return labels.get(item.datum.value);
  const d = item.datum;
  if (typeof d.region !== 'string' && typeof d.indicator !== 'string') return undefined;
  return { region: d.region, indicator: d.indicator, period: d.period };
}

/** Axis label → what it names, from every row of a spec (its data and its layers'). */
function labelPicks(spec) {
  const picks = new Map();
  const rowsOf = (s) => [...((s.data && s.data.values) || []), ...(s.layer || []).flatMap(rowsOf)];
  for (const row of rowsOf(spec)) {
    for (const field of ['region_name', 'region_header']) if (typeof row[field] === 'string') picks.set(row[field], { region: row.region });
    for (const field of ['indicator_name', 'indicator_header']) if (typeof row[field] === 'string') picks.set(row[field], { indicator: row.indicator });
  }
  return picks;
}
`;
