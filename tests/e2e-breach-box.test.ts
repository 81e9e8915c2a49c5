// The deals the draft breaks are listed above End turn (src/ui/deal-binds.ts breachList). A play-tester's two warnings
// (some 90 px of text) were cut at the box's 80 px, with no scrollbar to say there was more, at 1280x800. Now the box
// shows them whole, End turn still on screen, at 1280x800 and 1024x768; more than fits scrolls, a shadow at its edge
// saying so (the bottom rows of pixels darken).
import { describe, expect, it } from 'vitest';
import { haveChromium, usePages } from './e2e/harness.ts';

const run = haveChromium() || process.env.CI === 'true';
const WARNING = 'These orders break deal D5 with Japan: your tariff on its cars, 20%, is over the deal’s cap of 15%. Ending the turn ends the deal; Japan trusts you less, and tension with it rises.';

describe.runIf(run)('the list of deals the orders break', () => {
  const used = usePages();

  for (const [w, ht] of [[1280, 800], [1024, 768]] as const)
    it(`shows two warnings whole above End turn at ${w}x${ht}, and scrolls visibly past what fits`, async () => {
      const { page, errors } = await used.open(w, ht);
      await page.getByTestId('start-game').click();
      await page.getByTestId('map').locator('canvas').waitFor();
      await page.getByTestId('tab-tariffs').click();
      // the warnings as breachList draws them (a deal in force is many turns away in a test)
      const fill = (n: number) => page.evaluate(([text, n]) => {
        const ul = document.querySelector('[data-testid=deal-breaches]')!;
        ul.replaceChildren(...Array.from({ length: n as number }, (_, i) => Object.assign(document.createElement('li'), { textContent: (text as string).replace('D5', `D${5 + i}`) })));
      }, [WARNING, n] as const);
      const box = page.getByTestId('deal-breaches');
      const measure = () => box.evaluate((el: HTMLElement) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
      // the darkness of the box's last row of pixels, left of its text (the margin the bullets sit in)
      const edge = async () => { const b = (await box.boundingBox())!; const png = await page.screenshot({ clip: { x: b.x + 2, y: b.y + b.height - 3, width: 8, height: 2 } }); return png; };
      const endTurnOnScreen = async () => {
        const b = (await page.getByTestId('end-turn').boundingBox())!;
        return b.y >= 0 && b.y + b.height <= ht;
      };
      await fill(2);
      const two = await measure();
      expect(two.scroll).toBeLessThanOrEqual(two.client + 1); // nothing hidden
      expect(await endTurnOnScreen()).toBe(true);
      const plain = await edge();
      await fill(8);
      const eight = await measure();
      expect(eight.scroll).toBeGreaterThan(eight.client); // more than fits: it scrolls…
      expect((await edge()).equals(plain)).toBe(false); // …and its bottom edge is shaded
      expect(await endTurnOnScreen()).toBe(true);
      expect(errors).toEqual([]);
    }, 120_000);
});
