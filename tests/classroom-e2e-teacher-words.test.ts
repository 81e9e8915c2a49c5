// The teacher's screens say what they show, end to end in Chromium, in English and Japanese: the projector names the
// countries (Australia, 豪州: not AUS) and says its prices are outside China; the dashboard's world card lists the
// round's weightiest news and counts the rest; a server on 127.0.0.1 says students on other devices cannot reach it
// (no network address of the machine is offered). Nothing overflows at 1024x768, with one world and with six.
// CLASS_WORDS_SHOTS=DIR saves the screenshots there.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtPages, haveChromium, openStored, overflowing, useBrowser, watchToasts } from './e2e/harness.ts';
import { makeClass, startTestServer } from './classroom/server.ts';

const run = haveChromium() || process.env.CI === 'true';
const SHOTS = process.env.CLASS_WORDS_SHOTS;

async function fits(page: Page, name: string): Promise<void> {
  expect(await overflowing(page), name).toEqual([]);
  const cut = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.p-c, .p-v, .p-m')).filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
  expect(cut, `${name}: score bars' labels wider than their column`).toEqual([]);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

describe.runIf(run)("the teacher's screens' words", () => {
  const env = useBrowser(async () => startTestServer({ clock: true, staticDir: await builtPages() }), 240_000);

  it('projector: country names, prices outside China; dashboard: weightiest news and "+N more"; no network address on 127.0.0.1', async () => {
    const base = env.server.base;
    const k = await makeClass(base, { name: 'Words', worlds: 1, turns: 3, roundSeconds: 600, seatsPerCountry: 1, idleGraceSeconds: 0, countries: ['JPN', 'CHN'] }, ['Ann', 'Ben']);
    const storage = { [`rare-earth-gambit:class:teacher:${k.classId}`]: k.teacherToken, [`rare-earth-gambit:class:projector:${k.classId}`]: k.projectorToken };
    const errors: string[] = [];
    // the lobby on the projector and the dashboard: this server listens on 127.0.0.1 only
    const { page: lobby, errors: le } = await openStored(env.browser, `${base}/class.html?projector&lang=en#${encodeURIComponent(k.projectorToken)}`, {});
    errors.push(...le);
    await lobby.getByTestId('no-join-address').getByText('listens only on this computer', { exact: false }).waitFor({ timeout: 30_000 });
    expect(await lobby.getByTestId('projector-url').innerText()).toMatch(/^http:\/\/127\.0\.0\.1:/);
    await fits(lobby, 'projector-lobby-en');
    await lobby.context().close();
    expect((await k.teacher.call('begin')).error).toBeUndefined();
    // China bans magnets to Japan and moves tariffs; Japan moves tariffs a little: more news than the card lists
    const chn = k.students.find((s) => s.country === 'CHN')!;
    const jpn = k.students.find((s) => s.country === 'JPN')!;
    await new Promise<void>((acked) => void chn.client.call('submit', [{ exportControls: { JPN: { magnet: 'banned' } }, tariffs: { AUS: { other: 2 }, MYS: { other: 1 }, USA: { autos: 30 } } }, 0], acked));
    await new Promise<void>((acked) => void jpn.client.call('submit', [{ tariffs: { MYS: { other: 1 }, AUS: { other: 1 } }, defenseSpendingPct: 1.9 }, 0], acked));
    const cls = env.server.hub.classes.get(k.classId)!;
    await expect.poll(() => cls.worlds[0].turn, { timeout: 60_000 }).toBe(1);

    for (const lang of ['en', 'ja'] as const) {
      const { page: p, errors: pe } = await openStored(env.browser, `${base}/class.html?projector&lang=${lang}#${encodeURIComponent(k.projectorToken)}`, { 'rare-earth-gambit:lang': lang });
      errors.push(...pe);
      await p.getByTestId('projector-round-1').waitFor({ timeout: 30_000 });
      const card = await p.getByTestId('projector-world-1').innerText();
      expect(card).not.toMatch(/\b(AUS|CHN|JPN|MYS|USA)\b/);
      expect(card).toContain(lang === 'en' ? 'Australia' : '豪州');
      expect(await p.getByTestId('projector-prices-1').innerText()).toContain(lang === 'en' ? 'Prices outside China' : '中国以外の価格');
      await fits(p, `projector-${lang}`);
      expect(await p.evaluate(() => document.documentElement.scrollHeight), `projector-${lang}: taller than the screen`).toBeLessThanOrEqual(768);
      await p.context().close();
      const { page: d, errors: de } = await openStored(env.browser, `${base}/class.html?dash=${k.classId}&lang=${lang}`, { ...storage, 'rare-earth-gambit:lang': lang });
      errors.push(...de);
      const news = d.getByTestId('world-1-news');
      await news.waitFor({ timeout: 30_000 });
      const items = await news.locator(':scope > li').allInnerTexts();
      const first = items.findIndex((t) => (lang === 'en' ? /bans/ : /禁止/).test(t));
      expect(first, items.join('\n')).toBeGreaterThanOrEqual(0);
      expect(items.at(-1)).toMatch(lang === 'en' ? /^\+\d+ more$/ : /^ほか \d+ 件$/);
      // "+N more" opens to the N lines left out
      const more = Number(/\d+/.exec(items.at(-1)!)![0]);
      await news.locator('li.more summary').click();
      expect(await news.locator('li.more li').count()).toBe(more);
      expect((await news.locator('li.more li').first().innerText()).length).toBeGreaterThan(10);
      expect(await d.getByTestId('no-join-address').innerText()).toContain(lang === 'en' ? 'listens only on this computer' : '127.0.0.1');
      await fits(d, `dashboard-${lang}`);
      await d.context().close();
    }

    // the debrief pack opened by a teacher whose browser's choice is Japanese (the dashboard switched to it): its
    // events in Japanese, as the dashboard shows them (they read in English: the events' text was not loaded)
    expect((await k.teacher.call('endClass')).error).toBeUndefined();
    const titles = cls.worlds[0].reports.flatMap((r) => r.events.map((e) => e.title));
    expect(titles.length).toBeGreaterThan(0);
    const { page: deb, errors: debe } = await openStored(env.browser, `${base}/class.html?debrief=${k.classId}&lang=ja`, { ...storage, 'rare-earth-gambit:lang': 'ja' });
    errors.push(...debe);
    const events = deb.getByTestId('debrief-events');
    await events.waitFor({ timeout: 120_000 });
    const listed = await events.innerText();
    expect(listed).toContain('ワールド 1');
    for (const t of titles) expect(listed).not.toContain(t);
    await events.evaluate((e) => e.scrollIntoView());
    if (SHOTS) await deb.screenshot({ path: join(SHOTS, 'debrief-events-ja.png') });
    await deb.context().close();

    // six worlds on a 1024x768 projector: the compact cards' names fit their column in English too
    const six = await makeClass(base, { name: 'Six', worlds: 6, turns: 2, roundSeconds: 600, seatsPerCountry: 1, idleGraceSeconds: 0 }, []);
    expect((await six.teacher.call('begin')).error).toBeUndefined();
    expect((await six.teacher.call('endRound', [null])).error).toBeUndefined();
    const cls6 = env.server.hub.classes.get(six.classId)!;
    await expect.poll(() => cls6.worlds.every((w) => w.turn >= 1), { timeout: 120_000 }).toBe(true);
    for (const lang of ['en', 'ja'] as const) {
      const { page: p6, errors: p6e } = await openStored(env.browser, `${base}/class.html?projector&lang=${lang}#${encodeURIComponent(six.projectorToken)}`, {});
      errors.push(...p6e);
      await p6.getByTestId('projector-round-6').waitFor({ timeout: 30_000 });
      expect(await p6.getByTestId('projector-prices-1').innerText()).toContain(lang === 'en' ? 'Outside China' : '中国以外');
      await fits(p6, `projector-six-${lang}`);
      expect(await p6.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);
      await p6.context().close();
    }
    expect(errors).toEqual([]);
  }, 600_000);

  it("a Japanese student's what-if: the timeline menu and the class bar name it in Japanese", async () => {
    const base = env.server.base;
    const k = await makeClass(base, { name: 'Sandbox', worlds: 1, turns: 3, roundSeconds: 600, seatsPerCountry: 1, idleGraceSeconds: 0, countries: ['JPN', 'CHN'] }, []);
    const { page, errors } = await openStored(env.browser, `${base}/class.html?code=${k.code}&lang=ja`, { 'rare-earth-gambit:lang': 'ja' });
    await page.getByTestId('join-name').fill('あいこ');
    await page.getByTestId('join').click();
    await page.getByTestId('end-turn').waitFor({ timeout: 90_000 });
    expect((await k.teacher.call('begin')).error).toBeUndefined();
    expect((await k.teacher.call('sandbox', [true])).error).toBeUndefined();
    await page.getByTestId('fork').waitFor({ state: 'visible', timeout: 30_000 });
    const toasts = await watchToasts(page);
    await page.getByTestId('fork').click();
    // where the fork put her, in words, as on the game page (the student page showed no toast)
    await toasts.seen(/「もしも」A はここ（ゲームの開始時点）から始まります/, 30_000);
    const bar = page.getByTestId('what-if');
    await bar.waitFor({ timeout: 30_000 });
    expect(await bar.innerText()).toContain('あなた専用の「もしも」Aにいます');
    const options = await page.getByTestId('timeline').locator('option').allInnerTexts();
    expect(options.join('\n')).toContain('ワールド 1（クラス）');
    expect(options.join('\n')).toContain('「もしも」A');
    expect(options.join('\n')).not.toMatch(/World|What-if|the class/);
    expect(await overflowing(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'student-what-if-ja.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);
});
