// `npm run screenshots`: re-takes the README's screenshots (start screen, a turn with flows, the digest, the end screen)
// in headless Chromium at 1280x720, into docs/screenshots/.
// `npm run screenshots -- --out /tmp/shots --size 1024x768 --size 1440x900`: the same at each size (name-WxH.png), plus
// the score table, the in-game help and the model documentation page, for checking the layout at other widths.
// Every run also takes the "Japan's gambit" briefing and its end screen (a 40-turn game, then the five strategies);
// `--only gambit` takes just those, `--turns N` plays a shorter game for them; `--only negotiation` takes the negotiation
// with a counter-offer (negotiation-form, negotiation-refusal, negotiation-counter-offer), in English and in Japanese (-ja).
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { distinctColours, haveChromium, launch, openPage, overflowing, startServer } from '../tests/e2e/harness.ts';

const { values: opts } = parseArgs({ options: { out: { type: 'string' }, size: { type: 'string', multiple: true }, only: { type: 'string' }, turns: { type: 'string' } } });
// `--only set`: the issue-12 set, at 1024x768, 1280x720 and 1920x1080 in English and Japanese (set-NAME-WxH-LANG.png):
// the start, a calm turn, a crisis turn (China bans magnets and Dy/Tb oxide to Japan), its digest, the glossary, the end.
const out = opts.out ? `${opts.out.replace(/\/$/, '')}/` : new URL('../docs/screenshots/', import.meta.url).pathname;
const sizes = (opts.size ?? []).map((s) => s.split('x').map(Number) as [number, number]);
mkdirSync(out, { recursive: true });
if (!haveChromium()) {
  console.error('screenshots: no Chromium at /usr/bin/chromium (apt-get install chromium)');
  process.exit(1);
}

/** Waits until the Pixi map has drawn (its canvas shows land, sea and borders, not one or two colours). */
async function mapDrawn(page: Page): Promise<void> {
  const canvas = page.getByTestId('map').locator('canvas');
  await canvas.waitFor();
  for (let i = 0; i < 40; i++) {
    if (distinctColours(await canvas.screenshot()) > 8) return;
    await page.waitForTimeout(250);
  }
  throw new Error('the map did not draw within 10 s');
}

async function shoot(browser: Browser, url: string, width: number, height: number, suffix: string, extra: boolean): Promise<void> {
  const { page, errors } = await openPage(browser, url, width, height);
  const snap = async (name: string) => {
    const bad = await overflowing(page);
    if (bad.length) console.error(`${name}${suffix}: overflowing: ${bad.join('; ')}`);
    await page.screenshot({ path: `${out}${name}${suffix}.png` });
  };
  await page.getByTestId('new-game').waitFor();
  await page.getByTestId('country-JPN').click();
  await page.getByTestId('turns').fill('6');
  await page.waitForTimeout(300);
  await snap('start');
  await page.getByTestId('start-game').click();
  await page.getByTestId('map').locator('canvas').waitFor();
  // a Chinese squeeze on Japan makes the flows and markers interesting: play two turns
  await page.getByTestId('end-turn').click();
  await page.getByTestId('digest').waitFor();
  await page.getByTestId('digest-close').click();
  await page.getByTestId('tab-tariffs').click();
  await page.getByTestId('policy-tariff-CHN-magnets').fill('25');
  await page.getByTestId('policy-tariff-CHN-magnets').dispatchEvent('change');
  await page.getByTestId('end-turn').click();
  await page.getByTestId('digest').waitFor();
  await page.waitForTimeout(400);
  await snap('digest');
  if (extra) {
    await page.getByTestId('score-turn').scrollIntoViewIfNeeded();
    await snap('digest-score');
  }
  await page.getByTestId('digest-close').click();
  await page.getByTestId('tab-indicators').click();
  await page.getByTestId('why-magnetSupplyRatio').click();
  await page.waitForTimeout(1200);
  await snap('turn');
  if (extra) {
    await page.getByTestId('score-split').click();
    await page.waitForTimeout(300);
    await snap('score-table');
    await page.getByTestId('help').click();
    await snap('help');
    await page.getByTestId('help-close').click();
  }
  for (let i = 0; i < 4; i++) {
    await page.getByTestId('end-turn').click();
    await page.getByTestId('digest-close').click();
  }
  await page.getByTestId('final-score').waitFor({ timeout: 60_000 });
  await snap('end');
  if (extra) {
    await page.goto(`${url}?doc=model`);
    await page.getByTestId('model-doc').waitFor();
    await snap('model');
  }
  if (errors.length) console.error('console errors:', errors);
  await page.context().close();
}

/** Japan's gambit: the briefing, then a game with the hub, the supply agreement and defence at 2%, and the end screen. */
async function shootGambit(browser: Browser, url: string, width: number, height: number, suffix: string): Promise<void> {
  const { page, errors } = await openPage(browser, url, width, height);
  const snap = async (name: string) => {
    const bad = await overflowing(page);
    if (bad.length) console.error(`${name}${suffix}: overflowing: ${bad.join('; ')}`);
    await page.screenshot({ path: `${out}${name}${suffix}.png` });
  };
  await page.getByTestId('new-game').waitFor();
  await page.getByTestId('scenario').selectOption('japans-gambit');
  await page.getByTestId('scenario-briefing').waitFor();
  await page.waitForTimeout(300);
  // a narrow window stacks the briefing under the form: show the briefing
  await page.getByTestId('scenario-briefing').evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    el.closest('main')?.scrollBy(0, -20);
  });
  await snap('japans-gambit-briefing');
  const turns = Number(opts.turns ?? 40);
  await page.getByTestId('turns').fill(String(turns));
  await page.getByTestId('start-game').click();
  await page.getByTestId('turn-label').waitFor();
  const order = async (tab: string, id: string, value: string) => {
    await page.getByTestId(`tab-${tab}`).click();
    await page.getByTestId(id).fill(value);
    await page.getByTestId(id).dispatchEvent('change');
  };
  for (let t = 1; t <= turns; t++) {
    if (t === 1) {
      await page.getByTestId('tab-invest').click();
      for (const id of ['invest-refinery.heavy', 'invest-recycling']) await page.getByTestId(id).click();
      await order('defense', 'policy-defense', '1.9');
    }
    if (t === 2) {
      await page.getByTestId('tab-deals').click();
      await page.getByTestId('deal-give').selectOption('offtake-oxide.light');
      await page.getByTestId('deal-give-amount').fill('30');
      await page.getByTestId('deal-ask').selectOption('cap-autos');
      await page.getByTestId('deal-ask-amount').fill('10');
      await page.getByTestId('deal-propose').click();
      await order('defense', 'policy-defense', '2.0');
    }
    // the budget (about USD 1 bn a year) pays for one more project a year: separation at home, then allied ore
    if (t === 5 || t === 9) {
      await page.getByTestId('tab-invest').click();
      if (t === 5) await page.getByTestId('invest-refinery.light').click();
      else {
        await page.getByTestId('invest-host-mine.expansion').selectOption('AUS');
        await page.getByTestId('invest-mine.expansion').click();
      }
    }
    await page.getByTestId('end-turn').click();
    await page.getByTestId('digest').waitFor({ timeout: 60_000 });
    await page.getByTestId('digest-close').click(); // after the last turn, this opens the end screen
  }
  await page.getByTestId('final-score').waitFor({ timeout: 60_000 });
  await page.locator('.strategies-status.done').waitFor({ timeout: 600_000 });
  // the comparison sits under the final score: scroll only if a short window cuts it
  await page.getByTestId('strategies').evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
  await page.waitForTimeout(300);
  await snap('japans-gambit-end');
  if (errors.length) console.error('console errors:', errors);
  await page.context().close();
}

/** A negotiation in "Japan's gambit": Japan (the player) offers the US half its separated NdPr oxide for a 5% cap on
 * the US car tariff; the US (valuing packages by rollouts: the usa-negotiator persona) refuses with its reason and
 * counters; the digest shows the refusal and the counter-offer, the Deals tab the form and the offer to accept. */
async function shootNegotiation(browser: Browser, url: string, width: number, height: number, suffix: string, lang: 'en' | 'ja' = 'en'): Promise<void> {
  const { page, errors } = await openPage(browser, url, width, height);
  if (lang !== 'en') {
    await page.getByTestId('lang').selectOption(lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout: 30_000 });
  }
  const snap = async (name: string) => {
    const bad = await overflowing(page);
    if (bad.length) console.error(`${name}${suffix}: overflowing: ${bad.join('; ')}`);
    await page.screenshot({ path: `${out}${name}${suffix}.png` });
  };
  await page.getByTestId('new-game').waitFor();
  await page.getByTestId('scenario').selectOption('japans-gambit');
  await page.getByTestId('country-JPN').click();
  await page.getByTestId('opponent-USA').selectOption('usa-negotiator');
  await page.getByTestId('turns').fill('8');
  await page.getByTestId('start-game').click();
  await page.getByTestId('turn-label').waitFor();
  await mapDrawn(page);
  await page.getByTestId('tab-deals').click();
  await page.getByTestId('deal-give').selectOption('offtake-oxide.light');
  await page.getByTestId('deal-give-amount').fill('50');
  await page.getByTestId('deal-ask').selectOption('cap-autos');
  await page.getByTestId('deal-ask-amount').fill('5');
  // the form filled in (adding the proposal clears it back to its defaults)
  await page.getByTestId('deal-ask-amount').blur();
  await snap('negotiation-form');
  await page.getByTestId('deal-propose').click();
  for (let t = 1; t <= 2; t++) {
    await page.getByTestId('end-turn').click();
    await page.getByTestId('digest').waitFor({ timeout: 120_000 });
    if (t === 2) {
      // the digest words engine news plainly (src/ui/story.ts): "USA rejects D6 from JPN" reads "The United States rejects deal D6 from Japan"
      // and in Japanese (src/ui/deal-news.ts): "米国が日本からの取引D6を拒否"
      await page.getByText(lang === 'ja' ? /米国が日本からの取引D\d+を拒否/ : /United States rejects deal D\d+ from Japan/).first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.waitForTimeout(300);
      await snap('negotiation-refusal');
    }
    await page.getByTestId('digest-close').click();
  }
  await page.getByTestId('tab-deals').click();
  await page.waitForTimeout(300);
  await snap('negotiation-counter-offer');
  if (errors.length) console.error('console errors:', errors);
  await page.context().close();
}

/** The issue-12 set for one size and language. */
async function shootSet(browser: Browser, url: string, width: number, height: number, lang: 'en' | 'ja'): Promise<void> {
  const { page, errors } = await openPage(browser, url, width, height);
  const suffix = `-${width}x${height}-${lang}`;
  const snap = async (name: string) => {
    const bad = await overflowing(page);
    if (bad.length) console.error(`${name}${suffix}: overflowing: ${bad.join('; ')}`);
    await page.screenshot({ path: `${out}set-${name}${suffix}.png` });
  };
  await page.getByTestId('new-game').waitFor();
  await page.getByTestId('lang').selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout: 30_000 });
  await page.getByTestId('new-game').waitFor();
  await page.getByTestId('country-CHN').click();
  await page.getByTestId('turns').fill('3');
  await page.waitForTimeout(300);
  await snap('start');
  await page.getByTestId('start-game').click();
  await page.getByTestId('map').locator('canvas').waitFor();
  await page.waitForTimeout(800);
  await snap('calm');
  await page.getByTestId('tab-controls').click();
  await page.getByTestId('policy-control-JPN-magnet').selectOption('banned');
  await page.getByTestId('policy-control-JPN-oxide.heavy').selectOption('banned');
  await page.getByTestId('end-turn').click();
  await page.getByTestId('digest-close').click();
  await page.getByTestId('end-turn').click();
  await page.getByTestId('digest').waitFor();
  await page.waitForTimeout(400);
  await snap('digest');
  await page.getByTestId('digest-close').click();
  await page.getByTestId('tab-indicators').click();
  await page.waitForTimeout(1200);
  await snap('crisis');
  await page.getByTestId('glossary-btn').click();
  await page.getByTestId('glossary').waitFor();
  await snap('glossary');
  await page.keyboard.press('Escape');
  await page.getByTestId('end-turn').click();
  await page.getByTestId('digest-close').click();
  await page.getByTestId('final-score').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(500);
  await snap('end');
  if (errors.length) console.error('console errors:', errors);
  await page.context().close();
}

const { server, url } = await startServer();
const browser = await launch();
try {
  if (opts.only === 'negotiation') {
    await shootNegotiation(browser, url, 1440, 900, '');
    await shootNegotiation(browser, url, 1440, 900, '-ja', 'ja');
    console.log(`screenshots written to ${out}`);
    process.exit(0);
  }
  if (opts.only === 'set') {
    for (const [w, hgt] of [[1024, 768], [1280, 720], [1920, 1080]] as const) for (const lang of ['en', 'ja'] as const) await shootSet(browser, url, w, hgt, lang);
    console.log(`screenshots written to ${out}`);
    process.exit(0);
  }
  const all = opts.only !== 'gambit';
  if (!sizes.length && all) await shoot(browser, url, 1280, 720, '', false);
  for (const [w, hgt] of sizes) if (all) await shoot(browser, url, w, hgt, `-${w}x${hgt}`, true);
  if (!sizes.length) await shootGambit(browser, url, 1440, 900, '');
  if (!sizes.length) await shootNegotiation(browser, url, 1440, 900, '');
  for (const [w, hgt] of sizes) await shootGambit(browser, url, w, hgt, `-${w}x${hgt}`);
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.close();
}
