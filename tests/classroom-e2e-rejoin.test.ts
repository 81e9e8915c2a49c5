// In Chromium: a student asking to rejoin under her name waits through a restart of the server. The request is in the
// class's log, so the restored dashboard still shows it; her page keeps asking while the server is down (it said
// "Failed to fetch" and stopped), and gets her seat once the teacher allows it.
import { describe, expect, it } from 'vitest';
import { builtPages, haveChromium, openPage } from './e2e/harness.ts';
import { useClassPages } from './classroom/class-pages.ts';
import { connect } from './classroom/client.ts';
import { makeClass, startTestServer } from './classroom/server.ts';
import { TWO_SEATS } from './classroom/fixtures.ts';

const run = haveChromium() || process.env.CI === 'true';

describe.runIf(run)('a request to rejoin across a restart, in the browser', () => {
  const { env, clients } = useClassPages();

  it('the page keeps asking while the server is down, and gets the seat the restored class gives it', async () => {
    const k = await makeClass(env.server.base, TWO_SEATS, ['Ann', 'Ben']);
    clients.push(k.teacher, ...k.students.map((s) => s.client));
    // Ann on another device while her first is still connected: refused, and told why
    const { page, errors } = await openPage(env.browser, `${env.server.base}/class.html?code=${k.code}`, 1024, 768);
    await page.getByTestId('join-name').fill('Ann');
    await page.getByTestId('join').click();
    await page.getByTestId('join-error').getByText(/someone called Ann is in this class and connected/).waitFor({ timeout: 30_000 });
    k.students[0].client.close();
    await k.students[0].client.closed;
    // her first device gone, the same name asks the teacher; the last try's refusal goes (it stayed above "Waiting")
    await page.getByTestId('join').click();
    await page.getByTestId('join-waiting').getByText(/Waiting for your teacher to let you back in as Ann/).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('join-error').textContent()).toBe('');
    // the server stops; the page says it still asks (not "Failed to fetch")
    const port = Number(new URL(env.server.base).port);
    const store = env.server.store;
    await env.server.app.close();
    await page.getByTestId('join-waiting').getByText(/does not answer \(restarting\?\)\. Your request to rejoin as Ann still stands/).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('join-error').textContent()).toBe('');
    // back on the same port and data: the request is on the restored dashboard; the teacher allows it
    const again = await startTestServer({ store, staticDir: await builtPages(), port });
    const teacher = await connect(again.base, k.teacherToken);
    clients.push(teacher);
    const requests = ((await teacher.call('state')).value as { requests: { id: string; label: string }[] }).requests;
    expect(requests.map((r) => r.label)).toEqual(['Ann']);
    expect((await teacher.call('admit', [requests[0].id, true])).ok).toBe(true);
    await page.getByTestId('end-turn').waitFor({ timeout: 90_000 });
    // the bar names her seat once the server's status comes, a push that can follow the game's snapshot (read at once,
    // the bar could still say "Connecting to the class…")
    await page.getByTestId('class-bar').getByText(/^Ann · Japan · /).waitFor();
    expect(errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(e))).toEqual([]); // (the 409 of the first try is a failed resource)
    await again.app.close();
  }, 240_000);
});
