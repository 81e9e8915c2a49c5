// Screenshots of a class with a year a round and the sandbox on (`npm run screenshots:class`): the teacher's form and
// dashboard, the projector at 1024x768, a student's screen, the student on a what-if timeline, the student's end
// screen and the debrief pack, into docs/screenshots/class-year-*.png. (The e2e test, CLASS_SCREENSHOTS=1, takes the
// quarter-a-round set: class-*.png.) Builds the pages, starts a classroom server in this process, drives Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { joinClass, launch, openPage } from '../tests/e2e/harness.ts';
import { startTestServer } from '../tests/classroom/server.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'docs/screenshots');
const dist = mkdtempSync(join(tmpdir(), 'class-shots-'));
const shot = async (p: Page, name: string) => {
  await p.waitForTimeout(300);
  await p.screenshot({ path: join(OUT, `class-year-${name}.png`) });
  console.log(`docs/screenshots/class-year-${name}.png`);
};

await build({ configFile: join(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'error', build: { outDir: dist, emptyOutDir: true } });
const srv = await startTestServer({ clock: true, staticDir: dist });
const browser = await launch();
const errors: string[] = [];
try {
  const { page: teacher, errors: te } = await openPage(browser, `${srv.base}/class.html?teacher`, 1280, 800);
  errors.push(...te);
  await teacher.getByTestId('opt-worlds').fill('1');
  await teacher.getByTestId('opt-turns').fill('2');
  await teacher.getByTestId('opt-quartersPerRound').selectOption('4');
  await teacher.getByTestId('opt-seatsPerCountry').fill('1');
  await teacher.getByTestId('opt-sandbox').check();
  await shot(teacher, 'create');
  await teacher.getByTestId('create').click();
  await teacher.getByTestId('join-code').waitFor();
  const code = (await teacher.getByTestId('join-code').textContent())!;
  const href = (await teacher.getByTestId('projector-link').getAttribute('href'))!;
  const { page: projector, errors: pe } = await openPage(browser, `${srv.base}/class.html${href}`, 1024, 768);
  errors.push(...pe);
  const students = await joinClass(browser, srv.base, code, ['Ann', 'Ben'], errors);
  const [ann, ben] = students;
  await teacher.getByTestId('begin').click();
  await ann.getByTestId('class-clock').getByText(/left/).waitFor();
  for (const p of students) await p.getByTestId('end-turn').click();
  for (const p of students) {
    await p.getByTestId('digest').waitFor({ timeout: 60_000 });
    await p.getByTestId('digest-close').click();
  }
  await ann.getByTestId('class-round').getByText('Round 2 of 2').waitFor();
  await shot(ann, 'student');
  await shot(teacher, 'teacher');
  await projector.getByTestId('projector-round-1').getByText('Round 2 of 2').waitFor();
  await shot(projector, 'projector');
  // Ann tries a what-if of her own: fork, play its last round at once
  await ann.getByTestId('fork').click();
  await ann.getByTestId('what-if').waitFor();
  await shot(ann, 'what-if');
  await ann.getByTestId('end-turn').click();
  await ann.getByTestId('digest').waitFor({ timeout: 60_000 });
  await ann.getByTestId('digest-close').click();
  // the what-if played the class's last round: its own end screen, then back to the class world
  // (the end screen comes a few seconds after the digest: the page plays the what-if's yardstick game first)
  await ann.getByTestId('final-score').waitFor({ timeout: 60_000 });
  await shot(ann, 'what-if-end');
  await ann.getByTestId('new-game-again').click();
  await ann.getByTestId('what-if').waitFor({ state: 'detached' });
  await ann.getByTestId('end-turn').waitFor();
  // the class's last round
  for (const p of students) await p.getByTestId('end-turn').click();
  await ben.getByTestId('final-score').or(ben.getByTestId('digest')).first().waitFor({ timeout: 90_000 });
  await ann.waitForTimeout(1500);
  for (const p of students) {
    if (await p.getByTestId('digest-close').isVisible()) await p.getByTestId('digest-close').click();
    if (!(await p.getByTestId('final-score').isVisible())) await p.getByTestId('end-turn').click().catch(() => undefined);
    await p.getByTestId('final-score').waitFor({ timeout: 120_000 });
  }
  await shot(ann, 'student-end');
  await teacher.getByTestId('debrief-link').click();
  await teacher.getByTestId('debrief-charts').waitFor({ timeout: 120_000 });
  await shot(teacher, 'debrief');
  if (errors.length) console.error(`console errors:\n${errors.join('\n')}`);
} finally {
  await browser.close();
  await srv.close();
  rmSync(dist, { recursive: true, force: true });
}
