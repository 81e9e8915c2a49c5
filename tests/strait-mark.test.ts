// A closed strait's mark (a "no entry" sign: a red disc with a white bar; it was a white X, the export ban's mark, and
// read as one) reads whole over the ports beside it: at 1024x768 the dots of Singapore and Port Klang were drawn over
// the closed Malacca strait's X (the mark was drawn with the land, under the ports' layer), so it could not be read.
// The map is drawn by the renderer's dev page (src/render/dev.html, built on its own: startRendererPage; the game's map
// at the same size: at 1024x768 the game's map is 548x720) in Chromium, and the mark's pixels are read back.
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import mapJson from '../content/map.json';
import type { GameMap } from '../engine/lite.ts';
import { haveChromium, startRendererPage, useBrowser } from './e2e/harness.ts';
import { straitPoint, world } from '../src/render/geo.ts';
import { fitView } from '../src/render/geometry.ts';

const run = haveChromium() || process.env.CI === 'true';

describe.runIf(run)("the closed Malacca strait's mark", () => {
  const used = useBrowser(startRendererPage);
  const proj = world().proj;
  const [wx, wy] = straitPoint(proj, mapJson as unknown as GameMap, 'malacca');

  // 548x720: the game's map at 1024x768; 1024x768 and 805x752 (1280x800's) too
  for (const [W, H] of [[548, 720], [805, 752], [1024, 768]] as const)
    it(`reads whole over the ports at ${W}x${H}: its bar white, its disc red around it, no X`, async () => {
      const ctx = await used.browser.newContext({ viewport: { width: W, height: H }, deviceScaleFactor: 2, reducedMotion: 'reduce' });
      try {
        const page = await ctx.newPage();
        await page.goto(`${used.server.url}/src/render/dev.html?closed=malacca`);
        const canvas = page.locator('canvas');
        await canvas.waitFor();
        const f = fitView(proj, W, H);
        const cx = wx * f.scale + f.tx;
        const cy = wy * f.scale + f.ty;
        // the mark at twice the size (deviceScaleFactor 2): radius 9 px, the bar 11 px wide and 3.6 px high
        const shot = async () => PNG.sync.read(await page.screenshot({ clip: { x: cx - 12, y: cy - 12, width: 24, height: 24 } }));
        const px = (img: PNG, dx: number, dy: number) => {
          const i = (Math.round((12 + dy) * 2) * img.width + Math.round((12 + dx) * 2)) * 4;
          return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!] as const;
        };
        const white = ([r, g, b]: readonly number[]) => Math.min(r!, g!, b!) > 190;
        const red = ([r, g, b]: readonly number[]) => r! > 170 && g! < 120 && b! < 120;
        const read = (img: PNG) => ({
          // the bar across the middle
          bar: ([[-3, 0], [0, 0], [3, 0]] as const).map(([dx, dy]) => white(px(img, dx, dy))),
          // the disc around it, and where an X's arms would be (the ban's mark): red
          disc: ([[-7, 0], [7, 0], [0, -5], [0, 5], [-3, -3], [3, -3], [-3, 3], [3, 3]] as const).map(([dx, dy]) => red(px(img, dx, dy))),
        });
        // the map draws its first frame a while after its canvas shows
        await expect.poll(async () => read(await shot()), { timeout: 30_000, interval: 500 }).toEqual({ bar: [true, true, true], disc: [true, true, true, true, true, true, true, true] });
      } finally {
        await ctx.close();
      }
    }, 60_000);
});
