// All UI text goes through here: i18next with two typed catalogues (locales/en.ts, locales/ja.ts), the language from
// the player's last choice, else the browser's; numbers formatted for the language. Switching re-renders the screen.
import i18next from 'i18next';
import { en, type Catalogue } from './locales/en.ts';
import { ja } from './locales/ja.ts';

export type Lang = 'en' | 'ja';
export const LANGS: Lang[] = ['en', 'ja'];
const KEY = 'rare-earth-gambit:lang';
const CATALOGUES: Record<Lang, Catalogue> = { en, ja };

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
  resources: { en: { translation: en }, ja: { translation: ja } },
  lng: initialLang(),
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnObjects: false,
  nsSeparator: false,
});
if (globalThis.document) document.documentElement.lang = i18next.language;

/** A UI string by its key ("action.endTurn"), with {{values}} filled in. */
export function t(key: string, values?: Record<string, string | number>): string {
  return i18next.t(key, values ?? {}) as string;
}

export function lang(): Lang {
  return i18next.language === 'ja' ? 'ja' : 'en';
}

/** The active catalogue, for structured entries (the glossary). */
export function catalogue(): Catalogue {
  return CATALOGUES[lang()];
}

const listeners = new Set<() => void>();
/** Called after the language changes (screens re-render themselves). */
export function onLangChange(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

export function setLang(l: Lang): void {
  if (l === lang()) return;
  void i18next.changeLanguage(l);
  try {
    globalThis.localStorage?.setItem(KEY, l);
  } catch {
    /* private mode: the choice lasts for this page */
  }
  if (globalThis.document) document.documentElement.lang = l;
  for (const f of [...listeners]) f();
}

/** A number for the active language (grouping, decimals). */
export function num(n: number, digits = 0): string {
  return new Intl.NumberFormat(lang() === 'ja' ? 'ja-JP' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}
