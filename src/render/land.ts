// The map's land layer: Natural Earth countries filled by the game's region, shaded by each country's state (magnet
// supply: calm, strained, crisis), coasts and borders about one screen pixel wide at any zoom, and the straits.
import { Graphics } from 'pixi.js';
import type { CountryView, RegionId } from '../../engine/lite.ts';
import type { RegionShapes } from './geo.ts';
import { BORDER, COAST, LAND_FILL, mix } from './style.ts';
import { strainOf, type Strain } from './strain.ts';

export { strainOf, type Strain };
/** Outline colours of the states (amber and vermillion: told apart by the label's words and the line's width too). */
export const STRAIN_COLOUR: Record<Strain, number> = { calm: 0xffffff, strained: 0xffb000, crisis: 0xff4d40 };

export class LandLayer {
  readonly fills = new Map<RegionId, Graphics>();
  readonly edges = new Graphics();
  readonly straits = new Graphics();
  private strain: Partial<Record<RegionId, Strain>> = {};

  constructor(
    private readonly shapes: RegionShapes[],
    private readonly borders: Float32Array[],
  ) {
    for (const s of shapes) {
      const g = new Graphics();
      for (const ring of s.rings) g.poly(Array.from(ring), true);
      g.fill({ color: 0xffffff });
      g.tint = LAND_FILL[s.region];
      this.fills.set(s.region, g);
    }
  }

  /** Shade the five countries by last quarter's magnet supply (the rest of the world stays grey). */
  setState(view: Pick<CountryView, 'country' | 'self' | 'others'>): void {
    for (const s of this.shapes) {
      if (s.region === 'ROW') continue;
      const reg = s.region === view.country ? view.self : view.others[s.region];
      const ratio = reg?.last.magnetSupplyRatio ?? 1;
      const st = strainOf(ratio);
      this.strain[s.region] = st;
      // the fill darkens and reddens as supply falls; the outline says which band it is in
      const g = this.fills.get(s.region)!;
      g.tint = st === 'calm' ? LAND_FILL[s.region] : mix(LAND_FILL[s.region], 0x7a1d12, st === 'crisis' ? 0.6 : 0.3);
    }
  }

  /** Coasts, borders and state outlines, about `px` screen pixels wide at view scale `scale`. */
  drawEdges(scale: number, player: RegionId | null): void {
    const g = this.edges;
    g.clear();
    for (const s of this.shapes) {
      const st = this.strain[s.region] ?? 'calm';
      const me = s.region === player;
      for (const ring of s.rings) g.poly(Array.from(ring), true);
      if (st !== 'calm') g.stroke({ width: (st === 'crisis' ? 3 : 2.2) / scale, color: STRAIN_COLOUR[st], alpha: 0.95, join: 'bevel' });
      else g.stroke({ width: (me ? 1.8 : 0.9) / scale, color: me ? 0xffffff : COAST, alpha: me ? 0.85 : 0.55, join: 'bevel' });
    }
    for (const b of this.borders) {
      g.moveTo(b[0]!, b[1]!);
      for (let i = 2; i < b.length; i += 2) g.lineTo(b[i]!, b[i + 1]!);
    }
    g.stroke({ width: 0.8 / scale, color: BORDER, alpha: 0.45, join: 'bevel' });
  }

  /** Each open strait: a light ring (world px points, screen-size marks). A closed one's mark is drawn over the ports,
   * with the names (src/render/labels.ts). */
  drawStraits(points: { id: string; x: number; y: number }[], status: Record<string, 'open' | 'closed'>, scale: number): void {
    const g = this.straits;
    g.clear();
    for (const p of points) if (status[p.id] !== 'closed') g.circle(p.x, p.y, 6 / scale).stroke({ width: 1.2 / scale, color: 0xd7e3ee, alpha: 0.7 });
  }

  stateOf(r: RegionId): Strain {
    return this.strain[r] ?? 'calm';
  }
}
