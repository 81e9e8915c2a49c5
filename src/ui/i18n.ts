// All UI text goes through here: i18next with two typed catalogues (locales/en.ts, locales/ja.ts), the language from
// the player's last choice, else the browser's; numbers formatted for the language. Switching re-renders the screen.
import i18next from 'i18next';
import { en, type Catalogue } from './locales/en.ts';
import { loadContentJa } from './content-text.ts';
import type * as JaLines from './ja-lines.ts';

export type Lang = 'en' | 'ja';
export const LANGS: Lang[] = ['en', 'ja'];
const KEY = 'rare-earth-gambit:lang';
// Japanese is loaded when it is first needed (a separate chunk: English players do not download it)
const CATALOGUES: Partial<Record<Lang, Catalogue>> = { en };
let linesJa: typeof JaLines | null = null;
async function load(l: Lang): Promise<void> {
  if (CATALOGUES[l]) return;
  const [{ ja }, lines] = await Promise.all([import('./locales/ja.ts'), import('./ja-lines.ts')]);
  await loadContentJa(); // the content's own text (events, projects, scenarios), also a separate chunk
  linesJa = lines;
  CATALOGUES.ja = ja;
  i18next.addResourceBundle('ja', 'translation', ja, true, true);
}

function stored(): Lang | null {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return v === 'en' || v === 'ja' ? v : null;
  } catch {
    return null;
  }
}

/** The player's saved choice, else the browser's first language if it is Japanese, else English. */
export function initialLang(): Lang {
  const nav = globalThis.navigator?.languages?.[0] ?? globalThis.navigator?.language ?? 'en';
  return stored() ?? (nav.toLowerCase().startsWith('ja') ? 'ja' : 'en');
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
      await load(l);
      await i18next.changeLanguage(l);
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

/** The readers that put the engine's English lines into Japanese, on a Japanese page (null on an English one, or
 * before the Japanese catalogue has loaded: the lines then stay in English). */
export function jaLines(): typeof JaLines | null {
  return lang() === 'ja' ? linesJa : null;
}

/** The active catalogue, for structured entries (the glossary). */
export function catalogue(): Catalogue {
  return CATALOGUES[lang()] ?? en;
}

const listeners = new Set<() => void>();
/** Called after the language changes (screens re-render themselves). */
export function onLangChange(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

export async function setLang(l: Lang): Promise<void> {
  if (l === lang()) return;
  await load(l);
  await i18next.changeLanguage(l);
  try {
    globalThis.localStorage?.setItem(KEY, l);
  } catch {
    /* private mode: the choice lasts for this page */
  }
  if (globalThis.document) document.documentElement.lang = l;
  for (const f of [...listeners]) f();
}

/** A page that speaks one language whatever the player chose (the class's dashboard is in English): the text it takes
 * from the catalogues (news lines) is in that language, and the player's stored choice is left as it was. */
export async function pageLang(l: Lang): Promise<void> {
  await ready;
  if (l === lang()) return;
  await load(l);
  await i18next.changeLanguage(l);
  if (globalThis.document) document.documentElement.lang = l;
}

/** A number for the active language (grouping, decimals). */
export function num(n: number, digits = 0): string {
  return new Intl.NumberFormat(lang() === 'ja' ? 'ja-JP' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}
