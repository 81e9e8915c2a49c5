// Deal news in Japanese. The engine writes its deal lines in English (engine/deals.ts: proposals, answers, terms run,
// breaches; the reasons come from the agents, agents/valuation.ts and agents/truce.ts). This reads those lines back and
// says them in Japanese; a part it does not know stays in the engine's English with country names, so nothing is lost.
import { countryName, goodName, stageName } from './labels.ts';
// the amounts as the start screen's briefing says them (from its chunk, ja-first.ts, which loads before this one)
import { usdJa } from './ja-first.ts';
export { usdJa };

const C = '(AUS|CHN|JPN|MYS|USA|ROW)';
const ID = '(D\\d+)';
/** engine/ids.ts STAGE_NAMES and TARIFF_GOOD_NAMES read back to their keys */
const STAGE_KEY: Record<string, string> = { 'NdPr ore': 'ore.light', 'Dy/Tb ore': 'ore.heavy', 'NdPr oxide': 'oxide.light', 'Dy/Tb oxide': 'oxide.heavy', magnets: 'magnet' };
const GOOD_KEY: Record<string, string> = { cars: 'autos', magnets: 'magnets', oxides: 'oxide', ore: 'ore', 'other goods': 'other' };
export const stageJa = (s: string) => (STAGE_KEY[s] ? stageName(STAGE_KEY[s]) : /^(ore|oxide)\.(light|heavy)$|^magnet$/.test(s) ? stageName(s) : s);
const goodJa = (g: string) => (GOOD_KEY[g] ? goodName(GOOD_KEY[g]) : g);
const names = (s: string) => s.replace(/\b(AUS|CHN|JPN|MYS|USA|ROW)\b(?!-)/g, (c) => countryName(c));

/** One commitment of a deal (engine/deals.ts describe()). */
function commitmentJa(k: string): string {
  let m = /^a tariff of at most ([\d.]+)% on (.+)$/.exec(k);
  if (m) return `${goodJa(m[2]!)}の関税上限${m[1]}%`;
  m = /^open exports of (.+)$/.exec(k);
  if (m) return `${stageJa(m[1]!)}の輸出開放`;
  m = /^USD ([\d.]+) bn of investment$/.exec(k);
  if (m) return `${usdJa(m[1]!)}の投資`;
  m = /^(\d+)% of its (.+) output$/.exec(k);
  if (m) return `${stageJa(m[2]!)}生産の${m[1]}%`;
  m = /^defence spending of at least ([\d.]+)% of GDP$/.exec(k);
  if (m) return `GDP比${m[1]}%以上の防衛費`;
  return k === 'nothing' ? 'なし' : names(k);
}

const list = (s: string) => s.split(', ').map(commitmentJa).join('、');

/** "A offers B <give> for <get>, for N turns" (engine/deals.ts dealSummary()). */
function summaryJa(s: string): string {
  const m = new RegExp(`^${C} offers ${C} (.+) for (.+), for (\\d+) turns?$`).exec(s);
  if (!m) return names(s);
  const [who, to, give, get] = [countryName(m[1]!), countryName(m[2]!), m[3]!, m[4]!];
  const what = give === 'nothing' ? `${to}に何も提供せず、${list(get)}を求める` : get === 'nothing' ? `${to}に${list(give)}を無償で提供する` : `${to}に${list(give)}を提供し、見返りに${list(get)}を求める`;
  return `${who}は${what}（${m[5]}ターン）`;
}

/** An agent's reason for its answer (agents/valuation.ts, agents/truce.ts). */
export function dealWhyJa(w: string): string {
  let m = /^valued at ([+-]?[\d.]+) points over (\d+) turns \(calm ([+-]?[\d.]+), under Chinese coercion ([+-]?[\d.]+)\)(.*)$/.exec(w);
  if (m) {
    const minus = (x: string) => x.replace(/^-/, '−'); // the minus sign the rest of the digest uses
    let out = `${m[2]}ターン先までの評価 ${minus(m[1]!)}点（平時 ${minus(m[3]!)}、中国の威圧下 ${minus(m[4]!)}）`;
    let rest = m[5]!;
    if (rest.startsWith(': too little for what it asks')) {
      out += '：求めるものに対して得るものが少ない';
      rest = rest.slice(': too little for what it asks'.length);
    }
    const c = /^; counter-offer: a cap of ([\d.]+)% instead(, no cut from the present ([\d.]+)%)? \(valued at ([+-]?[\d.]+)\)$/.exec(rest);
    if (c) out += `；対案：代わりに上限${c[1]}%${c[2] ? `（現行の${c[3]}%からの引き下げなし）` : ''}（評価 ${minus(c[4]!)}）`;
    else if (rest) out += names(rest);
    return out;
  }
  // a persona's rule of thumb (engine/agents/common.ts rejectionWhy)
  m = new RegExp(`^by its reckoning what ${C} gives is worth (-?[\\d.]+) against ([\\d.]+) for what it asks \\(trust in ${C} (\\d+) of 100\\)$`).exec(w);
  if (m) return `自国の評価では、${countryName(m[1]!)}が与えるものの価値は${m[2]!.replace(/^-/, '−')}、求めるものの価値は${m[3]}（${countryName(m[4]!)}への信頼 ${m[5]}/100）`;
  m = /^near the Nash terms \(a cap of ([\d.]+)%\): escalation would cost the US USD ([\d.]+) bn a year and China USD ([\d.]+) bn; US hand ([+-]?[\d.]+)$/.exec(w);
  // in plain words, as the English digest says it (plain-terms.ts): "fair terms" for the Nash terms, no "US hand"
  if (m) return `公平な条件（関税上限${m[1]}%）に近い：対立が1年続けば米国は${usdJa(m[2]!)}、中国は${usdJa(m[3]!)}を失う`;
  m = /^a cap of ([\d.]+)% is too (little|much) relief; the Nash terms are ([\d.]+)% \(US hand ([+-]?[\d.]+)\); counter-offer at ([\d.]+)%$/.exec(w);
  if (m) return `上限${m[1]}%では緩和が${m[2] === 'little' ? '少なすぎる' : '大きすぎる'}；公平な条件は上限${m[3]}%なので、${m[5]}%を提案`;
  return names(w);
}

/** A breach (engine/deals.ts violates()). */
function violationJa(v: string): string {
  let m = new RegExp(`^raises its tariff on (.+) from ${C} to ([\\d.]+)% \\(cap ([\\d.]+)%\\)$`).exec(v);
  if (m) return `${countryName(m[2]!)}からの${goodJa(m[1]!)}への関税を${m[3]}%に引き上げた（上限${m[4]}%）`;
  m = new RegExp(`^restricts (\\S+) exports to ${C}$`).exec(v);
  if (m) return `${countryName(m[2]!)}への${stageJa(m[1]!)}の輸出を制限した`;
  m = /^cuts defence to ([\d.]+)% of GDP \(floor ([\d.]+)%\)$/.exec(v);
  if (m) return `防衛費をGDPの${m[1]}%に削減した（下限${m[2]}%）`;
  return names(v);
}

/** A deal line in Japanese, or null when the line is not about a deal. */
export function dealNewsJa(line: string): string | null {
  let m = new RegExp(`^${C} proposes ${ID} to ${C}: (.+)\\.$`).exec(line);
  if (m) return `${countryName(m[1]!)}が${countryName(m[3]!)}に協定${m[2]}を提案：${summaryJa(m[4]!)}。`;
  m = new RegExp(`^${C} accepts ${ID}: (.+?, for \\d+ turns?)(?: \\((.+)\\))?\\.$`).exec(line);
  if (m) return `${countryName(m[1]!)}が協定${m[2]}を受諾：${summaryJa(m[3]!)}${m[4] ? `（${dealWhyJa(m[4])}）` : ''}。`;
  m = new RegExp(`^${C} rejects ${ID} from ${C}(?:: (.+))?\\.$`).exec(line);
  if (m) return `${countryName(m[1]!)}が${countryName(m[3]!)}からの協定${m[2]}を拒否${m[4] ? `：${dealWhyJa(m[4])}` : ''}。`;
  m = new RegExp(`^Deal ${ID} between ${C} and ${C} has run its term\\.$`).exec(line);
  if (m) return `${countryName(m[2]!)}と${countryName(m[3]!)}の協定${m[1]}が期間満了。`;
  m = new RegExp(`^${C} breaks deal ${ID} with ${C}; ${C}'s trust in ${C} falls\\.$`).exec(line);
  if (m) return `${countryName(m[1]!)}が${countryName(m[3]!)}との協定${m[2]}を破棄。${countryName(m[3]!)}の${countryName(m[1]!)}への信頼が低下。`;
  m = new RegExp(`^${C} (.+), which its deal ${ID} forbids\\.$`).exec(line);
  if (m) return `${countryName(m[1]!)}が${violationJa(m[2]!)}。協定${m[3]}はこれを禁じている。`;
  return null;
}
