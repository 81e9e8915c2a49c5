// Small SVG charts: sparklines for the indicators and line charts for the end screen.
import { t } from './i18n.ts';

const NS = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** A sparkline; `minSpan` is the smallest range its axis covers (centred on the data), so noise stays flat. */
export function sparkline(values: number[], width = 96, height = 24, colour = 'currentColor', minSpan = 0): SVGElement {
  const s = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': t('mapText.trend', { count: values.length }) });
  if (values.length < 2) return s;
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi - lo < minSpan) {
    const mid = (hi + lo) / 2;
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
  }
  const span = hi - lo || 1;
  const pts = values.map((v, i) => `${((i / (values.length - 1)) * (width - 2) + 1).toFixed(1)},${(height - 2 - ((v - lo) / span) * (height - 4)).toFixed(1)}`).join(' ');
  s.append(svg('polyline', { points: pts, fill: 'none', stroke: colour, 'stroke-width': 1.5 }));
  return s;
}

/** Round gridlines for an axis from lo to hi: the finest step of 1, 2 or 5 x 10^k that needs at most 7 lines, the axis widened to
 * whole steps (so a score axis reads 0.10, 0.05, 0, -0.05, with zero on a line when it is in range). */
export function niceTicks(lo: number, hi: number): { lo: number; hi: number; ticks: number[]; decimals: number } {
  const span = hi - lo;
  const mag = 10 ** Math.floor(Math.log10(span / 4));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((st) => Math.ceil(hi / st - 1e-9) - Math.floor(lo / st + 1e-9) <= 6)!;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toFixed(decimals)) || 0);
  return { lo: ticks[0]!, hi: ticks[ticks.length - 1]!, ticks, decimals };
}

export interface Series {
  label: string;
  values: number[];
  colour: string;
  dashed?: boolean;
}

/** Which of n points along the x axis get a label, evenly or at round turns (they were the first, the middle and the
 * last: "turn 1, turn 3, turn 6"): the step is the smallest of 1, 2, 4, 5, 10, 20, 50 giving at most five labels
 * after the first; a step of 1 or 2 labels every point or every other from the first (turns 1, 3, 5 of six), a
 * longer step the first and the multiples of the step (turns 1, 10, 20, 30, 40 of forty). */
export function xLabelIndices(n: number): number[] {
  if (n < 1) return [];
  const step = [1, 2, 4, 5, 10, 20, 50].find((st) => Math.floor(n / st) <= 5) ?? Math.ceil(n / 5);
  const out = [0];
  for (let i = step <= 2 ? step : step - 1; i < n; i += step) out.push(i);
  return out;
}

/** A line chart; `minSpan` is the smallest range of its y axis (centred on the data), so noise does not look dramatic;
 * `zero` keeps zero in the y axis (a score: zero is the yardstick); `ceil` is a top the axis does not pass when the data
 * stay under it, 100 for a '%' chart unless told (a share of need: magnet supply at 99% drew an axis to 102%); `range`
 * is a span the axis covers whatever the data (charts given the same range that holds all their data draw the same
 * axis, so their heights compare). */
export function lineChart(title: string, series: Series[], width = 420, height = 180, unit = '', xLabels?: string[], minSpan = 0, zero = false, ceil = unit === '%' ? 100 : undefined, range?: readonly [number, number]): HTMLElement {
  const wrap = document.createElement('figure');
  wrap.className = 'chart';
  const cap = document.createElement('figcaption');
  cap.textContent = title;
  const s = svg('svg', { width: '100%', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
  const all = series.flatMap((x) => x.values).filter(Number.isFinite);
  let lo = all.length ? Math.min(...all) : 0;
  let hi = all.length ? Math.max(...all) : 0;
  if (hi - lo < minSpan) {
    const mid = (hi + lo) / 2;
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
  }
  if (zero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (range) {
    lo = Math.min(lo, range[0]);
    hi = Math.max(hi, range[1]);
  }
  if (!(hi - lo > 1e-9 * Math.max(1, Math.abs(hi)))) {
    // a flat series (magnet supply at 100% all game) sits mid-chart between two labelled gridlines, not on the floor
    const pad = Math.max(Math.abs(hi) * 0.05, 0.01);
    lo -= pad;
    hi += pad;
  }
  if (ceil !== undefined && hi > ceil && all.every((v) => v <= ceil)) {
    lo -= hi - ceil;
    hi = ceil;
  }
  const axis = niceTicks(lo, hi);
  lo = axis.lo;
  hi = axis.hi;
  const span = hi - lo;
  const L = 46;
  const B = height - 24;
  const n = Math.max(...series.map((x) => x.values.length));
  // one point (a class's debrief after its first round): in the middle of the plot, not on its left edge
  const X = (i: number) => (n === 1 ? (L + width - 8) / 2 : L + (i / (n - 1)) * (width - L - 8));
  const Y = (v: number) => B - ((v - lo) / span) * (B - 8);
  for (const t of axis.ticks) {
    // a chart that crosses zero (a score: above it, better than the yardstick) marks zero darker
    const zero = t === 0 && lo < 0 && hi > 0;
    s.append(svg('line', { x1: L, x2: width - 8, y1: Y(t), y2: Y(t), stroke: zero ? '#777' : '#ccc', 'stroke-width': zero ? 0.8 : 0.5, ...(zero ? { 'data-zero': '' } : {}) }));
    const tx = svg('text', { x: L - 4, y: Y(t) + 4, 'text-anchor': 'end', 'font-size': 10, fill: zero ? '#333' : '#555' });
    tx.textContent = `${Math.abs(t) >= 1000 ? Math.round(t).toLocaleString('en-US') : t.toFixed(axis.decimals)}${unit}`.replace(/^-/, '−');
    s.append(tx);
  }
  const labels = xLabels ?? Array.from({ length: n }, (_, i) => `turn ${i + 1}`);
  const shown = xLabelIndices(n);
  for (const i of shown) {
    if (!labels[i]) continue;
    const tx = svg('text', { x: X(i), y: height - 6, 'text-anchor': n === 1 ? 'middle' : i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle', 'font-size': 10, fill: '#555' });
    tx.textContent = labels[i];
    s.append(tx);
  }
  for (const x of series) {
    if (x.values.length === 1) s.append(svg('circle', { cx: X(0), cy: Y(x.values[0]), r: 3, fill: x.colour }));
    const pts = x.values.map((v, i) => `${X(i).toFixed(1)},${Y(v).toFixed(1)}`).join(' ');
    s.append(svg('polyline', { points: pts, fill: 'none', stroke: x.colour, 'stroke-width': 2, ...(x.dashed ? { 'stroke-dasharray': '4 3' } : {}) }));
  }
  const legend = document.createElement('div');
  legend.className = 'legend';
  for (const x of series) {
    const i = document.createElement('span');
    // a dashed line's swatch is dashed as its line is (4 on, 3 off): a solid swatch beside a dashed China read as
    // the same kind of line as "had you done nothing"
    i.innerHTML = `<i style="background:${x.dashed ? `repeating-linear-gradient(90deg,${x.colour} 0 4px,transparent 4px 7px)` : x.colour}"></i>`;
    i.append(x.label);
    legend.append(i);
  }
  wrap.append(cap, s, legend);
  return wrap;
}
