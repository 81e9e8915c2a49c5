import { launch } from '../tests/e2e/harness.ts';
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`file://${process.argv[2]}`);
await page.screenshot({ path: process.argv[3], fullPage: process.argv[4] === 'full' });
console.log(await page.evaluate(() => document.body.scrollHeight));
await browser.close();
