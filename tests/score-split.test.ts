// A batch's scores split by objective (an analyst's review: a tournament said Japan's hawk scores -2 and the persona
// +1.5, and nothing said on what). The parts come from the state each turn (objectivePartsIn), the same function on the
// same fields as the turn's own objective; each result line carries the split (scoreBy), the CSVs its columns, and
// selfplay and tournament print the means.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COUNTRIES, OBJECTIVES, makeAgent, objectivePartsIn, playGame, type CountryId, type Seats } from '../engine/index.ts';
import { CSV_HEADER, csvRow, playOne, runId } from '../src/cli/batch.ts';
import { roundResult } from '../src/cli/game-result.ts';
import { parseResultLine } from '../src/cli/results.ts';
import { gamesOf, selfplayHtml, type ResultLine as ReportLine } from '../src/cli/report-games.ts';
import { gambit } from './cli-run.ts';
import { content } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'gambit-split-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const all = (a: string) => Object.fromEntries(COUNTRIES.map((c) => [c, a])) as Record<CountryId, string>;
const task = (agents: Record<CountryId, string>, seed = 4, turns = 8) => ({ scenario: 'rare-earth-gambit', game: 0, seed, agents, turns, run: runId(content, { seed, games: 1, agents, turns }), runGames: 1, exact: true });
const sum = (by: Record<string, number>) => OBJECTIVES.reduce((x, k) => x + by[k], 0);

describe('the score split by objective', () => {
  it('takes the parts from the state: in OBJECTIVES order they sum to the turn objective to the bit, every turn and country', () => {
    let checked = 0;
    for (const who of ['status-quo', 'persona', 'hawk']) {
      const seats = Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, who, c)])) as Seats;
      playGame(content, 3, seats, { turns: 12, ledger: false, keepReports: false, onState: (s) => {
        for (const c of COUNTRIES) {
          const p = objectivePartsIn(content, s, c);
          let t = 0;
          for (const k of OBJECTIVES) t += p[k];
          expect(t, `${who} turn ${s.turn} ${c}`).toBe(s.regions[c].last.objective);
          checked++;
        }
      } });
    }
    expect(checked).toBe(3 * 12 * COUNTRIES.length);
  });

  it('splits each score into parts that add up to it; a game of status-quo seats splits into zeros', () => {
    const line = playOne(task({ ...all('persona'), JPN: 'hawk' }), content);
    for (const c of COUNTRIES) expect(sum(line.scoreBy![c]), c).toBeCloseTo(line.scores[c], 9);
    // the hawk's score is not all one part (a test of the split, not of the hawk: two parts move)
    expect(OBJECTIVES.filter((k) => Math.abs(line.scoreBy!.JPN[k]) > 1e-6).length).toBeGreaterThan(1);
    const still = playOne(task(all('status-quo')), content);
    for (const c of COUNTRIES) for (const k of OBJECTIVES) expect(still.scoreBy![c][k]).toBe(0);
  });

  it('is rounded to 0.01 in files, sits in the CSV after the old columns, and older lines without it still read', () => {
    const line = roundResult(playOne(task({ ...all('persona'), CHN: 'hawk' }), content));
    for (const c of COUNTRIES) for (const k of OBJECTIVES) expect(Math.round(line.scoreBy![c][k] * 100) / 100).toBe(line.scoreBy![c][k]);
    const cells = csvRow(line).split(',');
    expect(cells).toHaveLength(CSV_HEADER.length);
    expect(CSV_HEADER.indexOf('score_gdp_AUS')).toBe(CSV_HEADER.indexOf('turns') + 1);
    expect(Number(cells[CSV_HEADER.indexOf('score_security_CHN')])).toBe(line.scoreBy!.CHN.security);
    const { scoreBy: _gone, ...old } = line;
    const back = parseResultLine(JSON.stringify(old), 'old.jsonl line 1');
    expect(back.scoreBy).toBeUndefined();
    expect(csvRow(back).split(',')[CSV_HEADER.indexOf('score_security_CHN')]).toBe('');
    const bad = { ...line, scoreBy: { ...line.scoreBy!, JPN: { ...line.scoreBy!.JPN, luck: 1 } } };
    expect(() => parseResultLine(JSON.stringify(bad), 'bad.jsonl line 1')).toThrow(/bad\.jsonl line 1: .*luck/);
  });

  it('selfplay prints each country\'s mean split, the mean of the split its file holds per game', () => {
    const out = join(dir, 'sp.jsonl');
    const r = gambit('selfplay', '--games', '3', '--turns', '6', '--agents', 'JPN=hawk', '--no-progress', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/mean scores over 3 games, split by objective/);
    expect(r.stderr).toMatch(/^JPN hawk +[-+]?\d\.\d\d +±\d\.\d\d \| +([-+]?\d\.\d\d +){6}[-+]?\d\.\d\d$/m);
    // the score's 95% interval beside its mean (the summary gave means alone, where report gave intervals)
    const sc = lines0(out).map((l) => l.scores.JPN);
    const m = sc.reduce((a, b) => a + b, 0) / sc.length;
    const sd = Math.sqrt(sc.reduce((a, b) => a + (b - m) ** 2, 0) / (sc.length - 1));
    expect(Number(/^JPN hawk +\S+ +±(\S+) \|/m.exec(r.stderr)![1])).toBeCloseTo((4.303 * sd) / Math.sqrt(3), 2); // t(0.975, 2 df) = 4.303
    const lines = lines0(out);
    const mean = lines.reduce((x, l) => x + l.scoreBy!.JPN.security, 0) / lines.length;
    const shown = new RegExp(`^JPN hawk .*\\| +\\S+ +(\\S+)`, 'm').exec(r.stderr)![1];
    expect(Number(shown)).toBeCloseTo(mean, 1);
  });

  it("tournament prints each agent's split over its profiles and payoffs.csv holds each profile's mean split", () => {
    const out = join(dir, 'tn');
    const r = gambit('tournament', '--pool', 'JPN=persona,hawk', '--games-per-profile', '2', '--turns', '6', '--no-progress', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/the mean scores split by objective/);
    expect(r.stdout).toMatch(/^hawk +[-+]?\d\.\d\d \| /m);
    const [head, ...rows] = readFileSync(join(out, 'payoffs.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const games = readFileSync(join(out, 'games.jsonl'), 'utf8').trim().split('\n').map((t) => parseResultLine(t, 'games.jsonl'));
    const at = (name: string) => head.indexOf(name);
    expect(at('mean_security_JPN')).toBeGreaterThan(at('ci95_high_USA'));
    rows.forEach((row, i) => {
      const mine = games.filter((g) => g.agents.JPN.startsWith(row[at('agent_JPN')]));
      expect(mine).toHaveLength(2);
      // games.jsonl is rounded to 0.01, the table is of the games' own splits
      expect(Math.abs(Number(row[at('mean_security_JPN')]) - (mine[0].scoreBy!.JPN.security + mine[1].scoreBy!.JPN.security) / 2), `profile ${i}`).toBeLessThan(0.011);
      expect(OBJECTIVES.reduce((x, k) => x + Number(row[at(`mean_${k}_JPN`)]), 0)).toBeCloseTo(Number(row[at('mean_JPN')]), 3);
    });
  });

  it("gambit report's self-play table of the split: each country's mean part, the older games without it counted out", () => {
    const lines = [1, 2].map((seed) => roundResult(playOne({ ...task({ ...all('persona'), JPN: 'hawk' }, seed, 4), exact: false }, content)));
    const html = selfplayHtml([{ file: 'sp.jsonl', games: gamesOf(lines as ReportLine[]) }]);
    expect(html).toMatch(/Mean score split by objective, points: /);
    const mean = (lines[0].scoreBy!.JPN.security + lines[1].scoreBy!.JPN.security) / 2;
    const row = /<b>JPN<\/b><\/td>((?:<td[^>]*>[^<]*<\/td>){7})/.exec(html.slice(html.indexOf('Mean score split')))![1];
    const cells = [...row.matchAll(/>([^<]*)<\/td>/g)].map((m) => Number(m[1].replace('\u2212', '-')));
    expect(cells[OBJECTIVES.indexOf('security')]).toBeCloseTo(mean, 2);
    const { scoreBy: _gone, ...old } = lines[0];
    expect(selfplayHtml([{ file: 'sp.jsonl', games: gamesOf([old, lines[1]] as ReportLine[]) }])).toMatch(/1 game of 2: the others were written before scores were split/);
    expect(selfplayHtml([{ file: 'sp.jsonl', games: gamesOf([old] as ReportLine[]) }])).not.toMatch(/Mean score split/);
  });
});

function lines0(out: string) {
  return readFileSync(out, 'utf8').trim().split('\n').map((t) => parseResultLine(t, 'sp.jsonl'));
}
