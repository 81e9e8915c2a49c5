// temporary: look at Japan's gambit in Japanese (deleted before commit)
import { launch, openPage, startServer, overflowing } from '../tests/e2e/harness.ts';
const { server, url } = await startServer();
const browser = await launch();
try {
  const { page, errors } = await openPage(browser, url, 1440, 900);
  await page.getByTestId('new-game').waitFor();
  await page.getByTestId('lang').selectOption('ja');
  await page.waitForFunction(() => document.documentElement.lang === 'ja');
  await page.getByTestId('scenario').selectOption('japans-gambit');
  await page.getByTestId('country-JPN').click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/shots/start-ja.png', fullPage: true });
  await page.getByTestId('start-game').click();
  await page.getByTestId('turn-label').waitFor();
  await page.waitForTimeout(1500);
  await page.getByTestId('tab-invest').click();
  await page.getByTestId('invest-deepSeaMud').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/shots/invest-ja.png' });
  console.log('overflow', await overflowing(page));
  let shot = 0;
  for (let turn = 1; turn <= 14 && shot < 4; turn++) {
    if (turn === 2) { await page.getByTestId('tab-invest').click(); await page.getByTestId('invest-recycling').click(); }
    await page.getByTestId('end-turn').click();
    await page.getByTestId('digest').waitFor({ timeout: 120000 });
    await page.waitForTimeout(300);
    const txt = (await page.getByTestId('digest').textContent()) ?? '';
    if (turn === 1 || /事業 P\d+|が完成/.test(txt) || (/出来事/.test(txt) && !/quiet|静か/.test(txt) && shot < 2)) {
      await page.getByTestId('digest').screenshot({ path: `/tmp/shots/digest-t${turn}-ja.png` });
      console.log('digest', turn, txt.slice(0, 3000));
      shot++;
    }
    await page.getByTestId('digest-close').click();
  }
  await page.getByTestId('tab-invest').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/shots/invest-late-ja.png' });
  console.log('errors', errors);
} finally { await browser.close(); await server.close?.(); process.exit(0); }
