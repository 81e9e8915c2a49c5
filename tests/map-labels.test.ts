// The Malacca strait's name hid under Malaysia's name plate on the game's map at 1280x800 (the map's scale there is
// about 0.43; a closed strait's name shows at any scale): Malaysia's name moved east, over Sabah, so the strait's
// name (left of its mark, src/render/labels.ts) and its mark clear the plate at the scales the game shows. At 1024x768
// (about 0.35) the closed mark still sat under the plate: there the map moves the plate east of the mark.
import { describe, expect, it } from 'vitest';
import { CLOSED_MARK, LABEL_LONLAT, STRAIT_LONLAT, geoProjection, plateShift } from '../src/render/geo.ts';

const proj = geoProjection();
/** Malaysia's plate around its point, px: "magnets 97.7%" (about 120 px) and a margin; name above, figure below */
const PLATE = { half: 66, top: -11, bottom: 27 };
/** "Malacca" at 14 px, right-aligned 0.12 of its width left of the mark (labels.ts), and the closed mark's radius */
const TEXT = { w: 56, h: 17, gap: 0.12 };
const MARK = CLOSED_MARK.radius;

describe("the Malacca strait's name and Malaysia's", () => {
  // 0.43: the game's map at 1280x800; at 1024x768 (about 0.35) and below the closed mark sat under Malaysia's plate,
  // which the map now moves east of it (plateShift, src/render/labels.ts fit())
  for (const s of [0.3, 0.35, 0.43, 0.45, 0.5, 0.75, 1, 1.5, 2]) {
    it(`stay apart at scale ${s}`, () => {
      const [cx, cy] = proj.project(...LABEL_LONLAT.MYS).map((v) => v * s) as [number, number];
      const [mx, my] = proj.project(...STRAIT_LONLAT.malacca!).map((v) => v * s) as [number, number];
      const at = { l: cx - PLATE.half, r: cx + PLATE.half, t: cy + PLATE.top, b: cy + PLATE.bottom };
      const dx = plateShift(at, [{ x: mx, y: my }]);
      // it moves only where it has to (at 0.43 a couple of px, for the margin), east, and not far
      if (s >= 0.45) expect(dx).toBe(0);
      else expect(dx).toBeGreaterThan(0);
      expect(dx).toBeLessThan(30);
      const plate = { ...at, l: at.l + dx, r: at.r + dx };
      const text = { l: mx - TEXT.w * (1 + TEXT.gap), r: mx - TEXT.w * TEXT.gap, t: my - TEXT.h / 2, b: my + TEXT.h / 2 };
      const apart = (a: typeof plate, b: typeof plate) => a.r <= b.l || b.r <= a.l || a.b <= b.t || b.b <= a.t;
      expect(apart(plate, text)).toBe(true);
      expect(apart(plate, { l: mx - MARK, r: mx + MARK, t: my - MARK, b: my + MARK })).toBe(true);
    });
  }
});
