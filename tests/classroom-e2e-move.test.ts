// In Chromium: the teacher moves a student to the same country in the other world while her socket is down, with her
// End turn still waiting for its round. No `moved` push reaches her page; on reconnect it must draw the new seat's game
// (End turn ready: that seat has sent nothing), not keep the old world's "Sent: waiting…", and its orders must go to
// the new seat. The End turn left waiting is dropped: neither world's round ending later answers it (it would have
// drawn the old game's digest over the new one).
import { describe, expect, it } from 'vitest';
import { haveChromium, openPage } from './e2e/harness.ts';
import { useClassPages } from './classroom/class-pages.ts';
import { makeClass } from './classroom/server.ts';
import type { Sockets } from '../src/server/sockets.ts';

const run = haveChromium() || process.env.CI === 'true';

describe.runIf(run)('a student moved while offline', () => {
  const { env, clients } = useClassPages();

  it("on reconnect, the page plays the new seat's game, in the other world, same country", async () => {
    const k = await makeClass(env.server.base, { worlds: 2, turns: 3, roundSeconds: 600, countries: ['JPN', 'CHN'], seatsPerCountry: 1, idleGraceSeconds: 0 }, ['Ben', 'Cy']);
    clients.push(k.teacher, ...k.students.map((s) => s.client));
    const cls = env.server.hub.classes.get(k.classId)!;
    const { page, errors } = await openPage(env.browser, `${env.server.base}/class.html?code=${k.code}`, 1280, 800);
    await page.getByTestId('join-name').fill('Ann');
    await page.getByTestId('join').click();
    await page.getByTestId('class-bar').getByText(/^Ann · /).waitFor({ timeout: 60_000 });
    const ann = [...cls.students.values()].find((s) => s.label === 'Ann')!;
    const [from, country] = [ann.world, ann.country];
    const to = 1 - from;
    expect(cls.seat(to, country).students).toEqual([]);
    expect((await k.teacher.call('begin')).ok).toBe(true);

    // End turn, waiting for the round; then her socket drops and stays down while the teacher moves her
    let down = true;
    await page.routeWebSocket(/\/ws$/, (ws) => void (down ? ws.close() : ws.connectToServer()));
    const button = page.getByTestId('end-turn');
    await button.getByText('End turn').waitFor({ timeout: 30_000 });
    await button.click();
    await button.getByText('Sent: waiting for the round to end…').waitFor();
    await expect.poll(() => cls.seat(from, country).submitted).not.toBeNull();
    for (const c of (env.server.hub.listener as Sockets).conns) if (c.student === ann.id) c.ws.terminate();
    await page.getByTestId('class-bar').getByText('Reconnecting…').waitFor();
    expect((await k.teacher.call('move', [ann.id, to, country])).ok).toBe(true);
    expect(cls.seat(to, country).students).toEqual([ann.id]);
    down = false;

    // back: the new seat's game, ready to play; its orders go to the new seat
    await button.getByText('End turn').waitFor({ timeout: 60_000 });
    expect(await button.isDisabled()).toBe(false);
    await page.getByTestId('tab-tariffs').click();
    const other = country === 'JPN' ? 'CHN' : 'JPN';
    const field = page.getByTestId(`policy-tariff-${other}-other`);
    await field.fill('20');
    await field.dispatchEvent('change');
    await expect.poll(() => cls.seat(to, country).draft?.tariffs?.[other]?.other).toBe(20);
    await button.click();
    await button.getByText('Sent: waiting for the round to end…').waitFor();
    await expect.poll(() => cls.seat(to, country).submitted?.orders.tariffs?.[other]?.other).toBe(20);

    // the old world's round ends (its seats' orders in, a bot in her old one): the new game does not take its turn
    const before = cls.worlds[to].turn;
    for (const s of k.students) if (s.world === from) await new Promise<void>((acked) => void s.client.call('submit', [{}, 0], acked));
    await expect.poll(() => cls.worlds[from].turn, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(cls.worlds[to].turn).toBe(before);
    expect(await button.textContent()).toBe('Sent: waiting for the round to end…');

    // the new world's round ends: round 2 there, one digest (the old End turn, left waiting, is not answered by it)
    for (const s of k.students) if (s.world === to) await new Promise<void>((acked) => void s.client.call('submit', [{}, 0], acked));
    await expect.poll(() => cls.worlds[to].turn, { timeout: 30_000 }).toBeGreaterThan(before);
    await page.getByTestId('digest').first().waitFor({ timeout: 30_000 });
    await button.getByText('End turn').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('digest').count()).toBe(1);
    expect(await page.getByTestId('end-turn').count()).toBe(1);
    expect(errors.filter((e) => !/WebSocket/.test(e))).toEqual([]);
  }, 240_000);
});
