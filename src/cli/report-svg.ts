// Inline SVG charts and HTML building blocks for `gambit report`: no library, no external resources, Okabe-Ito colours.

/** Okabe-Ito, a colour-blind-safe palette. */
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'];
/** The game's country colours (as in src/ui and src/render/style.ts). */
export const COUNTRY_COLOUR: Record<string, string> = { JPN: '#D55E00', USA: '#0072B2', CHN: '#E69F00', AUS: '#009E73', MYS: '#CC79A7', ROW: '#999999' };
export const countryColour = (c: string, i = 0): string => COUNTRY_COLOUR[c] ?? OKABE_ITO[i % OKABE_ITO.length];

const INK = '#1d2733';
const MUTED = '#5b6673';
const GRID = '#e3e7ec';

export const esc = (s: unknown): string => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A number for people: the minus sign, `digits` decimals, no negative zero; '–' for non-finite values. */
export function fx(v: number | null | undefined, digits = 2, plus = false): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const s = Math.abs(v) < 0.5 * 10 ** -digits ? (0).toFixed(digits) : v.toFixed(digits);
  return (plus && !s.startsWith('-') && Number(s) !== 0 ? '+' : '') + s.replace(/^-/, '\u2212');
}

/** About 4 significant digits (analysis figures range from 1e-4 to 1e3). */
export function sig(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 1e5 || a < 1e-3) return v.toExponential(2).replace(/^-/, '\u2212');
  return String(Number(v.toPrecision(4))).replace(/^-/, '\u2212');
}

export const pct = (f: number | null | undefined, digits = 0): string => (f === null || f === undefined || !Number.isFinite(f) ? '–' : `${(f * 100).toFixed(digits)}%`);

let ids = 0;
/** Chart ids restart per report so that the same inputs give the same bytes. */
export function resetIds(): void {
  ids = 0;
}

/** Round tick values covering [lo, hi] (about `n` of them). */
export function niceTicks(lo: number, hi: number, n = 5): { ticks: number[]; step: number; lo: number; hi: number } {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 1];
  if (hi - lo < 1e-12) {
    const pad = Math.max(Math.abs(lo) * 0.1, 0.05);
    [lo, hi] = [lo - pad, hi + pad];
  }
  const raw = (hi - lo) / Math.max(1, n);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw - 1e-15) ?? 10) * mag;
  const a = Math.floor(lo / step + 1e-9) * step;
  const b = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = a; v <= b + step * 1e-6; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  return { ticks, step, lo: a, hi: b };
}

const tickLabel = (v: number, step: number) => fx(v, Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9) + (Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(3)) === 2.5 ? 1 : 0))));
const lin = (d0: number, d1: number, r0: number, r1: number) => (v: number) => r0 + ((v - d0) / (d1 - d0 || 1)) * (r1 - r0);
const n1 = (v: number) => (Math.round(v * 10) / 10).toString();
const textW = (s: string, size = 12) => s.length * size * 0.58;
const clip = (s: string, w: number, size = 12) => {
  const max = Math.max(4, Math.floor(w / (size * 0.58)));
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
};
const text = (x: number, y: number, s: string, a: Record<string, string | number> = {}) =>
  `<text x="${n1(x)}" y="${n1(y)}"${Object.entries(a).map(([k, v]) => ` ${k}="${esc(v)}"`).join('')}>${esc(s)}</text>`;

interface Frame {
  title: string;
  /** The text alternative: what the chart shows, with its numbers. */
  desc: string;
  width: number;
  height: number;
  body: string;
  caption?: string;
  cls?: string;
}

function frame(f: Frame): string {
  const id = `chart-${++ids}`;
  return (
    `<figure class="chart${f.cls ? ` ${f.cls}` : ''}"><svg viewBox="0 0 ${f.width} ${f.height}" width="${f.width}" height="${f.height}" role="img" aria-labelledby="${id}-t ${id}-d" font-size="12" fill="${INK}">` +
    `<title id="${id}-t">${esc(f.title)}</title><desc id="${id}-d">${esc(f.desc)}</desc>` +
    text(f.width / 2, 20, f.title, { 'text-anchor': 'middle', 'font-size': 15, 'font-weight': 600 }) +
    f.body +
    `</svg>${f.caption ? `<figcaption>${esc(f.caption)}</figcaption>` : ''}</figure>`
  );
}

/** A vertical value axis with grid lines at x0..x1. */
function yAxis(t: ReturnType<typeof niceTicks>, y: (v: number) => number, x0: number, x1: number, label: string, top: number, bottom: number): string {
  let s = t.ticks.map((v) => `<line x1="${x0}" x2="${x1}" y1="${n1(y(v))}" y2="${n1(y(v))}" stroke="${v === 0 ? MUTED : GRID}"${v === 0 ? ' stroke-width="1.2"' : ''}/>` + text(x0 - 6, y(v) + 4, tickLabel(v, t.step), { 'text-anchor': 'end', fill: MUTED })).join('');
  s += `<text transform="translate(16 ${n1((top + bottom) / 2)}) rotate(-90)" text-anchor="middle" fill="${MUTED}">${esc(label)}</text>`;
  return s;
}

/** A horizontal value axis with grid lines from y0 to y1. */
function xAxis(t: ReturnType<typeof niceTicks>, x: (v: number) => number, y0: number, y1: number, label: string, left: number, right: number): string {
  let s = t.ticks.map((v) => `<line y1="${y0}" y2="${y1}" x1="${n1(x(v))}" x2="${n1(x(v))}" stroke="${v === 0 ? MUTED : GRID}"${v === 0 ? ' stroke-width="1.2"' : ''}/>` + text(x(v), y1 + 16, tickLabel(v, t.step), { 'text-anchor': 'middle', fill: MUTED })).join('');
  return s + text((left + right) / 2, y1 + 36, label, { 'text-anchor': 'middle', fill: MUTED });
}

/** Colour keys in rows under the title; returns the SVG and the height used. */
function legend(items: { label: string; colour: string; shape?: 'dot' | 'line' }[], x0: number, y0: number, width: number): { svg: string; height: number } {
  let x = x0;
  let y = y0;
  let s = '';
  for (const it of items) {
    const w = 22 + textW(it.label) + 12;
    if (x + w > x0 + width && x > x0) [x, y] = [x0, y + 20];
    if (it.shape === 'dot') s += `<circle cx="${n1(x + 7)}" cy="${n1(y - 4)}" r="4" fill="#fff" stroke="${it.colour}" stroke-width="1.6"/>`;
    else if (it.shape === 'line') s += `<line x1="${n1(x)}" x2="${n1(x + 14)}" y1="${n1(y - 4)}" y2="${n1(y - 4)}" stroke="${it.colour}" stroke-width="3"/>`;
    else s += `<rect x="${n1(x)}" y="${n1(y - 11)}" width="14" height="14" fill="${it.colour}" stroke="${INK}" stroke-opacity="0.35"/>`;
    s += text(x + 20, y, it.label);
    x += w;
  }
  return { svg: s, height: y - y0 + 20 };
}

export interface BarGroup {
  label: string;
  bars: { key: string; value: number; dots?: number[] }[];
}

/** Bars grouped along x (e.g. countries), one colour per key (e.g. strategy), with optional dots for individual values. */
export function groupedBars(o: { title: string; desc: string; caption?: string; yLabel: string; groups: BarGroup[]; keys: string[]; colour: (key: string) => string; dotLabel?: string }): string {
  const W = Math.max(720, Math.min(1100, 140 + o.groups.reduce((a, g) => a + 40 + g.bars.length * 46, 0)));
  const leg = legend([...o.keys.map((k) => ({ label: k, colour: o.colour(k) })), ...(o.dotLabel ? [{ label: o.dotLabel, colour: INK, shape: 'dot' as const }] : [])], 70, 46, W - 90);
  const top = 46 + leg.height + 8;
  const H = top + 260 + 48;
  const [L, R, B] = [70, W - 20, top + 260];
  const vals = o.groups.flatMap((g) => g.bars.flatMap((b) => [b.value, ...(b.dots ?? [])])).filter(Number.isFinite);
  const lo0 = Math.min(0, ...vals);
  const hi0 = Math.max(0, ...vals);
  const pad = (hi0 - lo0) * 0.08;
  const t = niceTicks(lo0 < 0 ? lo0 - pad : 0, hi0 > 0 ? hi0 + pad : 0, 6);
  const y = lin(t.lo, t.hi, B, top);
  let body = leg.svg + yAxis(t, y, L, R, o.yLabel, top, B);
  const slot = (R - L) / Math.max(1, o.groups.length);
  o.groups.forEach((g, gi) => {
    const bw = Math.min(56, (slot - 24) / Math.max(1, g.bars.length));
    const x0 = L + gi * slot + (slot - bw * g.bars.length) / 2;
    g.bars.forEach((b, bi) => {
      const x = x0 + bi * bw;
      const [ya, yb] = [y(Math.max(0, b.value)), y(Math.min(0, b.value))];
      body += `<rect x="${n1(x + 2)}" y="${n1(ya)}" width="${n1(bw - 4)}" height="${n1(Math.max(0.5, yb - ya))}" fill="${o.colour(b.key)}" stroke="${INK}" stroke-opacity="0.35"><title>${esc(`${g.label}, ${b.key}: ${fx(b.value)}`)}</title></rect>`;
      (b.dots ?? []).forEach((d, di, all) => {
        const dx = all.length > 1 ? x + 8 + ((bw - 16) * di) / (all.length - 1) : x + bw / 2;
        body += `<circle cx="${n1(dx)}" cy="${n1(y(d))}" r="3.2" fill="#fff" stroke="${INK}" stroke-width="1.2"/>`;
      });
      body += text(x + bw / 2, B + 16, fx(b.value), { 'text-anchor': 'middle', 'font-size': 11, fill: MUTED });
    });
    body += text(L + gi * slot + slot / 2, B + 34, g.label, { 'text-anchor': 'middle', 'font-weight': 600 });
  });
  return frame({ title: o.title, desc: o.desc, caption: o.caption, width: W, height: H, body });
}

/** Horizontal bars, one row per item, largest first as given. */
export function hBars(o: { title: string; desc: string; caption?: string; xLabel: string; rows: { label: string; value: number; note?: string }[]; colour?: string }): string {
  const W = 900;
  const L = Math.min(380, Math.max(120, 20 + Math.max(...o.rows.map((r) => textW(r.label)))));
  const [R, top, rowH] = [W - 90, 44, 26];
  const B = top + rowH * o.rows.length + 6;
  const vals = o.rows.map((r) => r.value).filter(Number.isFinite);
  const t = niceTicks(Math.min(0, ...vals), Math.max(0, ...vals), 6);
  const x = lin(t.lo, t.hi, L, R);
  let body = xAxis(t, x, top, B, o.xLabel, L, R);
  o.rows.forEach((r, i) => {
    const yc = top + 4 + i * rowH + rowH / 2;
    const [xa, xb] = [x(Math.min(0, r.value)), x(Math.max(0, r.value))];
    body += text(L - 8, yc + 4, clip(r.label, L - 16), { 'text-anchor': 'end' });
    body += `<rect x="${n1(xa)}" y="${n1(yc - 8)}" width="${n1(Math.max(0.5, xb - xa))}" height="16" fill="${o.colour ?? OKABE_ITO[4]}"><title>${esc(`${r.label}: ${sig(r.value)}${r.note ? ` (${r.note})` : ''}`)}</title></rect>`;
    body += text(xb + 6, yc + 4, sig(r.value), { 'font-size': 11 });
  });
  return frame({ title: o.title, desc: o.desc, caption: o.caption, width: W, height: B + 48, body });
}

/** Dot (mean) with a thick 95% interval and a thin min–max range per row; a line at zero. */
export function dotIntervals(o: { title: string; desc: string; caption?: string; xLabel: string; rows: { label: string; mean: number; lo: number | null; hi: number | null; min?: number; max?: number; colour: string }[] }): string {
  const W = 900;
  const leg = legend([{ label: 'mean', colour: INK, shape: 'dot' }, { label: '95% interval of the mean', colour: INK, shape: 'line' }, { label: 'lowest to highest run', colour: '#aab4bf', shape: 'line' }], 90, 46, W - 120);
  const [L, R, top, rowH] = [90, W - 40, 46 + leg.height + 6, 30];
  const B = top + rowH * o.rows.length + 6;
  const vals = o.rows.flatMap((r) => [r.mean, r.lo, r.hi, r.min, r.max]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const lo0 = Math.min(0, ...vals);
  const hi0 = Math.max(0, ...vals);
  const pad = (hi0 - lo0) * 0.04;
  const t = niceTicks(lo0 - pad, hi0 + pad, 7);
  const x = lin(t.lo, t.hi, L, R);
  let body = leg.svg + xAxis(t, x, top, B, o.xLabel, L, R);
  o.rows.forEach((r, i) => {
    const yc = top + 4 + i * rowH + rowH / 2;
    body += text(L - 10, yc + 4, r.label, { 'text-anchor': 'end', 'font-weight': 600 });
    if (r.min !== undefined && r.max !== undefined && Number.isFinite(r.min) && Number.isFinite(r.max)) body += `<line x1="${n1(x(r.min))}" x2="${n1(x(r.max))}" y1="${n1(yc)}" y2="${n1(yc)}" stroke="#aab4bf" stroke-width="1.5"/>`;
    if (r.lo !== null && r.hi !== null && Number.isFinite(r.lo) && Number.isFinite(r.hi)) body += `<line x1="${n1(x(r.lo))}" x2="${n1(x(r.hi))}" y1="${n1(yc)}" y2="${n1(yc)}" stroke="${r.colour}" stroke-width="4" stroke-linecap="round"/>`;
    body += `<circle cx="${n1(x(r.mean))}" cy="${n1(yc)}" r="5.5" fill="${r.colour}" stroke="${INK}" stroke-width="1.2"><title>${esc(`${r.label}: ${fx(r.mean)} [${fx(r.lo)}, ${fx(r.hi)}]`)}</title></circle>`;
  });
  return frame({ title: o.title, desc: o.desc, caption: o.caption, width: W, height: B + 48, body });
}

/** The lowest and highest of any number of values (Math.min(...xs) overflows the stack past about 120,000). */
export function lowHigh(xs: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

/** A histogram of values on round bin edges, with the mean marked. */
export function histogram(o: { title: string; desc: string; xLabel: string; yLabel: string; values: number[]; colour: string }): string {
  const [W, H] = [340, 250];
  const [L, R, top, B] = [52, W - 26, 34, H - 50];
  const v = o.values.filter(Number.isFinite);
  const [lo, hi] = lowHigh(v);
  const edges = niceTicks(lo, hi, Math.max(4, Math.min(24, Math.ceil(Math.sqrt(v.length)) + 2)));
  const nb = Math.max(1, edges.ticks.length - 1);
  const counts = new Array<number>(nb).fill(0);
  for (const x of v) counts[Math.min(nb - 1, Math.max(0, Math.floor((x - edges.lo) / edges.step + 1e-9)))]++;
  const top1 = Math.max(1, ...counts);
  const ys = [1, 2, 5].flatMap((m) => [1, 10, 100, 1000, 1e4, 1e5].map((k) => m * k)).sort((a, c) => a - c).find((st) => st >= top1 / 5) ?? 1e6;
  const yt = { lo: 0, hi: Math.ceil(top1 / ys) * ys, step: ys, ticks: Array.from({ length: Math.ceil(top1 / ys) + 1 }, (_, i) => i * ys) };
  const x = lin(edges.lo, edges.lo + nb * edges.step, L, R);
  const y = lin(0, yt.hi, B, top);
  const xt = niceTicks(edges.lo, edges.lo + nb * edges.step, 3);
  let body = yAxis(yt, y, L, R, o.yLabel, top, B);
  counts.forEach((c, i) => {
    if (!c) return;
    const [xa, xb] = [x(edges.lo + i * edges.step), x(edges.lo + (i + 1) * edges.step)];
    body += `<rect x="${n1(xa + 0.5)}" y="${n1(y(c))}" width="${n1(Math.max(1, xb - xa - 1))}" height="${n1(B - y(c))}" fill="${o.colour}" stroke="${INK}" stroke-opacity="0.35"><title>${esc(`${fx(edges.lo + i * edges.step, 3)} to ${fx(edges.lo + (i + 1) * edges.step, 3)}: ${c}`)}</title></rect>`;
  });
  body += xt.ticks.filter((t) => t >= edges.lo - 1e-9 && t <= edges.lo + nb * edges.step + 1e-9).map((t) => `<line x1="${n1(x(t))}" x2="${n1(x(t))}" y1="${B}" y2="${B + 4}" stroke="${MUTED}"/>` + text(x(t), B + 16, tickLabel(t, xt.step), { 'text-anchor': 'middle', fill: MUTED })).join('');
  body += `<line x1="${L}" x2="${R}" y1="${B}" y2="${B}" stroke="${MUTED}"/>` + text((L + R) / 2, B + 36, o.xLabel, { 'text-anchor': 'middle', fill: MUTED });
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  body += `<line x1="${n1(x(m))}" x2="${n1(x(m))}" y1="${top}" y2="${B}" stroke="${INK}" stroke-dasharray="4 3"/>` + text(Math.min(R - 40, x(m) + 4), top + 10, `mean ${fx(m)}`, { 'font-size': 11, stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke' });
  return frame({ title: o.title, desc: o.desc, width: W, height: H, body, cls: 'small' });
}

/** An HTML table; cells are HTML already (escape text with esc). `num` marks right-aligned numeric columns. */
export function htmlTable(headers: string[], rows: string[][], o: { num?: boolean[]; caption?: string; rowClass?: (i: number) => string; cls?: string } = {}): string {
  const th = headers.map((h, i) => `<th scope="col"${o.num?.[i] ? ' class="n"' : ''}>${h}</th>`).join('');
  const tr = rows.map((r, ri) => `<tr${o.rowClass?.(ri) ? ` class="${o.rowClass(ri)}"` : ''}>${r.map((c, i) => `<td${o.num?.[i] ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<div class="scroll"><table${o.cls ? ` class="${o.cls}"` : ''}>${o.caption ? `<caption>${o.caption}</caption>` : ''}<thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table></div>`;
}

export const CSS = `
:root{--ink:${INK};--muted:${MUTED};--line:#d5dbe2;--bg:#fff;--panel:#f5f7f9;--accent:#0072B2}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1180px;margin:0 auto;padding:28px 32px 60px}
h1{font-size:28px;margin:0 0 4px}h2{font-size:22px;margin:40px 0 10px;padding-top:14px;border-top:3px solid var(--accent)}
h3{font-size:17px;margin:26px 0 8px}h4{font-size:15px;margin:20px 0 6px;color:#0b4f7a}p{margin:6px 0 10px;max-width:85ch}.sub{color:var(--muted);margin:0 0 18px}
nav{margin:8px 0 16px}nav a{margin-right:14px;color:var(--accent);font-weight:600}
.found{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:10px 16px}
.found ul{margin:4px 0;padding-left:20px}.found li{margin:2px 0}.missing{color:var(--muted)}
code{font:13px/1.4 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;background:var(--panel);padding:1px 4px;border-radius:3px}
.scroll{overflow-x:auto;margin:8px 0 14px}
table{border-collapse:collapse;font-size:13.5px;min-width:40%}
caption{text-align:left;color:var(--muted);padding:0 0 4px;font-size:13px}
th,td{padding:5px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:var(--panel);font-weight:600;white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.wrap-head th{white-space:normal;min-width:7em;max-width:13em}
tbody tr:nth-child(even){background:#fafbfc}tr.hi td{background:#e6f1f8}tr.hi td:first-child{box-shadow:inset 4px 0 0 var(--accent)}
.ci{color:var(--muted);font-size:12px}
figure.chart{margin:14px 0 18px;max-width:100%}figure.chart svg{max-width:100%;height:auto;display:block}
figcaption{color:var(--muted);font-size:13px;max-width:90ch;margin-top:2px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:4px 18px}.grid figure.chart{margin:6px 0}
.note{border-left:4px solid #E69F00;background:#fdf6e7;padding:6px 12px;margin:10px 0}
ul.plain{padding-left:20px}ul.plain li{margin:4px 0}
footer{margin-top:48px;color:var(--muted);font-size:13px}
@media print{main{max-width:none;padding:0}h2{break-before:page}figure.chart,table{break-inside:avoid}}
`;
