// In Chromium: a student's End turn waits for the round; her socket drops; the round ends while it is down (its answer
// and its snapshot push go nowhere); the page reconnects. It must show the new turn ready to play (End turn enabled)
// and the round's digest, not "Sent: waiting for the round to end…" over the new turn (its submit was never answered:
// the page waited for it until the next round's snapshot). PLAYTEST_SHOTS=DIR saves screenshots.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { haveChromium } from './e2e/harness.ts';
import { useClassPages } from './classroom/class-pages.ts';
import { annJoinsChina } from './classroom/ann-joins.ts';
import type { Sockets } from '../src/server/sockets.ts';

const run = haveChromium() || process.env.CI === 'true';
const SHOTS = process.env.PLAYTEST_SHOTS;
const shot = async (page: Page, name: string) => void (SHOTS && (await page.screenshot({ path: join(SHOTS, `${name}.png`) })));

describe.runIf(run)('a round that ends while the student is offline', () => {
  const { env, clients } = useClassPages();

  it('after End turn: on reconnect, the new turn is ready to play, with the digest', async () => {
    const { ben, cls, page, errors } = await annJoinsChina(env.browser, env.server, clients);
    const ann = [...cls.students.values()].find((s) => s.label === 'Ann')!;
    // the page's next sockets go through here: refused while `down`, passed to the server after
    let down = true;
    await page.routeWebSocket(/\/ws$/, (ws) => void (down ? ws.close() : ws.connectToServer()));
    const button = page.getByTestId('end-turn');
    const round = page.getByTestId('class-round');
    await round.getByText(/^Round 1 of 3/).waitFor();
    await button.getByText('End turn').waitFor();
    await button.click();
    await button.getByText('Sent: waiting for the round to end…').waitFor();
    await expect.poll(() => cls.seat(0, 'CHN').submitted).not.toBeNull();
    // her socket drops (the server's end of it, as a lost network would): the bar says it reconnects
    const sockets = env.server.hub.listener as Sockets;
    for (const c of sockets.conns) if (c.student === ann.id) c.ws.terminate();
    await page.getByTestId('class-bar').getByText('Reconnecting…').waitFor();
    // Ben's orders end the round while she is away
    await new Promise<void>((acked) => void ben.call('submit', [{}, 0], acked));
    await expect.poll(() => cls.worlds[0].turn).toBeGreaterThan(0);
    const turn = cls.worlds[0].turn;
    expect(await button.textContent()).toBe('Sent: waiting for the round to end…');
    down = false;
    // back: round 2, its End turn enabled, and round 1's digest
    await round.getByText(/^Round 2 of 3/).waitFor({ timeout: 60_000 });
    await page.getByTestId('digest').waitFor({ timeout: 30_000 });
    await button.getByText('End turn').waitFor({ timeout: 30_000 });
    expect(await button.isDisabled()).toBe(false);
    await shot(page, 'outage-digest');
    await page.getByTestId('digest-close').click();
    await shot(page, 'outage-round-2');
    // and it plays: End turn sends round 2's orders
    await button.click();
    await button.getByText('Sent: waiting for the round to end…').waitFor();
    await expect.poll(() => cls.seat(0, 'CHN').submitted).not.toBeNull();
    expect(cls.worlds[0].turn).toBe(turn);
    expect(errors.filter((e) => !/WebSocket/.test(e))).toEqual([]);
  }, 240_000);
});
