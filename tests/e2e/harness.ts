// Serves the game's pages (built once a test run, or Vite's dev server for scripts) and starts Debian's Chromium (through playwright-core) for end-to-end tests and screenshots.
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { existsSync, rmSync } from 'node:fs';
import { PNG } from 'pngjs';
import { buildPages, pagesHelper } from './pages.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function haveChromium(): boolean {
  return existsSync(CHROMIUM);
}

export async function startServer(): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({ configFile: new URL('../../vite.config.ts', import.meta.url).pathname, server: { port: 0, strictPort: false, host: '127.0.0.1', hmr: false }, logLevel: 'error' }); // no HMR: an edit elsewhere in the tree must not reload a page under test
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the dev server did not report its address');
  return { server, url };
}

let pagesDir: Promise<string> | undefined;

/** The folder of the built pages: under vitest the one build of this run (tests/e2e/pages.ts, the globalSetup), else
 * a build of its own, removed when the process exits. */
export function builtPages(): Promise<string> {
  pagesDir ??= (async () => {
    const helper = await pagesHelper();
    if (helper) {
      const r = await fetch(`${helper}/dist`);
      const text = await r.text();
      if (!r.ok) throw new Error(text);
      return text;
    }
    const dir = await buildPages();
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  })();
  return pagesDir;
}

/** Serves a folder of built pages with Vite's preview server (as `npm start` serves the production bundle, a few
 * files a page) on a free port; the server is closed again if it reports no address. */
async function servePages(dist: string, what: string): Promise<{ server: PreviewServer; url: string }> {
  const root = new URL('../..', import.meta.url).pathname;
  const server = await preview({ configFile: `${root}vite.config.ts`, root, logLevel: 'error', build: { outDir: dist }, preview: { port: 0, strictPort: true, host: '127.0.0.1' } });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error(`the ${what} server did not report its address`);
  }
  return { server, url };
}

/** Serves the run's built pages (builtPages) on a free port. */
export async function startPages(): Promise<{ server: PreviewServer; url: string }> {
  return servePages(await builtPages(), 'pages');
}

/** The renderer's dev page (src/render/dev.html: the map alone, ?closed=malacca closes a strait) in a build of its
 * own, served on a free port at `${url}/src/render/dev.html`. The build has the game's pages too (Vite merges the
 * extra input into the config's): about 2 s on a quiet machine, longer on a loaded one. The run's one build
 * (builtPages) leaves the dev page out, so the game's chunks stay as `npm start` serves them. Vite's dev server served
 * it, and in a fresh clone's CI run its first page now and then drew no canvas in 30 s (two of the last three runs
 * failed so); a built page has no dependency optimizer and no transforms on request. Closing it removes the build. */
export async function startRendererPage(): Promise<{ url: string; close(): Promise<void> }> {
  const dist = await buildPages({ dev: 'src/render/dev.html' });
  const gone = () => rmSync(dist, { recursive: true, force: true });
  try {
    const { server, url } = await servePages(dist, 'renderer page');
    return { url: url.replace(/\/$/, ''), close: async () => { await server.close(); gone(); } };
  } catch (e) {
    gone();
    throw e;
  }
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** What useBrowser gives a describe block: read its fields in hooks and tests (they are set when the block starts). */
export interface UsedBrowser<S> {
  readonly browser: Browser;
  /** what `start` gave (undefined without one) */
  readonly server: S;
  /** closes the server, once (a test that takes the server away calls it; the afterAll then leaves it) */
  closeServer(): Promise<void>;
}

/** Chromium for the tests of a describe block, and the server `start` gives beside it: the server then the browser
 * started in a beforeAll (up to `timeout` ms), the browser then the server closed in an afterAll. Call it in the
 * describe block, before hooks that use what it starts. */
export function useBrowser<S extends { close(): Promise<unknown> } | undefined = undefined>(start?: () => Promise<S>, timeout = 120_000): UsedBrowser<S> {
  let browser: Browser | undefined;
  let server: S | undefined;
  let closing: Promise<unknown> | undefined;
  const used: UsedBrowser<S> = {
    get browser() {
      if (!browser) throw new Error('useBrowser: the browser is not started yet (read it in a hook or a test)');
      return browser;
    },
    get server() {
      return server as S;
    },
    async closeServer() {
      closing ??= server?.close();
      await closing;
    },
  };
  beforeAll(async () => {
    if (start) server = await start();
    browser = await launch();
  }, timeout);
  afterAll(async () => {
    await browser?.close();
    await used.closeServer();
  });
  return used;
}

/** The game's built pages served (startPages) and Chromium started for a describe block (useBrowser). */
export interface UsedPages {
  readonly browser: Browser;
  /** the pages' address */
  readonly url: string;
  /** a page of the game (openPage) at width x height, the address with `suffix` after it (a query: "?doc=model") */
  open(width?: number, height?: number, suffix?: string): Promise<{ page: Page; errors: string[] }>;
}

export function usePages(timeout = 120_000): UsedPages {
  const used = useBrowser(async () => {
    const { server, url } = await startPages();
    return { url, close: () => server.close() };
  }, timeout);
  return {
    get browser() {
      return used.browser;
    },
    get url() {
      return used.server.url;
    },
    open: (width = 1280, height = 720, suffix = '') => openPage(used.browser, `${used.server.url}${suffix}`, width, height),
  };
}

/** A page that records console errors and uncaught exceptions; its localStorage holds `storage` (a teacher's tokens, a
 * language) before each load (set again on a reload). */
export async function openPage(browser: Browser, url: string, width = 1280, height = 720, storage: Record<string, string> = {}): Promise<{ page: Page; errors: string[] }> {
  // reduced motion: the map draws flows without the particle animation, so the page stays responsive under test load
  const ctx = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, reducedMotion: 'reduce' });
  if (Object.keys(storage).length) await ctx.addInitScript((s) => { for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v); }, storage);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, errors };
}

/** A class's page (openPage) at 1024x768 unless told, its localStorage holding `storage`. */
export const openStored = (browser: Browser, url: string, storage: Record<string, string>, width = 1024, height = 768): Promise<{ page: Page; errors: string[] }> => openPage(browser, url, width, height, storage);

/** A short game (`turns` turns) on its map, in a context the caller prepared (routes held back or failing, scripts run
 * before the page's own); uncaught exceptions go into `errors`. */
export async function gameInContext(ctx: BrowserContext, url: string, turns = 3): Promise<{ page: Page; errors: string[] }> {
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.getByTestId('turns').fill(String(turns));
  await page.getByTestId('start-game').click();
  await page.getByTestId('map').locator('canvas').waitFor();
  return { page, errors };
}

/** Students join a class by code, one page each (1280x720), each waiting until its game is on screen; their console
 * errors go into `errors`. */
export async function joinClass(browser: Browser, base: string, code: string, names: readonly string[], errors: string[]): Promise<Page[]> {
  const pages: Page[] = [];
  for (const name of names) {
    const { page, errors: se } = await openPage(browser, `${base}/class.html?code=${code}`, 1280, 720);
    errors.push(...se);
    await page.getByTestId('join-name').fill(name);
    await page.getByTestId('join').click();
    await page.getByTestId('end-turn').waitFor({ timeout: 90_000 });
    pages.push(page);
  }
  return pages;
}

/** How many distinct colours the canvas inside `box` shows now (blank: one or two), once there is a canvas. The map
 * draws its first frame some time after its canvas is in the page: poll it (expect.poll) for the colours expected. */
export async function canvasColours(box: Locator): Promise<number> {
  const canvas = box.locator('canvas');
  await canvas.waitFor();
  return distinctColours(await canvas.screenshot());
}

/** How many distinct colours a screenshot has (a blank canvas has one or two). */
export function distinctColours(png: Buffer, step = 3): number {
  const img = PNG.sync.read(png);
  const seen = new Set<number>();
  for (let y = 0; y < img.height; y += step)
    for (let x = 0; x < img.width; x += step) {
      const i = (y * img.width + x) * 4;
      seen.add((img.data[i] << 16) | (img.data[i + 1] << 8) | img.data[i + 2]);
    }
  return seen.size;
}

/** Whether any element's content overflows its box (cut text), listing the first few offenders. */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const docW = document.documentElement.clientWidth;
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const e = el as HTMLElement;
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden') continue;
      if (e.classList.contains('sr-only')) continue; // words for a screen reader, clipped to nothing on purpose
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // inside an <svg> (a chart's axis labels) there is no CSS box: Chromium's scroll and client widths of an SVG
      // text mix user units and pixels (a y label "18,500" in a chart drawn at twice its size reads 59 against 42), so
      // the box checks below would call it cut. An SVG text is cut where it runs past the edge of the <svg> that
      // clips it: measured on the page, both in pixels.
      if (el instanceof SVGElement && el.ownerSVGElement) {
        let svg = el.ownerSVGElement;
        while (svg.ownerSVGElement) svg = svg.ownerSVGElement;
        const text = (el.textContent ?? '').trim();
        if (el.tagName.toLowerCase() === 'text' && text && getComputedStyle(svg).overflow !== 'visible') {
          const b = svg.getBoundingClientRect();
          if (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1) out.push(`svg text${el.getAttribute('class') ? `.${el.getAttribute('class')}` : ''} cut by its chart's edge: ${text.slice(0, 40)}`);
        }
        continue;
      }
      if (r.right > docW + 1 && !e.closest('.scroll-x, .tab-body, .modal-body, main, .timelines, header')) out.push(`${e.tagName.toLowerCase()}.${e.className} right edge ${Math.round(r.right)} > ${docW}`);
      // a cell of a fixed-layout table cannot grow: text wider than it runs under the next cell ("Austral" in Controls)
      const fixedCell = (e.tagName === 'TH' || e.tagName === 'TD') && getComputedStyle(e.closest('table')!).tableLayout === 'fixed';
      if (fixedCell && e.scrollWidth > e.clientWidth + 1 && e.children.length === 0 && (e.textContent ?? '').trim()) out.push(`${e.tagName.toLowerCase()} text wider than its cell: ${(e.textContent ?? '').slice(0, 40)}`);
      // a box whose text may not wrap runs past its own edge into the next cell or off the panel ("14,592 t sen")
      if (cs.whiteSpace === 'nowrap' && cs.display !== 'inline' && e.children.length === 0 && (e.textContent ?? '').trim() && e.scrollWidth > e.clientWidth + 1) out.push(`${e.tagName.toLowerCase()}.${e.className} text wider than its box: ${(e.textContent ?? '').slice(0, 40)}`);
      const clips = cs.overflowX === 'hidden' || cs.textOverflow === 'ellipsis';
      if (clips && e.scrollWidth > e.clientWidth + 2 && e.children.length === 0 && (e.textContent ?? '').trim()) out.push(`${e.tagName.toLowerCase()}.${e.className} text cut: ${(e.textContent ?? '').slice(0, 40)}`);
    }
    return out.slice(0, 10);
  });
}

/** Dark (text) pixels in a screenshot: black to dark grey, not the lighter grey of a border. */
function darkPixels(png: Buffer): number {
  const img = PNG.sync.read(png);
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) if (img.data[i] < 90 && img.data[i + 1] < 90 && img.data[i + 2] < 90) n++;
  return n;
}

/** Whether a select shows its chosen option whole: its text's dark pixels at its own width against the same select
 * 240 px wide (a cut "license" has fewer than "licensed"). Browser-neutral: no guess at the arrow's width. */
export async function selectShowsWhole(sel: Locator): Promise<{ whole: boolean; dark: number; wide: number }> {
  const dark = darkPixels(await sel.screenshot());
  const was = await sel.evaluate((s) => (s as HTMLElement).style.width);
  await sel.evaluate((s) => void ((s as HTMLElement).style.width = '240px'));
  const wide = darkPixels(await sel.screenshot());
  await sel.evaluate((s, w) => void ((s as HTMLElement).style.width = w), was);
  return { whole: dark >= 0.97 * wide, dark, wide };
}

/** Watches a page (call before it opens) for the scripts it asks for before the map's canvas joins it, by the browser's
 * clock: each script's request start against the moment the canvas was added. A count of the scripts that had come
 * by the time Playwright saw the canvas counted, on a loaded machine, the later chunks the page asks for 1.5 s after
 * the map (src/ui/game.ts): CI failed so once. `all` is every script the page has had so far. */
export async function scriptsBeforeMap(page: Page): Promise<{ all: Set<string>; before(): Promise<string[]> }> {
  await page.addInitScript(() => {
    const w = window as unknown as { mapShownAt?: number };
    const seen = new MutationObserver(() => {
      if (w.mapShownAt === undefined && document.querySelector('[data-testid="map-canvas"]')) {
        w.mapShownAt = Date.now();
        seen.disconnect();
      }
    });
    seen.observe(document, { childList: true, subtree: true });
  });
  const all = new Set<string>();
  const askedAt = new Map<string, number>();
  // every script asked for so far: its start time is known once its response comes (before() waits for them all, so
  // one asked for before the map and answered late is not missed)
  const asked = new Set<string>();
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.js')) asked.add(path);
  });
  page.on('requestfailed', (r) => asked.delete(new URL(r.url()).pathname));
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (!path.endsWith('.js')) return;
    all.add(path);
    askedAt.set(path, Math.min(askedAt.get(path) ?? Infinity, r.request().timing().startTime));
  });
  return {
    all,
    async before() {
      const shownAt = await page.evaluate(() => (window as unknown as { mapShownAt?: number }).mapShownAt);
      if (typeof shownAt !== 'number') throw new Error('scriptsBeforeMap: the map canvas has not joined the page');
      for (let waited = 0; [...asked].some((f) => !askedAt.has(f)); waited += 50) {
        if (waited > 20_000) throw new Error(`scriptsBeforeMap: no response to ${[...asked].filter((f) => !askedAt.has(f)).join(', ')} in 20 s`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return [...askedAt].filter(([, at]) => at < shownAt).map(([f]) => f).sort();
    },
  };
}

/** Records the text of every toast the page shows from now on (an info toast stays 3 s: on a loaded machine the
 * page's main thread, drawing a map on software WebGL, can be busy past that, and a wait for the toast on screen
 * missed it: CI failed so once). `seen(re)` waits (expect.poll's default timeout, or `timeout`) for one that matches
 * and returns its text. Call it before the action that shows the toast; it lasts until the page navigates. */
export async function watchToasts(page: Page): Promise<{ seen(re: RegExp, timeout?: number): Promise<string> }> {
  await page.evaluate(() => {
    const w = window as unknown as { __toasts?: string[] };
    if (w.__toasts) return;
    const toasts: string[] = (w.__toasts = []);
    const note = (n: Node) => {
      if (n instanceof Element) for (const el of [n, ...n.querySelectorAll('[data-testid^="toast-"]')]) if (el.matches('[data-testid^="toast-"]')) toasts.push((el.querySelector('span') ?? el).textContent ?? ''); // its words, without the close button's ×
    };
    new MutationObserver((ms) => ms.forEach((m) => m.addedNodes.forEach(note))).observe(document, { childList: true, subtree: true });
  });
  return {
    async seen(re, timeout) {
      let found = '';
      await expect
        .poll(async () => ((found = (await page.evaluate(() => (window as unknown as { __toasts: string[] }).__toasts)).find((x) => re.test(x)) ?? ''), found !== ''), timeout ? { timeout } : {})
        .toBe(true);
      return found;
    },
  };
}
