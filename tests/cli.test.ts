// The gambit CLI as its users meet it: output contracts, determinism, replays, scripted agents, self-play files, and one-line errors with exit 2.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gambit, type Run } from './cli-run.ts';
import { points } from '../src/cli/table.ts';

const TMP = mkdtempSync(join(tmpdir(), 'gambit-cli-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const lines = (s: string) => s.replace(/\n$/, '').split('\n');

const COUNTRIES = ['AUS', 'CHN', 'JPN', 'MYS', 'USA'];
const SHARE_REGIONS = ['CHN', 'USA', 'AUS', 'MYS', 'JPN', 'ROW'];
const COUNTRY_KEYS = ['gdp', 'autoProduction', 'autoExports', 'magnetSupplyRatio', 'importShareFrom', 'defenseSpendingPct', 'approval', 'score'];

interface TurnLine {
  turn: number;
  date: string;
  prices: Record<string, { world: number; CHN: number; byRegion: Record<string, number> }>;
  flows: Record<string, Record<string, number>>;
  stockpiles: Record<string, { light: number; heavy: number }>;
  shares: Record<string, Record<string, number>>;
  countries: Record<string, Record<string, unknown> & { autoExports: Record<string, number>; magnetSupplyRatio: number; defenseSpendingPct: number }>;
  events: string[];
}

// `run --seed 3 --turns 4 --format jsonl` with the default (persona) agents: shared by several tests below
let persona3: Run;
beforeAll(() => {
  persona3 = gambit('run', '--seed', '3', '--turns', '4', '--format', 'jsonl');
});

describe('gambit run --format jsonl', () => {
  it('prints 4 turn objects with the documented keys, then the final scores', () => {
    expect(persona3.stderr).toBe('');
    expect(persona3.code).toBe(0);
    const out = lines(persona3.stdout).map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    const turns = out.slice(0, 4) as TurnLine[];
    expect(turns.map((t) => t.turn)).toEqual([1, 2, 3, 4]);
    expect(turns.map((t) => t.date)).toEqual(['2025Q4', '2026Q1', '2026Q2', '2026Q3']);
    for (const t of turns) {
      expect(Object.keys(t).sort()).toEqual(['countries', 'date', 'events', 'flows', 'prices', 'shares', 'stockpiles', 'turn']);
      expect(Object.keys(t.prices).sort()).toEqual(['magnet', 'ore.heavy', 'ore.light', 'oxide.heavy', 'oxide.light']);
      expect(Object.keys(t.prices.magnet.byRegion)).toEqual(['AUS', 'CHN', 'JPN', 'MYS', 'ROW', 'USA']);
      expect(Object.keys(t.flows).sort()).toEqual(['magnet', 'ore.heavy', 'ore.light', 'oxide.heavy', 'oxide.light']);
      for (const k of Object.keys(t.flows.magnet)) expect(k).toMatch(/^[A-Z]{3}(>[A-Z]{3}){1,2}$/);
      expect(Object.keys(t.stockpiles).sort()).toEqual(['AUS', 'CHN', 'JPN', 'MYS', 'USA']);
      for (const p of Object.values(t.prices)) {
        expect(p.world).toBeGreaterThan(0);
        expect(p.CHN).toBeGreaterThan(0);
      }
      expect(Object.keys(t.shares).sort()).toEqual(['magnets', 'mining', 'refining']);
      for (const [stage, sh] of Object.entries(t.shares)) {
        expect(Object.keys(sh).sort(), stage).toEqual([...SHARE_REGIONS].sort());
        const sum = Object.values(sh).reduce((a, b) => a + b, 0);
        expect(sum, `${stage} shares sum`).toBeCloseTo(1, 2);
        for (const v of Object.values(sh)) expect(v).toBeGreaterThanOrEqual(0);
      }
      expect(Object.keys(t.countries).sort()).toEqual(COUNTRIES);
      for (const c of COUNTRIES) {
        const row = t.countries[c];
        for (const k of COUNTRY_KEYS) expect(row, `${c}.${k}`).toHaveProperty(k);
        for (const k of ['gdp', 'autoProduction', 'magnetSupplyRatio', 'defenseSpendingPct', 'approval', 'score']) expect(typeof row[k], `${c}.${k}`).toBe('number');
        expect(row.autoExports).not.toHaveProperty(c);
        expect(Object.keys(row.importShareFrom as object).sort()).toEqual(SHARE_REGIONS.filter((r) => r !== c).sort());
      }
      expect(Array.isArray(t.events)).toBe(true);
      for (const e of t.events) expect(e).toMatch(/^[a-z0-9-]+$/);
    }
    // the car trade the game is about shows up: Japan ships cars to the US
    expect(turns[0].countries.JPN.autoExports.USA).toBeGreaterThan(0);
    const final = out[4];
    expect(Object.keys(final)).toEqual(['final']);
    expect(Object.keys(final.final.scores).sort()).toEqual(COUNTRIES);
    for (const c of COUNTRIES) expect(Number.isFinite(final.final.scores[c])).toBe(true);
  });

  it('is byte-identical for the same seed and differs for another seed', () => {
    const again = gambit('run', '--seed', '3', '--turns', '4', '--format', 'jsonl');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(persona3.stdout);
    const other = gambit('run', '--seed', '4', '--turns', '4', '--format', 'jsonl');
    expect(other.code).toBe(0);
    expect(lines(other.stdout)).toHaveLength(5);
    expect(other.stdout).not.toBe(persona3.stdout);
  });
});

describe('gambit run --format table, --out and replay verify', () => {
  const replay = join(TMP, 'replay', 'r.json');
  let table: Run;
  beforeAll(() => {
    table = gambit('run', '--seed', '3', '--turns', '4', '--format', 'table', '--out', replay);
  });

  it('prints a header, a row per turn and a final score line per country', () => {
    expect(table.code).toBe(0);
    const out = lines(table.stdout);
    expect(out[0]).toMatch(/^Rare Earth Gambit, 2025-2035 \| its first 4 turns of 40 \| seed 3 \|/); // a run shorter than the scenario says so
    expect(out.some((l) => /^turn\s+date\s+\|/.test(l))).toBe(true);
    const rows = out.filter((l) => /^\s+\d+ \d{4}Q[1-4] \|/.test(l));
    expect(rows.map((l) => l.trim().split(/\s+/)[1])).toEqual(['2025Q4', '2026Q1', '2026Q2', '2026Q3']);
    const fi = out.findIndex((l) => l.startsWith('Final scores'));
    expect(fi).toBeGreaterThan(0);
    const scoreLines = out.slice(fi).filter((l) => /^(AUS|CHN|JPN|MYS|USA)\s+\S+\s+([+-]\d+\.\d\d|0\.00) \|/.test(l));
    // no "-0.00": a score that rounds to zero reads 0.00 (points() in src/cli/table.ts: a ± here is an interval)
    expect(table.stdout).not.toMatch(/-0\.00\b/);
    expect(scoreLines.map((l) => l.slice(0, 3)).sort()).toEqual(COUNTRIES);
    expect(table.stdout).toContain(`replay written to ${replay}`);
  });

  it('writes a replay that verifies (exit 0), and names the turn when a hash or an order is tampered with (exit 1)', () => {
    expect(table.code).toBe(0);
    expect(readdirSync(dirname(replay))).toEqual(['r.json']);
    const r = JSON.parse(readFileSync(replay, 'utf8'));
    expect(r.seed).toBe('3');
    expect(r.orders).toHaveLength(4);
    expect(r.hashes).toHaveLength(4);

    const ok = gambit('replay', 'verify', replay);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^ok: .*4 turns match/);
    // against another scenario: both are named
    const other = gambit('replay', 'verify', replay, '--scenario', 'japans-gambit');
    expect(other.code).not.toBe(0);
    expect(other.stdout + other.stderr).toContain("content differs from the replay's (the replay's scenario rare-earth-gambit; checked against japans-gambit)");

    const badHash = structuredClone(r);
    badHash.hashes[2] = '0123456789abcdef';
    writeFileSync(join(TMP, 'bad-hash.json'), JSON.stringify(badHash));
    const v1 = gambit('replay', 'verify', join(TMP, 'bad-hash.json'));
    expect(v1.code).toBe(1);
    expect(v1.stdout + v1.stderr).toMatch(/\bturn 3\b/);
    expect(v1.stdout + v1.stderr).not.toMatch(/\bturn [124]\b/);

    const badOrder = structuredClone(r);
    badOrder.orders[1].JPN = { ...badOrder.orders[1].JPN, tariffs: { USA: { autos: 50 } } };
    writeFileSync(join(TMP, 'bad-order.json'), JSON.stringify(badOrder));
    const v2 = gambit('replay', 'verify', join(TMP, 'bad-order.json'));
    expect(v2.code).toBe(1);
    expect(v2.stdout + v2.stderr).toMatch(/\bturn 2\b/);

    const badType = structuredClone(r);
    badType.orders[2].JPN = { tariffs: { USA: { autos: 'x' } } };
    writeFileSync(join(TMP, 'bad-type.json'), JSON.stringify(badType));
    const v3 = gambit('replay', 'verify', join(TMP, 'bad-type.json'));
    expect(v3.code).toBe(1);
    // one line, the heading running into its first item (it printed "invalid orders:; $.JPN...")
    expect(v3.stdout + v3.stderr).toMatch(/turn 3's orders are refused: invalid orders: \$\.JPN\.tariffs\.USA\.autos: expected number, found string\n$/);
  });
});

describe('bad flags and values', () => {
  const cases: [string, string[], RegExp[]][] = [
    ['an unknown flag', ['run', '--bogus'], [/--bogus/]],
    ['a seed that is not a number', ['run', '--seed', 'abc'], [/--seed/, /abc/]],
    ['an unknown format', ['run', '--format', 'xml'], [/--format/, /xml/]],
    ['an unknown agent', ['run', '--agents', 'JPN=nobody'], [/--agents/, /nobody/]],
    ['an unknown scenario', ['run', '--scenario', 'nope'], [/--scenario/, /nope/]],
  ];
  for (const [label, args, want] of cases) {
    it(`${label} (${args.join(' ')}): one line on stderr naming it, nothing on stdout, exit 2`, () => {
      const r = gambit(...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.endsWith('\n')).toBe(true);
      expect(lines(r.stderr)).toHaveLength(1);
      for (const re of want) expect(r.stderr).toMatch(re);
    });
  }
});

describe('gambit agents and scenarios', () => {
  it('agents lists one per line, every built-in included', () => {
    const r = gambit('agents');
    expect(r.code).toBe(0);
    const names = lines(r.stdout).map((l) => l.split(/\s+/)[0]);
    for (const n of ['status-quo', 'persona', 'free-trader', 'protectionist', 'hawk', 'tit-for-tat', 'diversifier', 'random', 'planner']) expect(names).toContain(n);
    expect(new Set(names).size).toBe(names.length);
    for (const l of lines(r.stdout)) expect(l).toMatch(/^\S+\s+\S/);
  });

  it('scenarios lists one per line, the default included', () => {
    const r = gambit('scenarios');
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((l) => l.split(/\s+/)[0])).toContain('rare-earth-gambit');
    expect(out.find((l) => l.startsWith('rare-earth-gambit'))).toMatch(/40 turns/);
  });
});

describe('scripted agents', () => {
  // the README example, split into its tariff part (for the USA) and its export-control part (for CHN)
  const usaScript = { turns: { '1': { tariffs: { JPN: { autos: 27.5 } } } } };
  const chnScript = {
    turns: {
      '3': {
        exportControls: { JPN: { 'oxide.heavy': 'banned', magnet: 'banned' }, '*': { 'oxide.light': { licensed: 0.6 } } },
        defenseSpendingPct: 1.9, // from 1.7: within a turn's step at approval 40 or more (2.0 needs 60 and more, and China's was just under)
      },
    },
  };

  it('run with --agents USA=scripted:<f1>,CHN=scripted:<f2>, and their effects show in the jsonl', () => {
    const f1 = join(TMP, 'usa-script.json');
    const f2 = join(TMP, 'chn-script.json');
    writeFileSync(f1, JSON.stringify(usaScript, null, 2));
    writeFileSync(f2, JSON.stringify(chnScript, null, 2));
    const r = gambit('run', '--seed', '3', '--turns', '4', '--format', 'jsonl', '--agents', `USA=scripted:${f1},CHN=scripted:${f2}`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = lines(r.stdout).map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(out[4].final.agents).toMatchObject({ USA: `scripted:${f1}`, CHN: `scripted:${f2}` });
    const scripted = out.slice(0, 4) as TurnLine[];
    const persona = lines(persona3.stdout).slice(0, 4).map((l) => JSON.parse(l)) as TurnLine[];
    // a 27.5% US tariff on Japanese cars from turn 1: fewer Japanese cars go to the US than in the persona run, every turn
    for (let i = 0; i < 4; i++) expect(scripted[i].countries.JPN.autoExports.USA, `turn ${i + 1}`).toBeLessThan(persona[i].countries.JPN.autoExports.USA);
    // China bans heavy oxide and magnets to Japan at turn 3: Japan's magnet supply falls that turn
    const ratio = scripted.map((t) => t.countries.JPN.magnetSupplyRatio);
    expect(ratio[2]).toBeLessThan(ratio[1] - 0.01);
    expect(ratio[2]).toBeLessThan(persona[2].countries.JPN.magnetSupplyRatio);
    expect(scripted[2].countries.CHN.defenseSpendingPct).toBeCloseTo(1.9, 6);
    expect(scripted[1].countries.CHN.defenseSpendingPct).not.toBeCloseTo(1.9, 6);
  });

  it('a malformed script file gives one line per problem naming the file and path, and exit 1 (a file refused for what it holds)', () => {
    const bad = join(TMP, 'bad-script.json');
    writeFileSync(
      bad,
      JSON.stringify({
        turns: {
          '1': { tariffs: { JPN: { autos: 'high' } } },
          '3': { exportControls: { JPN: { magnet: 'closed' } }, bogus: 1 },
        },
      }),
    );
    const r = gambit('run', '--seed', '3', '--turns', '2', '--agents', `USA=scripted:${bad}`);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const err = lines(r.stderr).map((l) => l.replace(/^gambit: /, ''));
    expect(err).toHaveLength(3);
    for (const l of err) expect(l.startsWith(`${bad}: $.turns`), l).toBe(true);
    expect(err.find((l) => l.includes('$.turns["1"].tariffs.JPN.autos'))).toMatch(/expected number, found string "high"/);
    expect(err.find((l) => l.includes('$.turns["3"].exportControls.JPN.magnet'))).toMatch(/found string "closed"/);
    expect(err.find((l) => l.includes('$.turns["3"].bogus'))).toMatch(/no such key/);
    // a key that is not a turn number is named as such, whether it looks like an index or a name
    const notTurn = join(TMP, 'not-a-turn.json');
    writeFileSync(notTurn, JSON.stringify({ turns: { x: {} } }));
    const v = gambit('validate', notTurn);
    expect(v.code).toBe(1);
    expect(v.stdout).toBe(`${notTurn}: $.turns.x: expected a turn number (1, 2, ...) as the key, found an object {}\n`);
  });

  it('a script that is not JSON is named with the line and column of the fault, in run and in validate', () => {
    // a trailing comma on line 2: the fault is the "}" in column 45 (Node 20 says only "at position 56")
    const f = join(TMP, 'trailing-comma.json');
    writeFileSync(f, '{"turns": {\n  "1": { "tariffs": { "USA": { "autos": 27, } } }\n}}\n');
    const r = gambit('run', '--turns', '1', '--agents', `USA=scripted:${f}`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^gambit: scripted:${f}: not valid JSON \\(.*position 56 \\(line 2 column 45\\)\\)\n$`));
    const v = gambit('validate', f);
    expect(v.code).toBe(1);
    expect(v.stdout.match(/line 2 column 45/g)).toHaveLength(1);
  });

  it('orders refused during a batch name the game and seed to replay, with one worker or two', () => {
    // a valid script that the game refuses when the turn runs: the USA releases more than its stockpile holds
    const own = join(TMP, 'own-tariff.json');
    writeFileSync(own, JSON.stringify({ turns: { '2': { stockpileRelease: { heavy: 1000000 } } } }));
    for (const w of ['1', '2']) {
      const out = join(TMP, `own-${w}`, 'r.jsonl');
      const r = gambit('selfplay', '--games', '3', '--turns', '2', '--seed', '7', '--workers', w, '--no-progress', '--agents', `USA=scripted:${own}`, '--out', out);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^gambit: made the folder ${dirname(out).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\ngambit: game 0 \\(seed 7\\), turn 2: the orders of USA=scripted:${own} were refused: \\$\\.USA\\.stockpileRelease\\.heavy: releases 1000000 t but the stockpile holds \\d+ t\\ngambit: removed the folder ${dirname(out).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} it had made \\(nothing was written to it\\)\\n$`));
      expect(existsSync(dirname(out))).toBe(false); // the folder it made, empty, goes with the failed command
    }
    // a tariff on itself is refused by the file alone: before any game, naming the seat and where in the script
    const self = join(TMP, 'self-tariff.json');
    writeFileSync(self, JSON.stringify({ turns: { '2': { tariffs: { USA: { autos: 10 } } } } }));
    const early = gambit('selfplay', '--games', '3', '--turns', '2', '--seed', '7', '--no-progress', '--agents', `USA=scripted:${self}`, '--out', join(TMP, 'own-self', 'r.jsonl'));
    expect(early.code).toBe(2);
    expect(early.stderr).toBe(`gambit: --agents USA=scripted:${self}: ${self}: $.turns["2"].tariffs.USA: expected a partner other than USA (a country cannot set a tariff on itself; this script plays USA), found "USA"\n`);
    // one game alone says only the turn
    const one = gambit('run', '--seed', '7', '--turns', '2', '--agents', `USA=scripted:${own}`);
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(/^gambit: turn 2: the orders of USA=scripted:/);
  }, 60_000);
});

describe('gambit selfplay', () => {
  it('writes one JSON line per game with seed, agents and scores, and leaves no temp files', () => {
    const dir = join(TMP, 'selfplay');
    mkdirSync(dir);
    const file = join(dir, 's.jsonl');
    const r = gambit('selfplay', '--games', '3', '--turns', '3', '--seed', '5', '--out', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const out = lines(readFileSync(file, 'utf8')).map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out.map((g) => g.seed)).toEqual([5, 6, 7]);
    for (const g of out) {
      expect(Object.keys(g.agents).sort()).toEqual(COUNTRIES);
      expect(Object.keys(g.scores).sort()).toEqual(COUNTRIES);
      for (const c of COUNTRIES) expect(Number.isFinite(g.scores[c])).toBe(true);
    }
    expect(readdirSync(dir).sort()).toEqual(['s.csv', 's.jsonl']);
  });
});

describe('points in the score card', () => {
  it('signs a score, never prints -0.00, and writes a zero 0.00 (a ± is an interval in the CLI\'s tables)', () => {
    expect([1.234, 0.07, 0.0049, 0, -0.0049, -0.16, -2].map(points)).toEqual(['+1.23', '+0.07', '0.00', '0.00', '0.00', '-0.16', '-2.00']);
  });
});

describe('the score means what it says', () => {
  it('a seat that does nothing scores exactly 0 (its yardstick is the same game with it doing nothing)', () => {
    for (const seed of ['1', '2', '3']) {
      const r = gambit('run', '--seed', seed, '--turns', '12', '--agents', 'JPN=status-quo', '--format', 'jsonl');
      expect(r.code).toBe(0);
      const out = lines(r.stdout).map((l) => JSON.parse(l));
      const final = out.at(-1).final;
      expect(final.scores.JPN).toBe(0);
      for (const t of out.slice(0, -1)) expect(t.countries.JPN.score).toBe(0);
      // the others played persona agents and reacted: their scores need not be 0
      expect(Object.values(final.scores).some((v) => v !== 0)).toBe(true);
      // the score split by objective adds up to the score (to rounding)
      for (const c of COUNTRIES) {
        const by = final.scoreBy[c] as Record<string, number>;
        expect(Object.keys(by)).toEqual(['gdp', 'security', 'approval', 'autoProduction', 'supplySecurity', 'independence', 'environment']);
        expect(Math.abs(Object.values(by).reduce((a, b) => a + b, 0) - final.scores[c])).toBeLessThanOrEqual(0.04);
      }
    }
  }, 60_000);
});

describe('yardstick games with scripts', () => {
  it('a script that answers another seat still runs: in that seat\'s yardstick game its refused orders are dropped', () => {
    const u = join(TMP, 'usa-propose.json');
    const j = join(TMP, 'jpn-accept.json');
    writeFileSync(u, JSON.stringify({ turns: { 1: { deals: { propose: [{ to: 'JPN', give: [{ type: 'tariffCap', good: 'autos', max: 10 }], get: [{ type: 'investment', usdBn: 20 }], termTurns: 4 }] } } } }));
    writeFileSync(j, JSON.stringify({ turns: { 2: { deals: { accept: ['D6'] } } } }));
    const r = gambit('run', '--seed', '1', '--turns', '4', '--agents', `USA=scripted:${u},JPN=scripted:${j}`, '--format', 'jsonl');
    expect(r.code).toBe(0);
    expect(JSON.parse(lines(r.stdout).at(-1)!).final.turns).toBe(4);
  });
});

describe('--help', () => {
  it('every command answers --help on stdout, exit 0, and the analyst commands name their outputs', () => {
    const top = gambit('--help');
    expect(top.code).toBe(0);
    const cmds = [...top.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(cmds).toEqual(expect.arrayContaining(['run', 'selfplay', 'merge', 'tournament', 'analyze', 'sweep', 'fork', 'experiment', 'report', 'replay']));
    for (const c of cmds) {
      const r = gambit(c, '--help');
      expect(r.code, c).toBe(0);
      expect(r.stdout, c).toMatch(new RegExp(`^Usage: gambit ${c} `));
    }
    expect(gambit('tournament', '--help').stdout).toMatch(/payoffs\.json, payoffs\.csv, games\.jsonl/);
    expect(gambit('report', '--help').stdout.replace(/\s+/g, ' ')).toMatch(/payoffs\.json \(and analysis\.json, else analyzed afresh\), sweep\.json, forks \(\*\.fork\.json, or any \*\.json gambit fork wrote\), self-play \*\.jsonl/);
  }, 180_000);
});

describe('a misspelt flag', () => {
  it('is named in one line with a suggestion, even when a required flag is missing with it', () => {
    const cases: [string[], string][] = [
      // --games is required, and missing because it is misspelt: the misspelling is what to name
      [['selfplay', '--gmes', '5'], "gambit: unknown option '--gmes' (Did you mean --games?)\n"],
      [['tournament', '--pool', 'JPN=hawk,persona', '--games-per-profil', '2'], "gambit: unknown option '--games-per-profil' (Did you mean --games-per-profile?)\n"],
      [['selfplay', '--games', '2', '--wrokers', '2'], "gambit: unknown option '--wrokers' (Did you mean --workers?)\n"],
      // a required flag simply left out is still named as such
      [['selfplay', '--turns', '1'], "gambit: required option '--games <n>' not specified\n"],
    ];
    for (const [args, err] of cases) {
      const r = gambit(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(err);
    }
  }, 60_000);
});

describe('the README\'s commands', () => {
  it('never redirect or pipe the output of a plain `npm run`, whose own header lines go to stdout first', () => {
    const text = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const bad = text
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, ''))
      .filter((l) => /^\s*npm run (?!-s |--silent )\S+/.test(l) && /\s(>|>>|\|)\s/.test(l));
    expect(bad).toEqual([]);
    // what a plain `npm run` prints before the program's own output, so the rule above matters
    expect(text).toContain('a plain `npm run` first prints its own\ntwo header lines');
  });
});
