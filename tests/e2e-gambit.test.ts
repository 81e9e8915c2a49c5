// End-to-end, in Debian's Chromium: the "Japan's gambit" scenario. Picked from the list, it takes Japan's seat and shows
// the article's argument; a supply agreement can be offered from the Deals tab; the end screen sets the player's path
// among the thesis experiment's five strategies, played in the worker while the page stays live.
import { describe, expect, it } from 'vitest';
import { haveChromium, overflowing, usePages } from './e2e/harness.ts';

const run = haveChromium() || process.env.CI === 'true';

describe.runIf(run)("the browser game: Japan's gambit", () => {
  const pages = usePages();

  it('lists the scenario, briefs it in the article\'s terms, and compares the path with the five strategies at the end', async () => {
    const { page, errors } = await pages.open(1024, 768);
    await page.getByTestId('new-game').waitFor();
    const sel = page.getByTestId('scenario');
    expect(await sel.inputValue()).toBe('rare-earth-gambit'); // the main scenario stays the default
    expect(await sel.locator('option').allTextContents()).toContain("Japan's gambit: rare earths as a bargaining chip");
    await page.getByTestId('country-USA').click();
    await sel.selectOption('japans-gambit');
    // the scenario takes Japan's seat and its full length
    await page.getByTestId('scenario-briefing').waitFor();
    expect(await page.getByTestId('country-JPN').getAttribute('aria-checked')).toBe('true');
    expect(await page.getByTestId('turns').inputValue()).toBe('40');
    const brief = (await page.getByTestId('briefing').textContent())!;
    for (const term of ["Japan's gambit", 'JAMA', 'as much as 20%', 'processing and refining hub', 'Australia, Malaysia and the US', 'supply agreement', '2% of GDP', 'stronger hand', 'Minamitorishima', 'Invest tab', 'Deals tab', 'Defence tab', 'What the score measures', 'Your country: Japan']) expect(brief, term).toContain(term);
    expect(await overflowing(page)).toEqual([]);

    await page.getByTestId('turns').fill('3');
    await page.getByTestId('seed').fill('2');
    await page.getByTestId('start-game').click();
    await page.getByTestId('turn-label').waitFor();
    // the supply agreement: a share of Japan's NdPr oxide for a cap on the US tariff on its cars
    await page.getByTestId('tab-deals').click();
    // the deals' numbers (D12) are explained in the glossary, a "?" beside "Your deals"
    await page.getByTestId('term-deal').click();
    await page.getByTestId('glossary').getByText('Deal (D12)').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('deal-partner').inputValue()).toBe('USA');
    await page.getByTestId('deal-give').selectOption('offtake-oxide.light');
    await page.getByTestId('deal-give-amount').fill('30');
    await page.getByTestId('deal-ask').selectOption('cap-autos');
    await page.getByTestId('deal-ask-amount').fill('10');
    await page.getByTestId('deal-propose').click();
    expect(await page.locator('.cart').textContent()).toMatch(/To the United States: you give 30% of the NdPr oxide output; you ask a cap of 10% on the tariff on cars/);
    // the form keeps what the player chose after an add (the panel is drawn anew): a second proposal, to Australia,
    // starts from the first's terms and partner; removed again, so the game below is the one-proposal game
    await page.getByTestId('deal-partner').selectOption('AUS');
    await page.getByTestId('deal-propose').click();
    expect(await page.getByTestId('deal-partner').inputValue()).toBe('AUS');
    expect(await page.getByTestId('deal-give').inputValue()).toBe('offtake-oxide.light');
    expect(await page.getByTestId('deal-ask-amount').inputValue()).toBe('10');
    expect(await page.locator('.cart li').count()).toBe(2);
    await page.getByRole('button', { name: 'remove: Australia' }).click();
    expect(await page.locator('.cart li').count()).toBe(1);
    for (let t = 0; t < 3; t++) {
      await page.getByTestId('end-turn').click();
      await page.getByTestId('digest').waitFor();
      if (t === 0) expect(await page.getByTestId('digest').textContent()).toMatch(/Japan proposes deal D\d+ to the United States/);
      await page.getByTestId('digest-close').click();
    }
    await page.getByTestId('final-score').waitFor({ timeout: 60_000 });
    const box = page.getByTestId('strategies');
    await box.getByText('Your path among the strategies').waitFor();
    await page.locator('.strategies-status.done').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('strategies-status').textContent()).toMatch(/^Your path ranks (first|\d+(st|nd|rd|th)) of 6/);
    const rows = await page.getByTestId('strategies-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({ id: tr.getAttribute('data-strategy'), cells: Array.from(tr.children).map((c) => c.textContent ?? '') })));
    expect(rows.map((r) => r.id).sort()).toEqual(['all', 'defence', 'hub', 'mud', 'status-quo', 'you']);
    const num = (t: string) => Number(t.trim().replace('−', '-').replace('±', ''));
    for (const r of rows) {
      expect(r.cells[1], r.id!).toMatch(/^[+−±]\d+\.\d\d$/);
      expect(Number.isFinite(num(r.cells[1]))).toBe(true);
      expect(r.cells[4], r.id!).toMatch(/^\d+\.\d%$/); // the US tariff on Japanese cars
    }
    expect(rows.find((r) => r.id === 'status-quo')!.cells[1]).toBe('±0.00');
    // largest first
    expect(rows.map((r) => num(r.cells[1]))).toEqual(rows.map((r) => num(r.cells[1])).sort((a, b) => b - a));
    expect(await overflowing(page)).toEqual([]);
    expect(errors).toEqual([]);
    // a fresh page (a new worker) resumes the autosaved game of this scenario, not the default one
    const { page: again, errors: e2 } = await (async () => {
      const p = await page.context().newPage();
      const errs: string[] = [];
      p.on('pageerror', (e) => errs.push(String(e)));
      await p.goto(pages.url);
      return { page: p, errors: errs };
    })();
    // the button says which game it brings back
    // (every turn of this 3-turn game is played: the button and the toast say it is over, not "turn 3 of 3")
    expect(await again.getByTestId('resume').innerText()).toBe('Resume autosaved game (Japan, game over after 3 turns)');
    await again.getByTestId('resume').click();
    await again.getByTestId('toast-info').filter({ hasText: 'Loaded: the game is over after 3 turns' }).waitFor();
    // the game is over: no budget bar, and the policy tabs are read-only and say why (as the Deals tab)
    expect(await again.getByTestId('budget').count()).toBe(0);
    for (const tab of ['tariffs', 'controls', 'invest']) {
      await again.getByTestId(`tab-${tab}`).click();
      expect(await again.getByTestId('orders-closed').innerText()).toBe('The game is over: orders can no longer be given.');
      expect(await again.locator('#tab-panel').locator('input:enabled, select:enabled, button:enabled:not(.term)').count(), tab).toBe(0);
    }
    expect(await again.getByTestId('toast-error').count()).toBe(0);
    expect(e2).toEqual([]);
    await page.context().close();
  }, 240_000);
});
