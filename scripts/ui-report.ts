// `npm run ui-report`: the browser game's budget figures. Builds with Vite, sums the gzipped JavaScript the page loads
// before the map shows, then in headless Chromium measures main-thread long tasks while turns resolve and the map's fps.
import { build, preview } from 'vite';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { haveChromium, launch, scriptsBeforeMap } from '../tests/e2e/harness.ts';

const root = new URL('..', import.meta.url).pathname;
await build({ root, logLevel: 'warn' });
const assets = join(root, 'dist/assets');
const sizes = readdirSync(assets)
  .filter((f) => f.endsWith('.js'))
  .map((f) => ({ f, raw: readFileSync(join(assets, f)).length, gz: gzipSync(readFileSync(join(assets, f))).length }));
const line = (name: string, value: string, note = '') => console.log(`${name.padEnd(52)} ${value.padStart(12)}  ${note}`);
console.log('Rare Earth Gambit UI report');
console.log('-'.repeat(90));
for (const s of sizes.sort((a, b) => b.gz - a.gz)) line(`  ${s.f}`, `${(s.gz / 1024).toFixed(1)} KB gz`, `${(s.raw / 1024).toFixed(0)} KB raw`);
if (!haveChromium()) {
  console.log('no Chromium: skipping the browser measurements');
  process.exit(0);
}
const server = await preview({ root, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const url = server.resolvedUrls!.local[0];
const browser = await launch();
let jaLine = '';
/** A fresh page (the language saved from an earlier visit, if given) started to its map, with the scripts it asked for
 * before the map's canvas joined it. */
async function toTheMap(motion: 'reduce' | 'no-preference', savedLang?: string) {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, reducedMotion: motion });
  const page = await ctx.newPage();
  if (savedLang) await page.addInitScript((l) => localStorage.setItem('rare-earth-gambit:lang', l), savedLang);
  const scripts = await scriptsBeforeMap(page);
  await page.goto(url);
  await page.getByTestId('start-game').click();
  await page.getByTestId('map').locator('canvas').waitFor();
  const loaded = new Set((await scripts.before()).map((f) => f.split('/').pop()!));
  return { ctx, page, loaded };
}
try {
  // the same count for a Japanese page (the language saved from an earlier visit): its catalogue and content text too
  // (its news readers and events' text load after the map, with the first End Turn)
  {
    const { ctx, loaded } = await toTheMap('reduce', 'ja');
    const before = sizes.filter((s) => loaded.has(s.f)).reduce((a, s) => a + s.gz, 0);
    jaLine = `${(before / 1024).toFixed(1)} KB|${loaded.size} files (its catalogue and content text; news readers after the map)`;
    await ctx.close();
  }
  for (const motion of ['reduce', 'no-preference'] as const) {
    const { ctx, page, loaded } = await toTheMap(motion);
    if (motion === 'reduce') {
      const before = sizes.filter((s) => loaded.has(s.f)).reduce((a, s) => a + s.gz, 0);
      line('JavaScript loaded before the map shows (gzip)', `${(before / 1024).toFixed(1)} KB`, `${loaded.size} files, budget 400 KB`);
      line('  the same for a Japanese page', ...(jaLine.split('|') as [string, string]));
    }
    await page.evaluate(`window.longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: false });`);
    const turnMs: number[] = [];
    for (let i = 0; i < 9; i++) {
      const t0 = Date.now();
      await page.getByTestId('end-turn').click();
      await page.getByTestId('digest').waitFor();
      turnMs.push(Date.now() - t0);
      await page.getByTestId('digest-close').click();
    }
    const tasks = (await page.evaluate('window.longTasks')) as number[];
    const ui = (await page.evaluate("performance.getEntriesByName('turn-ui').map((e) => e.duration)")) as number[];
    line(`  page's own JS per step of a turn, median (${motion})`, `${[...ui].sort((a, b) => a - b)[Math.floor(ui.length / 2)].toFixed(1)} ms`, `max ${Math.max(...ui).toFixed(1)} ms (engine runs in the worker)`);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const inPage = (await page.evaluate("performance.getEntriesByName('turn-digest').map((e) => e.duration)")) as number[];
    const trips = (await page.evaluate("performance.getEntriesByName('session:submit').map((e) => [e.duration, e.detail?.workerMs ?? NaN])")) as [number, number][];
    const how = motion === 'reduce' ? 'reduced motion' : 'animated';
    line(`End turn -> digest drawn, in the page, median of 9 (${how})`, `${median(inPage).toFixed(0)} ms`, `min ${Math.min(...inPage).toFixed(0)}, max ${Math.max(...inPage).toFixed(0)}; target 500 ms`);
    line(`  of which the worker's answer (${how})`, `${median(trips.map((x) => x[0])).toFixed(0)} ms`, `round trip; the engine's own time in the worker ${median(trips.map((x) => x[1])).toFixed(0)} ms`);
    const sorted = [...turnMs].sort((a, b) => a - b);
    line(`  the same with the test driver's click and wait (${how})`, `${sorted[4]} ms`, `min ${sorted[0]}, max ${sorted[8]}: Playwright waits for a still page before it clicks`);
    line(`  main-thread tasks over 50 ms while playing (${motion})`, `${tasks.length}`, tasks.length ? `longest ${Math.round(Math.max(...tasks))} ms` : '');
    if (motion === 'no-preference') {
      await page.waitForTimeout(3000);
      const fps = (await page.evaluate(`new Promise((res) => { let n = 0; const t0 = performance.now(); const f = () => { n++; if (performance.now() - t0 < 3000) requestAnimationFrame(f); else res(n * 1000 / (performance.now() - t0)); }; requestAnimationFrame(f); })`)) as number;
      line('map frames per second at 1920x1080, flows animating', fps.toFixed(1), `${(1000 / fps).toFixed(1)} ms a frame; software WebGL (SwiftShader) on this VM, not a GPU`);
    }
    await ctx.close();
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
