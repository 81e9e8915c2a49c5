// The page's JavaScript budget (README, "Known limits"): what the production build of index.html loads before the map
// shows, gzipped, stays under 400 KB. Counted as `npm run ui-report` counts it: every .js file the browser fetched
// (the page's chunks, Pixi's renderer chunks and the Web Worker's engine, which the map waits for) from opening the
// page to the map's canvas, each gzipped from the build. An English page, the default game.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtPages, haveChromium, usePages } from './e2e/harness.ts';

const BUDGET_KB = 400;
const run = haveChromium() || process.env.CI === 'true';

describe.runIf(run)('the JavaScript loaded before the map shows', () => {
  const pages = usePages();

  it(`is under ${BUDGET_KB} KB gzipped, and leaves out what an English first screen does not use`, async () => {
    const dist = await builtPages();
    const ctx = await pages.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    try {
      const page = await ctx.newPage();
      const loaded = new Set<string>();
      page.on('response', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.endsWith('.js')) loaded.add(path);
      });
      await page.goto(pages.url);
      await page.getByTestId('start-game').click();
      await page.getByTestId('map').locator('canvas').waitFor();
      const files = [...loaded].sort();
      const kb = files.map((f) => ({ f, kb: gzipSync(readFileSync(join(dist, f))).length / 1024 }));
      const total = kb.reduce((a, x) => a + x.kb, 0);
      const table = kb.map((x) => `${x.f} ${x.kb.toFixed(1)}`).join('\n');
      // it counted the page, the worker's engine and Pixi's renderer (a count that missed them would pass below)
      expect(files.some((f) => /\/worker-[\w-]+\.js$/.test(f)), table).toBe(true);
      expect(files.some((f) => /\/WebGLRenderer-[\w-]+\.js$/.test(f)), table).toBe(true);
      expect(total, table).toBeGreaterThan(200);
      expect(total, `${total.toFixed(1)} KB gzipped before the map:\n${table}`).toBeLessThan(BUDGET_KB);
      // the Japanese readers of the engine's lines and the events file load with the Japanese text only; Pixi's
      // whole browser environment (accessibility, DOM, filters) is not imported (src/render/pixi-app.ts)
      expect(files.filter((f) => /\/(ja-lines|events|ja|browserAll)-[\w-]+\.js$/.test(f)), table).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, 180_000);
});
