// While the page waits for a turn, the map draws no frames (MapRenderer.hold). With software WebGL (this VM, school
// machines) a frame of the animated map took ~340-400 ms, and the worker's answer (about 20 ms of engine time) waited
// behind the frames: `npm run ui-report` measured the answer's round trip at 427 ms against 25 ms in the worker.
// Here the page's messages to the worker are delayed by 1.5 s, so that without the hold the ticker would draw frames
// in the wait whatever the machine's speed; the test counts the WebGL draw calls made between the turn's message and
// its answer. Under reduced motion (the second test) the map draws a frame after each change and none between.
import { describe, expect, it } from 'vitest';
import { haveChromium, usePages, gameInContext } from './e2e/harness.ts';

const run = haveChromium() || process.env.CI === 'true';

const INIT = `
  window.__frames = [];
  window.__submits = [];
  // a frame drawn is a WebGL draw call (Pixi's system ticker runs animation frames of its own that draw nothing)
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced']) {
      const f = proto[name];
      if (typeof f !== 'function') continue;
      proto[name] = function (...a) { window.__frames.push(performance.now()); return f.apply(this, a); };
    }
  }
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (msg, ...rest) {
    if (msg && msg.method === 'submit') {
      const entry = { sent: performance.now(), answered: null };
      window.__submits.push(entry);
      const onAnswer = (e) => { if (e.data && e.data.id === msg.id) { entry.answered = performance.now(); this.removeEventListener('message', onAnswer); } };
      this.addEventListener('message', onAnswer);
      setTimeout(() => post.call(this, msg, ...rest), 1500);
      return;
    }
    return post.call(this, msg, ...rest);
  };
`;

describe.runIf(run)('the map holds still while a turn resolves', () => {
  const pages = usePages(180_000);

  it('draws no frame between End turn and the worker\'s answer, and animates again after it', async () => {
    const ctx = await pages.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'no-preference' });
    await ctx.addInitScript(INIT);
    const { page, errors } = await gameInContext(ctx, pages.url);
    // the animated map draws (it was given 500 ms, which a loaded machine's first frames can outlast)
    await page.waitForFunction('window.__frames.length > 0', undefined, { timeout: 30_000 }).catch(() => undefined);
    const before = (await page.evaluate('window.__frames.length')) as number;
    await page.getByTestId('end-turn').click();
    await page.getByTestId('digest').waitFor({ timeout: 60_000 });
    // a frame after the answer (it was given 1.5 s); the frames counted between the message and its answer are the
    // same whenever this is read after it
    await page.waitForFunction('window.__submits[0].answered !== null && window.__frames.some((t) => t > window.__submits[0].answered)', undefined, { timeout: 30_000 }).catch(() => undefined);
    const r = (await page.evaluate(`(() => {
      const s = window.__submits[0];
      const f = window.__frames;
      return { sent: s.sent, answered: s.answered, during: f.filter((t) => t > s.sent + 50 && t < s.answered).length, after: f.filter((t) => t > s.answered).length };
    })()`)) as { sent: number; answered: number; during: number; after: number };
    expect(before).toBeGreaterThan(0); // the animated map was drawing before the turn
    expect(r.answered - r.sent).toBeGreaterThan(1400); // the delay was in force
    expect(r.during).toBe(0);
    expect(r.after).toBeGreaterThan(0); // and the map draws again once the answer is in
    expect(errors).toEqual([]);
    await ctx.close();
  }, 180_000);
});

// With reduced motion nothing on the map moves on its own, so it draws a frame after each change and then sleeps. It
// used to stay awake 700 ms after each change, about 1.2 s of software WebGL's CPU a turn (measured from /proc on
// this VM: the GPU process's CPU for a turn 1.2 s before, 0.3-0.5 s after). The page counts the animation frames in
// which WebGL drew, by their timestamps.
const FRAMES = `
  window.__drawn = [];
  window.__answered = [];
  let frameAt = 0;
  const raf = window.requestAnimationFrame;
  window.__asked = 0; // animation frames the page asked for (the test waits on frames of its own, window.__raf)
  window.__raf = raf;
  window.requestAnimationFrame = (cb) => { window.__asked++; return raf((t) => { frameAt = t; cb(t); }); };
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced']) {
      const f = proto[name];
      if (typeof f !== 'function') continue;
      proto[name] = function (...a) { if (window.__drawn[window.__drawn.length - 1] !== frameAt) window.__drawn.push(frameAt); return f.apply(this, a); };
    }
  }
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (msg, ...rest) {
    if (msg && msg.method === 'submit') {
      const onAnswer = (e) => { if (e.data && e.data.id === msg.id) { window.__answered.push(performance.now()); this.removeEventListener('message', onAnswer); } };
      this.addEventListener('message', onAnswer);
    }
    return post.call(this, msg, ...rest);
  };
`;

describe.runIf(run)('the map under reduced motion', () => {
  const pages = usePages(180_000);

  it('draws a frame or two after a turn, a hover, a zoom or a drag, and none while nothing changes, when it asks for no frames', async () => {
    const ctx = await pages.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    await ctx.addInitScript(FRAMES);
    const { page, errors } = await gameInContext(ctx, pages.url);
    await page.waitForFunction('window.__drawn.length > 0', undefined, { timeout: 30_000 });
    /** waits `n` animation frames in the page; returns how many frames drew after `since` (a page time) */
    const drawnAfter = async (since: number, n = 60): Promise<number> => {
      await page.evaluate((k) => new Promise<void>((ok) => {
        const raf = (window as unknown as { __raf: typeof requestAnimationFrame }).__raf;
        let i = 0;
        const f = (): void => void (++i >= k ? ok() : raf(f));
        raf(f);
      }), n);
      return page.evaluate((t) => (window as unknown as { __drawn: number[] }).__drawn.filter((x) => x > t).length, since);
    };
    // the start settles; a hover and a zoom over the map draw, then the map sleeps
    const now = (): Promise<number> => page.evaluate(() => performance.now());
    await drawnAfter(0); // the start's frames
    const asked = (): Promise<number> => page.evaluate('window.__asked') as Promise<number>;
    /** asleep, the map neither draws nor asks for animation frames (Pixi's system ticker asked for every one) */
    const asleep = async (where: string): Promise<void> => {
      const askedBefore = await asked();
      expect(await drawnAfter(await now()), `frames drawn ${where}, while nothing changed`).toBe(0);
      expect((await asked()) - askedBefore, `animation frames asked for ${where}, while nothing changed`).toBe(0);
    };
    await asleep('once the start had settled');
    const box = await page.getByTestId('map').locator('canvas').boundingBox();
    if (!box) throw new Error('the map has no canvas box');
    const before = await now();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -240);
    const afterZoom = await drawnAfter(before);
    expect(afterZoom, 'frames drawn after a hover and a zoom').toBeGreaterThanOrEqual(1);
    expect(afterZoom, 'frames drawn after a hover and a zoom').toBeLessThanOrEqual(3);
    await asleep('after the zoom');
    // a drag that goes on over the map's controls (HTML over the canvas) still moves the map, frame by frame
    const button = await page.locator('.map-controls button').first().boundingBox();
    if (!button) throw new Error('the map has no zoom button');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(button.x + 4, button.y + 4, { steps: 8 });
    const over = await now();
    await page.mouse.move(button.x + 12, button.y + 16, { steps: 4 });
    const whileOver = await drawnAfter(over);
    await page.mouse.up();
    expect(whileOver, 'frames drawn while the drag went on over the controls').toBeGreaterThanOrEqual(1);
    await asleep('after the drag');
    // a turn draws, then the map sleeps
    await page.getByTestId('end-turn').click();
    await page.getByTestId('digest').waitFor({ timeout: 60_000 });
    await page.waitForFunction('window.__answered.length > 0', undefined, { timeout: 30_000 });
    const answered = (await page.evaluate('window.__answered[0]')) as number;
    const afterTurn = await drawnAfter(answered);
    expect(afterTurn, 'frames drawn after the turn').toBeGreaterThanOrEqual(1);
    expect(afterTurn, 'frames drawn after the turn').toBeLessThanOrEqual(3);
    await asleep('after the turn');
    expect(errors).toEqual([]);
    await ctx.close();
  }, 180_000);
});
