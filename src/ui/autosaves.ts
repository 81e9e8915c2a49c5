// The browser's autosaves: the last few games' states, each with the turn it was saved at, so a player can go back to
// an earlier one (a turn they regret, or the game before a new one). The latest stays under the key earlier versions
// kept their one autosave in (and read it from); the list is a key of its own. Each entry is a save file as Save
// writes it (src/session/save.ts), loaded by the same path as a file.
import type { CountryId } from '../../engine/lite.ts';
import { t } from './i18n.ts';
import { countryName } from './labels.ts';

export const AUTOSAVE = 'rare-earth-gambit:autosave';
export const AUTOSAVES = 'rare-earth-gambit:autosaves';
/** how many autosaves are kept */
export const KEEP = 3;

/** What an autosave holds, for its button: the country, the next turn, the length, whether every turn is played. */
export interface SavedGame { country: CountryId; turn: number; turns: number; over: boolean }
export interface Autosave { text: string; saved: SavedGame | undefined }
type Store = Pick<Storage, 'getItem' | 'setItem'>;

interface Head { config?: { country?: CountryId; turns?: number }; playerOrders?: unknown[] }
const head = (text: string): Head | null => {
  try {
    const s = JSON.parse(text) as Head;
    return s && typeof s === 'object' ? s : null;
  } catch {
    return null;
  }
};

/** What a save holds, for its button (undefined if unreadable). */
export function savedGame(text: string): SavedGame | undefined {
  const s = head(text);
  const { country, turns } = s?.config ?? {};
  if (!country || !turns || !Array.isArray(s?.playerOrders)) return undefined;
  return { country, turn: Math.min(s.playerOrders.length + 1, turns), turns, over: s.playerOrders.length >= turns };
}

/** A saved game's button: the Resume button ('resume') or one of the earlier autosaves' ('older'); a finished game
 * says it is over, not "turn 40 of 40" (a turn still to play). */
export function savedLabel(saved: SavedGame, which: 'resume' | 'older'): string {
  const what = { country: countryName(saved.country), turn: saved.turn, turns: saved.turns };
  if (which === 'resume') return saved.over ? t('start.resumeOver', what) : t('start.resumeWhat', what);
  return saved.over ? t('start.olderSaveOver', what) : t('start.olderSave', what);
}

/** The same game at the same turn (a later autosave of it replaces the earlier: the screen was drawn again, say). */
function sameTurn(a: string, b: string): boolean {
  const x = head(a);
  const y = head(b);
  return !!x && !!y && JSON.stringify(x.config) === JSON.stringify(y.config) && x.playerOrders?.length === y.playerOrders?.length;
}

function stored(store: Store): string[] {
  try {
    const v = JSON.parse(store.getItem(AUTOSAVES) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Keep `text` as the latest autosave, the others after it, at most KEEP. Throws if the storage refuses the latest
 * (private mode, full storage); a list too big for the storage keeps the latest alone. */
export function recordAutosave(store: Store, text: string): void {
  const before = listAutosaves(store).map((a) => a.text);
  store.setItem(AUTOSAVE, text);
  const list = [text, ...before.filter((x) => x !== text && !sameTurn(x, text))].slice(0, KEEP);
  try {
    store.setItem(AUTOSAVES, JSON.stringify(list));
  } catch {
    store.setItem(AUTOSAVES, JSON.stringify([text]));
  }
}

/** The autosaves, latest first (a browser that kept one autosave before there was a list has that one). */
export function listAutosaves(store: Store): Autosave[] {
  const latest = store.getItem(AUTOSAVE);
  const list = stored(store);
  const texts = latest && list[0] !== latest ? [latest, ...list.filter((x) => x !== latest)].slice(0, KEEP) : list;
  return texts.map((text) => ({ text, saved: savedGame(text) }));
}
