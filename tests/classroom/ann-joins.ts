// The classroom e2e tests' opening: a class of two seats (China for the page's student, Japan for Ben on a client),
// Ann joins in Chromium at 1280x800 and the teacher begins. Its clients are pushed to `clients` for the test to close.
import type { Browser } from 'playwright-core';
import { openPage } from '../e2e/harness.ts';
import type { Client } from './client.ts';
import { TWO_SEATS } from './fixtures.ts';
import { makeClass, type TestServer } from './server.ts';

export async function annJoinsChina(browser: Browser, server: TestServer, clients: Client[], config: Record<string, unknown> = TWO_SEATS) {
  const k = await makeClass(server.base, config, ['Ben']);
  clients.push(k.teacher, ...k.students.map((s) => s.client));
  const cls = server.hub.classes.get(k.classId)!;
  const { page, errors } = await openPage(browser, `${server.base}/class.html?code=${k.code}`, 1280, 800);
  await page.getByTestId('join-name').fill('Ann');
  await page.getByTestId('join').click();
  await page.getByTestId('class-bar').getByText(/^Ann · China · /).waitFor({ timeout: 60_000 });
  if (!(await k.teacher.call('begin')).ok) throw new Error('the teacher could not begin the class');
  return { k, ben: k.students[0].client, cls, page, errors };
}
