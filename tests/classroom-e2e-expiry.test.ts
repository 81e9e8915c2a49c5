// End to end in Chromium: a student's and the projector's pages open when their links run out (24 hours) are signed
// out then, and say what to do: the student's game is replaced by the reason and a way back, the projector names the
// dashboard's renewed link.
import { afterAll, describe, expect, it } from 'vitest';
import { builtPages, haveChromium, joinClass, openPage, useBrowser } from './e2e/harness.ts';
import { startTestServer } from './classroom/server.ts';
import { connect, post, type Client } from './classroom/client.ts';
import { EXPIRED } from '../src/server/access.ts';

const run = haveChromium() || process.env.CI === 'true';

describe.runIf(run)('links that run out while their page is open', () => {
  const env = useBrowser(async () => startTestServer({ clock: true, staticDir: await builtPages() }), 180_000);
  let teacher: Client | undefined;
  // before the browser and the server close (useBrowser's afterAll, registered first, runs after this one)
  afterAll(() => teacher?.close());

  it("the student's game gives way to the reason and 'Join a class'; the projector says where to get a new link", async () => {
    const c = await post(env.server.base, '/api/classes', { worlds: 1, turns: 3, roundSeconds: 600, seatsPerCountry: 1, idleGraceSeconds: 0 });
    teacher = await connect(env.server.base, c.json.teacherToken as string);
    const errors: string[] = [];
    const [ann] = await joinClass(env.browser, env.server.base, c.json.code as string, ['Ann'], errors);
    const { page: proj } = await openPage(env.browser, `${env.server.base}/class.html?projector#${c.json.projectorToken}`, 1024, 768);
    expect((await teacher.call('begin')).ok).toBe(true);
    await proj.getByTestId('projector-round-1').waitFor();
    env.server.advance(24 * 3600_000 + 1000);
    const page = ann.getByTestId('signed-out');
    await page.waitFor({ timeout: 20_000 });
    expect(await page.locator('h1').textContent()).toBe('You are signed out of this class');
    expect(await page.locator('p').textContent()).toBe(`${EXPIRED.seat.replace(/^./, (x) => x.toUpperCase())}.`);
    // (the join form again, with the class's code and her name filled in)
    expect(await page.getByRole('link', { name: 'Join a class' }).getAttribute('href')).toBe(`class.html?code=${c.json.code}&name=Ann`);
    expect(await ann.getByTestId('end-turn').count()).toBe(0); // the game that would only answer with errors is gone
    await proj.getByTestId('projector-status').getByText(`Signed out: ${EXPIRED.projector}`).waitFor({ timeout: 20_000 });
  }, 180_000);
});
