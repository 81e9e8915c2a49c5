// The end screen's and the debrief's line charts mark round values on their y axis: the finest step of 1, 2 or 5 x 10^k
// that needs at most 7 gridlines, zero on a gridline when the axis crosses it (a score axis once read 0.10, 0.03, 0,
// −0.05: its extremes and their midpoint, with zero squeezed in).
import { describe, expect, it } from 'vitest';
import { lineChart, niceTicks, xLabelIndices } from '../src/ui/chart.ts';

describe('niceTicks', () => {
  it('gives round, evenly spaced values covering the data', () => {
    expect(niceTicks(-0.05, 0.1)).toEqual({ lo: -0.05, hi: 0.1, ticks: [-0.05, 0, 0.05, 0.1], decimals: 2 });
    expect(niceTicks(-5.97, 4.96)).toEqual({ lo: -6, hi: 6, ticks: [-6, -4, -2, 0, 2, 4, 6], decimals: 0 });
    expect(niceTicks(90.3, 100).ticks).toEqual([90, 92, 94, 96, 98, 100]);
    expect(niceTicks(18000, 19500).ticks).toEqual([18000, 18500, 19000, 19500]);
    expect(niceTicks(56, 56.5)).toMatchObject({ ticks: [56, 56.1, 56.2, 56.3, 56.4, 56.5], decimals: 1 });
  });
  it('covers any range with 2 to 7 lines, evenly spaced, zero on one whenever the range crosses it', () => {
    for (let i = 0; i < 2000; i++) {
      const a = Math.sin(i * 12.9898) * 10 ** ((i % 9) - 4);
      const b = a + Math.abs(Math.cos(i * 78.233)) * 10 ** (((i * 7) % 9) - 4) + 1e-6;
      const t = niceTicks(a, b);
      expect(t.lo).toBeLessThanOrEqual(a);
      expect(t.hi).toBeGreaterThanOrEqual(b);
      expect(t.ticks.length).toBeGreaterThanOrEqual(2);
      expect(t.ticks.length).toBeLessThanOrEqual(7);
      const step = t.ticks[1]! - t.ticks[0]!;
      for (let k = 1; k < t.ticks.length; k++) expect(Math.abs(t.ticks[k]! - t.ticks[k - 1]! - step)).toBeLessThan(step * 1e-6);
      if (t.lo < 0 && t.hi > 0) expect(t.ticks).toContain(0);
    }
  });
});

// The x axis: the first, middle and last points gave "turn 1, turn 3, turn 6" (s12-h3's six-turn game): the labels
// now go evenly or at round turns, at most six.
describe('xLabelIndices', () => {
  const turns = (n: number) => xLabelIndices(n).map((i) => i + 1);
  it('labels short games every point or every other, long ones at round turns', () => {
    expect(turns(5)).toEqual([1, 2, 3, 4, 5]);
    expect(turns(6)).toEqual([1, 3, 5]);
    expect(turns(8)).toEqual([1, 3, 5, 7]);
    expect(turns(12)).toEqual([1, 4, 8, 12]);
    expect(turns(40)).toEqual([1, 10, 20, 30, 40]);
  });
  it('gives at most six labels, the first always, each inside the chart, after the first evenly spaced', () => {
    for (let n = 1; n <= 200; n++) {
      const ix = xLabelIndices(n);
      expect(ix[0]).toBe(0);
      expect(ix.length).toBeLessThanOrEqual(6);
      expect(Math.max(...ix)).toBeLessThan(n);
      const gaps = ix.slice(2).map((v, k) => v - ix[k + 1]!);
      expect(new Set(gaps).size, `n=${n}`).toBeLessThanOrEqual(1);
    }
  });
});

// A score chart keeps zero on its y axis (zero is the yardstick): a game scored −1.5 to −0.5 drew an axis from −1.6
// to −0.4 with no zero. lineChart runs here on a bare stand-in for the page's document.
describe('lineChart with zero kept', () => {
  interface Node { attrs: Record<string, string>; children: (Node | string)[]; textContent: string }
  const node = () => {
    const n = { attrs: {} as Record<string, string>, children: [] as (Node | string)[], textContent: '', className: '', innerHTML: '' };
    return Object.assign(n, { setAttribute: (k: string, v: string) => void (n.attrs[k] = v), append: (...c: (Node | string)[]) => void n.children.push(...c) });
  };
  /** lineChart on the bare stand-in for the page's document, put back after */
  const withDocument = (f: () => void) => {
    const g = globalThis as { document?: unknown };
    const was = g.document;
    g.document = { createElementNS: () => node(), createElement: () => node() };
    try {
      f();
    } finally {
      g.document = was;
    }
  };
  const yTicks = (fig: Node): number[] => {
    const svg = fig.children[1] as Node;
    return svg.children.filter((c): c is Node => typeof c !== 'string' && c.attrs['text-anchor'] === 'end').map((c) => Number(c.textContent.replace('−', '-').replace('%', ''))).filter(Number.isFinite); // (the last turn's label is end-anchored too)
  };
  it('widens the axis to zero only when asked', () => {
    withDocument(() => {
      const series = [{ label: 'Japan', values: [-1.5, -1.1, -0.8, -0.5], colour: '#000' }];
      const plain = yTicks(lineChart('score', series, 420, 180, '', undefined, 0.5) as unknown as Node);
      const kept = yTicks(lineChart('score', series, 420, 180, '', undefined, 0.5, true) as unknown as Node);
      expect(plain.length).toBeGreaterThan(1);
      expect(plain).not.toContain(0);
      expect(kept).toContain(0);
      expect(Math.min(...kept)).toBeLessThanOrEqual(-1.5);
    });
  });
  // Compare's magnet supply, a share of need, drew its axis to 102% for a game at 97-100%
  it('keeps a share of need under its ceiling when the data are', () => {
    withDocument(() => {
      const near = [{ label: 'Japan', values: [97, 98.5, 99.2, 100], colour: '#000' }];
      const flat = [{ label: 'Japan', values: [100, 100, 100], colour: '#000' }];
      expect(Math.max(...yTicks(lineChart('supply', near, 380, 170, '', undefined, 10) as unknown as Node))).toBeGreaterThan(100); // no unit, no ceiling
      expect(Math.max(...yTicks(lineChart('supply', near, 380, 170, '', undefined, 10, false, 100) as unknown as Node))).toBe(100); // a ceiling told
      for (const series of [near, flat]) {
        const ticks = yTicks(lineChart('supply', series, 380, 170, '%', undefined, 10) as unknown as Node); // a '%' chart's own ceiling
        expect(Math.max(...ticks)).toBe(100);
        expect(Math.min(...ticks)).toBeLessThanOrEqual(90); // still the 10-point span
      }
      // data above the ceiling (not a share) keep their axis
      const over = yTicks(lineChart('x', [{ label: 'a', values: [101, 104], colour: '#000' }], 380, 170, '', undefined, 10, false, 100) as unknown as Node);
      expect(Math.max(...over)).toBeGreaterThanOrEqual(104);
    });
  });
  // the end screen's price charts draw China dashed: its legend swatch was solid, like every solid line's
  it("draws a dashed line's legend swatch dashed", () => {
    withDocument(() => {
      const fig = lineChart('price', [{ label: 'outside China', values: [1, 2], colour: '#0072B2' }, { label: 'China', values: [1, 1.5], colour: '#56B4E9', dashed: true }]) as unknown as Node;
      const swatches = (fig.children[2] as Node).children.map((c) => (c as Node & { innerHTML: string }).innerHTML);
      expect(swatches[0]).toBe('<i style="background:#0072B2"></i>');
      expect(swatches[1]).toContain('repeating-linear-gradient(90deg,#56B4E9 0 4px,transparent 4px 7px)');
    });
  });
  // the debrief's five score charts: each one's span centred on its data drew -3..3 beside -6..2, yet the page said
  // they shared one scale; given one range that holds all their data, they draw one axis
  it('draws one axis for charts given the same range', () => {
    withDocument(() => {
      const data = [[0.01, 0.02, -0.01], [-5.4, -3.2, 1.1], [-4.8, -0.2, 0]];
      const range = [Math.min(0, ...data.flat()), Math.max(0, ...data.flat())] as const;
      const axes = data.map((values) => yTicks(lineChart('score', [{ label: 'x', values, colour: '#000' }], 400, 190, '', undefined, 0, true, undefined, range) as unknown as Node));
      expect(axes[0]!.length).toBeGreaterThan(2);
      expect(axes[1]).toEqual(axes[0]);
      expect(axes[2]).toEqual(axes[0]);
      expect(Math.min(...axes[0]!)).toBeLessThanOrEqual(-5.4);
      expect(Math.max(...axes[0]!)).toBeGreaterThanOrEqual(1.1);
      // without it, each has its own
      expect(yTicks(lineChart('score', [{ label: 'x', values: data[0]!, colour: '#000' }], 400, 190, '', undefined, 0, true) as unknown as Node)).not.toEqual(axes[0]);
    });
  });
  // a class's debrief after one round: each chart one point, drawn on the plot's left edge as if the rest were missing
  it('draws a single point in the middle of the plot, its label under it', () => {
    withDocument(() => {
      const fig = lineChart('score', [{ label: 'Japan', values: [0.4], colour: '#000' }], 420, 180, '', ['2025Q4']) as unknown as Node;
      const svg = fig.children[1] as Node;
      const dot = svg.children.find((c): c is Node => typeof c !== 'string' && c.attrs.r !== undefined)!;
      expect(Number(dot.attrs.cx)).toBe((46 + 420 - 8) / 2);
      const label = svg.children.find((c): c is Node => typeof c !== 'string' && c.textContent === '2025Q4')!;
      expect(label.attrs['text-anchor']).toBe('middle');
      expect(Number(label.attrs.x)).toBe(Number(dot.attrs.cx));
    });
  });
});
