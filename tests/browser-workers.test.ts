// A batch in Chromium's Web Workers gives the Node CLI's result lines, byte for byte, whether the browser shares the
// games among one, two or three workers (and the CLI's own --workers 1, 2 and 3 agree: tests/batch.test.ts). The
// workers run src/cli/game-result.ts, the code a Node worker thread runs for each game, bundled for the browser.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../src/content/load.ts';
import { ROOT, TEST_ENV } from './cli-run.ts';
import { haveChromium, useBrowser } from './e2e/harness.ts';

const run = haveChromium() || process.env.CI === 'true';

const WORKER = `
import { compileContent, makeAgent, COUNTRIES } from './engine/index.ts';
import { gameResult } from './src/cli/game-result.ts';
let content = null;
self.onmessage = (e) => {
  const { raw, task } = e.data;
  content ??= compileContent(raw);
  const seats = {};
  for (const c of COUNTRIES) seats[c] = makeAgent(content, task.agents[c], c, {});
  self.postMessage(JSON.stringify(gameResult(content, task, seats)));
};
`;

/** In the page: play the tasks on n Web Workers pulling from one queue; the lines in task order. */
const PLAY = ([src, raw, tasks, n]: [string, unknown, unknown[], number]): Promise<string[]> =>
  new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    const out: string[] = new Array(tasks.length);
    let next = 0;
    let done = 0;
    const workers = Array.from({ length: n }, () => new Worker(url));
    const feed = (w: Worker) => {
      const i = next++;
      if (i >= tasks.length) return;
      w.onmessage = (e) => {
        out[i] = e.data as string;
        if (++done === tasks.length) {
          for (const x of workers) x.terminate();
          resolve(out);
        } else feed(w);
      };
      w.postMessage({ raw, task: tasks[i] });
    };
    for (const w of workers) {
      w.onerror = (e) => reject(new Error(e.message));
      feed(w);
    }
  });

describe.runIf(run)('a batch in Chromium Web Workers', () => {
  const env = useBrowser(undefined, 60_000);

  it('gives the CLI selfplay lines byte for byte with 1, 2 and 3 workers (persona games with their yardsticks)', async () => {
    const args = ['selfplay', '--games', '6', '--turns', '4', '--seed', '31', '--no-progress', '--workers', '2'];
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin/gambit.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: TEST_ENV });
    expect(cli.status, cli.stderr).toBe(0);
    const lines = cli.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    const agents = { AUS: 'persona', CHN: 'persona', JPN: 'persona', MYS: 'persona', USA: 'persona' };
    const tasks = lines.map((l) => {
      const r = JSON.parse(l) as { game: number; seed: number; run: string; runGames: number };
      return { scenario: 'rare-earth-gambit', game: r.game, seed: r.seed, agents, turns: 4, run: r.run, runGames: r.runGames };
    });
    const bundle = await build({ stdin: { contents: WORKER, resolveDir: ROOT, loader: 'ts' }, bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'silent' });
    const page = await (await env.browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto('about:blank');
    const raw = readBundle('rare-earth-gambit');
    for (const n of [1, 2, 3]) {
      const got = await page.evaluate(PLAY, [bundle.outputFiles[0].text, raw, tasks, n] as [string, unknown, unknown[], number]);
      expect(got, `${n} Web Workers`).toEqual(lines);
    }
    expect(errors).toEqual([]);
  }, 240_000);
});
