// Dev aid: quick screenshots of the game screen at a few sizes into /tmp/shots (not part of the docs).
import { haveChromium, launch, openPage, startServer } from '../tests/e2e/harness.ts';
if (!haveChromium()) process.exit(1);
const { server, url } = await startServer();
const browser = await launch();
const sizes = (process.argv[2] ?? '1024x768,1920x1080').split(',').map((s) => s.split('x').map(Number));
const crisis = process.argv.includes('--crisis');
const tag = process.argv.includes('--ja') ? '-ja' : '';
try {
  for (const [w, h] of sizes) {
    const { page, errors } = await openPage(browser, url, w, h);
    await page.getByTestId('new-game').waitFor();
    if (process.argv.includes('--ja')) {
      await page.getByTestId('lang').selectOption('ja');
      await page.getByTestId('new-game').waitFor();
    }
    await page.screenshot({ path: `/tmp/shots/start-${w}${tag}.png` });
    if (crisis) await page.getByTestId('country-CHN').click();
    await page.getByTestId('start-game').click();
    await page.getByTestId('map').locator('canvas').waitFor();
    if (crisis) {
      await page.getByTestId('tab-controls').click();
      await page.getByTestId('policy-control-JPN-magnet').selectOption('banned');
      await page.getByTestId('policy-control-JPN-oxide.heavy').selectOption('banned');
    }
    await page.getByTestId('end-turn').click();
    await page.getByTestId('digest').waitFor();
    await page.screenshot({ path: `/tmp/shots/digest-${w}${tag}.png` });
    await page.getByTestId('digest-close').click();
    if (crisis) {
      await page.getByTestId('end-turn').click();
      await page.getByTestId('digest-close').click();
    }
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/shots/turn-${w}${tag}.png` });
    console.log(w, h, 'errors', errors);
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
