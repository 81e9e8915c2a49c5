// End to end in Chromium, what a teacher must be able to read off the screens: a refused class option named as the
// form names it; the projector's lobby counts who joined; a revoked student is told how to come back; "End turn"
// before the start says why (without a "$:" prefix) and the note goes when the game starts; the projector names the
// countries it waits for; a class the teacher ends early is over on every screen (the students get their end screen,
// nobody is "waited for"); the projector fits six worlds on 1024x768; and the dashboard says so when it loses the
// server.
import { describe, expect, it } from 'vitest';
import { builtPages, haveChromium, joinClass, openPage, useBrowser, watchToasts } from './e2e/harness.ts';
import { AFTER_END } from '../src/server/access.ts';
import { startTestServer } from './classroom/server.ts';
import { connect } from './classroom/client.ts';

const run = haveChromium() || process.env.CI === 'true';

describe.runIf(run)("the teacher's view of a class", () => {
  const env = useBrowser(async () => startTestServer({ clock: true, staticDir: await builtPages() }), 180_000);
  const errors: string[] = [];

  it('lobby, a round, the class ended early, the server gone', async () => {
    const { page: teacher, errors: te } = await openPage(env.browser, `${env.server.base}/class.html?teacher`, 1280, 720);
    errors.push(...te);
    // an impossible length: the error names the form's field ("Rounds"), not the API's ("turns")
    await teacher.getByTestId('opt-turns').fill('40');
    await teacher.getByTestId('opt-quartersPerRound').selectOption('4');
    await teacher.getByTestId('create').click();
    await teacher.getByTestId('create-error').getByText(/^Rounds: 40 rounds of 4 quarters is 160 turns/).waitFor();
    await teacher.getByTestId('opt-quartersPerRound').selectOption('1');
    await teacher.getByTestId('opt-worlds').fill('1');
    await teacher.getByTestId('opt-seatsPerCountry').fill('1');
    await teacher.getByTestId('opt-turns').fill('3');
    // the lesson's length follows the rounds (it said "27 of play" whatever the teacher set): 3 x (180 + 20) s
    // the class name starts as the day's lesson, an example only as a placeholder (a real-looking "Year 12 economics"
    // went onto the students' briefings when left)
    expect(await teacher.getByTestId('opt-name').inputValue()).toMatch(/^Lesson, \S/);
    expect(await teacher.getByTestId('opt-name').getAttribute('placeholder')).toBe('e.g. Year 12 economics');
    expect(await teacher.getByTestId('lesson-plan').textContent()).toContain('about 8 minutes of briefing, 10 of play, 15 of debrief (play: each round’s clock and about 20 s after it to read the turn)');
    // too short for any project to be built: said before the class is made (the quickest, from the scenario's content)
    await teacher.getByTestId('lesson-short').getByText(/^In 3 quarters no project started in the game is built before it ends \(the quickest takes \d+ quarters\)/).waitFor();
    await teacher.getByTestId('opt-quartersPerRound').selectOption('4');
    await teacher.getByTestId('lesson-short').waitFor({ state: 'hidden' });
    await teacher.getByTestId('opt-quartersPerRound').selectOption('1');
    await teacher.getByTestId('lesson-short').waitFor({ state: 'visible' });
    // rounds under a minute: said too (a teacher's slip of 10 s for 100 made a class at once)
    await teacher.getByTestId('opt-roundSeconds').fill('10');
    // and an idle time (the default 120 s) as long as a round never comes (a walkthrough's 60-s rounds)
    await teacher.getByTestId('lesson-short').getByText(/ Rounds of 10 seconds leave students no time to read what happened and decide: 2 to 4 minutes is usual\. A seat counts as idle after 120 seconds, as long as a round or longer \(10 seconds\): no bot will take an idle seat/).waitFor();
    await teacher.getByTestId('opt-roundSeconds').fill('180');
    await expect.poll(() => teacher.getByTestId('lesson-short').textContent()).not.toContain('Rounds of');
    expect(await teacher.getByTestId('lesson-short').textContent()).not.toContain('idle');
    // an idle time under a minute: a student reading the report goes idle (a walkthrough's 40 s)
    await teacher.getByTestId('opt-idleGraceSeconds').fill('40');
    await teacher.getByTestId('lesson-short').getByText(/A seat counts as idle after 40 seconds without a key, click or scroll: a student reading the round’s report that long hands the seat to a bot\./).waitFor();
    await teacher.getByTestId('opt-idleGraceSeconds').fill('120');
    await expect.poll(() => teacher.getByTestId('lesson-short').textContent()).not.toContain('idle');
    await teacher.getByTestId('create').click();
    await teacher.getByTestId('join-code').waitFor();
    const code = (await teacher.getByTestId('join-code').textContent())!;
    // the page is at 127.0.0.1, where the test server listens only: the machine's network address would reach
    // nothing, so the join address stays 127.0.0.1 and the box says students on other devices cannot reach it
    const joinBox = (await teacher.locator('.join-box').textContent())!;
    expect(joinBox).toContain('127.0.0.1');
    expect(joinBox).toMatch(/listens only on this computer/);
    const href = (await teacher.getByTestId('projector-link').getAttribute('href'))!;
    const { page: projector, errors: pe } = await openPage(env.browser, `${env.server.base}/class.html${href}`, 1024, 768);
    errors.push(...pe);
    const students = await joinClass(env.browser, env.server.base, code, ['Ann', 'Ben'], errors);
    const [ann, ben] = students;
    // each student's move menu and revoke sit under the student's name, whatever its length: beside a short name
    // ("Cy") they fitted on its line, under a longer one they wrapped, and a world's rows were of two heights (measured
    // with each name cut to one letter, then put back)
    await teacher.getByTestId('student-Ben').waitFor();
    expect(await teacher.locator('.student').evaluateAll((els) => els.map((e) => {
      const text = Array.from(e.childNodes).find((n) => n.nodeType === 3)!;
      const was = text.textContent;
      text.textContent = ' A';
      const below = e.querySelector('.student-controls')!.getBoundingClientRect().top >= e.querySelector('.dot')!.getBoundingClientRect().bottom;
      text.textContent = was;
      return below;
    }))).toEqual([true, true]);
    // the projector's lobby counts who has joined, all of it on a 1024x768 screen
    await projector.getByTestId('projector-joined').getByText('2 joined so far').waitFor();
    // measured in the page in one step (the projector redraws its lobby as it polls: a locator's boundingBox could
    // meet the node between two draws and answer null)
    expect(await projector.getByTestId('projector-joined').evaluate((e) => e.getBoundingClientRect().bottom)).toBeLessThanOrEqual(768);
    // Cat joins; the teacher revokes her seat: her page says so and how to come back, and she does (same name), once the
    // teacher allows it on the dashboard
    const { page: cat, errors: ce } = await openPage(env.browser, `${env.server.base}/class.html?code=${code}`, 1280, 720);
    errors.push(...ce);
    await cat.getByTestId('join-name').fill('Cat');
    await cat.getByTestId('join').click();
    await cat.getByTestId('end-turn').waitFor({ timeout: 90_000 });
    teacher.once('dialog', (d) => void d.accept());
    // Cat's own revoke button (getByRole's name matches any button whose name contains "revoke", in any student's row)
    await teacher.getByTestId('seat-1-USA').getByTestId('student-Cat').getByRole('button', { name: 'revoke', exact: true }).click();
    await cat.getByTestId('revoked').getByText('Your teacher took this seat back').waitFor();
    await cat.getByTestId('revoked').getByRole('link', { name: 'Join a class' }).click();
    // the form comes back with the class's code and her name in it (it came back empty)
    await expect.poll(() => cat.getByTestId('join-name').inputValue()).toBe('Cat');
    expect(await cat.getByTestId('join-code-input').inputValue()).toBe(code);
    await cat.getByTestId('join').click();
    // her name without her seat's link (revoked, forgotten by her browser): the teacher is asked, and allows it
    await cat.getByTestId('join-waiting').getByText('Waiting for your teacher to let you back in as Cat').waitFor();
    // she is told her teacher took her out, not asked whether the name is hers
    expect(await cat.getByTestId('join-waiting').textContent()).toMatch(/^Your teacher took Cat out of this class\. Waiting for your teacher/);
    expect(await cat.getByTestId('join-waiting').textContent()).not.toContain('Not you?');
    await teacher.getByTestId('away').getByText('Revoked (out of their seats until you let them back in): Cat').waitFor();
    await teacher.getByTestId('rejoin-Cat').getByText('Cat asks to rejoin (revoked: back in their old seat if it has room)').waitFor();
    // her links were revoked: the request does not say she is on "a device without her seat's link"
    expect(await teacher.getByTestId('rejoin-Cat').textContent()).not.toContain("without their seat's link");
    await teacher.getByTestId('rejoin-Cat').getByRole('button', { name: 'Allow', exact: true }).click();
    await cat.getByTestId('end-turn').waitFor({ timeout: 90_000 });
    await teacher.getByTestId('seat-1-USA').getByTestId('student-Cat').waitFor();
    // the move menu names each seat, and who sits there (it said "world 1 CHN" and no more)
    // (one student per country here: a full seat is offered as a swap with whoever holds it)
    expect(await teacher.getByTestId('move-Cat').locator('option').allTextContents()).toEqual(['move…', 'world 1 Australia (bot now)', 'world 1 China (full: Ben)', 'world 1 China: swap with Ben', 'world 1 Japan (full: Ann)', 'world 1 Japan: swap with Ann', 'world 1 Malaysia (bot now)', 'world 1 United States (here now)']);
    // a move is asked first, as a revoke is (a keyboard's arrows on the closed menu fired a move at each option);
    // cancelled, nothing is sent
    const askedAus = new Promise<string>((resolve) => teacher.once('dialog', (d) => void d.dismiss().then(() => resolve(d.message()))));
    await teacher.getByTestId('move-Cat').selectOption({ label: 'world 1 Australia (bot now)' });
    expect(await askedAus).toBe('Move Cat to world 1 Australia?');
    // Ann's full seat is shown but cannot be chosen as a move (a teacher was asked "Move Zoe to ...?", then refused):
    // the swap under it can (the server still refuses a move into a full seat: classroom-access)
    expect(await teacher.getByTestId('full-Cat-0-JPN').isDisabled()).toBe(true);
    expect(await teacher.getByTestId('move-Cat').locator('option[disabled]').allTextContents()).toEqual(['world 1 China (full: Ben)', 'world 1 Japan (full: Ann)', 'world 1 United States (here now)']);
    // Ann's own element, not her name anywhere in the row: a row held by another student names Ann in its move menu
    // ("world 1 United States (full: Ann)"), so the row's text would contain "Ann" even had the move gone through
    expect(await teacher.getByTestId('seat-1-JPN').getByTestId('student-Ann').count()).toBe(1);
    expect(await teacher.getByTestId('seat-1-JPN').getByTestId('student-Cat').count()).toBe(0);
    expect(await teacher.getByTestId('seat-1-USA').getByTestId('student-Cat').count()).toBe(1); // not moved to Australia
    expect(await teacher.getByTestId('move-Cat').inputValue()).toBe('');
    const [catToasts, annToasts] = [await watchToasts(cat), await watchToasts(ann)];
    const askedSwap = new Promise<string>((resolve) => teacher.once('dialog', (d) => void d.accept().then(() => resolve(d.message()))));
    await teacher.getByTestId('move-Cat').selectOption({ label: 'world 1 Japan: swap with Ann' });
    expect(await askedSwap).toBe("Swap Cat with Ann? Cat takes world 1 Japan, and Ann Cat's seat.");
    await teacher.getByTestId('seat-1-JPN').getByTestId('student-Cat').waitFor();
    await teacher.getByTestId('seat-1-USA').getByTestId('student-Ann').waitFor();
    // the refusal's message goes when the swap's answer comes; the swapped seats can come first, in a state push the
    // server sent while it wrote the swap's events, so the message is waited for, not read once
    await expect.poll(() => teacher.getByTestId('dash-error').textContent()).toBe('');
    await cat.getByTestId('class-bar').getByText(/Japan/).waitFor();
    // each is told, not only shown another country's screen
    await catToasts.seen(/^Your teacher moved you: you now play Japan\.$/);
    await annToasts.seen(/^Your teacher moved you: you now play the United States\.$/);
    students.push(cat);

    // End turn before the start: disabled, saying why (it was live and answered with a small red line); live once the
    // teacher starts
    await expect.poll(() => ann.getByTestId('end-turn').isDisabled()).toBe(true);
    expect(await ann.getByTestId('end-turn').getAttribute('title')).toBe('The class has not started: End turn works once your teacher starts it');
    expect(await ann.getByTestId('end-turn').textContent()).toBe('Waiting for the class to start'); // (a greyed "End turn" told a phone nothing)
    await teacher.getByTestId('begin').click();
    await ann.getByTestId('class-clock').getByText(/left/).waitFor();
    await expect.poll(() => ann.getByTestId('end-turn').isDisabled()).toBe(false);
    expect(await ann.getByTestId('end-turn').getAttribute('title')).toBe('');
    expect(await ann.getByTestId('end-turn').textContent()).toBe('End turn');
    expect(await ann.getByTestId('issues').textContent()).toBe('');
    // the projector names whom the world waits for
    await projector.getByTestId('projector-waiting-1').getByText('waiting for China, Japan and the United States').waitFor();

    // a teacher on the keyboard keeps focus through the dashboard's redraws (each push drew it anew, and focus went to
    // the page's start): Pause has it when a student's End turn pushes a new state, in the new drawing
    await teacher.getByTestId('pause').focus();
    const drawn = await teacher.getByTestId('pause').elementHandle();
    // round 1: both submit; the first one's button says it waits for the round, not that the engine is working
    await students[0]!.getByTestId('end-turn').click();
    await students[0]!.getByTestId('end-turn').getByText('Sent: waiting for the round to end…').waitFor();
    await expect.poll(() => drawn!.evaluate((e) => e.isConnected)).toBe(false);
    expect(await teacher.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('pause');
    await ben.getByTestId('end-turn').click();
    // Cat has not sent her orders when the teacher ends the round: her bar says they did not count (her draft was
    // dropped without a word), until she submits in round 2
    await teacher.getByTestId('world-1-waiting').getByText('waiting for Japan').waitFor();
    // asked first, naming who is not in (Playwright dismisses an unhandled dialog: without this the round stays open)
    const asked = new Promise<string>((resolve) => teacher.once('dialog', (d) => void d.accept().then(() => resolve(d.message()))));
    await teacher.getByTestId('end-round').click();
    expect(await asked).toBe('End the round now? Not in yet: Japan. Their drafts are dropped and they keep their policies this round.');
    // Cat's digest says so under its title (it called what was played "your moves" and said nothing more); the others'
    // do not
    await cat.getByTestId('digest').getByTestId('digest-missed').getByText('The round ended before your orders were sent: Japan kept its policies, and changes you had not sent were dropped.').waitFor({ timeout: 60_000 });
    for (const p of students) {
      await p.getByTestId('digest').waitFor({ timeout: 60_000 });
      if (p !== cat) expect(await p.getByTestId('digest-missed').count()).toBe(0);
      await p.getByTestId('digest-close').click();
    }
    await cat.getByTestId('missed-last').getByText('The last round ended before your orders were sent, so Japan kept its policies (changes you had not sent were dropped): press End turn to send this round’s.').waitFor();
    expect(await ann.getByTestId('missed-last').count()).toBe(0);
    await cat.getByTestId('end-turn').click();
    await cat.getByTestId('missed-last').waitFor({ state: 'detached' });
    await teacher.getByTestId('class-status').getByText('1 of 3 seats in').waitFor();
    // the projector with one world's prices and scores: all of it on 1024x768 and on a 16:9 1280x720 projector
    await projector.getByTestId('projector-round-1').getByText(/Round 2 of 3/).waitFor();
    const offScreen = () => projector.evaluate(() => [...document.querySelectorAll('.p-world, .p-bar, .p-events')].map((e) => e.getBoundingClientRect()).filter((r) => r.right > innerWidth + 1 || r.bottom > innerHeight + 1).length);
    expect(await offScreen()).toBe(0);
    await projector.setViewportSize({ width: 1280, height: 720 });
    // the projector's layout is CSS only (no script measures the window): laid out anew once the page has the new size
    await projector.waitForFunction(() => innerWidth === 1280 && innerHeight === 720);
    expect(await offScreen()).toBe(0);

    // the teacher ends the class in round 2: asked first, naming the orders sent for the round that will not be played;
    // then over on every screen, the students taken to their end screen
    const askedEnd = new Promise<string>((resolve) => teacher.once('dialog', (d) => void d.accept().then(() => resolve(d.message()))));
    await teacher.getByTestId('end-class').click();
    expect(await askedEnd).toBe('End the class for everyone? This round is not played: the orders Japan sent for it are dropped. To play it first, press “End the round now”, then end the class.');
    await teacher.getByTestId('world-1-round').getByText('Ended by the teacher after 1 round of 3').waitFor();
    expect(await teacher.getByTestId('world-1-waiting').textContent()).toBe('');
    expect(await teacher.getByTestId('seat-1-JPN').locator('select').count()).toBe(0); // no moving students after the end
    // nobody can join an ended class: the dashboard no longer shows the join code and QR code as if they could
    expect(await teacher.getByTestId('join-closed').textContent()).toBe('The class has ended: nobody can join it now.');
    expect(await teacher.getByTestId('join-code').count()).toBe(0);
    expect(await teacher.locator('img.qr').count()).toBe(0);
    for (const p of students) await p.getByTestId('final-score').waitFor({ timeout: 60_000 });
    // the end screen at 1280x800, 1024x768, 800 px and a phone's 420 px wide: its lines, the table of every country's
    // points and each chart stand at least 8 px apart, inside the window (the table touched the charts under it; at
    // 420 px each chart ran 38 px past the window's edge, its grid's columns at least 430 px)
    for (const [w, hh] of [[1280, 800], [1024, 768], [800, 900], [420, 800]] as const) {
      await ben.setViewportSize({ width: w, height: hh });
      const clashes = await ben.evaluate(() => {
        const boxes = [...document.querySelectorAll('main.end > p, main.end > table.grid, main.end .charts > figure')]
          .map((e) => ({ name: `${e.tagName} "${(e.textContent ?? '').slice(0, 24)}"`, r: e.getBoundingClientRect() }))
          .filter((b) => b.r.height > 0);
        const out: string[] = boxes.filter((b) => b.r.left < 0 || b.r.right > innerWidth).map((b) => `${b.name} outside the window`);
        for (const [i, a] of boxes.entries())
          for (const b of boxes.slice(i + 1)) if (Math.max(b.r.left - a.r.right, a.r.left - b.r.right, b.r.top - a.r.bottom, a.r.top - b.r.bottom) < 8) out.push(`${a.name} / ${b.name}`);
        return { out, n: boxes.length };
      });
      expect(clashes.n, `${w}x${hh}`).toBeGreaterThanOrEqual(8); // two lines, the table, at least five charts
      expect(clashes.out, `${w}x${hh}`).toEqual([]);
    }
    await ben.setViewportSize({ width: 1280, height: 720 });
    expect(await ben.getByTestId('class-round').textContent()).toBe('Ended by the teacher after 1 round of 3');
    await projector.getByTestId('projector-round-1').getByText('Ended by the teacher after 1 round of 3').waitFor();
    expect(await projector.getByTestId('projector-waiting-1').count()).toBe(0);
    expect(await projector.getByTestId('projector-clock-1').count()).toBe(0);
    // two hours after the end the students' pages are signed out then, not at their next click, and say why
    env.server.advance(AFTER_END.seat + 1000);
    await ben.getByTestId('class-bar').getByText(/^This seat is no longer valid: this class ended .* UTC, and a student's link works for 2 hours after the end\.$/).waitFor({ timeout: 20_000 });
    // and so is the projector, which says so instead of showing the last state as if it were live
    await projector.getByTestId('projector-status').getByText(/^Signed out: .*the projector's link works for 2 hours/).waitFor({ timeout: 20_000 });

    // six worlds on a 1024x768 projector: every card and score bar on the screen
    const six = await (await fetch(`${env.server.base}/api/classes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ worlds: 6, sameSeed: false, turns: 4, roundSeconds: 600 }) })).json();
    const { page: p6, errors: e6 } = await openPage(env.browser, `${env.server.base}/class.html?projector#${six.projectorToken}`, 1024, 768);
    errors.push(...e6);
    await p6.getByTestId('projector-code').waitFor();
    // the teacher starts it (from here: the clock is moved only once the server has answered that the rounds began)
    const t6 = await connect(env.server.base, six.teacherToken);
    expect((await t6.call('begin')).ok).toBe(true);
    t6.close();
    // round 1's 600 s on the server's clock, not waited out (the bots-only worlds keep to the clock); round 2 then lasts
    // 600 s of real time (rounds of 5 s went on by themselves every 5 s, and a loaded machine could miss round 2)
    env.server.advance(600_000);
    await p6.getByTestId('projector-round-6').getByText(/Round 2 of 4/).waitFor({ timeout: 30_000 });
    const outside = await p6.evaluate(() => [...document.querySelectorAll('.p-world, .p-track')].map((e) => e.getBoundingClientRect()).filter((r) => r.right > innerWidth + 1 || r.bottom > innerHeight + 1 || r.width < 10).length);
    expect(outside).toBe(0);

    // a class ended before its first round: its debrief pack says so (it drew ten empty charts with made-up axes
    // from -0.010 to 0.010, an empty "To discuss" and a replay button that could only fail)
    const none = await (await fetch(`${env.server.base}/api/classes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ worlds: 1, turns: 3 }) })).json();
    const t0 = await connect(env.server.base, none.teacherToken);
    expect((await t0.call('begin')).ok).toBe(true);
    expect((await t0.call('endClass')).ok).toBe(true);
    t0.close();
    await teacher.evaluate(([id, token]) => localStorage.setItem(`rare-earth-gambit:class:teacher:${id}`, token), [none.classId, none.teacherToken]);
    await teacher.goto(`${env.server.base}/class.html?debrief=${none.classId}`);
    await teacher.getByTestId('debrief-unplayed').getByText('The class ended before its first round was played: there is nothing to compare or to export.').waitFor();
    expect(await teacher.getByTestId('debrief-charts').count()).toBe(0);
    expect(await teacher.getByTestId('replay-1').count()).toBe(0);
    await teacher.goBack();
    await teacher.getByTestId('class-status').waitFor();

    // the server goes away: the dashboard says so instead of showing a running class
    await env.closeServer();
    await teacher.getByTestId('dash-lost').waitFor({ timeout: 20_000 });
    expect(await teacher.getByTestId('dash-lost').textContent()).toMatch(/No connection to the server since/);
    expect(errors.filter((e) => !/ERR_CONNECTION_REFUSED|WebSocket connection/.test(e))).toEqual([]);
  }, 300_000);
});
