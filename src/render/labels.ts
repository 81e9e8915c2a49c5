// The map's names (countries with last quarter's magnet supply, straits; 14 px and up, legible on a projector) and the
// goods' bands along the lanes.
import { Container, Graphics, type Text } from 'pixi.js';
import type { CountryView, GameMap, RegionId } from '../../engine/lite.ts';
import { CLOSED_MARK, LABEL_LONLAT, plateShift, type GeoProj } from './geo.ts';
import { label, markerGraphic } from './layers.ts';
import { STRAIN_COLOUR, type LandLayer } from './land.ts';
import type { FlowScene } from './model.ts';
import { keepOff, type ScreenBox } from './geometry.ts';
import { nudgeOff, plateLook } from './nudge.ts';
import { CLOSED, FAMILY_COLOUR, LANE } from './style.ts';
import { t } from '../ui/i18n.ts';
import { countryName, supplyPct } from '../ui/labels.ts';

/** A strait's short name in the active language (the content's name, shortened, for a strait the catalogue lacks). */
const STRAIT_SHORT = (id: string, name: string): string => {
  const k = `mapText.straits.${id}`;
  const v = t(k);
  return v !== k ? v : name.replace(/^Strait of /, '').replace(/ \(.*\)/, '').replace(/ Strait$/, '');
};

type Plate = { r: RegionId; box: Container; name: Text; state: Text; plate: Graphics; rect?: { l: number; r: number; t: number; b: number } };

type Anchor = { obj: Text | Graphics | Container; wx: number; wy: number; clamp?: boolean };

export class MapLabels {
  private readonly countries = new Map<RegionId, Plate>();
  /** the plates in the order fit() places them: the player's own first */
  private order: Plate[] = [];
  private readonly straits = new Map<string, Text>();
  /** each strait's closed mark, shown while it is closed */
  private readonly marks = new Map<string, Graphics>();
  /** a phone's map (under 600 x 320 px): the plates drawn smaller, the figure line only where it says more than calm */
  private cramped = false;
  private viewCountry: RegionId | null = null;
  private calm = new Set<RegionId>();

  constructor(proj: GeoProj, map: Pick<GameMap, 'straits'>, straitPts: { id: string; x: number; y: number }[], layer: Container, anchors: Anchor[]) {
    // country names, 17 px, with last quarter's magnet supply under the five countries' (14 px)
    for (const r of Object.keys(LABEL_LONLAT).sort() as RegionId[]) {
      const [wx, wy] = proj.project(...LABEL_LONLAT[r]);
      const box = new Container({ label: `label-${r}` });
      const name = label(countryName(r), r === 'ROW' ? 14 : 17, r === 'ROW' ? 0xc5ccd4 : 0xffffff, r !== 'ROW');
      const state = label('', 14, 0xe8eef5);
      state.position.set(0, 18);
      // a dark plate under a country's name and figure: the label sits over the lanes, ports and markers of crowded
      // seas (Malaysia's at the Malacca strait) and stays legible there
      const plate = new Graphics();
      box.addChild(plate, name, state);
      layer.addChild(box);
      this.countries.set(r, { r, box, name, state, plate });
      anchors.push({ obj: box, wx, wy, clamp: true });
    }
    this.order = [...this.countries.values()];
    for (const s of map.straits) {
      const p = straitPts.find((x) => x.id === s.id)!;
      const tx = label(STRAIT_SHORT(s.id, s.name), 14, 0xd7e3ee);
      // beside the mark, on the side away from the crowded South China Sea
      const right = ['luzon', 'tsushima', 'lombok'].includes(s.id);
      tx.anchor.set(right ? -0.12 : 1.12, 0.5);
      layer.addChild(tx);
      this.straits.set(s.id, tx);
      anchors.push({ obj: tx, wx: p.x, wy: p.y });
      // a closed strait's mark, a "no entry" sign (layers.ts markerGraphic): here, over the lanes, flows and ports (the dots of Singapore
      // and Port Klang covered the Malacca strait's X when it was drawn with the land), under the names and plates
      const mark = markerGraphic('closed', CLOSED_MARK.radius);
      mark.visible = false;
      layer.addChildAt(mark, 0);
      this.marks.set(s.id, mark);
      anchors.push({ obj: mark, wx: p.x, wy: p.y });
    }
  }

  /** The names and states for a turn. */
  update(view: CountryView, land: LandLayer): void {
    for (const [r, l] of this.countries) {
      if (r === 'ROW') continue;
      const reg = r === view.country ? view.self : view.others[r];
      const st = land.stateOf(r);
      l.state.text = reg ? `${t('mapText.magnets', { pct: supplyPct(reg.last.magnetSupplyRatio) })}${st === 'crisis' ? ` · ${t('mapText.crisis')}` : st === 'strained' ? ` · ${t('mapText.short')}` : ''}` : '';
      l.state.style.fill = st === 'calm' ? 0xe8eef5 : STRAIN_COLOUR[st];
      l.name.text = r === view.country ? t('mapText.you', { name: countryName(r) }) : countryName(r);
      if (st === 'calm') this.calm.add(r);
      else this.calm.delete(r);
    }
    for (const [id, tx] of this.straits) tx.style.fill = view.straits[id] === 'closed' ? CLOSED : 0xd7e3ee;
    for (const [id, mark] of this.marks) mark.visible = view.straits[id] === 'closed';
    if (view.country !== this.viewCountry) {
      this.viewCountry = view.country;
      // the player's own plate first: on a cramped map each later one keeps off those placed (Japan's sat on China's)
      this.order = [...this.countries.values()].sort((a, b) => Number(b.r === view.country) - Number(a.r === view.country));
    }
    this.layout();
  }

  /** Each plate's size and what it shows, for the map's size (cramped or not). */
  private layout(): void {
    for (const [r, l] of this.countries) {
      const look = plateLook(r, this.cramped, this.viewCountry, this.calm.has(r));
      const scale = look.scale;
      l.box.scale.set(scale);
      l.box.visible = look.shown;
      l.state.visible = look.figure;
      if (r === 'ROW') continue;
      const w = Math.max(l.name.width, l.state.visible ? l.state.width : 0) + 10;
      const top = -l.name.height / 2 - 1;
      const b = l.state.visible ? 18 + l.state.height / 2 + 1 : l.name.height / 2 + 1;
      l.rect = { l: (-w / 2) * scale, r: (w / 2) * scale, t: top * scale, b: b * scale };
      l.plate.clear().roundRect(-w / 2, top, w, b - top, 5).fill({ color: 0x06101c, alpha: 0.7 });
    }
  }

  /** Each country's plate on screen, where the map put it this frame (the legend keeps off them). */
  plates(): ScreenBox[] {
    const out: ScreenBox[] = [];
    for (const { box, rect } of this.countries.values()) if (rect && box.visible) out.push({ l: box.x + rect.l, r: box.x + rect.r, t: box.y + rect.t, b: box.y + rect.b });
    return out;
  }

  /** On a small map, strait names only when closed; a country's plate moved off a closed strait's mark and off the
   * strait names shown (each name and mark is where the map put it this frame: a strait's name is at its mark), and
   * out from under the page's controls over the map (`controls`: a zoomed map's clamped United States plate sat
   * under the zoom buttons). */
  fit(small: boolean, view: CountryView | null, controls: readonly ScreenBox[] = [], cramped: { w: number; h: number } | null = null): void {
    if (!!cramped !== this.cramped) {
      this.cramped = !!cramped;
      this.layout();
    }
    for (const [id, tx] of this.straits) tx.visible = !small || view?.straits[id] === 'closed';
    const marks = [...this.straits].filter(([id]) => view?.straits[id] === 'closed').map(([, tx]) => tx.position);
    const names = [...this.straits.values()].filter((tx) => tx.visible).map((tx) => ({ l: tx.x - tx.anchor.x * tx.width, r: tx.x + (1 - tx.anchor.x) * tx.width, t: tx.y - tx.height / 2, b: tx.y + tx.height / 2 }));
    // in this.order, the player's own plate first (set in update())
    const placed: ScreenBox[] = [];
    for (const { box, rect } of this.order) {
      if (!rect || !box.visible) continue;
      box.position.x += plateShift({ l: box.x + rect.l, r: box.x + rect.r, t: box.y + rect.t, b: box.y + rect.b }, marks, names);
      const plate = { l: box.x + rect.l, r: box.x + rect.r, t: box.y + rect.t, b: box.y + rect.b };
      const { dx, dy } = cramped ? nudgeOff(plate, [...controls, ...placed], cramped) : keepOff(plate, controls);
      box.position.set(box.x + dx, box.y + dy);
      placed.push({ l: box.x + rect.l, r: box.x + rect.r, t: box.y + rect.t, b: box.y + rect.b });
    }
  }
}

/** A lane's polyline moved `off` world units to the right of its stored direction (for the goods' bands). */
function strokeOffset(g: Graphics, pts: Float32Array, off: number): void {
  const n = pts.length >> 1;
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - 1);
    const b = Math.min(n - 1, i + 1);
    const dx = pts[2 * b]! - pts[2 * a]!;
    const dy = pts[2 * b + 1]! - pts[2 * a + 1]!;
    const len = Math.hypot(dx, dy) || 1;
    const x = pts[2 * i]! - (dy / len) * off;
    const y = pts[2 * i + 1]! + (dx / len) * off;
    if (i === 0) g.moveTo(x, y);
    else g.lineTo(x, y);
  }
}

/** Each lane a faint track; on it one band per good it carries, as wide as the larger of its two directions' volume. */
export function drawLaneBands(g: Graphics, scene: FlowScene, scale: number): void {
  g.clear();
  for (const l of scene.lanes) {
    if (l.pts.length < 4) continue;
    strokeOffset(g, l.pts, 0);
    g.stroke({ width: (l.carries ? l.widthPx + 3 : 1.5) / scale, color: LANE, alpha: l.carries ? 0.16 : 0.3, cap: 'butt', join: 'bevel' });
    for (const b of l.bands) {
      strokeOffset(g, l.pts, b.offsetPx / scale);
      g.stroke({ width: b.widthPx / scale, color: FAMILY_COLOUR[b.family], alpha: 0.62, cap: 'butt', join: 'bevel' });
    }
  }
}

/** Where the children of `el` (the page's controls over the map) are on the canvas, px; none for hidden ones. */
export function boxesOver(el: HTMLElement, canvas: HTMLCanvasElement): ScreenBox[] {
  const c = canvas.getBoundingClientRect();
  return Array.from(el.children, (ch) => ch.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ l: r.left - c.left, r: r.right - c.left, t: r.top - c.top, b: r.bottom - c.top }));
}
