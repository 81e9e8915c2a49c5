// End to end in Chromium: a teacher, a projector and six students in two worlds play three rounds. One student leaves
// and a bot takes the idle seat (visibly); one refreshes and is back in the same seat with the same draft; one round
// ends on the clock; the debrief pack renders, its replay files verify with `gambit replay verify`, and the printed
// briefings hold one sheet per student. Screenshots of each screen (CLASS_SCREENSHOTS=1 writes docs/screenshots/).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtPages, haveChromium, openPage, useBrowser } from './e2e/harness.ts';
import { startTestServer } from './classroom/server.ts';

const run = haveChromium() || process.env.CI === 'true';
const ROOT = new URL('..', import.meta.url).pathname;
const SHOTS = process.env.CLASS_SCREENSHOTS === '1' ? join(ROOT, 'docs/screenshots') : mkdtempSync(join(tmpdir(), 'class-shots-'));

describe.runIf(run)('a class in the browser', () => {
  let teacher: Page;
  let projector: Page;
  let code = '';
  let classId = '';
  const students: { label: string; page: Page; errors: string[]; country: string; world: number }[] = [];
  const errors: string[] = [];
  const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `class-${name}.png`) });
  const S = (label: string) => students.find((s) => s.label === label)!;
  const env = useBrowser(async () => startTestServer({ clock: true, staticDir: await builtPages() }), 180_000);

  it('the teacher creates a class; the projector shows the code; six students join', async () => {
    ({ page: teacher } = await openPage(env.browser, `${env.server.base}/class.html?teacher`, 1280, 800));
    await teacher.getByTestId('opt-worlds').fill('2');
    await teacher.getByTestId('opt-turns').fill('3');
    // the server's clock runs with the real one: rounds and the idle grace are ten minutes, longer than a round of this
    // test takes on a loaded machine (with 30 s, Ann's and Cat's seats went to their bots in a 43-s round 2); the test
    // moves the clock, or a seat's last sign of life, where it means a round to end or a seat to be idle
    await teacher.getByTestId('opt-roundSeconds').fill('600');
    await teacher.getByTestId('opt-seatsPerCountry').fill('1');
    await teacher.getByTestId('opt-idleGraceSeconds').fill('600');
    await teacher.getByTestId('create').click();
    await teacher.getByTestId('join-code').waitFor();
    code = (await teacher.getByTestId('join-code').textContent())!;
    classId = new URL(teacher.url()).searchParams.get('dash')!;
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    const href = (await teacher.getByTestId('projector-link').getAttribute('href'))!;
    ({ page: projector } = await openPage(env.browser, `${env.server.base}/class.html${href}`, 1280, 720));
    await projector.getByTestId('projector-code').waitFor();
    expect(await projector.getByTestId('projector-code').textContent()).toBe(code);
    await shot(projector, 'projector-lobby');
    // the pages load side by side; the students join one after another (placement goes by arrival)
    const labels = ['Ann', 'Ben', 'Cat', 'Dan', 'Eve', 'Fay'];
    const opened = await Promise.all(labels.map(() => openPage(env.browser, `${env.server.base}/class.html?code=${code}`, 1280, 720)));
    for (const [i, { page }] of opened.entries()) {
      await page.getByTestId('join-name').fill(labels[i]);
      await page.getByTestId('join').click();
      // the bar's "Ann · Japan · world 1 of 2" (getByText(name) is any text containing the name, in any of the bar's parts)
      await page.getByTestId('class-bar').getByText(new RegExp(`^${labels[i]} · `)).waitFor({ timeout: 60_000 });
    }
    for (const [i, { page, errors: e }] of opened.entries()) {
      await page.getByTestId('turn-label').waitFor({ timeout: 90_000 });
      const bar = (await page.getByTestId('class-bar').textContent())!;
      const m = /· (\w[\w ]+) · world (\d) of 2/.exec(bar)!;
      students.push({ label: labels[i], page, errors: e, country: m[1], world: Number(m[2]) });
    }
    expect(students.map((s) => `${s.world}${s.country}`)).toEqual(['1Japan', '2Japan', '1China', '2China', '1United States', '2United States']);
    await teacher.getByTestId('seat-2-USA').getByTestId('student-Fay').waitFor();
    await shot(teacher, 'teacher-lobby');
  }, 240_000);

  const partner = (s: { country: string }) => (s.country === 'China' ? 'JPN' : 'CHN');
  async function draft(s: { page: Page; country: string }, value: string) {
    await s.page.getByTestId('tab-tariffs').click();
    const input = s.page.getByTestId(`policy-tariff-${partner(s)}-other`);
    await input.fill(value);
    await input.dispatchEvent('change');
  }
  async function endTurn(s: { page: Page; label: string }) {
    try {
      await s.page.getByTestId('end-turn').click({ timeout: 20_000 });
    } catch (e) {
      await s.page.screenshot({ path: join(tmpdir(), `class-fail-${s.label}.png`) });
      throw e;
    }
  }
  /** After the last turn (turn 4), the end screen: it comes by itself to a student whose own submit ended the game;
   * one whose round ended on the clock (`clock`) clicks the game's "See the results". */
  async function digestClosed(s: { page: Page }, turn: number, clock = false) {
    await s.page.getByTestId('digest').waitFor({ timeout: 60_000 });
    await s.page.getByTestId('digest-close').click();
    if (turn <= 3) await s.page.getByTestId('turn-label').getByText(`Turn ${turn} of 3`).waitFor();
    else {
      if (clock) await s.page.getByRole('button', { name: 'See the results', exact: true }).click({ timeout: 30_000 });
      // the end screen (the game's own: its score, charts, the decisions that mattered), by its heading
      await s.page.locator('main.end').getByRole('heading', { name: 'The decisions that mattered most', exact: true }).waitFor({ timeout: 90_000 });
    }
  }

  it('round 1: Fay leaves and a bot takes her idle seat; both worlds resolve', async () => {
    await S('Fay').page.close();
    await teacher.getByTestId('begin').click();
    await S('Ann').page.getByTestId('class-clock').getByText(/left/).waitFor();
    for (const l of ['Ann', 'Ben', 'Cat', 'Dan', 'Eve']) {
      await draft(S(l), '5');
      await endTurn(S(l));
    }
    await S('Ben').page.getByTestId('waiting').getByText(/waiting for 1 country: the United States/).waitFor();
    await shot(S('Ben').page, 'student-waiting');
    for (const l of ['Ann', 'Cat', 'Eve']) await digestClosed(S(l), 2);
    // world 2 waits for the idle seat: its bot plays, and the dashboard says so. Instead of waiting the grace period,
    // Fay's last sign of life and world 2's round start are moved back past it on the server (world 1 has moved on to
    // round 2: moving the whole clock would make its students idle too)
    const cls = env.server.hub.classes.get(classId)!;
    const fay = [...cls.students.values()].find((x) => x.label === 'Fay')!;
    const past = cls.config.idleGraceSeconds * 1000 + 1000;
    fay.lastSeen -= past;
    cls.roundStart[1] -= past;
    await teacher.getByTestId('seat-2-USA').getByTestId('bot-badge').waitFor({ timeout: 30_000 });
    for (const l of ['Ben', 'Dan']) await digestClosed(S(l), 2);
    expect(await teacher.getByTestId('seat-2-USA').textContent()).toContain('BOT (idle seat)');
    await teacher.getByTestId('world-2-round').getByText('Round 2 of 3').waitFor();
    // reading counts as a sign of life: a wheel over Ann's page tells the server she is there (keys, clicks and input
    // only did, and a walkthrough's students reading the digest went idle); the page tells it at most every 5 s
    const ann = [...cls.students.values()].find((x) => x.label === 'Ann')!;
    ann.lastSeen -= 60_000;
    const before = ann.lastSeen;
    await expect.poll(async () => {
      await S('Ann').page.mouse.wheel(0, 40);
      return ann.lastSeen > before;
    }, { timeout: 15_000, interval: 1000 }).toBe(true);
    await shot(teacher, 'teacher-running');
  }, 180_000);

  it('round 2: Ann refreshes and is back in her seat with her draft; everyone submits', async () => {
    await draft(S('Ann'), '17.5');
    // the draft goes to the server (the page's check of the orders keeps it for the seat): reloaded only once it is there
    const annSeat = () => env.server.hub.classes.get(classId)!.seat(0, 'JPN');
    await expect.poll(() => annSeat().draft?.tariffs?.CHN?.other, { timeout: 30_000 }).toBe(17.5);
    await S('Ann').page.reload();
    await S('Ann').page.getByTestId('turn-label').getByText('Turn 2 of 3').waitFor({ timeout: 60_000 });
    // the bar has her seat once the server's status comes (a push that can follow the game's snapshot)
    await S('Ann').page.getByTestId('class-bar').getByText('Ann · Japan · world 1 of 2', { exact: true }).waitFor();
    await S('Ann').page.getByTestId('tab-tariffs').click();
    expect(await S('Ann').page.getByTestId('policy-tariff-CHN-other').inputValue()).toBe('17.5');
    await shot(S('Ann').page, 'student');
    await shot(projector, 'projector');
    // rounds counted the same on every screen
    expect(await S('Ann').page.getByTestId('class-round').textContent()).toBe('Round 2 of 3 (2026Q1)');
    expect(await projector.getByTestId('projector-round-1').textContent()).toBe('Round 2 of 3 (2026Q1)');
    // undo and fork: hidden in a class, shown once the teacher turns the sandbox on, hidden again when it is off
    expect(await S('Ann').page.getByTestId('fork').isVisible()).toBe(false);
    // at 1024 px the buttons the sandbox adds take the header's room: the score split gives way (it ran under them)
    await S('Ann').page.setViewportSize({ width: 1024, height: 768 });
    await teacher.getByTestId('sandbox-toggle').click();
    await S('Ann').page.getByTestId('fork').waitFor({ state: 'visible' });
    expect(await S('Ann').page.getByTestId('undo').isVisible()).toBe(true);
    const fits = () => S('Ann').page.getByTestId('score-split').evaluate((e) => e.scrollWidth <= e.clientWidth + 1 && e.closest('header')!.scrollWidth <= e.closest('header')!.clientWidth + 1);
    await expect.poll(fits).toBe(true);
    await S('Ann').page.setViewportSize({ width: 1280, height: 720 });
    await teacher.getByTestId('sandbox-toggle').getByText('Sandbox: on').waitFor();
    await teacher.getByTestId('sandbox-toggle').click();
    await S('Ann').page.getByTestId('fork').waitFor({ state: 'hidden' });
    for (const l of ['Ann', 'Ben', 'Cat', 'Dan', 'Eve']) await endTurn(S(l));
    for (const l of ['Ann', 'Ben', 'Cat', 'Dan', 'Eve']) await digestClosed(S(l), 3);
  }, 180_000);

  it('round 3: world 1 ends on the clock while Eve is still drafting; the game ends', async () => {
    for (const l of ['Ann', 'Cat', 'Ben', 'Dan']) await endTurn(S(l));
    for (const l of ['Ben', 'Dan']) await digestClosed(S(l), 4);
    // Eve is still working on her orders when world 1's clock runs out (moved on: the round is ten minutes)
    const eve = S('Eve');
    await draft(eve, '9');
    const left = (env.server.hub.classes.get(classId)!.rounds[0].deadline ?? 0) - env.server.hub.now();
    await eve.page.getByTestId('class-clock').getByText(/left/).waitFor();
    env.server.advance(left + 500);
    await eve.page.getByTestId('digest').waitFor({ timeout: 30_000 });
    // Ann and Cat had submitted: the clock's end answers their submits; Eve's round ended on the clock
    for (const l of ['Ann', 'Cat']) await digestClosed(S(l), 4);
    await digestClosed(eve, 4, true);
    const cls = env.server.hub.classes.get(classId)!;
    expect(cls.resolvedAt.filter((r) => r.world === 0).map((r) => r.reason)).toEqual(['all-submitted', 'all-submitted', 'clock']);
    expect(cls.resolvedAt.filter((r) => r.world === 1).map((r) => r.bots.includes('USA'))).toEqual([true, true, true]);
    expect(cls.status).toBe('ended');
    await teacher.getByTestId('class-status').getByText(/^ended/).waitFor();
    // the dashboard names the seat that was not in as every screen names countries (it said "USA")
    expect(await teacher.getByTestId('world-1-last').textContent()).toMatch(/^last round ended: on the clock \(the United States not in: /);
    await shot(projector, 'projector-end');
    await shot(S('Ann').page, 'student-end');
    // the end screen names the class's yardstick: the status-quo world, not "had you done nothing"
    expect(await S('Ann').page.getByTestId('final-score').textContent()).toMatch(/^Japan: [+−±]\d+\.\d\d points against the status-quo world, the same start with every country keeping its policies/);
    expect(await S('Ann').page.getByTestId('decisions-how').textContent()).toMatch(/replaying your world without that round/);
    expect(await S('Ann').page.getByTestId('end-note').count()).toBe(0); // no bot played Ann's seat
    // Fay, back once the class is over: the last round's digest and her end screen say a bot played her seat (both
    // said nothing of it: the digest listed the bot's moves as hers, beside a score the bot's three rounds made)
    const fay = await S('Fay').page.context().newPage();
    await fay.goto(`${env.server.base}/class.html?code=${code}`);
    await fay.getByTestId('digest-missed').waitFor({ timeout: 90_000 });
    expect(await fay.getByTestId('digest-missed').textContent()).toBe('A bot played this round for the United States: the moves below are the bot’s.');
    await fay.getByTestId('digest-close').click();
    await fay.getByRole('button', { name: 'See the results', exact: true }).click({ timeout: 30_000 });
    await fay.getByTestId('end-note').waitFor({ timeout: 90_000 });
    expect(await fay.getByTestId('end-note').textContent()).toBe('A bot played the United States for 3 of the 3 quarters (its students away, or its orders not in by the deadline): its moves count in the score, and are not among the decisions below.');
    await fay.close();
  }, 180_000);

  it('the debrief pack renders; its replays verify; the briefings print one sheet per student', async () => {
    await teacher.getByTestId('debrief-link').click();
    await teacher.getByTestId('debrief-charts').waitFor({ timeout: 120_000 });
    // nine, and a tenth for the country whose magnet supply fell lowest when it fell below Japan's (words.ts lowestSupplyPath)
    const lowest = await teacher.locator('#supply-lowest').count();
    expect(await teacher.getByTestId('debrief-charts').locator('figure').count()).toBe(9 + lowest);
    if (lowest) expect(await teacher.locator('#supply-lowest').textContent()).toMatch(/^(Australia’s|China’s|Malaysia’s|the United States’) magnet supply, % of need \(the lowest of any country\)/i);
    // each country's chart says whose score it is in English ("United States's" it said before)
    const titles = await teacher.getByTestId('debrief-charts').locator('figure').allTextContents();
    expect(titles.some((x) => x.startsWith('The United States’ score, points'))).toBe(true);
    expect(titles.join(' ')).not.toContain("States's");
    // at 1280 px the charts share the row's width: no empty column at the right (three fixed 320-px charts left ~250 px)
    const gap = await teacher.getByTestId('debrief-charts').evaluate((el) => el.getBoundingClientRect().right - Math.max(...[...el.querySelectorAll('figure')].map((f) => f.getBoundingClientRect().right)));
    expect(gap).toBeLessThan(2);
    // the five score charts share one axis (each had its own: a country's +0.02 filled its chart as another's −4; then
    // one span centred on each chart's data drew −3..3 beside −6..2)
    const axes = await teacher.getByTestId('debrief-charts').evaluate((el) =>
      [...el.querySelectorAll('figure')]
        .filter((f) => /score/i.test(f.querySelector('figcaption')?.textContent ?? ''))
        .map((f) => [...f.querySelectorAll('svg text[x="42"]')].map((t) => t.textContent).join(' ')),
    );
    expect(axes).toHaveLength(5);
    expect(axes[0]!.split(' ').length).toBeGreaterThan(1);
    expect(new Set(axes).size).toBe(1);
    expect(await teacher.getByTestId('score-scale').textContent()).toBe('The five score charts share one scale, so their heights compare.');
    const prompts = await teacher.getByTestId('prompts').locator('li').allTextContents();
    expect(prompts.length).toBeGreaterThanOrEqual(3);
    expect(prompts.join('\n')).toMatch(/world [12]/i);
    // the page words the prompts from the server's keys and values (for Japanese too): in English they say what the
    // server's own English says (its quotes and apostrophes typographic, its magnets named as the game names them)
    const { debriefFor } = await import('../src/server/debrief.ts');
    const plain = (x: string) => x.replace(/[“”]/g, '"').replace(/’/g, "'").replace(/NdFeB magnets/g, 'magnets');
    expect(prompts.map(plain)).toEqual((await debriefFor(env.server.hub.classes.get(classId)!)).prompts);
    expect(await teacher.getByTestId('decisions').textContent()).toMatch(/Ann/);
    // Fay's seat, which a bot played every round once she left, says so (it said "no orders" beside the bot's moves)
    expect(await teacher.getByTestId('decisions').locator('tr', { hasText: 'Fay' }).getByTestId('bot-quarters').textContent()).toBe('a bot played 3 of the 3 quarters (its moves are not listed here)');
    await shot(teacher, 'debrief');
    const dir = mkdtempSync(join(tmpdir(), 'class-replay-'));
    try {
      const token = await teacher.evaluate((id) => localStorage.getItem(`rare-earth-gambit:class:teacher:${id}`), classId);
      for (const w of [1, 2]) {
        const r = await fetch(`${env.server.base}/api/classes/${classId}/worlds/${w}/replay.json`, { headers: { authorization: `Bearer ${token}` } });
        expect(r.status).toBe(200);
        const file = join(dir, `w${w}.json`);
        writeFileSync(file, await r.text());
        expect(execFileSync(process.execPath, [join(ROOT, 'bin/gambit.mjs'), 'replay', 'verify', file], { encoding: 'utf8' })).toMatch(/3 turns/);
      }
      const csv = await (await fetch(`${env.server.base}/api/classes/${classId}/export.csv`, { headers: { authorization: `Bearer ${token}` } })).text();
      expect(csv.trim().split('\n')).toHaveLength(1 + 2 * 3 * 5); // a row per world, turn and seat
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await teacher.goto(`${env.server.base}/class.html?print=${classId}`);
    await teacher.getByTestId('sheet').first().waitFor();
    expect(await teacher.getByTestId('sheet').count()).toBe(6);
    await teacher.emulateMedia({ media: 'print' });
    await shot(teacher, 'briefings');
    for (const s of students.filter((x) => x.label !== 'Fay')) expect(s.errors).toEqual([]);
    expect(errors).toEqual([]);
  }, 240_000);
});
