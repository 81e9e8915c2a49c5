// The browser kept one autosave: a player could not go back to the turn before last, or to the game before a new one.
// It now keeps the last three, each with its turn, the latest still under the key earlier versions read.
import { describe, expect, it } from 'vitest';
import { AUTOSAVE, AUTOSAVES, KEEP, listAutosaves, recordAutosave, savedGame, savedLabel } from '../src/ui/autosaves.ts';
import { setLang } from '../src/ui/i18n.ts';

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
    expect(list.map((a) => a.saved)).toEqual([5, 4, 3].map((n) => ({ country: 'JPN', turn: n + 1, turns: 40, over: false })));
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

// A finished game's autosave read "Japan, turn 40 of 40" on the start screen (and "Loaded: turn 40 of 40 is next" once
// loaded), as if the last turn were still to play: it now says the game is over.
describe('a finished game\'s autosave', () => {
  it('is marked over, and its buttons say so', async () => {
    expect(savedGame(save(40))).toEqual({ country: 'JPN', turn: 40, turns: 40, over: true });
    expect(savedGame(save(39))?.over).toBe(false);
    await setLang('en');
    expect(savedLabel(savedGame(save(39))!, 'resume')).toBe('Resume autosaved game (Japan, turn 40 of 40)');
    expect(savedLabel(savedGame(save(40))!, 'resume')).toBe('Resume autosaved game (Japan, game over after 40 turns)');
    expect(savedLabel(savedGame(save(40))!, 'older')).toBe('Japan, game over after 40 turns');
    expect(savedLabel(savedGame(save(3))!, 'older')).toBe('Japan, turn 4 of 40');
    await setLang('ja');
    expect(savedLabel(savedGame(save(40))!, 'older')).toBe('日本、40ターンで終了');
    await setLang('en');
  });
});
