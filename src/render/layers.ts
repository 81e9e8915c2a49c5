// The map's Pixi pieces that are built once or rarely: land and coasts, straits, legend, markers, tooltip, particle textures.
import { Container, Graphics, Rectangle, Text, Texture, type Renderer } from 'pixi.js';
import { FAMILIES } from './geometry.ts';
import { BAN, CLOSED, FAMILY_COLOUR, FAMILY_SHAPE, FONT, LANE, LICENCE } from './style.ts';
import { t as tr } from '../ui/i18n.ts';
import { STRAIN_COLOUR } from './land.ts';

const FAMILY_LABEL = new Proxy({} as Record<string, string>, { get: (_, k) => tr(`mapText.family.${String(k)}`) });

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

/** Marker glyphs, centred on (0, 0): a red disc with a white X (ban), an amber disc with an L (licence), a white "%" badge,
 * and a closed strait's "no entry" sign (a red disc with a white bar: it used the ban's X, and read as one). */
export function markerGraphic(kind: 'banned' | 'licensed' | 'tariff' | 'closed', r = 7): Graphics {
  const g = new Graphics();
  if (kind === 'closed') {
    g.circle(0, 0, r).fill({ color: CLOSED, alpha: 0.95 }).stroke({ width: 1.5, color: 0xffffff });
    g.roundRect(-r * 0.62, -r * 0.2, r * 1.24, r * 0.4, r * 0.1).fill({ color: 0xffffff });
  } else if (kind === 'banned') {
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
    // two rows: the four flows, then the marks on the lanes (a ban, a licence, a tariff), which the map shows at
    // every size and which a newcomer otherwise has no key to
    let x = 8;
    for (const f of FAMILIES) {
      shapeAt(g, FAMILY_SHAPE[f], x + 6, 13, 3.5, FAMILY_COLOUR[f]);
      x += 14 + text(FAMILY_LABEL[f]!.replace(/ ?[(（].*$/, ''), x + 13, 5, 12).width + 8;
    }
    // the land's outlines (orange: a country under 95% of its magnet need, "short"; red: under 80%, "crisis"), which
    // the full legend keys row by row and Help names (the orange one had no key: a player saw "· short" unexplained)
    g.rect(x + 1, 8, 9, 9).fill({ color: 0x6b4b40 }).stroke({ width: 2, color: STRAIN_COLOUR.strained });
    g.rect(x + 14, 8, 9, 9).fill({ color: 0x6b4b40 }).stroke({ width: 2, color: STRAIN_COLOUR.crisis });
    x += 28 + text(tr('mapText.outlineKey'), x + 28, 5, 12).width + 8;
    let x2 = 8;
    for (const [k, s] of [['banned', tr('mapText.ban')], ['licensed', tr('mapText.licence')], ['tariff', tr('mapText.tariff')], ['closed', tr('mapText.closedKey')]] as const) {
      const m = markerGraphic(k);
      m.scale.set(0.8);
      m.position.set(x2 + 7, 37);
      c.addChild(m);
      x2 += 16 + text(s, x2 + 16, 29, 12).width + 10;
    }
    bg.roundRect(0, 0, Math.max(x, x2), 50, 5).fill({ color: 0x07111d, alpha: 0.82 }).stroke({ width: 1, color: 0xffffff, alpha: 0.18 });
    return c;
  }
  let y = 8;
  text(tr('mapText.flows'), 10, y, 14, true);
  y += 20;
  for (const f of FAMILIES) {
    shapeAt(g, FAMILY_SHAPE[f], 18, y + 8, 4, FAMILY_COLOUR[f]);
    text(FAMILY_LABEL[f]!, 30, y, 14);
    y += 18;
  }
  g.moveTo(12, y + 8).lineTo(26, y + 8).stroke({ width: 1.5, color: LANE, alpha: 0.6 });
  g.moveTo(12, y + 20).lineTo(26, y + 20).stroke({ width: 6, color: LANE, alpha: 0.6 });
  text(tr('mapText.width'), 30, y + 6, 14);
  y += 30;
  const marks: ['banned' | 'licensed' | 'tariff' | 'closed', string][] = [
    ['banned', tr('mapText.ban')],
    ['licensed', tr('mapText.licence')],
    ['tariff', tr('mapText.tariff')],
    ['closed', tr('mapText.closedKey')],
  ];
  for (const [k, s] of marks) {
    const m = markerGraphic(k);
    m.position.set(19, y + 8);
    c.addChild(m);
    text(s, 30, y, 14);
    y += 19;
  }
  // the land's outlines: orange for a country under 95% of its magnet need, red under 80%
  for (const [st, key] of [['strained', 'mapText.shading'], ['crisis', 'mapText.shadingCrisis']] as const) {
    g.rect(12, y + 3, 14, 10).fill({ color: 0x6b4b40 }).stroke({ width: 2, color: STRAIN_COLOUR[st] });
    text(tr(key), 30, y, 14);
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
  private readonly text = new Text({ text: '', style: { fontFamily: FONT, fontSize: 14, fill: 0xf2f6fa, lineHeight: 18, wordWrap: true, wordWrapWidth: 320 } });
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
