// The map's Pixi pieces that are built once or rarely: land and coasts, straits, legend, markers, tooltip, particle textures.
import { Container, Graphics, Rectangle, Text, Texture, type Renderer } from 'pixi.js';
import type { GameMap, RegionId } from '../../engine/index.ts';
import { FAMILIES, regionAt, type Projection } from './geometry.ts';
import { BAN, BORDER, CLOSED, COAST, FAMILY_COLOUR, FAMILY_LABEL, FAMILY_SHAPE, FONT, LAND_FILL, LANE, LICENCE } from './style.ts';

/** Land as one Graphics: each row's runs of one region as a rectangle, one fill per region. */
export function drawLand(map: GameMap, p: Projection): Graphics {
  const g = new Graphics();
  const { cellW: cw, cellH: ch } = p;
  const byRegion = new Map<RegionId, [number, number, number][]>();
  for (let y = 0; y < p.rows; y++) {
    let x = 0;
    while (x < p.cols) {
      const r = regionAt(map, x, y);
      let end = x + 1;
      while (end < p.cols && regionAt(map, end, y) === r) end++;
      if (r) {
        const runs = byRegion.get(r) ?? [];
        runs.push([x, y, end - x]);
        byRegion.set(r, runs);
      }
      x = end;
    }
  }
  for (const [r, runs] of byRegion) {
    // rows overlap by a hair so that antialiasing leaves no seams between them
    for (const [x, y, n] of runs) g.rect(x * cw, y * ch, n * cw, ch + 0.4);
    g.fill({ color: LAND_FILL[r] });
  }
  return g;
}

/** Edges between cells of different owners as flat world segments [x0, y0, x1, y1, ...]: coasts (land/sea) and borders (land/land). */
export function edgeSegments(map: GameMap, p: Projection): { coast: Float32Array; border: Float32Array } {
  const { cellW: cw, cellH: ch } = p;
  const collect = (coast: boolean): Float32Array => {
    const out: number[] = [];
    const differs = (a: RegionId | null, b: RegionId | null): boolean => a !== b && (coast ? a === null || b === null : a !== null && b !== null);
    for (let y = 1; y < p.rows; y++) {
      for (let x = 0; x < p.cols; ) {
        if (!differs(regionAt(map, x, y - 1), regionAt(map, x, y))) {
          x++;
          continue;
        }
        let end = x + 1;
        while (end < p.cols && differs(regionAt(map, end, y - 1), regionAt(map, end, y))) end++;
        out.push(x * cw, y * ch, end * cw, y * ch);
        x = end;
      }
    }
    for (let x = 1; x < p.cols; x++) {
      for (let y = 0; y < p.rows; ) {
        if (!differs(regionAt(map, x - 1, y), regionAt(map, x, y))) {
          y++;
          continue;
        }
        let end = y + 1;
        while (end < p.rows && differs(regionAt(map, x - 1, end), regionAt(map, x, end))) end++;
        out.push(x * cw, y * ch, x * cw, end * ch);
        y = end;
      }
    }
    return Float32Array.from(out);
  };
  return { coast: collect(true), border: collect(false) };
}

/** Coasts and borders about 1 screen px wide at view scale `scale` (redrawn when the zoom changes). */
export function drawEdges(g: Graphics, segs: { coast: Float32Array; border: Float32Array }, scale: number): void {
  g.clear();
  for (const [pts, colour, alpha] of [[segs.coast, COAST, 0.5], [segs.border, BORDER, 0.65]] as const) {
    for (let i = 0; i < pts.length; i += 4) g.moveTo(pts[i]!, pts[i + 1]!).lineTo(pts[i + 2]!, pts[i + 3]!);
    g.stroke({ width: 1.1 / scale, color: colour, alpha, cap: 'square' });
  }
}

/** Strait cells: a light outline when open, a red fill when closed. */
export function drawStraits(g: Graphics, map: GameMap, p: Projection, status: Record<string, 'open' | 'closed'>): void {
  g.clear();
  for (const s of map.straits) {
    const closed = status[s.id] === 'closed';
    for (const [x, y] of s.cells) g.rect(x * p.cellW, y * p.cellH, p.cellW, p.cellH);
    if (closed) g.fill({ color: CLOSED, alpha: 0.6 });
    else g.fill({ color: 0xffffff, alpha: 0.1 });
  }
}

export function label(text: string, size: number, colour: number, bold = false): Text {
  const t = new Text({
    text,
    style: { fontFamily: FONT, fontSize: size, fill: colour, fontWeight: bold ? '700' : '500', stroke: { color: 0x06101c, width: 3, join: 'round' } },
  });
  t.anchor.set(0.5);
  return t;
}

/** A particle shape drawn at (x, y), for the legend. */
function shapeAt(g: Graphics, shape: 'circle' | 'diamond' | 'square', x: number, y: number, r: number, colour: number): void {
  if (shape === 'circle') g.circle(x, y, r);
  else if (shape === 'square') g.rect(x - r, y - r, 2 * r, 2 * r);
  else g.poly([x, y - r * 1.3, x + r * 1.3, y, x, y + r * 1.3, x - r * 1.3, y]);
  g.fill({ color: colour }).stroke({ width: 1, color: 0x000000, alpha: 0.6 });
}

/** Marker glyphs, centred on (0, 0): a red disc with a white X (ban), an amber disc with an L (licence), a white "%" badge. */
export function markerGraphic(kind: 'banned' | 'licensed' | 'tariff'): Graphics {
  const g = new Graphics();
  if (kind === 'banned') {
    g.circle(0, 0, 7).fill({ color: BAN }).stroke({ width: 1.5, color: 0xffffff });
    g.moveTo(-3.2, -3.2).lineTo(3.2, 3.2).moveTo(3.2, -3.2).lineTo(-3.2, 3.2).stroke({ width: 2, color: 0xffffff, cap: 'round' });
  } else if (kind === 'licensed') {
    g.circle(0, 0, 7).fill({ color: LICENCE }).stroke({ width: 1.5, color: 0x1a1a1a });
    g.moveTo(-2, -3.6).lineTo(-2, 3).lineTo(2.8, 3).stroke({ width: 2, color: 0x1a1a1a, cap: 'round', join: 'round' });
  } else {
    g.roundRect(-7, -6, 14, 12, 3).fill({ color: 0xffffff }).stroke({ width: 1, color: 0x1a1a1a });
    g.moveTo(3, -3.8).lineTo(-3, 3.8).stroke({ width: 1.4, color: 0x1a1a1a, cap: 'round' });
    g.circle(-2.6, -2.4, 1.4).circle(2.6, 2.4, 1.4).stroke({ width: 1.2, color: 0x1a1a1a });
  }
  return g;
}

/** The legend panel: flows, lane width and markers; `compact` is one row of the four flows for small maps. */
export function makeLegend(compact = false): Container {
  const c = new Container({ label: 'legend' });
  const bg = new Graphics();
  c.addChild(bg);
  const g = new Graphics();
  c.addChild(g);
  const text = (s: string, x: number, y: number, size = 12, bold = false): Text => {
    const t = new Text({ text: s, style: { fontFamily: FONT, fontSize: size, fill: 0xe8eef5, fontWeight: bold ? '700' : '400' } });
    t.position.set(x, y);
    c.addChild(t);
    return t;
  };
  if (compact) {
    let x = 8;
    for (const f of FAMILIES) {
      shapeAt(g, FAMILY_SHAPE[f], x + 6, 13, 3.5, FAMILY_COLOUR[f]);
      x += 14 + text(FAMILY_LABEL[f].replace(' (REO)', ''), x + 13, 5, 11).width + 8;
    }
    bg.roundRect(0, 0, x, 26, 5).fill({ color: 0x07111d, alpha: 0.82 }).stroke({ width: 1, color: 0xffffff, alpha: 0.18 });
    return c;
  }
  let y = 8;
  text('Flows last turn', 10, y, 12, true);
  y += 20;
  for (const f of FAMILIES) {
    shapeAt(g, FAMILY_SHAPE[f], 18, y + 8, 4, FAMILY_COLOUR[f]);
    text(FAMILY_LABEL[f], 30, y, 12);
    y += 18;
  }
  g.moveTo(12, y + 8).lineTo(26, y + 8).stroke({ width: 1.5, color: LANE, alpha: 0.6 });
  g.moveTo(12, y + 20).lineTo(26, y + 20).stroke({ width: 6, color: LANE, alpha: 0.6 });
  text('Lane width: volume (log)', 30, y + 6, 12);
  y += 30;
  const marks: ['banned' | 'licensed' | 'tariff', string][] = [
    ['banned', 'Export ban'],
    ['licensed', 'Export licences'],
    ['tariff', 'Import tariff ≥ 10%'],
  ];
  for (const [k, s] of marks) {
    const m = markerGraphic(k);
    m.position.set(19, y + 8);
    c.addChild(m);
    text(s, 30, y, 12);
    y += 19;
  }
  const w = Math.ceil(Math.max(...c.children.filter((ch) => ch instanceof Text).map((t) => t.x + t.width))) + 10;
  bg.roundRect(0, 0, w, y + 4, 6).fill({ color: 0x07111d, alpha: 0.82 }).stroke({ width: 1, color: 0xffffff, alpha: 0.18 });
  return c;
}

/** A tooltip box: title in bold and a few lines, kept on screen near the pointer. */
export class Tooltip {
  readonly view = new Container({ label: 'tooltip', visible: false });
  private readonly bg = new Graphics();
  private readonly text = new Text({ text: '', style: { fontFamily: FONT, fontSize: 12, fill: 0xf2f6fa, lineHeight: 16, wordWrap: true, wordWrapWidth: 320 } });
  private key = '';

  constructor() {
    this.text.position.set(8, 6);
    this.view.addChild(this.bg, this.text);
  }

  show(key: string, title: string, lines: string[], x: number, y: number, screenW: number, screenH: number): void {
    if (key !== this.key) {
      this.key = key;
      this.text.text = [title, ...lines.slice(0, 6)].join('\n');
      this.bg.clear().roundRect(0, 0, this.text.width + 16, this.text.height + 12, 5).fill({ color: 0x07111d, alpha: 0.92 }).stroke({ width: 1, color: 0xffffff, alpha: 0.3 });
    }
    const w = this.text.width + 16;
    const h = this.text.height + 12;
    this.view.position.set(x + 14 + w > screenW ? Math.max(0, x - 14 - w) : x + 14, y + 14 + h > screenH ? Math.max(0, y - 14 - h) : y + 14);
    this.view.visible = true;
  }

  hide(): void {
    this.view.visible = false;
  }
}

/** White circle and square (with a darker rim that tints to a darker shade) on one texture source, for the particle pools. */
export function particleTextures(renderer: Renderer): { circle: Texture; square: Texture; atlas: Texture } {
  const g = new Graphics();
  g.circle(8, 8, 6.5).fill({ color: 0xffffff }).stroke({ width: 1.5, color: 0x555555 });
  g.rect(18.5, 2.5, 11, 11).fill({ color: 0xffffff }).stroke({ width: 1.5, color: 0x555555 });
  const atlas = renderer.generateTexture({ target: g, resolution: 3, frame: new Rectangle(0, 0, 32, 16), antialias: true });
  g.destroy();
  const circle = new Texture({ source: atlas.source, frame: new Rectangle(0, 0, 16, 16) });
  const square = new Texture({ source: atlas.source, frame: new Rectangle(16, 0, 16, 16) });
  return { circle, square, atlas };
}
