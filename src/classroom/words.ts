// The class screens' words in the active language (the catalogue's `classroom.*`): the clock, the round, lists of
// countries, prices, and the language a class page speaks (?lang=en|ja, else the choice this browser last made
// with the language switch, else the browser's own language: the game page's rule).
import i18next from 'i18next';
import { COUNTRIES, isCountry, type CountryId } from '../../engine/index.ts';
import { LANGS, initialLang, lang, num, pageLang, t, type Lang } from '../ui/i18n.ts';
import { enClass } from '../ui/locales/en-class.ts';
import { countryIn, countryName, supplyPct } from '../ui/labels.ts';
import { h } from '../ui/dom.ts';
import { Unreachable, type ServerError } from './common.ts';
import { switchLang } from '../ui/texts-failed.ts';

// the class pages' words join the catalogue here (the game page does without them); the Japanese ones when first needed
i18next.addResourceBundle('en', 'translation', { classroom: enClass }, true, true);
// (once; a load that failed is forgotten, so the next switch or page that asks tries again: the browser fetches a
// failed module again when asked again)
let jaLoaded: Promise<void> | null = null;
const loadJa = (): Promise<void> => {
  const p = (jaLoaded ??= Promise.all([import('../ui/locales/ja-class.ts'), import('../ui/locales/ja-server.ts')]).then(([{ jaClass }, { jaServer }]) => void i18next.addResourceBundle('ja', 'translation', { classroom: { ...jaClass, err: jaServer } }, true, true)));
  return p.catch((e: unknown) => {
    if (jaLoaded === p) jaLoaded = null;
    throw e;
  });
};

// the game screen's language switch (a student's page) changes the language without asking for the class words: load them
i18next.on('languageChanged', (l) => void (l === 'ja' ? loadJa() : undefined));

export const c = (key: string, values?: Record<string, string | number>): string => t(`classroom.${key}`, values);

/** The language named by ?lang= in a class page's address, or null: the teacher's pages (the dashboard puts it on its
 * projector and debrief links, so a projector opened on another computer speaks the teacher's language) and the
 * students' (the join form and, after joining, the class bar keep it); classLang() falls back to the game page's rule. */
export function urlLang(): Lang | null {
  const v = new URLSearchParams(location.search).get('lang');
  return v === 'en' || v === 'ja' ? v : null;
}
export async function classLang(): Promise<void> {
  const l = urlLang() ?? initialLang();
  if (l === 'ja') await loadJa();
  await pageLang(l);
}

/** The language switch (the game page's): the choice is kept for this browser's game and class pages alike. */
export function langSwitch(): HTMLElement {
  return h('select', { class: 'lang', 'aria-label': t('lang.label'), 'data-testid': 'lang', onchange: (e: Event) => {
    const l = (e.target as HTMLSelectElement).value as Lang;
    const q = new URLSearchParams(location.search);
    // an address that names a language would otherwise win over the choice on the next visit
    if (q.has('lang')) { q.set('lang', l); history.replaceState(null, '', `${location.pathname}?${q}${location.hash}`); }
    switchLang(e.target as HTMLSelectElement, l === 'ja' ? loadJa : undefined);
  } }, ...LANGS.map((l) => h('option', { value: l, selected: l === lang() }, t(`lang.${l}`))));
}

export function clockText(ms: number | null, paused: boolean): string {
  if (ms === null) return c(paused ? 'clock.paused' : 'clock.none');
  const s = Math.max(0, Math.ceil(ms / 1000));
  const time = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return c(paused ? 'clock.pausedLeft' : 'clock.left', { time });
}

/** How long before the round clock runs out a seat whose orders are not sent is warned, ms. */
export const UNSENT_WARNING_MS = 30_000;
/** The class bar's warning that the round clock is running out on this seat's orders, not sent yet (a draft, even an
 * empty one, counts only once End turn sends it): the catalogue key, or null. `left`: ms left on the round clock. None
 * while a bot plays the seat (an idle student read it beside "A bot is playing your seat": the bot's orders go in). */
export function unsentWarning(s: { status: string; submitted: unknown; whatIf: string | null; clock: { paused: boolean }; missed?: 'keep' | 'bot'; bot?: boolean }, left: number | null): 'student.unsentKept' | 'student.unsentBot' | null {
  if (s.status !== 'running' || s.clock.paused || s.submitted || s.whatIf || s.bot || left === null || left <= 0 || left > UNSENT_WARNING_MS) return null;
  return s.missed === 'bot' ? 'student.unsentBot' : 'student.unsentKept';
}

/** The class bar's "waiting" text: who the round waits for, or why it waits for nobody ('' where the round is not
 * open: the lobby, an ended class, a finished world). `changesUnsent`: the seat changed its orders since it sent them. */
export interface WaitingInfo { status: string; country: CountryId; waitingFor: readonly CountryId[]; submitted: { by: string; final: boolean } | null; over?: boolean }
export function waitingText(s: WaitingInfo, changesUnsent: boolean): string {
  if (s.status !== 'running' && s.status !== 'paused') return '';
  const paused = s.status === 'paused';
  const countries = (n: number) => c(n === 1 ? 'student.countries.one' : 'student.countries.many', { n });
  if (s.submitted) {
    const others = s.waitingFor.filter((x) => x !== s.country);
    if (!others.length) return c(paused ? 'student.resolvingPaused' : 'student.resolving');
    const submitted = s.submitted.final ? c('student.submitted') : c('student.submittedBy', { by: s.submitted.by });
    return c(changesUnsent ? 'student.unsentChanges' : 'student.waitingList', { submitted, countries: countries(others.length), list: countryList(others) });
  }
  if (s.waitingFor.length) return c(s.waitingFor.includes(s.country) ? 'student.waitingYours' : 'student.waitingFor', { countries: countries(s.waitingFor.length) });
  return s.over ? '' : c(paused ? 'student.noneWaitingPaused' : 'student.noneWaiting');
}

/** What became of a seat's orders in the last round when its students' did not play: a bot played the idle seat, or
 * the round ended before they were sent (then the class's rule: kept policies or a bot). The catalogue key for the
 * class bar ('bar', while the seat has not sent this round's) or for the top of that round's digest ('digest'). */
export function missedKey(s: { botLast?: boolean; missedLast?: boolean; missed?: 'keep' | 'bot' }, where: 'bar' | 'digest'): string | null {
  if (s.botLast) return where === 'bar' ? 'student.botLast' : 'student.digestBot';
  if (!s.missedLast) return null;
  return where === 'bar' ? (s.missed === 'bot' ? 'student.missedBot' : 'student.missedKept') : s.missed === 'bot' ? 'student.digestMissedBot' : 'student.digestMissed';
}

/** A world's round as every class screen says it: "Round 2 of 8 (2026Q4–2027Q3)"; a round may be several quarters.
 * `over`: its last round is played, or the teacher ended the class (then `played` may be fewer than `rounds`). */
export interface RoundInfo { round: number; rounds: number; period: string; over: boolean; played?: number }
export function roundText(r: RoundInfo): string {
  const n = (k: number) => c(k === 1 ? 'round.one' : 'round.many', { n: num(k) });
  if (r.over && r.played !== undefined && r.played < r.rounds) return c('round.endedEarly', { played: n(r.played), total: num(r.rounds) });
  return r.over ? c('round.finished', { rounds: n(r.rounds) }) : c('round.now', { n: num(r.round), total: num(r.rounds), period: r.period });
}

/** Countries by name in a list: "China, Japan and the United States"; 「中国、日本、米国」. */
export function countryList(cs: readonly CountryId[]): string {
  const n = cs.map((x) => countryIn(x));
  return n.length < 2 ? n.join('') : `${n.slice(0, -1).join(c('list'))}${c('and')}${n[n.length - 1]}`;
}
export { countryIn, countryName };

/** A price in USD a kg as the game page writes it: "$43.2" in English, "43.2ドル" in Japanese. */
export function usd(v: number, digits = 0): string {
  return lang() === 'ja' ? `${num(v, digits)}ドル` : `$${num(v, digits)}`;
}
/** A magnet supply (a share of need, 0..1) as the game page writes it (supplyPct: "96.5%", "100%" from 99.95%): a
 * whole percentage here read "97%" on the dashboard and the debrief where the student's own screen said 96.5%. */
export const pct = supplyPct;
/** A magnet supply in the projector's column: to a tenth of a point always (it showed "94%" over "68.7%"), 100% whole. */
export const columnPct = (s: number): string => supplyPct(s, true);
/** Whole numbers in the active language. */
export { num };

const cap = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);

/** What the server refused (a ServerError: its code and values), in the page's language: in English the server's own
 * message; in Japanese the catalogue's words for its code (classroom.err.*, src/ui/locales/ja-server.ts), with its
 * countries, roles and numbers said in Japanese too. `field` names an option or field the way the page labels it. */
export function said(e: unknown, field?: (id: string) => string | undefined): string {
  if (e instanceof Unreachable) return c('unreachable');
  const x = e as Partial<ServerError> & { message: string };
  if (lang() !== 'ja') return x.message;
  if (!x.code || !i18next.exists(`classroom.err.${x.code}`)) return c('err.unknown', { message: x.message });
  const p = x.params ?? {};
  const v: Record<string, string | number> = {};
  for (const [k, val] of Object.entries(p)) v[k] = Array.isArray(val) ? val.join(c('list')) : typeof val === 'number' ? num(val) : k === 'country' && isCountry(val) ? countryName(val) : val;
  if (typeof p.field === 'string') v.field = field?.(p.field) ?? (p.field === 'code' ? c('join.code') : p.field === 'label' ? c('join.name') : p.field);
  if (typeof p.role === 'string') v.who = c(`err.role${cap(p.role)}`);
  if (typeof p.what === 'string') v.what = c(`err.what${cap(p.what)}`);
  if (typeof p.hours === 'number') v.span = p.hours >= 24 ? c('err.days', { n: num(p.hours / 24) }) : c('err.hours', { n: num(p.hours) });
  return c(`err.${x.code === 'expired' && typeof p.role === 'string' ? `expired${cap(p.role)}` : x.code}`, v);
}

/** The dashboard's figures name Japan's magnet supply (the game's question); a country lower by more than half a point
 * is named beside it (a teacher read Japan's 97% while the United States stood at 80%). */
export function lowestSupply(m: Record<CountryId, number> | null): string {
  if (!m) return '';
  const low = COUNTRIES.reduce((a, k) => (m[k] < m[a] ? k : a), 'JPN' as CountryId);
  return m[low] < m.JPN - 0.005 ? c('dash.lowestSupply', { who: countryName(low), pct: pct(m[low]) }) : '';
}

/** What the dashboard asks before "End the round now" (null: nothing to ask). A round's end drops the drafts of the
 * countries not in yet, so it names them (a misclick beside Pause and +1 minute ended the round for everyone); on the
 * last round it also ends the world's game, and with the last world the class (a teacher ended a class so, unwarned). */
export function endRoundQuestion(worlds: readonly (RoundInfo & { index: number; waitingFor: CountryId[] })[], index: number | null): string | null {
  const mine = worlds.filter((w) => (index === null || w.index === index) && !w.over);
  const open = mine.filter((w) => w.waitingFor.length);
  const last = mine.some((w) => w.round === w.rounds);
  if (!open.length && !last) return null;
  const who = open.map((w) => (worlds.length > 1 ? c('dash.inWorld', { who: countryList(w.waitingFor), n: num(w.index + 1) }) : countryList(w.waitingFor))).join(c('dash.semi'));
  return [open.length ? c('dash.endRoundConfirm', { who }) : c('dash.endRoundAsk'), last ? c('dash.endRoundLast') : ''].filter(Boolean).join(lang() === 'ja' ? '' : ' ');
}

/** The country other than Japan whose magnet supply fell lowest in any world, when that is clearly (half a point) below
 * Japan's lowest: the debrief charts its path beside Japan's (a class's United States at 69% went unseen there). */
export function lowestSupplyPath(worlds: readonly { magnetSupply: Record<CountryId, number[]> }[]): CountryId | null {
  const low = (k: CountryId) => Math.min(...worlds.flatMap((w) => w.magnetSupply[k] ?? []).filter(Number.isFinite));
  let best: CountryId | null = null;
  for (const k of COUNTRIES) if (k !== 'JPN' && low(k) < low('JPN') - 0.005 && (best === null || low(k) < low(best))) best = k;
  return best;
}
