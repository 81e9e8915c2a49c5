// The same game in Chromium as in Node: the engine bundled for the browser plays a pinned replay's seed and agents, and
// every turn's state hash must match the replay's (pinned under Node). Before engine/detmath.ts, Chromium's exp, log,
// sin, cos and asin gave other last bits than Node's, so the browser's game drifted from the CLI's.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../src/content/load.ts';
import { ROOT } from './cli-run.ts';
import { haveChromium, useBrowser } from './e2e/harness.ts';

const run = haveChromium() || process.env.CI === 'true';

const ENTRY = `
import { compileContent, makeAgent, playGame, COUNTRIES } from './engine/index.ts';
globalThis.playPinned = (raw, seed, agents, turns) => {
  const content = compileContent(raw);
  const seats = {};
  for (const c of COUNTRIES) seats[c] = makeAgent(content, agents[c], c, {});
  return playGame(content, seed, seats, { turns, hashes: true }).hashes;
};
`;

describe.runIf(run)('the engine in Chromium', () => {
  const env = useBrowser(undefined, 60_000);

  it('plays the pinned replay seed2-mixed (planner, hawk, protectionist, free-trader, tit-for-tat) to the same hash every turn', async () => {
    const replay = JSON.parse(readFileSync(join(ROOT, 'tests/replays/seed2-mixed.json'), 'utf8'));
    const bundle = await build({ stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' }, bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'silent' });
    const page = await (await env.browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const raw = readBundle(replay.scenarioId);
    const hashes = (await page.evaluate(
      ([r, s, a, t]) => (globalThis as unknown as { playPinned: (...x: unknown[]) => string[] }).playPinned(r, s, a, t),
      [raw, replay.seed, replay.agents, replay.turns] as const,
    )) as string[];
    expect(errors).toEqual([]);
    expect(hashes.length).toBe(replay.turns);
    expect(hashes).toEqual(replay.hashes);
  }, 180_000);
});
