// What a new player tripped on in a short game (Japan, 1280x800, 1024x768 and an 800-px window): a stockpile lot's
// cost ran past the Invest panel's edge ("paid at the market pric"), magnet supply's change read "+0.8%" in the
// Indicators tab while the digest says points, the Dy/Tb release field fell to the line below its label, and at
// 800 px the map was a 324-px strip beside the panels where country names ran into each other.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { haveChromium, overflowing, usePages } from './e2e/harness.ts';

const run = haveChromium() || process.env.CI === 'true';

describe('How to play', () => {
  it('does not place the tabs "on the right": under 900 px they are below the map', async () => {
    const en = { ...(await import('../src/ui/locales/en.ts')).en, later: (await import('../src/ui/locales/en-later.ts')).enLater };
    const ja = { ...(await import('../src/ui/locales/ja.ts')).ja, later: (await import('../src/ui/locales/ja-later.ts')).jaLater };
    const all = (o: unknown): string[] => (typeof o === 'string' ? [o] : o && typeof o === 'object' ? Object.values(o).flatMap(all) : []);
    expect(all(en).filter((s) => /tabs on the right/i.test(s))).toEqual([]);
    expect(all(ja).filter((s) => /右のタブ/.test(s))).toEqual([]);
    expect(all(en).some((s) => /Use the tabs by the map/.test(s))).toBe(true);
  });
});

async function startJapan(page: Page): Promise<void> {
  await page.getByTestId('country-JPN').click();
  await page.getByTestId('turns').fill('3');
  await page.getByTestId('start-game').click();
  await page.getByTestId('map').locator('canvas').waitFor();
}

/** Every project's cost line in the Invest tab lies inside the panel (none runs past its right edge). */
async function costsInside(page: Page): Promise<string[]> {
  await page.getByTestId('tab-invest').click();
  return page.evaluate(() => {
    const body = document.querySelector('.tab-body') as HTMLElement;
    const right = body.getBoundingClientRect().left + body.clientWidth;
    return Array.from(document.querySelectorAll('.proj-head span'))
      .filter((s) => s.getBoundingClientRect().right > right + 1 || (s as HTMLElement).scrollWidth > (s as HTMLElement).clientWidth + 1)
      .map((s) => `${(s.textContent ?? '').slice(0, 50)}: right ${Math.round(s.getBoundingClientRect().right)} > ${Math.round(right)}`);
  });
}

describe.runIf(run)('a new player’s short game', () => {
  const pages = usePages();

  it('at 1280x800: costs inside the Invest panel, each control with the tonnes it would cut, magnet supply’s change in points, each release field beside its label', async () => {
    const { page, errors } = await pages.open(1280, 800);
    await startJapan(page);
    expect(await costsInside(page)).toEqual([]);
    // Japan's deep-sea bet can be called off (an economist found no order to stop it): the Running list's button
    // stops the programme at End turn, saying what it saves and what is lost
    const stop = page.locator('[data-testid^="stop-P"]');
    expect(await stop.count()).toBe(1);
    await stop.click();
    expect(await stop.innerText()).toBe('Keep it going');
    expect(await stop.getAttribute('aria-label')).toMatch(/^Keep it going: Minamitorishima deep-sea mud P\d+$/);
    expect(await stop.getAttribute('aria-describedby')).toBe(await page.locator('[data-testid^="stop-note-"]').getAttribute('id'));
    expect(await page.locator('[data-testid^="stop-note-"]').innerText()).toMatch(/^Stops at End turn: the USD 1\.40 bn of stages not yet paid is saved, the USD 0\.26 bn spent is lost, and no capacity comes of it\.$/);
    // each export control says what it would cut: the tonnes sent last quarter (a ban on 0 t read as a free signal)
    await page.getByTestId('tab-controls').click();
    const sent = await page.locator('[data-testid^=sent-]').allTextContents();
    expect(sent.length).toBe(25);
    for (const x of sent) expect(x).toMatch(/^[\d,]+ t sent$/);
    expect(sent.filter((x) => x !== '0 t sent').length).toBeGreaterThan(0);
    expect(await page.evaluate(() => { const b = document.querySelector('.tab-body') as HTMLElement; return b.scrollWidth - b.clientWidth; })).toBeLessThanOrEqual(0);
    await page.getByTestId('end-turn').click();
    await page.getByTestId('digest-close').waitFor();
    expect(await page.locator('body').innerText()).toMatch(/Japan stops its Minamitorishima deep-sea mud programme P\d+ during the trial lift, after USD 0\.26 bn: no later stage is paid/);
    await page.getByTestId('digest-close').click();
    await page.getByTestId('tab-invest').click();
    expect(await stop.count()).toBe(0); // stopped: no longer running
    // the Indicators tab says magnet supply's change as the digest does: percentage points, not a relative "%"
    await page.getByTestId('tab-indicators').click();
    const chg = await page.getByTestId('indicator-magnetSupplyRatio').locator('.chg').innerText();
    expect(chg).toMatch(/^([+−]\d+\.\d pp|±0)$/);
    // each release field sits on its label's line
    await page.getByTestId('tab-stockpile').click();
    const gaps = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid^=stockpile-release-]')).map((i) => {
        const label = i.closest('label')!;
        return Math.abs(i.getBoundingClientRect().top - label.getClientRects()[0]!.top);
      }),
    );
    expect(gaps.length).toBe(2);
    for (const g of gaps) expect(g).toBeLessThan(12);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('at 1024x768 the costs stay inside the Invest panel too; an order counts as soon as it is made, a refused one shows its tab, and the end screen\'s wait is said', async () => {
    const { page, errors } = await pages.open(1024, 768);
    await startJapan(page);
    expect(await costsInside(page)).toEqual([]);
    // a unit ordered this turn is counted beside those held (the line said "You have 0 built or building" after Add)
    await page.getByTestId('invest-thrifting').click();
    await page.getByText('and 1 ordered this turn, of at most 8').waitFor();
    // a defence change over what approval allows, End turn from another tab: the Defence tab shows, the field marked
    await page.getByTestId('tab-defense').click();
    const was = await page.getByTestId('policy-defense').inputValue();
    await page.getByTestId('policy-defense').fill('9');
    await page.getByTestId('policy-defense').dispatchEvent('change');
    await page.getByTestId('tab-indicators').click();
    await page.getByTestId('end-turn').click();
    await expect.poll(() => page.getByTestId('tab-defense').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('policy-defense').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('issues').textContent()).toMatch(/approval/);
    // said first, in words, that nothing was sent (a class's student took the red line for a note and the orders for sent)
    expect(await page.getByTestId('not-sent').textContent()).toBe('Not sent: End turn was refused for what is below. Change it and press End turn again.');
    await page.getByTestId('policy-defense').fill(was);
    await page.getByTestId('policy-defense').dispatchEvent('change');
    await expect.poll(() => page.getByTestId('issues').textContent()).toBe('');
    // three turns; while the end screen replays the decision the button says so (it said "See the results" and did nothing)
    for (let turn = 1; turn <= 3; turn++) {
      await page.getByTestId('end-turn').click();
      await page.getByTestId('digest-close').waitFor();
      if (turn === 3)
        await page.evaluate(() => {
          const seen: string[] = ((window as unknown as { seenEndTurn: string[] }).seenEndTurn = []);
          new MutationObserver(() => {
            const b = document.querySelector('[data-testid="end-turn"]');
            if (b) seen.push(`${b.textContent}|${(b as HTMLButtonElement).disabled}`);
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
        });
      await page.getByTestId('digest-close').click();
    }
    await page.getByTestId('final-score').waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { seenEndTurn: string[] }).seenEndTurn)).toContain('Scoring your decisions…|true');
    // the score charts keep zero (the yardstick) on their axis, whatever the scores; turns labelled evenly
    const axes = await page.evaluate(() =>
      Array.from(document.querySelectorAll('figure.chart')).filter((f) => f.querySelector('figcaption')?.textContent?.startsWith('Your score')).map((f) => ({
        title: f.querySelector('figcaption')?.textContent ?? '',
        y: Array.from(f.querySelectorAll('text[text-anchor="end"]')).map((x) => Number((x.textContent ?? '').replace('−', '-'))).filter(Number.isFinite),
        x: Array.from(f.querySelectorAll('text')).map((x) => x.textContent ?? '').filter((x) => /^turn /.test(x)),
      })),
    );
    expect(axes[0]!.title).toBe('Your score (points)');
    for (const a of axes) expect(a.y, a.title).toContain(0);
    expect(axes[0]!.x).toEqual(['turn 1', 'turn 2', 'turn 3']);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('Security has a "?" in Indicators and Defence that explains security, capability and tension (Australia’s digest blamed "tension with China (leaks found last quarter)", a term no panel explained)', async () => {
    const { page, errors } = await pages.open(1366, 768);
    await page.getByTestId('country-AUS').click();
    await page.getByTestId('turns').fill('3');
    await page.getByTestId('start-game').click();
    await page.getByTestId('map').locator('canvas').waitFor();
    await page.getByTestId('indicator-security').getByTestId('term-security').click();
    const entry = page.getByTestId('glossary').locator('#term-security');
    await expect.poll(() => entry.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await entry.innerText()).toBe('Security, capability and tension');
    const text = await entry.evaluate((el) => el.nextElementSibling!.textContent ?? '');
    for (const w of ['capability', 'tension', 'leaks found', 'defence spending']) expect(text).toContain(w);
    await page.keyboard.press('Escape');
    await page.getByTestId('tab-defense').click();
    await page.locator('.tab-body').getByTestId('term-security').click();
    await page.getByTestId('glossary').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('in Japanese (Malaysia, 1920x1080) the model documentation’s link is in Japanese and says the document is English, on the start screen and in Help', async () => {
    const { page, errors } = await pages.open(1920, 1080);
    await page.getByTestId('new-game').waitFor();
    await page.getByTestId('lang').selectOption('ja');
    await page.waitForFunction(() => document.documentElement.lang === 'ja', null, { timeout: 30_000 });
    await page.getByTestId('country-MYS').click();
    // Malaysia's briefing, which the worker sends a moment after the click (until then the box holds Japan's, the
    // default country's, with a link of its own)
    await page.getByTestId('briefing').getByRole('heading', { name: 'ブリーフィング：マレーシア', exact: true }).waitFor();
    const start = await page.getByTestId('briefing').getByTestId('model-doc-link').evaluate((a) => a.parentElement!.textContent ?? '');
    expect(start).toMatch(/モデルの仕組み（docs\/MODEL\.md、英語）。$/);
    expect(start).not.toMatch(/How the model works/);
    await page.getByTestId('turns').fill('2');
    await page.getByTestId('start-game').click();
    await page.getByTestId('map').locator('canvas').waitFor();
    await page.getByTestId('help').click();
    expect(await page.getByTestId('help-dialog').getByTestId('model-doc-link').innerText()).toBe('モデルの仕組み（docs/MODEL.md、英語）');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('in an 800-px window the map spans the width above the panels', async () => {
    const { page, errors } = await pages.open(800, 700);
    await startJapan(page);
    const box = await page.evaluate(() => {
      const m = document.querySelector('.map-wrap')!.getBoundingClientRect();
      const s = document.querySelector('.side')!.getBoundingClientRect();
      return { mapW: m.width, mapH: m.height, mapBottom: m.bottom, sideTop: s.top, sideW: s.width };
    });
    expect(box.mapW).toBeGreaterThanOrEqual(780);
    expect(box.mapH).toBeGreaterThanOrEqual(240);
    expect(box.sideTop).toBeGreaterThanOrEqual(box.mapBottom - 1);
    expect(box.sideW).toBeGreaterThanOrEqual(780);
    await page.getByTestId('end-turn').waitFor();
    expect(await page.getByTestId('end-turn').isVisible()).toBe(true);
    expect(await overflowing(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
