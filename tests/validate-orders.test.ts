// `gambit validate` refuses a script's orders that play would refuse whatever the game (a self-tariff, ...), each with
// the file, JSON path, what was expected and what was found; every case here is checked against the engine's own
// play-time validation too, so validate refuses nothing that play would accept. A seat playing such a script is
// refused before the game starts.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGame, validateOrders, type CountryId } from '../engine/index.ts';
import { content } from './helpers.ts';
import { gambit, ROOT } from './cli-run.ts';

const TMP = mkdtempSync(join(tmpdir(), 'gambit-validate-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const script = (name: string, turn1: object) => {
  const f = join(TMP, `${name}.json`);
  writeFileSync(f, JSON.stringify({ turns: { '1': turn1 } }));
  return f;
};
/** The engine's own verdict on these orders as `c`'s in turn 1. */
const playRefuses = (c: CountryId, orders: object) => !validateOrders(content, createGame(content, 1), { [c]: orders }).ok;

describe('validate: orders play would refuse', () => {
  it('a self-tariff, checked as the seat that plays it (COUNTRY=PATH), is refused with file, path, expected and found', () => {
    const orders = { tariffs: { JPN: { autos: 30 } } };
    expect(playRefuses('JPN', orders)).toBe(true);
    const f = script('self-tariff', orders);
    const r = gambit('validate', `JPN=${f}`);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${f}: $.turns["1"].tariffs.JPN: expected a partner other than JPN (a country cannot set a tariff on itself; this script plays JPN), found "JPN"\n`);
    // a seat that is no country is named as such (it read as a file "XXX=PATH" not found); a missing file in words
    // (a path that cannot be used is a usage error, as in every command: stderr, exit 2, the other files still checked)
    const x = gambit('validate', `XXX=${f}`, join(TMP, 'missing.json'), TMP, `USA=${f}`);
    expect(x.code).toBe(2);
    expect(x.stderr).toBe(`gambit: validate: XXX=${f}: XXX= names no country: COUNTRY=PATH checks a script as that country's (AUS, CHN, JPN, MYS, USA)\ngambit: validate: ${join(TMP, 'missing.json')}: cannot read it (no such file or directory)\ngambit: validate: ${TMP}: it is a directory, not a file\n`);
    expect(x.stdout).toBe(`ok: ${f} (script for USA)\n`);
    // a script over the cap a seat's script is read under is refused by validate too (it said nothing of the size)
    const big = join(TMP, 'big.json');
    writeFileSync(big, JSON.stringify({ turns: { '1': {} } }) + ' '.repeat(4.2 * 1024 * 1024));
    const vb = gambit('validate', big);
    expect([vb.code, vb.stdout]).toEqual([1, `${big}: $: expected a script of at most 4 MB (the limit a seat's script is read under), found a file of 4.2 MB\n`]);
    // the same file for another seat is fine, and without a seat validate says which seats can play it
    expect(gambit('validate', `USA=${f}`).stdout).toBe(`ok: ${f} (script for USA)\n`);
    const any = gambit('validate', f);
    expect(any.code).toBe(0);
    expect(any.stdout).toBe(`ok: ${f} (script; any seat but JPN, which its orders name as the other side; give COUNTRY=${f} to check it as one seat's)\n`);
    // and a seat that plays it is refused before the game starts, in one line, nothing printed on stdout
    const run = gambit('run', '--turns', '2', '--agents', `JPN=scripted:${f}`);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`gambit: --agents JPN=scripted:${f}: ${f}: $.turns["1"].tariffs.JPN: expected a partner other than JPN (a country cannot set a tariff on itself; this script plays JPN), found "JPN"\n`);
  });

  it('a script whose orders name every country cannot be played by any seat: refused without a seat named', () => {
    const f = script('everyone', { tariffs: { JPN: { autos: 1 }, CHN: { autos: 1 }, USA: { autos: 1 }, AUS: { autos: 1 } }, exportControls: { MYS: { magnet: 'banned' } } });
    const r = gambit('validate', f);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${f}: \\$: expected a script some country can play .*, found orders about every country: JPN at \\$\\.turns\\["1"\\]\\.tariffs\\.JPN, .*MYS at \\$\\.turns\\["1"\\]\\.exportControls\\.MYS\\n$`));
  });

  // the other orders play refuses whatever the game, which validate used to accept: [seat, orders, path, expected (part), found]
  const cases: [CountryId, object, string, string, string][] = [
    ['USA', { exportControls: { USA: { magnet: 'banned' } } }, '$.turns["1"].exportControls.USA', 'a country cannot control exports to itself', '"USA"'],
    ['USA', { deals: { propose: [{ to: 'USA', give: [{ type: 'openExports', stage: 'magnet' }], get: [], termTurns: 2 }] } }, '$.turns["1"].deals.propose[0].to', 'a country cannot make a deal with itself', '"USA"'],
    ['USA', { deals: { propose: [{ to: 'JPN', give: [], get: [], termTurns: 2 }] } }, '$.turns["1"].deals.propose[0]', 'at least one commitment', 'both empty'],
    ['USA', { deals: { break: ['JPN'] } }, '$.turns["1"].deals.break[0]', 'a deal id such as D3', '"JPN"'],
    ['USA', { deals: { accept: ['yes'] } }, '$.turns["1"].deals.accept[0]', 'a deal id such as D3, or a country code', '"yes"'],
    ['USA', { investments: [{ type: 'refinery.heavvy' }] }, '$.turns["1"].investments[0].type', 'a project type (deepSeaMud, ', '"refinery.heavvy"'],
    ['USA', { investments: [{ type: 'deepSeaMud' }] }, '$.turns["1"].investments[0].type', 'only JPN can lift Minamitorishima mud', '"deepSeaMud"'],
    ['JPN', { investments: [{ type: 'mine.new' }] }, '$.turns["1"].investments[0]', 'mine.new can only be built in AUS, USA, MYS', 'no host, so JPN itself'],
    ['JPN', { investments: [{ type: 'stockpile.heavy', host: 'AUS' }] }, '$.turns["1"].investments[0].host', 'stockpile.heavy is bought for the country itself', '"AUS"'],
    ['JPN', { investments: [{ type: 'recycling', units: 5 }, { type: 'recycling', units: 4 }] }, '$.turns["1"].investments', 'at most 8 units of recycling', '9 ordered in turn 1'],
  ];
  it.each(cases.map((c, i) => [i, ...c] as const))('case %i: %s %j', (i, c, orders, path, expected, found) => {
    expect(playRefuses(c, orders)).toBe(true);
    const f = script(`case-${i}`, orders);
    const r = gambit('validate', `${c}=${f}`);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    const line = lines.find((l) => l.startsWith(`${f}: ${path}: `));
    expect(line, r.stdout).toBeDefined();
    expect(line).toContain(expected);
    expect(line!.endsWith(`found ${found}`)).toBe(true);
  });

  it('the example scripts pass as the seats they were written for', () => {
    const r = gambit('validate', 'USA=examples/us-tariff.json', 'CHN=examples/china-ban.json', 'JPN=examples/japan-diversifies.json');
    expect(r.stdout).toBe('ok: examples/us-tariff.json (script for USA)\nok: examples/china-ban.json (script for CHN)\nok: examples/japan-diversifies.json (script for JPN)\n');
    expect(r.code).toBe(0);
  });

  it("--scenario checks a script against that scenario's project limits (it was always the default scenario's); a bad one is refused first", () => {
    // a scenario of one's own whose magnet plants are capped at 2 units a country (the default's cap is 5)
    const dir = join(TMP, 'own');
    cpSync(join(ROOT, 'content'), dir, { recursive: true });
    const pj = JSON.parse(readFileSync(join(dir, 'projects.json'), 'utf8'));
    expect(pj.types.magnetPlant.maxUnitsPerCountry).toBeGreaterThan(3);
    pj.types.magnetPlant.maxUnitsPerCountry = 2;
    writeFileSync(join(dir, 'projects.json'), JSON.stringify(pj));
    const scenario = join(dir, 'scenarios', 'rare-earth-gambit.json');
    const f = script('three-plants', { investments: [{ type: 'magnetPlant', units: 3 }] });
    expect(gambit('validate', `JPN=${f}`).stdout).toBe(`ok: ${f} (script for JPN)\n`);
    const r = gambit('validate', '--scenario', scenario, `JPN=${f}`);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${f}: $.turns["1"].investments: expected at most 2 units of magnetPlant (the limit per country), found 3 ordered in turn 1\n`);
    const bad = gambit('validate', '--scenario', 'no-such-scenario', `JPN=${f}`);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('--scenario: no scenario "no-such-scenario"');
  });
});

describe('a script the schema refuses, played', () => {
  it('names every problem in one run, the orders of its other turns too, as validate does (it named the schema\'s first)', () => {
    const f = join(TMP, 'two-problems.json');
    writeFileSync(f, JSON.stringify({ turns: { '1': { tarifs: {} }, '50': {} } }));
    const both = [
      `${f}: $.turns["1"].tarifs: expected no such key (not in the schema; did you mean "tariffs"?), found an object {}`,
      `${f}: $.turns["50"]: expected a turn the scenario plays (1 to 40), found turn 50, beyond the scenario's 40 turns`,
    ];
    expect(gambit('validate', `JPN=${f}`).stdout.trim().split('\n')).toEqual(both);
    const run = gambit('run', '--turns', '2', '--agents', `JPN=scripted:${f}`);
    expect([run.code, run.stdout]).toEqual([1, '']);
    expect(run.stderr.trim().split('\n')).toEqual([`gambit: ${both[0]}`, both[1]]);
  });
});

describe('refused orders say whether they are well formed (a classroom keeps a well-formed draft to mend)', () => {
  const state = createGame(content, 1);
  const verdict = (orders: unknown) => {
    const v = validateOrders(content, state, orders);
    return v.ok ? 'ok' : v.wellFormed ? 'rules' : 'shape';
  };
  it('rules only: over a limit, a self-tariff; shape: a bad field, an unknown country, not an object; one bad country makes the whole not well formed', () => {
    expect(verdict({ JPN: { tariffs: { CHN: { other: 3 } } } })).toBe('ok');
    expect(verdict({ JPN: { investments: [{ type: 'deepSeaMud', units: 4 }] } })).toBe('rules');
    expect(verdict({ JPN: { tariffs: { JPN: { autos: 30 } } } })).toBe('rules');
    expect(verdict({ JPN: { tariffs: 5 } })).toBe('shape');
    expect(verdict({ XXX: {} })).toBe('shape');
    expect(verdict([])).toBe('shape');
    expect(verdict({ JPN: { investments: [{ type: 'deepSeaMud', units: 4 }] }, CHN: { tariffs: 5 } })).toBe('shape');
  });
});
