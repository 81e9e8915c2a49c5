// While the page waits for a turn, the map draws no frames (MapRenderer.hold). With software WebGL (this VM, school
// machines) a frame of the animated map took ~340-400 ms, and the worker's answer (about 20 ms of engine time) waited
// behind the frames: `npm run ui-report` measured the answer's round trip at 427 ms against 25 ms in the worker.
// Here the page's messages to the worker are delayed by 1.5 s, so that without the hold the ticker would draw frames
// in the wait whatever the machine's speed; the test counts the WebGL draw calls made between the turn's message and
// its answer.
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
