// An analyst's `--pool JPN=diversifer` got the list of twenty agent names and no hint; misspelt flags get commander's
// "Did you mean". A misspelt agent now gets the one name it is close to (engine/agents/index.ts nearest).
import { describe, expect, it } from 'vitest';
import { makeAgent } from '../engine/index.ts';
import { nearest } from '../engine/agents/index.ts';
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
});
