// One place for the words the UI puts on engine keys: countries, stages, goods, control levels, headlines, objectives,
// ledger causes, licence shares. Nothing else in src/ui writes an engine key on screen (tests/e2e-words checks).
import type { Headline, ObjectiveKey, RegionId, StageKey, TariffGood } from '../../engine/lite.ts';
import { lang, num, t } from './i18n.ts';
import { fmt } from './dom.ts';

export const countryName = (c: RegionId | '*' | string): string => (c === '*' ? t('country.everyone') : /^(AUS|CHN|JPN|MYS|USA|ROW)$/.test(c) ? t(`country.${c}`) : c);
/** A country's name inside an English sentence, with the article English gives it: "exports to the United States",
 * "tension with the rest of the world" (tables, menus and headings use countryName: "United States"). Japanese has no
 * article: the name. */
export const countryIn = (c: RegionId | string): string => (lang() === 'en' && (c === 'USA' || c === 'ROW') ? `the ${countryName(c)}` : countryName(c));
/** A sentence's first letter in capitals: "The United States offers Japan ..." (a no-op in Japanese). */
export const sentence = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** Whose, in running text: "China’s", "the United States’" (not "the United States’s"); Japanese "中国の". */
export const countryOwn = (c: RegionId | string): string => t('cause.whose', { who: countryIn(c) }).replace(/s’s$/, 's’');
/** Punctuation for the active language: Japanese text takes full-width marks ("許可制（90%）", "オーストラリア：3 件",
 * "A、B"), English the ASCII ones with their spaces. */
export const paren = (s: string): string => (lang() === 'ja' ? `（${s}）` : ` (${s})`);
export const colon = (): string => (lang() === 'ja' ? '：' : ': ');
export const comma = (): string => (lang() === 'ja' ? '、' : ', ');
export const stageName = (s: StageKey | string): string => t(`stage.${s.replace('.', '_')}`);
/** A timeline's name in the active language: the session names them 'Timeline A', 'Timeline B', ...; a class's server
 * sends language-neutral labels, 'class:N' for the class's world N and 'what-if:A', 'what-if:B', ... for a student's own what-ifs. */
export const timelineName = (label: string): string =>
  label
    .replace(/^Timeline (\w+)$/, (_, letter: string) => t('header.timeline', { letter }))
    .replace(/^class:(\d+)$/, (_, n: string) => t('header.classWorld', { n }))
    .replace(/^what-if:(\w+)$/, (_, letter: string) => t('header.whatIf', { letter }));
/** A port's or strait's name in the active language (the map content's English name for one the catalogue lacks). */
export const placeName = (kind: 'port' | 'strait', id: string, en: string): string => {
  const k = `mapText.${kind === 'port' ? 'portNames' : 'straitNames'}.${id}`;
  const v = t(k);
  return v !== k ? v : en;
};
/** A stage before a noun ('NdFeB magnet exports', not 'NdFeB magnets exports'). */
export const stageAttr = (s: StageKey | string): string => t(`stageAttr.${s.replace('.', '_')}`);
/** A deal's status in the Deals tab: an active deal whose term runs past the game's last turn is in force for the rest of
 * it, which is named (not the term's end, a turn the game never reaches). */
export const dealStatus = (status: string, endTurn: number, lastTurn: number): string =>
  status === 'active' ? t(endTurn > lastTurn ? 'panel.untilEnd' : 'panel.until', { status: t(`panel.status.${status}`), n: endTurn, last: lastTurn }) : t(`panel.status.${status}`);
/** What an offer or a proposal says after its term ("8 turns: …") when the term runs past the game's last turn: the
 * words of such a deal in force (dealStatus), '' otherwise. `endTurn`: its last turn if it is accepted when answered;
 * null: it is never answered (the game ends first), so never in force. */
export const termPast = (endTurn: number | null, lastTurn: number): string => (endTurn !== null && endTurn > lastTurn ? t('panel.untilEnd', { status: t('panel.inForce'), last: lastTurn }) : '');
export const goodName = (g: TariffGood | string): string => t(`good.${g}`);
export const levelName = (l: 'open' | 'licensed' | 'banned'): string => t(`level.${l}`);
export const headlineName = (h: Headline): string => t(`headline.${h}`);
export const headlineShort = (h: Headline): string => t(`headlineShort.${h}`);
export const objectiveName = (o: ObjectiveKey | string): string => t(`objective.${o}`);
export const objectiveShort = (o: ObjectiveKey | string): string => t(`objectiveShort.${o}`);
/** A licence's share said as what goes through ("90% let through"): "licence (90%)" read as a 90% cut. */
export const shareThrough = (s: number): string => (lang() === 'ja' ? `通常の${num(s * 100)}%まで` : `${num(s * 100)}% let through`);
/** A magnet supply share with the indicators panel's one decimal (99.5% there is 99.5% on the map, not 99%), a whole
 * number without its ".0" (92%) unless `tenths` (a column of them: the projector's), and 100% from 99.95% up (an
 * overfilled 100.4% reads 100%). */
export const supplyPct = (s: number, tenths = false): string => {
  const r = Math.round(s * 1000) / 10;
  return r >= 100 ? `${num(100)}%` : `${num(r, tenths || !Number.isInteger(r) ? 1 : 0)}%`;
};

/** A why-ledger cause in plain words ("magnets from CHN" -> "magnets from China"); `me`: the country whose ledger it
 * is ("tension with CHN: tariffs by USA" -> "tension with China (your tariffs)" for the US). */
export function causeName(cause: string, me?: string): string {
  let m = /^magnets from (\w{3})$/.exec(cause);
  if (m) return t('cause.magnets from', { who: countryIn(m[1]!) });
  m = /^share of (\w{3}) market/.exec(cause);
  if (m) return t('cause.share of market', { who: countryName(m[1]!) });
  // the security ledger's tension causes (engine/security-ledger.ts): by whose move, or of what kind
  m = /^tension with (\w{3}): (tariffs|export controls|defense build-up) by (\w{3})$/.exec(cause);
  if (m) return t(`cause.tension ${m[2]}`, { who: countryIn(m[1]!), whose: m[3] === me ? t('cause.yours') : countryOwn(m[3]!) });
  m = /^tension with (\w{3}): leaks of (\w{3})'s goods through (\w{3}) found last turn$/.exec(cause);
  if (m) return t('cause.tension leak', { who: countryIn(m[1]!), whose: m[2] === me ? t('cause.yours') : countryOwn(m[2]!), via: countryIn(m[3]!) });
  m = /^tension with (\w{3}): (settling|deals|events|broken deal|limit|leaks found last turn)$/.exec(cause);
  if (m) return t(`cause.tension ${m[2] === 'leaks found last turn' ? 'leaks' : m[2]}`, { who: countryIn(m[1]!) });
  const k = `cause.${cause}`;
  const v = t(k);
  return v === k ? cause : v;
}

/** Money in USD bn for the active language: "USD 1.00 bn" in English, "10億ドル" in Japanese (1 bn = 10億; under
 * USD 0.1 bn, 万ドル). */
export function money(bn: number): string {
  if (lang() !== 'ja') return fmt.money(bn);
  if (bn === 0) return '0ドル';
  if (Math.abs(bn) < 0.1 && bn !== 0) return `${num(bn * 1e5)}万ドル`;
  const oku = Math.round(bn * 100) / 10;
  return `${num(oku, Number.isInteger(oku) || Math.abs(oku) >= 100 ? 0 : 1)}億ドル`;
}
