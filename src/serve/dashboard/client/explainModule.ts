/**
 * `/assets/explain.js`: the panel that says how a figure was made, drawn
 * from `GET /explain/…` in the order `kpi explain` prints it: formula,
 * inputs with their sources, arithmetic, target and its rule, status.
 */
export const explainModule = String.raw`
import { getJson, segment } from './api.js';
import { bilingual, el } from './dom.js';
import { periodLabel } from './vocabulary.js';

export class ExplainPanel {
  /** panel: the aside; layout: the element that makes room for it; regionName: code → name. */
  constructor(panel, layout, regionName) {
    this.panel = panel;
    this.layout = layout;
    this.regionName = regionName;
    this.body = panel.querySelector('.explain-body');
    this.shown = 0;
    panel.querySelector('.explain-close').addEventListener('click', () => this.close());
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !this.panel.hidden) this.close();
    });
  }

  async show(figure) {
    const ticket = ++this.shown;
    this.panel.hidden = false;
    this.layout.classList.add('explaining');
    this.panel.dataset.state = 'loading';
    this.body.replaceChildren(el('p', { class: 'note' }, bilingual('正在读取…', 'loading…')));
    try {
      const e = await getJson('explain/' + segment(figure.indicator) + '/' + segment(figure.region) + '/' + segment(figure.period));
      if (ticket !== this.shown) return;
      this.body.replaceChildren(...explanation(e, this.regionName));
      this.panel.dataset.state = 'shown';
    } catch (error) {
      if (ticket !== this.shown) return;
      this.body.replaceChildren(el('p', { class: 'problem', role: 'alert' }, error.message));
      this.panel.dataset.state = 'failed';
    }
  }

  close() {
    this.shown++;
    this.panel.hidden = true;
    this.layout.classList.remove('explaining');
  }
}

/** A stored number as the API gives it, to eight significant digits; '—' for none. */
const figure = (x) => (x === null || x === undefined ? '—' : String(Number(Number(x).toPrecision(8))));
const share = (x) => (x === null || x === undefined ? '—' : (100 * x).toFixed(2) + '%');
const term = (zh, en) => el('dt', {}, bilingual(zh, en));
const source = (...text) => el('span', { class: 'source' }, text);

function explanation(e, regionName) {
  const r = e.result;
  return [
    el('h3', {}, e.indicator.name + ' · ' + e.region.name + ' · ' + periodLabel(e.period)),
    el(
      'dl',
      {},
      term('公式', 'formula'),
      el('dd', {}, el('code', { class: 'formula' }, e.indicator.formula)),
      term('输入', 'inputs'),
      el('dd', {}, el('ul', {}, e.inputs.map((input) => inputItem(input, regionName)))),
      term('计算', 'arithmetic'),
      el('dd', {}, el('code', {}, e.arithmetic)),
      term('目标', 'target'),
      el('dd', {}, target(e)),
      term('结果', 'result'),
      el('dd', {}, '实际 actual ', el('strong', {}, figure(r.actual)), '；目标（至本期）target ', figure(r.target), '；完成率 attainment ', el('strong', {}, share(r.attainment)), '；差距 gap ', figure(r.gap), r.rank === null ? null : '；排名 rank ' + r.rank),
      term('判定', 'status'),
      el('dd', {}, el('span', { class: 'status status-' + r.status }, r.statusLabel), ' ', e.statusRule),
      r.notes ? [term('备注', 'notes'), el('dd', {}, r.notes)] : null,
    ),
    source('运行 run #' + e.runId + '，指标 indicator ' + e.indicator.id + '，地区 region ' + e.region.code + '，期别 period ' + e.period),
  ];
}

function inputItem(input, regionName) {
  const name = input.variableName + (input.unit ? '（' + input.unit + '）' : '');
  return el('li', {}, el('strong', {}, name), ' ', el('code', {}, input.variable), input.previousYear ? ' 上年同期 a year earlier' : null, ' ', periodLabel(input.period), ' = ', value(input, regionName));
}

/** A value and where it came from: the file and row a region reported it in, or the children it sums, each with its own source. */
function value(v, regionName) {
  const who = v.regionName + '（' + v.region + '）';
  if (v.origin === 'reported' && v.observation) {
    const o = v.observation;
    return [
      el('strong', {}, figure(v.value)),
      source('本级报送 reported by ' + who + '：' + o.file + ' 第' + o.row + '行 row ' + o.row + '，列 column “' + o.column + '”，sha256 ' + o.sha256.slice(0, 12)),
      v.childrenSum === undefined || v.childrenSum === null ? null : source('下级合计 children’s sum ' + figure(v.childrenSum) + '（本级报送优先 the region’s own figure counts）'),
    ];
  }
  if (v.origin === 'sum') {
    const kids = v.children || [];
    return [
      el('strong', {}, figure(v.value)),
      source('= ' + who + ' ' + kids.length + ' 个下级之和 sum of its children'),
      el('ul', {}, kids.map((k) => el('li', {}, k.regionName + ' = ', value(k, regionName)))),
    ];
  }
  if (v.origin === 'overflow') return [el('strong', {}, '—'), source(who + '：合计溢出 overflow')];
  const missing = (v.missingChildren || []).map((c) => regionName(c)).join('、');
  return [el('strong', {}, '—'), source('缺失 missing：' + who + ' 未报送 not reported' + (missing ? '；未报送的下级 children not reported：' + missing : ''))];
}

function target(e) {
  const s = e.target.source;
  const head = s
    ? '年度目标 annual target ' + figure(e.result.annualTarget) + (s.inherited ? '，继承自 inherited from ' + s.name + '（' + s.region + '）' : '，本级 own')
    : '无目标 no target';
  const rows = e.target.rows.map((t) =>
    el('li', {}, t.year + (t.period ? ' ' + t.period : '') + ' = ' + figure(t.value) + (t.note ? '（' + t.note + '）' : ''), source(t.file + ' 第' + t.row + '行 row ' + t.row)),
  );
  return [head, rows.length > 0 ? el('ul', {}, rows) : null, source(e.target.rule)];
}
`;
