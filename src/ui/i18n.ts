// All UI text goes through here: i18next with two typed catalogues (locales/en.ts, locales/ja.ts), the language from
// the player's last choice, else the browser's; numbers formatted for the language. Switching re-renders the screen.
// What a page shows only once a turn has been played (a digest, the why ledgers, the end screen) is in later chunks of
// each catalogue (locales/en-later.ts, ja-later.ts), loaded after the map (laterReady()).
import i18next from 'i18next';
import { en, type Catalogue, type First, type Later } from './locales/en.ts';
import { addContentJa } from './content-text.ts';
import type * as JaFirst from './ja-first.ts';
import type * as JaLines from './ja-lines.ts';

export type Lang = 'en' | 'ja';
export const LANGS: Lang[] = ['en', 'ja'];
const KEY = 'rare-earth-gambit:lang';
// Japanese is loaded when it is first needed, in two chunks English players do not download: what the page draws with
// (ja-first.ts: the catalogue, the content's text but the events', the start screen's readers), then the news readers
// and the events' text (ja-lines.ts), which a page that starts in Japanese loads after its map (newsReady())
const CATALOGUES: Partial<Record<Lang, First | Catalogue>> = { en };
let briefingJa: Pick<typeof JaFirst, 'briefingLineJa' | 'leverJa'> | null = null;
let linesJa: typeof JaLines | null = null;
async function loadFirst(l: Lang): Promise<void> {
  if (CATALOGUES[l]) return;
  const first = await retried(() => import('./ja-first.ts'));
  addContentJa(first.contentJa);
  briefingJa = first;
  CATALOGUES.ja = first.ja;
  i18next.addResourceBundle('ja', 'translation', first.ja, true, true);
}
let news: Promise<void> | null = null;
/** The news readers and the events' text (once; a failed load is tried again next time). */
function loadNews(): Promise<void> {
  news ??= import('./ja-lines.ts').then((lines) => {
    addContentJa(lines.eventsJa);
    linesJa = lines;
  });
  return news.catch((e: unknown) => {
    news = null;
    throw e;
  });
}
/** Switches to `l` once its strings are in: its first catalogue, a Japanese page's news readers (if `withNews`) and, if
 * the page has asked for them (laterReady()), its later strings. Those are looked for last, with no wait between the
 * look and the switch: a laterReady() that comes while the others load loads the old language's, and the switch the new
 * one's (looked for before the news readers, a Japanese page was left with the English ones). */
async function switchTo(l: Lang, withNews: boolean): Promise<void> {
  await loadFirst(l);
  if (withNews && l === 'ja') await loadNews();
  while (laterWanted && !laterDone.has(l)) await loadLater(l);
  await i18next.changeLanguage(l);
}

/** The strings a page shows once a turn is played did not load (their chunk 404s after the server was redeployed
 * during a long class, or the network dropped) after a few tries: laterReady() rejects with it, and the screens say so
 * with a Reload button (texts-failed.ts) rather than show catalogue keys. Also a screen's code (chunk()). */
export class TextsUnavailable extends Error {
  /** what the dialog says (a catalogue key) */
  key = 'toast.textsFailed';
}

/** A chunk of code imported when first needed (the end screen's), tried again as the later strings are; if it did
 * not load, rejects with TextsUnavailable, whose dialog says `key`. */
export function chunk<T>(load: () => Promise<T>, key: string): Promise<T> {
  return retried(load).catch((e: unknown) => {
    const x = new TextsUnavailable(`a chunk did not load: ${(e as Error)?.message ?? e}`, { cause: e });
    x.key = key;
    throw x;
  });
}

const LATER: Record<Lang, () => Promise<Later>> = {
  en: () => import('./locales/en-later.ts').then((m) => m.enLater),
  ja: () => import('./locales/ja-later.ts').then((m) => m.jaLater),
};
/** a failed import is tried again after 0.25, 0.5 and 1 s (a browser fetches a failed module again when asked again) */
const RETRIES_MS = [250, 500, 1000];
async function retried<T>(f: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await f();
    } catch (e) {
      if (i >= RETRIES_MS.length) throw e;
      await new Promise((r) => setTimeout(r, RETRIES_MS[i]));
    }
  }
}
const laterLoads: Partial<Record<Lang, Promise<void>>> = {};
const laterDone = new Set<Lang>();
/** once the page has asked for the later strings, a switch of language loads them for the new language too */
let laterWanted = false;
/** A language's later strings, added to its catalogue, once; a load that failed after its retries rejects with
 * TextsUnavailable and is forgotten (the next call tries again). No other language's strings stand in for them. */
function loadLater(l: Lang): Promise<void> {
  const p = (laterLoads[l] ??= retried(LATER[l]).then((x) => {
    i18next.addResourceBundle(l, 'translation', x, true, true);
    CATALOGUES[l] = merged(CATALOGUES[l] ?? en, x);
    laterDone.add(l);
  }));
  return p.catch((e: unknown) => {
    if (laterLoads[l] === p) delete laterLoads[l];
    throw new TextsUnavailable(`the ${l} strings shown once a turn is played did not load: ${(e as Error)?.message ?? e}`, { cause: e });
  });
}
/** `a` with `b`'s entries added, section by section (a later chunk adds keys to a section the first one began). */
function merged<T extends object>(a: object, b: object): T {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const was = out[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && was && typeof was === 'object' && !Array.isArray(was) ? merged(was, v) : v;
  }
  return out as T;
}

/** Resolves when the active language's later strings are loaded: a why ledger's causes, the turn digest, the end
 * screen, the notes on overridden orders. The page asks for them once its map has shown and waits for them before it
 * draws any of those (newsReady(), GameScreen.mount for a game with a turn played); from then on a switch of language
 * loads them for the new language before it re-renders (switchTo()). Resolves with the later strings of the language in
 * force when it resolves (a switch that came in while they loaded has its own loaded too). Rejects with
 * TextsUnavailable if they did not load after a few tries (a later call tries again). */
export async function laterReady(): Promise<void> {
  laterWanted = true;
  for (let l = lang(); ; l = lang()) {
    await loadLater(l);
    if (lang() === l) return;
  }
}

/** Resolves when the page has its later strings (laterReady(): it rejects as that does) and, on a Japanese page, its
 * news readers and events' text. The page waits for it before it shows news (a turn's digest, the end screen), so news
 * never shows in English on a Japanese page; if the readers' chunk does not load, the news stays in the engine's
 * English, as when the catalogue does not load. */
export async function newsReady(): Promise<void> {
  await laterReady();
  if (lang() !== 'ja') return;
  try {
    await loadNews();
  } catch {
    /* the news in English */
  }
}

function stored(): Lang | null {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return v === 'en' || v === 'ja' ? v : null;
  } catch {
    return null;
  }
}

/** The language named by ?lang=en|ja in the page's address (a link a teacher hands out), or null. */
function fromAddress(): Lang | null {
  try {
    const v = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
    return v === 'en' || v === 'ja' ? v : null;
  } catch {
    return null;
  }
}

/** The address's ?lang=, else the player's saved choice, else the browser's first language if it is Japanese, else
 * English. (The game page ignored ?lang=, which the class pages read: a new player's review.) */
export function initialLang(): Lang {
  const nav = globalThis.navigator?.languages?.[0] ?? globalThis.navigator?.language ?? 'en';
  return fromAddress() ?? stored() ?? (nav.toLowerCase().startsWith('ja') ? 'ja' : 'en');
}

void i18next.init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnObjects: false,
  nsSeparator: false,
});

/** Resolves when the starting language's catalogue is loaded (the page waits for it before drawing). */
export const ready: Promise<void> = (async () => {
  const l = initialLang();
  if (l !== 'en') {
    try {
      await switchTo(l, false); // the news readers after the map (newsReady())
    } catch {
      /* the catalogue did not load: English it is */
    }
  }
  if (globalThis.document) document.documentElement.lang = lang();
})();

/** A UI string by its key ("action.endTurn"), with {{values}} filled in. */
export function t(key: string, values?: Record<string, string | number>): string {
  return i18next.t(key, values ?? {}) as string;
}

export function lang(): Lang {
  return i18next.language === 'ja' ? 'ja' : 'en';
}

/** The readers that put the engine's English news lines into Japanese, on a Japanese page (null on an English one, or
 * before they have loaded: newsReady(); the lines then stay in English). */
export function jaLines(): typeof JaLines | null {
  return lang() === 'ja' ? linesJa : null;
}

/** The readers of the start screen's English country facts and levers, on a Japanese page (null on an English one). */
export function jaBriefing(): typeof briefingJa {
  return lang() === 'ja' ? briefingJa : null;
}

/** The active catalogue, for structured entries (the glossary); its later sections once laterReady() has resolved. */
export function catalogue(): Catalogue {
  return (CATALOGUES[lang()] ?? en) as Catalogue;
}

const listeners = new Set<() => void>();
/** Called after the language changes (screens re-render themselves). */
export function onLangChange(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

export async function setLang(l: Lang): Promise<void> {
  if (l === lang()) return;
  await switchTo(l, true);
  try {
    globalThis.localStorage?.setItem(KEY, l);
  } catch {
    /* private mode: the choice lasts for this page */
  }
  if (globalThis.document) document.documentElement.lang = l;
  // an address that names a language names the one chosen now, so a reload keeps it
  try {
    if (fromAddress() && globalThis.history) {
      const q = new URLSearchParams(location.search);
      q.set('lang', l);
      history.replaceState(history.state, '', `${location.pathname}?${q}${location.hash}`);
    }
  } catch {
    /* no address to mend */
  }
  for (const f of [...listeners]) f();
}

/** A page that speaks one language whatever the player chose (the class's dashboard is in English): the text it takes
 * from the catalogues (news lines) is in that language, and the player's stored choice is left as it was. */
export async function pageLang(l: Lang): Promise<void> {
  await ready;
  // a page that started in Japanese (the stored choice) has its catalogue but not yet the events' text and the news
  // readers (loaded after a game page's map): a class page (the debrief's events, the dashboard's news) needs them now
  if (l === lang() && (l !== 'ja' || linesJa)) return;
  await switchTo(l, true);
  if (globalThis.document) document.documentElement.lang = l;
}

/** A number for the active language (grouping, decimals). */
export function num(n: number, digits = 0): string {
  return new Intl.NumberFormat(lang() === 'ja' ? 'ja-JP' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}
