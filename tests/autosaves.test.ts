// The browser kept one autosave: a player could not go back to the turn before last, or to the game before a new one.
// It now keeps the last three, each with its turn, the latest still under the key earlier versions read.
import { describe, expect, it } from 'vitest';
import { AUTOSAVE, AUTOSAVES, KEEP, listAutosaves, recordAutosave } from '../src/ui/autosaves.ts';

const store = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
};
/** a save file's head: the config and one set of orders a played turn */
const save = (turnsPlayed: number, country = 'JPN', seed = 1) => JSON.stringify({ version: 1, config: { scenarioId: 'rare-earth-gambit', country, agents: {}, turns: 40, seed }, playerOrders: Array.from({ length: turnsPlayed }, () => ({})), hashes: [] });

describe('the autosaves', () => {
  it('keeps the last three, latest first, each labelled with its turn', () => {
    const s = store();
    for (let k = 0; k <= 5; k++) recordAutosave(s, save(k));
    const list = listAutosaves(s);
    expect(KEEP).toBe(3);
    expect(list.map((a) => a.saved)).toEqual([5, 4, 3].map((n) => ({ country: 'JPN', turn: n + 1, turns: 40 })));
    expect(list[1]!.text).toBe(save(4));
  });

  it('keeps the latest under the old key, which earlier versions read', () => {
    const s = store();
    recordAutosave(s, save(1));
    recordAutosave(s, save(2));
    expect(s.getItem(AUTOSAVE)).toBe(save(2));
  });

  it('replaces an autosave of the same game and turn, and keeps another game\'s', () => {
    const s = store();
    recordAutosave(s, save(3, 'CHN', 7));
    recordAutosave(s, save(2));
    recordAutosave(s, save(2).replace('"hashes":[]', '"hashes":[],"timelines":[]'));
    const list = listAutosaves(s);
    expect(list.map((a) => [a.saved?.country, a.saved?.turn])).toEqual([['JPN', 3], ['CHN', 4]]);
  });

  it('lists a browser\'s one autosave from before the list, first', () => {
    const s = store();
    s.setItem(AUTOSAVE, save(6));
    expect(listAutosaves(s).map((a) => a.saved?.turn)).toEqual([7]);
    recordAutosave(s, save(7));
    expect(listAutosaves(s).map((a) => a.saved?.turn)).toEqual([8, 7]);
  });

  it('keeps the latest alone when the storage is too full for the list', () => {
    const s = store();
    recordAutosave(s, save(1));
    const full = { getItem: s.getItem, setItem: (k: string, v: string) => { if (k === AUTOSAVES && (JSON.parse(v) as string[]).length > 1) throw new Error('quota'); s.setItem(k, v); } };
    recordAutosave(full, save(2));
    expect(JSON.parse(s.getItem(AUTOSAVES)!)).toEqual([save(2)]);
  });
});
