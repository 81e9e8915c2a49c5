// A batch's result line records the three world prices at the game's end (NdPr oxide since the tenth stop: the
// market's headline price was missing from self-play, tournaments and sweeps), and files written before it still read.
import { describe, expect, it } from 'vitest';
import { playGame, statusQuoSeats } from '../engine/index.ts';
import { playOne, runId, csvRow, CSV_HEADER } from '../src/cli/batch.ts';
import { parseResultLine } from '../src/cli/results.ts';
import { OUTCOMES } from '../src/cli/sweep.ts';
import { content } from './helpers.ts';

describe('final prices in a result line', () => {
  const agents = { AUS: 'status-quo', CHN: 'status-quo', JPN: 'status-quo', MYS: 'status-quo', USA: 'status-quo' } as const;
  const task = { scenario: 'rare-earth-gambit', game: 0, seed: 31, agents: { ...agents }, turns: 6, run: runId(content, { seed: 31, games: 1, agents: { ...agents }, turns: 6 }), runGames: 1 };

  it("holds NdPr oxide's world price at the end, as the game's state has it, in JSON, CSV and the sweep's outcomes", () => {
    const line = playOne(task, content);
    const end = playGame(content, 31, statusQuoSeats(), { turns: 6, ledger: false, keepReports: false }).state;
    expect(line.outcomes.finalPrices['oxide.light']).toBe(Math.round(end.worldPrice['oxide.light'] * 10) / 10);
    expect(line.outcomes.finalPrices['oxide.light']).toBeGreaterThan(20);
    expect(line.outcomes.finalPrices['oxide.heavy']).toBe(Math.round(end.worldPrice['oxide.heavy']));
    const cells = csvRow(line).split(',');
    expect(cells).toHaveLength(CSV_HEADER.length);
    expect(Number(cells[CSV_HEADER.indexOf('final_price_oxide_light')])).toBe(line.outcomes.finalPrices['oxide.light']);
    expect(OUTCOMES.find((o) => o.id === 'final_price_oxide_light')!.get(line)).toBe(line.outcomes.finalPrices['oxide.light']);
  });

  it('reads a line written before NdPr was recorded, and leaves its CSV cell empty', () => {
    const line = playOne(task, content);
    const old = { ...line, outcomes: { ...line.outcomes, finalPrices: { 'oxide.heavy': line.outcomes.finalPrices['oxide.heavy'], magnet: line.outcomes.finalPrices.magnet } } };
    const back = parseResultLine(JSON.stringify(old), 'old.jsonl line 1');
    expect(back.outcomes.finalPrices['oxide.light']).toBeUndefined();
    const cells = csvRow(back).split(',');
    expect(cells).toHaveLength(CSV_HEADER.length);
    expect(cells[CSV_HEADER.indexOf('final_price_oxide_light')]).toBe('');
    expect(() => parseResultLine(JSON.stringify({ ...line, outcomes: { ...line.outcomes, finalPrices: { ...line.outcomes.finalPrices, 'oxide.light': 'high' } } }), 'bad.jsonl line 1')).toThrow(/oxide\.light/);
  });
});
