// The page's JavaScript budget (README, "Known limits"): what the production build of index.html loads before the map
// shows, gzipped, stays under 400 KB. Counted as `npm run ui-report` counts it: every .js file the browser asked for
// (the page's chunks, Pixi's renderer chunks and the Web Worker's engine, which the map waits for) from opening the
// page to the moment the map's canvas joined it (harness.ts scriptsBeforeMap), each gzipped from the build. An English page, the default game; and a Japanese page (the
// language saved from an earlier visit), whose catalogue and content text load before it draws and whose news readers
// and events' text load after its map, before its first news: every screen still reads in Japanese.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { builtPages, haveChromium, scriptsBeforeMap, usePages, type UsedPages } from './e2e/harness.ts';
import { jaStart } from '../src/ui/locales/ja-more.ts';

const BUDGET_KB = 400;
const run = haveChromium() || process.env.CI === 'true';
/** A run of three lower-case English words: a line left in English ("Rare Earth Gambit", the title, is not one). */
const ENGLISH = /\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b/;
/** Wording a page shows only once a turn is played (the end screen, a digest, a why ledger's causes): its strings come in
 * a chunk of their own after the map (src/ui/i18n.ts laterReady()), so none of it is in the JavaScript loaded before. */
const LATER_WORDS = ['Your path among the strategies', 'Doing nothing would have served you better.', 'Why prices are where they are', 'tension over leaks found last quarter', '戦略の中でのあなたの道筋', '価格が今の水準にある理由', '前期に発覚した迂回輸出をめぐる緊張'];

/** The later wording found in the files loaded before the map (none, if the later strings wait for their own chunk). */
async function laterWordsIn(files: string[]): Promise<string[]> {
  const dist = await builtPages();
  const text = files.map((f) => readFileSync(join(dist, f), 'utf8')).join('\n');
  return LATER_WORDS.filter((w) => text.includes(w));
}

/** A fresh page (in Japanese if asked, as after an earlier visit) started to its map: the .js it loaded and their gzip. */
async function toTheMap(pages: UsedPages, lang: 'en' | 'ja', firstScreen: (page: Page) => Promise<void> = async () => {}) {
  const dist = await builtPages();
  const ctx = await pages.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  const page = await ctx.newPage();
  if (lang === 'ja') await page.addInitScript(() => localStorage.setItem('rare-earth-gambit:lang', 'ja'));
  const scripts = await scriptsBeforeMap(page);
  const loaded = scripts.all;
  await page.goto(pages.url);
  await page.getByTestId('start-game').waitFor();
  await firstScreen(page);
  await page.getByTestId('start-game').click();
  await page.getByTestId('map').locator('canvas').waitFor();
  const files = await scripts.before();
  const kb = files.map((f) => ({ f, kb: gzipSync(readFileSync(join(dist, f))).length / 1024 }));
  const total = kb.reduce((a, x) => a + x.kb, 0);
  const table = `${total.toFixed(1)} KB gzipped before the map:\n${kb.map((x) => `${x.f} ${x.kb.toFixed(1)}`).join('\n')}`;
  // it counted the page, the worker's engine and Pixi's renderer (a count that missed them would pass below)
  expect(files.some((f) => /\/worker-[\w-]+\.js$/.test(f)), table).toBe(true);
  expect(files.some((f) => /\/WebGLRenderer-[\w-]+\.js$/.test(f)), table).toBe(true);
  expect(total, table).toBeGreaterThan(200);
  return { ctx, page, files, total, table, loaded };
}

describe.runIf(run)('the JavaScript loaded before the map shows', () => {
  const pages = usePages();

  it(`is under ${BUDGET_KB} KB gzipped, and leaves out what an English first screen does not use`, async () => {
    const { ctx, page, files, total, table } = await toTheMap(pages, 'en');
    try {
      expect(total, table).toBeLessThan(BUDGET_KB);
      // the Japanese text and readers (ja-first, ja-lines) and the events file load with the Japanese text only; Pixi's
      // whole browser environment (accessibility, DOM, filters) is not imported (src/render/pixi-app.ts)
      expect(files.filter((f) => /\/(ja-lines|events|ja|browserAll)-[\w-]+\.js$/.test(f)), table).toEqual([]);
      // the end screen's, the digest's and the ledgers' wording load after the map
      expect(await laterWordsIn(files), table).toEqual([]);
      // and are there when the first digest shows: its headings and its price story, no catalogue key in their place
      await page.getByTestId('end-turn').click();
      const digest = page.getByTestId('digest');
      await digest.waitFor();
      const text = (await digest.evaluate((e) => e.textContent)) ?? '';
      expect(text).toContain('Why prices are where they are');
      expect(text).not.toMatch(/\b(digest|price|cause)\.[a-z]/);
    } finally {
      await ctx.close();
    }
  }, 180_000);

  it(`is under ${BUDGET_KB} KB on a Japanese page too, which draws in Japanese and shows its first news in Japanese`, async () => {
    const { ctx, page, files, total, table, loaded } = await toTheMap(pages, 'ja', async (p) => {
      // the first screen is Japanese as it appears (the page waits for its catalogue before it draws: no English first)
      expect(await p.getByTestId('start-game').innerText()).toBe(jaStart.start);
      expect(await p.evaluate(() => document.documentElement.lang)).toBe('ja');
      expect(await p.locator('#app').innerText()).not.toMatch(ENGLISH);
    });
    try {
      expect(total, table).toBeLessThan(BUDGET_KB);
      // its catalogue and content text came before the map; the news readers and the events' text (ja-lines) after it
      expect(files.filter((f) => /\/ja-first-[\w-]+\.js$/.test(f)).length, table).toBeGreaterThan(0);
      expect(files.filter((f) => /\/(ja-lines|events)-[\w-]+\.js$/.test(f)), table).toEqual([]);
      expect(await laterWordsIn(files), table).toEqual([]);
      expect(await page.locator('#app').innerText()).not.toMatch(ENGLISH);
      // the news readers come by themselves once the map is up (they came with the first End turn, which on a slow
      // network waited for them)
      await expect.poll(() => [...loaded].filter((f) => /\/ja-lines-[\w-]+\.js$/.test(f)).length, { timeout: 20_000 }).toBe(1);
      // the first turn's news (project starts, the quarter's events) is in Japanese
      await page.getByTestId('end-turn').click();
      const digest = page.getByTestId('digest');
      await digest.waitFor();
      expect([...loaded].filter((f) => /\/ja-lines-[\w-]+\.js$/.test(f)).length).toBe(1);
      const text = (await digest.evaluate((e) => e.textContent)) ?? ''; // the others' moves too (closed <details>)
      expect(text).toMatch(/に着手（\d+件/); // a project's start, read by src/ui/project-news.ts
      expect(text).not.toMatch(ENGLISH);
    } finally {
      await ctx.close();
    }
  }, 180_000);
});
