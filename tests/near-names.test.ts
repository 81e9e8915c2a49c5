// An analyst's `--pool JPN=diversifer` got the list of twenty agent names and no hint, and a script's "tarifs" only
// "no such key"; misspelt flags get commander's "Did you mean". A misspelt agent or key now gets the one name it is
// close to (engine/near.ts), a key among those the schema allows at that place.
import { describe, expect, it } from 'vitest';
import { ScriptSchema, makeAgent } from '../engine/index.ts';
import { zodIssues } from '../engine/content.ts';
import { nearest } from '../engine/near.ts';
import { content } from './helpers.ts';

describe('an unknown agent name', () => {
  const names = ['status-quo', 'persona', 'hawk', 'diversifier', 'planner', 'persona-jpn', 'persona-mys', 'jpn-hub', 'jpn-mud'];
  it('names the one agent within two edits (one for short names), a swap of neighbours counting one', () => {
    expect(nearest('diversifer', names)).toBe('diversifier');
    expect(nearest('hwak', names)).toBe('hawk'); // a swap
    expect(nearest('Planer', names)).toBe('planner');
    expect(nearest('hak', names)).toBe('hawk');
    expect(nearest('hk', names)).toBeUndefined(); // two edits from a four-letter name
    expect(nearest('jpn-hum', names)).toBe('jpn-hub');
    expect(nearest('jpn-xud', names)).toBe('jpn-mud');
    expect(nearest('jpn-mub', names)).toBeUndefined(); // one from jpn-mud and one from jpn-hub: no guess
    expect(nearest('xyz', names)).toBeUndefined();
  });
  it('in the error, before the list of known agents', () => {
    expect(() => makeAgent(content, 'diversifer', 'JPN')).toThrow(/^unknown agent "diversifer" \(did you mean diversifier\?\) \(known: status-quo, /);
    expect(() => makeAgent(content, 'nothing-like-it', 'JPN')).toThrow(/^unknown agent "nothing-like-it" \(known: /);
  });
  it('a key the schema lacks names the key allowed there that it is close to, through records and arrays', () => {
    const script = { turns: { '1': { tarifs: {}, tariffs: { CHN: { autoz: 10 } }, deals: { propose: [{ to: 'USA', giv: [], give: [], get: [], termTurns: 2 }] } } } };
    const r = ScriptSchema.safeParse(script);
    expect(r.success).toBe(false);
    const issues = zodIssues('s.json', script, r.error!, ScriptSchema).map((i) => `${i.path}: ${i.expected}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        '$.turns["1"].tarifs: no such key (not in the schema; did you mean "tariffs"?)',
        '$.turns["1"].tariffs.CHN.autoz: no such key (not in the schema; did you mean "autos"?)',
        '$.turns["1"].deals.propose[0].giv: no such key (not in the schema; did you mean "give"?)',
      ]),
    );
    // without the schema, or far from every key: no guess
    expect(zodIssues('s.json', script, r.error!).map((i) => i.expected)).toContain('no such key (not in the schema)');
    const far = { turns: { '1': { xyzzy: 1 } } };
    // far from every key: no guess, but the few keys that may stand there (an analyst's unknown key named none of them)
    expect(zodIssues('s.json', far, ScriptSchema.safeParse(far).error!, ScriptSchema).map((i) => i.expected)).toEqual(['no such key (not in the schema; the keys here are deals, defenseSpendingPct, exportControls, investments, rareEarthOutputPct, stockpileRelease, stopProgrammes, tariffs)']);
    // a record's keys are its key schema's: a tariff partner far from any is told the partners, a near one guessed
    const partner = { turns: { '1': { tariffs: { XXX: { autos: 5 } }, exportControls: { CHNA: { magnet: 'banned' } } } } };
    expect(zodIssues('s.json', partner, ScriptSchema.safeParse(partner).error!, ScriptSchema).map((i) => `${i.path}: ${i.expected}`)).toEqual([
      '$.turns["1"].tariffs.XXX: no such key (not in the schema; the keys here are *, AUS, CHN, JPN, MYS, ROW, USA)',
      '$.turns["1"].exportControls.CHNA: no such key (not in the schema; did you mean "CHN"?)',
    ]);
  });
});
