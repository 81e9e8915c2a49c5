// The teacher's pages in Japanese, end to end in Chromium: the dashboard (chosen with ?lang=ja, then by the language
// switch), the projector (its link from the dashboard carries the language) and the debrief pack (likewise) show no
// English UI words left: every word on them, in the text, option labels, titles and ARIA labels, is Japanese but for
// the names the game keeps in Latin letters (NdPr, Dy/Tb, NdFeB, the units, the class's code and address). Nothing
// overflows at 1280x800 and 1024x768. CLASS_JA_SHOTS=DIR saves the screenshots there.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtPages, haveChromium, openPage, overflowing, useBrowser } from './e2e/harness.ts';
import { startTestServer } from './classroom/server.ts';
import { makeClass } from './classroom/server.ts';

const run = haveChromium() || process.env.CI === 'true';
const SHOTS = process.env.CLASS_JA_SHOTS;

/** Latin-letter words a Japanese page may show: the game's names for the rare earths and magnets, units (REO, the
 * briefing's tonnes of rare-earth oxide), the EU (the game's Japanese briefing says EU), file formats, the language
 * switch's "English", a quarter's date (2026Q4), and the replay command. */
const KEPT = /npm run gambit -- replay verify FILE|NdPr|NdFeB|Dy\/Tb|GDP|USD|REO|\bEU\b|QR|CSV|JSONL|English|\/kg|\d{4}Q\d/g;

/** The English words left on a page: its text, option labels, titles, ARIA labels and image alt texts, less what it
 * may keep (`also`: the class's code, its address). */
async function english(page: Page, also: string[]): Promise<string[]> {
  const all = await page.evaluate(() => {
    const out = [document.body.innerText];
    for (const el of Array.from(document.querySelectorAll('option, [title], [aria-label], [placeholder], img[alt]')))
      out.push(el.tagName === 'OPTION' ? (el.textContent ?? '') : '', el.getAttribute('title') ?? '', el.getAttribute('aria-label') ?? '', el.getAttribute('placeholder') ?? '', el.getAttribute('alt') ?? '');
    return out.join('\n');
  });
  let text = all.replace(/https?:\/\/\S+/g, ' ');
  for (const a of also) text = text.split(a).join(' ');
  return [...new Set(text.replace(KEPT, ' ').match(/[A-Za-z]{2,}/g) ?? [])];
}

async function check(page: Page, where: string, also: string[], size: string): Promise<void> {
  expect(await english(page, also), `${where}: English words on the Japanese page`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.lang), where).toBe('ja');
  expect(await overflowing(page), `${where} at ${size}`).toEqual([]);
  // a score bar's country name (with its bot badge) fits its column: wider Japanese names would run under the bar
  const cut = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.p-c, .p-v, .p-m')).filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
  expect(cut, `${where} at ${size}: score bars' labels wider than their column`).toEqual([]);
  if (!SHOTS) return;
  await page.screenshot({ path: join(SHOTS, `${where}-${size}.png`) });
  if (where !== 'debrief') return;
  // the debrief scrolls inside its page: its seats and decisions, then its end
  await page.getByTestId('decisions').evaluate((e) => e.scrollIntoView());
  await page.screenshot({ path: join(SHOTS, `${where}-seats-${size}.png`) });
  await page.getByTestId('debrief').evaluate((e) => (e.scrollTop = e.scrollHeight));
  await page.screenshot({ path: join(SHOTS, `${where}-end-${size}.png`) });
}

describe.runIf(run)("the teacher's pages in Japanese", () => {
  const env = useBrowser(async () => startTestServer({ clock: true, staticDir: await builtPages() }), 240_000);

  it('dashboard, projector and debrief: no English words left, nothing overflowing', async () => {
    const base = env.server.base;
    const k = await makeClass(base, { name: '3年1組 経済', worlds: 2, turns: 2, roundSeconds: 600, seatsPerCountry: 1, idleGraceSeconds: 0, countries: ['JPN', 'CHN'] }, ['さくら', 'けんた', 'ゆい', 'はると']);
    const storage = { [`rare-earth-gambit:class:teacher:${k.classId}`]: k.teacherToken, [`rare-earth-gambit:class:projector:${k.classId}`]: k.projectorToken };
    const ok = (r: { ok: boolean; error?: string }) => expect(r.error).toBeUndefined();
    ok(await k.teacher.call('begin'));
    // China bans magnets to Japan in both worlds (a ban, its news, a decision that mattered); Japan submits nothing
    for (const s of k.students.filter((x) => x.country === 'CHN')) await new Promise<void>((acked) => void s.client.call('submit', [{ exportControls: { JPN: { magnet: 'banned' } } }, 0], acked));
    ok(await k.teacher.call('endRound', [null]));
    const cls = env.server.hub.classes.get(k.classId)!;
    await expect.poll(() => cls.worlds.every((w) => w.turn >= 1), { timeout: 60_000 }).toBe(true);
    const also = [k.code, '3年1組 経済'];
    const errors: string[] = [];

    for (const [w, hgt] of [[1280, 800], [1024, 768]] as const) {
      const size = `${w}x${hgt}`;
      // the teacher's form, with ?lang=ja
      const { page: form, errors: fe } = await openPage(env.browser, `${base}/class.html?teacher&lang=ja`, w, hgt, storage);
      errors.push(...fe);
      await form.getByTestId('create').waitFor();
      // an impossible length: the server's refusal in Japanese, naming the form's field by its label
      await form.getByTestId('opt-turns').fill('40');
      await form.getByTestId('opt-quartersPerRound').selectOption('4');
      await form.getByTestId('create').click();
      await form.getByTestId('create-error').getByText('ラウンド数：40 ラウンド × 4 四半期は 160 ターンで、シナリオの 40 ターンを超えます。最大 10 ラウンドです').waitFor({ timeout: 30_000 });
      await check(form, 'create', also, size);
      await form.context().close();
      // the dashboard with ?lang=ja; its projector and debrief links carry the language
      const { page: dash, errors: de } = await openPage(env.browser, `${base}/class.html?dash=${k.classId}&lang=ja`, w, hgt, storage);
      errors.push(...de);
      await dash.getByTestId('world-2-news').waitFor({ timeout: 30_000 });
      await expect.poll(() => dash.getByTestId('world-1-waiting').innerText()).not.toBe('');
      // a control the server refuses (さくら into the other world's full seat): its reason in Japanese, the seat's
      // country by its Japanese name. The menu shows a full seat's line but does not offer it; a menu drawn before the
      // seat filled did, which the change event below stands for
      const sakura = k.students.find((x) => x.label === 'さくら')!;
      const askedMove = new Promise<string>((resolve) => dash.once('dialog', (d) => void d.accept().then(() => resolve(d.message()))));
      await dash.getByTestId('move-さくら').evaluate((el, v) => {
        const sel = el as HTMLSelectElement;
        sel.value = v;
        sel.dispatchEvent(new Event('change', { bubbles: true }));
      }, `${1 - sakura.world}:${sakura.country}`);
      expect(await askedMove).toBe(`さくら さんをワールド ${2 - sakura.world} ${sakura.country === 'JPN' ? '日本' : '中国'}に移しますか？`);
      await dash.getByTestId('dash-error').getByText(`ワールド ${2 - sakura.world} の${sakura.country === 'JPN' ? '日本' : '中国'}は満席です`, { exact: false }).waitFor();
      await check(dash, 'dashboard', also, size);
      // the printable briefings: the link carries the language; every sheet in Japanese
      const printHref = (await dash.getByTestId('print-link').getAttribute('href'))!;
      expect(printHref).toContain('lang=ja');
      const { page: pr, errors: pre } = await openPage(env.browser, `${base}/class.html${printHref}`, w, hgt, storage);
      errors.push(...pre);
      await pr.getByTestId('sheet').first().waitFor({ timeout: 30_000 });
      expect(await pr.getByTestId('sheet').count()).toBe(4);
      expect(await pr.getByTestId('briefings').innerText()).toContain('このクラスは 2 ラウンド行います（1 ラウンドは四半期 1 つ）。');
      await check(pr, 'print', also, size);
      // the same sheets in English, for students who read it: the teacher's stored choice stays Japanese
      await pr.getByTestId('print-other-lang').click();
      await pr.getByText('This class plays 2 rounds of a quarter.', { exact: false }).first().waitFor({ timeout: 30_000 });
      expect(await pr.getByTestId('sheet').count()).toBe(4);
      expect(await pr.getByTestId('print-other-lang').textContent()).toBe('The sheets in Japanese');
      expect(await pr.evaluate(() => localStorage.getItem('rare-earth-gambit:lang'))).not.toBe('en');
      await pr.context().close();
      const proj = (await dash.getByTestId('projector-link').getAttribute('href'))!;
      expect(proj).toContain('lang=ja');
      const { page: p, errors: pe } = await openPage(env.browser, `${base}/class.html${proj}`, w, hgt, {});
      errors.push(...pe);
      await p.getByTestId('projector-round-2').waitFor({ timeout: 30_000 });
      await check(p, 'projector', also, size);
      await p.context().close();
      await dash.context().close();
    }

    ok(await k.teacher.call('endClass'));
    await expect.poll(() => cls.status, { timeout: 30_000 }).toBe('ended');
    for (const [w, hgt] of [[1280, 800], [1024, 768]] as const) {
      const size = `${w}x${hgt}`;
      const { page: dash, errors: de } = await openPage(env.browser, `${base}/class.html?dash=${k.classId}&lang=ja`, w, hgt, storage);
      errors.push(...de);
      await dash.getByTestId('join-closed').waitFor({ timeout: 30_000 });
      await check(dash, 'dashboard-ended', also, size);
      await dash.getByTestId('debrief-link').click();
      await dash.getByTestId('debrief-charts').waitFor({ timeout: 120_000 });
      // the decisions are measured once the class has ended: wait for them (the page asks once; reload until ready)
      await expect.poll(async () => {
        await dash.reload();
        await dash.getByTestId('debrief-charts').waitFor({ timeout: 120_000 });
        return dash.getByTestId('decisions').innerText();
      }, { timeout: 120_000, interval: 2000 }).not.toContain('…');
      expect(await dash.getByTestId('prompts').locator('li').count()).toBeGreaterThan(0);
      await check(dash, 'debrief', also, size);
      await dash.context().close();
    }

    // six worlds on a 1024x768 projector: the compact cards, in Japanese
    const six = await makeClass(base, { name: '3年2組', worlds: 6, turns: 2, roundSeconds: 600, seatsPerCountry: 1, idleGraceSeconds: 0 }, []);
    // its lobby first: the join address, the code, who has joined
    const { page: lobby, errors: le } = await openPage(env.browser, `${base}/class.html?projector&lang=ja#${encodeURIComponent(six.projectorToken)}`, 1024, 768, {});
    errors.push(...le);
    await lobby.getByTestId('projector-joined').getByText('まだ誰も参加していません').waitFor({ timeout: 30_000 });
    await check(lobby, 'projector-lobby', [six.code, '3年2組'], '1024x768');
    await lobby.context().close();
    ok(await six.teacher.call('begin'));
    ok(await six.teacher.call('endRound', [null]));
    const cls6 = env.server.hub.classes.get(six.classId)!;
    await expect.poll(() => cls6.worlds.every((w) => w.turn >= 1), { timeout: 120_000 }).toBe(true);
    const { page: p6, errors: p6e } = await openPage(env.browser, `${base}/class.html?projector&lang=ja#${encodeURIComponent(six.projectorToken)}`, 1024, 768, {});
    errors.push(...p6e);
    await p6.getByTestId('projector-round-6').waitFor({ timeout: 30_000 });
    await check(p6, 'projector-six', [six.code, '3年2組'], '1024x768');
    expect(await p6.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);
    await p6.context().close();

    // the language switch: an English dashboard (this browser's choice) turns Japanese, and the choice is kept
    const { page: en, errors: ee } = await openPage(env.browser, `${base}/class.html?dash=${k.classId}`, 1280, 800, { ...storage, 'rare-earth-gambit:lang': 'en' });
    errors.push(...ee);
    await en.getByTestId('debrief-link').getByText('Debrief pack').waitFor({ timeout: 30_000 });
    await en.getByTestId('lang').selectOption('ja');
    await en.getByTestId('debrief-link').getByText('振り返り資料').waitFor();
    expect(await english(en, also)).toEqual([]);
    expect(await en.evaluate(() => localStorage.getItem('rare-earth-gambit:lang'))).toBe('ja');
    expect(errors).toEqual([]);
  }, 600_000);

  it("a student's join form and class bar", async () => {
    const base = env.server.base;
    const k = await makeClass(base, { name: '3年3組', worlds: 1, turns: 2, roundSeconds: 600, seatsPerCountry: 1, idleGraceSeconds: 0, countries: ['JPN', 'CHN'] }, []);
    const bar = async (page: Page) => {
      const text = await page.getByTestId('class-bar').innerText();
      return [...new Set(text.replace(KEPT, ' ').split('さくら').join(' ').match(/[A-Za-z]{2,}/g) ?? [])];
    };
    const { page, errors } = await openPage(env.browser, `${base}/class.html?code=${k.code}&lang=ja`, 1024, 768, {});
    await page.getByTestId('join-form').waitFor();
    await check(page, 'join', [k.code], '1024x768');
    await page.getByTestId('join-name').fill('さくら');
    await page.getByTestId('join').click();
    // the lobby: the bar says who, where and that the teacher has not begun, in Japanese
    await page.getByTestId('class-clock').getByText('教師の開始を待っています').waitFor({ timeout: 30_000 });
    expect(await bar(page), 'the class bar in the lobby').toEqual([]);
    // End turn before the teacher starts: disabled, its title saying why in Japanese (the server's refusal, worded
    // in Japanese, is checked in classroom-said.test.ts)
    await expect.poll(() => page.getByTestId('end-turn').isDisabled()).toBe(true);
    expect(await page.getByTestId('end-turn').getAttribute('title')).toBe('授業はまだ始まっていません。先生が開始するとターン終了を押せます');
    expect(await page.getByTestId('end-turn').textContent()).toBe('クラスの開始を待っています');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    // a round under way: the round, the clock and whom it waits for
    expect((await k.teacher.call('begin')).error).toBeUndefined();
    await page.getByTestId('class-round').getByText('ラウンド 1 / 2', { exact: false }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('waiting').innerText(), { timeout: 30_000 }).toContain('待っています');
    expect(await bar(page), 'the class bar in a round').toEqual([]);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'student-1024x768.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);

  it('a request to rejoin keeps its waiting line when the student switches language', async () => {
    const base = env.server.base;
    const k = await makeClass(base, { name: '3年4組', worlds: 1, turns: 2, roundSeconds: 600, seatsPerCountry: 1, idleGraceSeconds: 0, countries: ['JPN', 'CHN'] }, ['ゆい']);
    k.students[0].client.close();
    await k.students[0].client.closed;
    // ゆい on another device: her name asks the teacher, in Japanese
    const { page, errors } = await openPage(env.browser, `${base}/class.html?code=${k.code}&lang=ja`, 1024, 768, {});
    // a code no class has: the server's refusal in Japanese, and again in English after the switch
    await page.getByTestId('join-code-input').fill('ZZZZZZ');
    await page.getByTestId('join-name').fill('ゆい');
    await page.getByTestId('join').click();
    await page.getByTestId('join-error').getByText('そのコードのクラスはありません。教師に確認してください').waitFor({ timeout: 30_000 });
    await check(page, 'join-refused', [], '1024x768');
    await page.getByTestId('lang').selectOption('en');
    await page.getByTestId('join-error').getByText('no class has that code: check it with your teacher').waitFor();
    await page.getByTestId('lang').selectOption('ja');
    await page.getByTestId('join-code-input').fill(k.code);
    await page.getByTestId('join').click();
    const line = page.getByTestId('join-waiting');
    await line.getByText('として戻る許可を教師に求めています', { exact: false }).waitFor({ timeout: 30_000 });
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'join-waiting-1024x768.png') });
    // the switch draws the form again: the waiting line is kept, in the new language, and the typed name with it
    await page.getByTestId('lang').selectOption('en');
    await page.getByTestId('join-form').getByText('Class code').waitFor();
    expect(await line.innerText()).toMatch(/^ゆい is a name already in this class\. Waiting for your teacher to let you back in as ゆい/);
    expect(await page.getByTestId('join-name').inputValue()).toBe('ゆい');
    await page.getByTestId('lang').selectOption('ja');
    await page.getByTestId('join-form').getByText('クラスコード').waitFor();
    expect(await line.innerText()).toContain('として戻る許可を教師に求めています');
    // still asking: the teacher allows it, and the page gets the seat
    const requests = async () => ((await k.teacher.call('state')).value as { requests: { id: string }[] }).requests;
    await expect.poll(async () => (await requests()).length, { timeout: 30_000 }).toBe(1);
    expect((await k.teacher.call('admit', [(await requests())[0].id, true])).ok).toBe(true);
    await page.getByTestId('class-bar').getByText(/^ゆい · /).waitFor({ timeout: 60_000 });
    // the browser logs the refused join's answer (404) as a failed load: nothing else
    expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of 404/.test(e))).toEqual([]);
    await page.context().close();
  }, 240_000);
});
