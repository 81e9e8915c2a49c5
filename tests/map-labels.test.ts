// The Malacca strait's name hid under Malaysia's name plate on the game's map at 1280x800 (the map's scale there is
// about 0.43; a closed strait's name shows at any scale): Malaysia's name moved east, over Sabah, so the strait's
// name (left of its mark, src/render/labels.ts) and its mark clear the plate at the scales the game shows. At 1024x768
// (about 0.35) the closed mark still sat under the plate: there the map moves the plate east of the mark.
import { describe, expect, it } from 'vitest';
import { CLOSED_MARK, LABEL_LONLAT, NAME_ROOM, STRAIT_LONLAT, geoProjection, plateShift } from '../src/render/geo.ts';
import { fitView, keepOff, placeLegend } from '../src/render/geometry.ts';

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

// Where the strait names show with the strait open (scale 0.5 and up: a 1440x900 window, or the 1280x800 map zoomed in
// once), the Japanese player's plate for Malaysia ("マレーシア（あなた）", 183 px, as WIDTH below) ended against the
// name "マラッカ", left of the strait's point (7 px apart at 1440x900, seen in Chromium): the plate now keeps NAME_ROOM
// from the strait names shown, as it keeps off a closed mark.
describe("the Malacca strait's name, open, and Malaysia's wider plates", () => {
  for (const [w, s] of [[183, 0.5], [183, 0.52], [200, 0.5], [200, 0.55], [153, 0.5], [183, 0.75]] as const) {
    it(`stay apart: plate ${w} px at scale ${s}`, () => {
      const [cx, cy] = proj.project(...LABEL_LONLAT.MYS).map((v) => v * s) as [number, number];
      const [mx, my] = proj.project(...STRAIT_LONLAT.malacca!).map((v) => v * s) as [number, number];
      const at = { l: cx - w / 2, r: cx + w / 2, t: cy + PLATE.top, b: cy + PLATE.bottom };
      const name = { l: mx - TEXT.w * (1 + TEXT.gap), r: mx - TEXT.w * TEXT.gap, t: my - TEXT.h / 2, b: my + TEXT.h / 2 };
      const dx = plateShift(at, [], [name]);
      const plate = { ...at, l: at.l + dx, r: at.r + dx };
      const apart = plate.l >= name.r + NAME_ROOM || plate.r <= name.l || plate.t >= name.b || plate.b <= name.t;
      expect(apart, `dx ${dx}`).toBe(true);
      expect(dx).toBeGreaterThanOrEqual(0); // east, away from the name
      expect(dx).toBeLessThan(20);
    });
  }
});

// The map's legend covered part of Australia's plate in Japanese at 1280x800 ("オーストラリア（あなた） 磁石 98.2%"): the
// full legend showed while under 40% of the map's width, and the Japanese one (311 px) is, where the English (366 px)
// is not. The legend now goes where it covers no plate (placeLegend, src/render/geometry.ts): the full one, else the
// two-row one, in its corner, else in the other bottom corner. Sizes as the game draws them, measured in Chromium.
describe("the map legend and the countries' plates", () => {
  const world = geoProjection();
  /** the game's map (its canvas) at each window size */
  const MAPS: Record<string, [number, number]> = { '1024x768': [548, 720], '1280x800': [804, 752], '1920x1080': [1267, 1032] };
  /** the full legend and the two-row one, px */
  const LEGEND = { en: { full: { w: 366, h: 211 }, small: { w: 355, h: 51 } }, ja: { full: { w: 311, h: 211 }, small: { w: 297, h: 51 } } };
  /** each plate's width, px: the country's name and supply, as the player's ("(you)", the widest) and as another's */
  const WIDTH = {
    en: { you: { AUS: 156, CHN: 123, JPN: 123, MYS: 153, USA: 200 }, other: { AUS: 123, CHN: 119, JPN: 123, MYS: 123, USA: 144 } },
    ja: { you: { AUS: 217, CHN: 132, JPN: 132, MYS: 183, USA: 132 }, other: { AUS: 132, CHN: 85, JPN: 90, MYS: 98, USA: 90 } },
  } as const;
  /** a plate's height and its name's middle from its top, px (name 17 px over the supply's 14 px) */
  const PLATE_H = 43;
  const PLATE_TOP = 14;
  type C = keyof (typeof WIDTH)['en']['you'];

  /** The plates on the fitted map as map.ts puts them: at each country's point, kept on screen. */
  function plates(W: number, H: number, lang: 'en' | 'ja', you: C, wider = 0) {
    const f = fitView(world, W, H);
    return (Object.keys(WIDTH[lang].you) as C[]).map((c) => {
      const w = Math.max(c === you ? WIDTH[lang].you[c] : WIDTH[lang].other[c], wider);
      const [wx, wy] = world.project(...LABEL_LONLAT[c]);
      const x = Math.min(W - w / 2 - 4, Math.max(w / 2 + 4, wx * f.scale + f.tx));
      const y = Math.min(H - PLATE_H + 8, Math.max(12, wy * f.scale + f.ty));
      return { c, l: x - w / 2, r: x + w / 2, t: y - PLATE_TOP, b: y - PLATE_TOP + PLATE_H };
    });
  }

  for (const [size, [W, H]] of Object.entries(MAPS))
    for (const lang of ['en', 'ja'] as const)
      it(`covers no plate at ${size} in ${lang === 'en' ? 'English' : 'Japanese'}, whoever plays, in a crisis too`, () => {
        for (const you of Object.keys(WIDTH[lang].you) as C[])
          // wider: a supply line that says "crisis" (about 180 px)
          for (const wider of [0, 180]) {
            const ps = plates(W, H, lang, you, wider);
            const at = placeLegend(W, H, LEGEND[lang].full, LEGEND[lang].small, ps);
            expect(at, `${you} ${wider}`).not.toBeNull();
            const s = LEGEND[lang][at!.which];
            const over = ps.filter((p) => p.l < at!.x + s.w && at!.x < p.r && p.t < at!.y + s.h && at!.y < p.b).map((p) => p.c);
            expect(over, `${you} ${wider}: ${at!.which} at ${at!.x},${at!.y}`).toEqual([]);
            // on the map, inside its edges
            expect(at!.x).toBeGreaterThanOrEqual(0);
            expect(at!.x + s.w).toBeLessThanOrEqual(W);
            expect(at!.y + s.h).toBeLessThanOrEqual(H);
          }
      });

  it('keeps the English choices: the two rows at the bottom left at 1024x768 and 1280x800, the full legend at 1920x1080', () => {
    const pick = (size: string, lang: 'en' | 'ja', you: C = 'JPN') => {
      const [W, H] = MAPS[size]!;
      return placeLegend(W, H, LEGEND[lang].full, LEGEND[lang].small, plates(W, H, lang, you));
    };
    expect(pick('1024x768', 'en')).toEqual({ which: 'small', x: 8, y: 720 - 51 - 8 });
    expect(pick('1280x800', 'en')).toEqual({ which: 'small', x: 8, y: 752 - 51 - 8 });
    expect(pick('1920x1080', 'en')).toEqual({ which: 'full', x: 10, y: 1032 - 211 - 10 });
    // the play-tester's case: Australia, in Japanese, at 1280x800 takes the two rows (the full legend covered its plate)
    expect(pick('1280x800', 'ja', 'AUS')).toEqual({ which: 'small', x: 8, y: 752 - 51 - 8 });
    expect(pick('1920x1080', 'ja', 'AUS')?.which).toBe('full');
  });

  it('moves to the other bottom corner, or goes, when a plate sits in its corner', () => {
    const small = { w: 300, h: 50 };
    const full = { w: 300, h: 200 };
    // a plate low at the bottom left: the full legend goes bottom right
    expect(placeLegend(800, 750, full, small, [{ l: 0, r: 200, t: 700, b: 740 }])).toEqual({ which: 'full', x: 490, y: 540 });
    // plates at both bottom corners, above the two rows: the two rows
    expect(placeLegend(800, 750, full, small, [{ l: 0, r: 200, t: 600, b: 640 }, { l: 600, r: 790, t: 600, b: 640 }])).toEqual({ which: 'small', x: 8, y: 692 });
    // plates in every place it could go: none
    expect(placeLegend(800, 750, full, small, [{ l: 0, r: 800, t: 700, b: 740 }])).toBeNull();
  });
});

// A zoomed map clamps a country's name to its right edge, where the page's zoom buttons sit over the canvas: the United
// States' plate was drawn under them (seen at 1280x720 zoomed in, src/render/labels.ts fit()).
describe('a country plate and the controls over the map', () => {
  // at 1280x720: the "Figures for..." list and the three zoom buttons, about where the page lays them out (px on
  // the canvas, read off a screenshot)
  const list = { l: 574, r: 794, t: 9, b: 29 };
  const buttons = [32, 62, 92].map((t) => ({ l: 762, r: 794, t, b: t + 27 }));
  const controls = [list, ...buttons];
  const overlaps = (p: { l: number; r: number; t: number; b: number }, k: { l: number; r: number; t: number; b: number }) => p.l < k.r && k.l < p.r && p.t < k.b && k.t < p.b;

  it('stays where it is when it overlaps none', () => {
    expect(keepOff({ l: 300, r: 440, t: 200, b: 240 }, controls)).toEqual({ dx: 0, dy: 0 });
    // touching is not overlapping
    expect(keepOff({ l: 600, r: 762, t: 90, b: 130 }, controls)).toEqual({ dx: 0, dy: 0 });
  });

  it('moves left of the buttons, 4 px clear, and no further', () => {
    const p = { l: 656, r: 800, t: 100, b: 140 };
    const { dx, dy } = keepOff(p, controls);
    expect(dy).toBe(0);
    expect(p.r + dx).toBe(762 - 4);
    for (const k of controls) expect(overlaps({ l: p.l + dx, r: p.r + dx, t: p.t, b: p.b }, k)).toBe(false);
  });

  it('moves below the list when going left would leave the map', () => {
    // a map 300 px wide: the list spans most of it
    const narrow = [{ l: 70, r: 290, t: 10, b: 30 }];
    const p = { l: 20, r: 160, t: 12, b: 52 };
    const { dx, dy } = keepOff(p, narrow);
    expect(dx).toBe(0);
    expect(p.t + dy).toBe(30 + 4);
  });

  it('clears a box it meets only after moving off a later one', () => {
    // a box left of the buttons (listed first): the plate misses it, then moving left of the button puts it under it
    const left = { l: 600, r: 700, t: 60, b: 100 };
    const button = { l: 762, r: 794, t: 80, b: 106 };
    const p = { l: 700, r: 790, t: 85, b: 120 };
    const { dx, dy } = keepOff(p, [left, button]);
    const moved = { l: p.l + dx, r: p.r + dx, t: p.t + dy, b: p.b + dy };
    expect(moved.r).toBe(600 - 4);
    for (const k of [left, button]) expect(overlaps(moved, k), JSON.stringify({ moved, k })).toBe(false);
  });
});

// A phone's map (390 px by 220, the game page at 390x844): the country plates overlapped one another ("Japan (you)"
// over China's, "rest of the world" over both), and keepOff's "left, else down" took the United States' plate 230 px
// to the left, over the South China Sea, to clear the figures menu. On a cramped map each plate now keeps off the
// page's controls and the plates placed before it by the shortest move that stays on the map (src/render/nudge.ts).
describe('a plate on a cramped map', () => {
  const size = { w: 390, h: 220 };
  // the page's controls over the map, as boxesOver measured them in Chromium: the figures menu and the three zoom buttons
  const controls = [{ l: 160, r: 380, t: 10, b: 29 }, { l: 346, r: 380, t: 33, b: 59 }, { l: 346, r: 380, t: 63, b: 89 }, { l: 349, r: 380, t: 93, b: 119 }];
  const overlaps = (a: { l: number; r: number; t: number; b: number }, b: typeof a) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
  const moved = (p: { l: number; r: number; t: number; b: number }, d: { dx: number; dy: number }) => ({ l: p.l + d.dx, r: p.r + d.dx, t: p.t + d.dy, b: p.b + d.dy });

  it("moves the United States' plate off the menu and the buttons, not across the map", async () => {
    const { nudgeOff } = await import('../src/render/nudge.ts');
    const us = { l: 264, r: 386, t: 19.5, b: 42.5 }; // its point at the map's top right, under the menu
    const d = nudgeOff(us, controls, size);
    const at = moved(us, d);
    for (const k of controls) expect(overlaps(at, k)).toBe(false);
    expect(at.l).toBeGreaterThanOrEqual(0);
    expect(at.r).toBeLessThanOrEqual(size.w);
    expect(at.b).toBeLessThanOrEqual(size.h);
    expect(Math.abs(d.dx)).toBeLessThan(60); // keepOff moved it 230 px left
    expect(keepOff(us, controls).dx).toBe(-230);
  });

  it('keeps a plate off one placed before it, and leaves alone one that overlaps nothing', async () => {
    const { nudgeOff } = await import('../src/render/nudge.ts');
    const japan = { l: 51, r: 156, t: 25, b: 61 };
    const china = { l: 76, r: 133, t: 65, b: 88 };
    expect(nudgeOff(china, [japan], size)).toEqual({ dx: 0, dy: 0 });
    const over = { l: 76, r: 133, t: 50, b: 73 };
    const d = nudgeOff(over, [japan], size);
    expect(overlaps(moved(over, d), japan)).toBe(false);
    expect(d).toEqual({ dx: 0, dy: 14 }); // down, 3 px clear: the shortest of the four moves
  });

  it('brings a plate partly off the map and over nothing back onto it, by the shortest move', async () => {
    const { nudgeOff } = await import('../src/render/nudge.ts');
    expect(nudgeOff({ l: 300, r: 400, t: 150, b: 170 }, controls, size)).toEqual({ dx: -10, dy: 0 });
  });

  it('stays put when no move would keep it on the map', async () => {
    const { nudgeOff } = await import('../src/render/nudge.ts');
    expect(nudgeOff({ l: 0, r: 390, t: 0, b: 220 }, [{ l: 100, r: 200, t: 100, b: 120 }], size)).toEqual({ dx: 0, dy: 0 });
  });

  it('on a cramped map draws the plates smaller, leaves out the rest of the world and a calm figure line but the player\'s', async () => {
    const { plateLook } = await import('../src/render/nudge.ts');
    expect(plateLook('CHN', false, 'JPN', true)).toEqual({ scale: 1, shown: true, figure: true });
    expect(plateLook('ROW', false, 'JPN', true)).toEqual({ scale: 1, shown: true, figure: true });
    expect(plateLook('ROW', true, 'JPN', true).shown).toBe(false);
    expect(plateLook('CHN', true, 'JPN', true)).toEqual({ scale: 0.85, shown: true, figure: false });
    expect(plateLook('CHN', true, 'JPN', false).figure).toBe(true); // short of magnets: says so
    expect(plateLook('JPN', true, 'JPN', true).figure).toBe(true); // the player's own
  });
});
