// throwaway: time and profile a game start in the built page
import { launch, openPage, startPages } from '../tests/e2e/harness.ts';
import { writeFileSync } from 'node:fs';
const { server, url } = await startPages();
const browser = await launch();
for (let round = 0; round < 3; round++) {
  const { page } = await openPage(browser, url, 1280, 720);
  await page.getByTestId('new-game').waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await page.getByTestId('start-game').click();
  await page.getByTestId('map').locator('canvas').waitFor();
  const t1 = Date.now();
  await page.waitForFunction(() => (window as any).__map?.settled ? true : true);
  await page.getByTestId('end-turn').waitFor();
  const t2 = Date.now();
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(`/tmp/probe/start${round}.cpuprofile`, JSON.stringify(profile));
  console.log(`round ${round}: canvas ${t1 - t0} ms, end-turn button ${t2 - t0} ms`);
  await page.context().close();
}
await browser.close();
await server.close();
