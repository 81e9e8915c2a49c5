// Project, deep-sea, US-China track and event news in Japanese. The engine writes these lines in English
// (engine/projects.ts, engine/deepsea.ts, engine/leverage.ts, engine/turn.ts for events); this reads them back and says
// them in Japanese, the same way deal-news.ts does for deals. A part it does not know stays in the engine's English
// with country names, so nothing is lost.
import { countryName } from './labels.ts';
import { num } from './i18n.ts';
import { stageJa, usdJa } from './deal-news.ts';
import eventsJson from '../../content/events.json';
import { PROJECT_LABELS, STAGE_LABELS, eventText, eventTitle, projectLabelOf, stageLabelOf } from './content-text.ts';

const C = '(AUS|CHN|JPN|MYS|USA|ROW)';
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alt = (xs: readonly string[]) => `(${[...xs].sort((a, b) => b.length - a.length).map(esc).join('|')})`;
const LABEL = alt(PROJECT_LABELS);
const STAGE = alt(STAGE_LABELS);
const label = (en: string) => projectLabelOf(en) ?? en;
const stage = (en: string) => stageLabelOf(en) ?? en;
const names = (s: string) => s.replace(/\b(AUS|CHN|JPN|MYS|USA|ROW)\b(?!-)/g, (c) => countryName(c));
/** "USD 1.5 bn" as 億ドル */
const bnJa = (s: string) => s.replace(/USD ([\d.]+) bn/g, (_, x: string) => usdJa(x));

/** One start of a deep-sea stage, or its wait for budget (engine/deepsea.ts tryStart()). */
function startJa(s: string): string {
  let m = new RegExp(`^the ${STAGE} (is run again|starts): USD ([\\d.]+) bn from the budget, (\\d+) quarters\\.$`).exec(s);
  if (m) return `${stage(m[1]!)}を${m[2] === 'starts' ? '開始' : '再実施'}：予算から${usdJa(m[3]!)}、${m[4]}四半期。`;
  m = new RegExp(`^the ${STAGE}( retry)? waits for budget: it needs USD ([\\d.]+) bn, USD ([\\d.]+) bn is available; the programme is paused until the budget allows\\.$`).exec(s);
  if (m) return `${stage(m[1]!)}${m[2] ? 'の再挑戦' : ''}は予算待ち：${usdJa(m[3]!)}が必要だが、使えるのは${usdJa(m[4]!)}。予算が許すまで事業は中断する。`;
  return names(s);
}

const READS = '(\\d+) of (\\d+) reads good, (\\d+) needed; its chance was (\\d+)%';
const readsJa = (m: string[], i: number) => `測定${m[i + 1]}回中${m[i]}回が良好、必要${m[i + 2]}回；事前の成功確率${m[i + 3]}%`;
const LEARNT = 'estimated performance (\\d+)% of the best case \\(was (\\d+)%\\)';
const learntJa = (m: string[], i: number) => `推定性能は最良の場合の${m[i]}%（以前は${m[i + 1]}%）`;

/** A deep-sea programme's line after "<owner>'s <label> programme <id>: " (engine/deepsea.ts advanceMud()). */
function mudJa(rest: string): string {
  let m: RegExpExecArray | null;
  m = new RegExp(`^the ${STAGE} slips a quarter \\(a (\\d+)% risk each quarter\\): (\\d+) quarters? left\\.$`).exec(rest);
  if (m) return `${stage(m[1]!)}が1四半期遅れる（遅延リスクは各四半期${m[2]}%）：残り${m[3]}四半期。`;
  if (rest.startsWith('the budget now allows it; ')) return `予算が確保できた。${startJa(rest.slice('the budget now allows it; '.length))}`;
  m = new RegExp(`^the ${STAGE} passes \\(${READS}\\); ${LEARNT}\\. Commercial lifting starts: ([\\d,]+) t REO a year of heavy-rich mud ore, which needs separation plants \\(Japan's own or a partner's\\) to become oxide\\. The programme cost USD ([\\d.]+) bn\\.$`).exec(rest);
  if (m) return `${stage(m[1]!)}が成功（${readsJa(m, 2)}）。${learntJa(m, 6)}。商業揚泥が始まる：重レアアースに富む泥の鉱石を年${m[8]} t REO。酸化物にするには分離精製工場（日本の自前か提携先）が要る。事業の費用は計${usdJa(m[9]!)}。`;
  m = new RegExp(`^the ${STAGE} passes \\(${READS}\\); ${LEARNT}, so the ${STAGE} has a (\\d+)% chance of passing; (.+)$`).exec(rest);
  if (m) return `${stage(m[1]!)}が成功（${readsJa(m, 2)}）。${learntJa(m, 6)}となり、${stage(m[8]!)}の成功確率は${m[9]}%。${startJa(m[10]!)}`;
  m = new RegExp(`^the ${STAGE} fails \\(${READS}\\); ${LEARNT}; a retry has a (\\d+)% chance of passing; (.+)$`).exec(rest);
  if (m) return `${stage(m[1]!)}が失敗（${readsJa(m, 2)}）。${learntJa(m, 6)}。再挑戦の成功確率は${m[8]}%。${startJa(m[9]!)}`;
  m = new RegExp(`^the ${STAGE} fails \\(${READS}\\); ${LEARNT}; (.+)\\. The programme ends after USD ([\\d.]+) bn with no capacity\\.$`).exec(rest);
  if (m) {
    const w = m[8]!;
    const a = /^a retry would have a (\d+)% chance of passing, below the (\d+)% the programme needs to go on$/.exec(w);
    const b = /^no retry is left \(at most (\d+) per stage\)$/.exec(w);
    const why = a ? `再挑戦しても成功確率は${a[1]}%で、続けるのに必要な${a[2]}%に届かない` : b ? `再挑戦の回数が残っていない（各段階で最大${b[1]}回）` : names(w);
    return `${stage(m[1]!)}が失敗（${readsJa(m, 2)}）。${learntJa(m, 6)}。${why}。事業は${usdJa(m[9]!)}を費やし、生産能力を得ずに終わる。`;
  }
  return names(rest);
}

const PHASE: Record<string, string> = { calm: '平穏', escalation: '対立激化', truce: '休戦', deal: '合意' };

/** Why the US-China balance stands where it does (engine/leverage.ts whyLine()). */
function whyJa(w: string): string {
  const m = /^a year of escalation would cost the US (USD [\d.]+ bn) \((\d+)% of its rare earths from China, (\d+)% from Japan\) and China (USD [\d.]+ bn) of exports to the US; (the US|China) has less to lose \(US hand ([+-]?[\d.]+)\), so the Nash terms of a truce ask (?:the US to cut its tariff on Chinese goods by ([\d.]+) points|(no tariff cut of the US))$/.exec(w);
  if (!m) return names(w);
  const ask = m[8] ? '米国に関税の引き下げを求めない' : `米国に中国製品への関税を${m[7]}ポイント下げるよう求める`;
  // in plain words, as the English digest says it (plain-terms.ts): "fair terms" for the Nash terms, no "US hand"
  return `対立が1年続けば、米国は${bnJa(m[1]!)}（米国が買うレアアースの${m[2]}%は精製や磁石加工の場所を問わず中国で採掘されたもの、${m[3]}%は中国以外の鉱石から日本で作られたもの）、中国は対米輸出${bnJa(m[4]!)}を失う。${m[5] === 'China' ? '中国' : '米国'}の方が失うものが少ないため、休戦の公平な条件（平和の利益を均等に分ける）は${ask}`;
}

const MARKET_STAGE = '(NdPr ore|Dy/Tb ore|NdPr oxide|Dy/Tb oxide|magnets)';
const T = '([\\d.,]+) t';
/** "USD 1.23 bn" / "USD 12.3 m" (engine/market/after.ts fmtBn()) as 億ドル / 万ドル */
const amountJa = (x: string, unit: string) => (unit === 'bn' ? usdJa(x) : `${num(Math.round(Number(x) * 100))}万ドル`);
const MOVED = '(?:; stockpile trades this turn moved the price there by ([+-]?[\\d.]+)% \\(from USD (\\d+)/kg\\))?';
/** The price move of a stockpile trade, in the buyer's country (named: "同国" read oddly of the player's own), signed
 * as the digest's other figures are ("−23.1%", "+18.4%", not "-23.1%"). */
const movedJa = (who: string, pct: string | undefined, from: string | undefined) => (pct ? `。今ターンの備蓄売買で${countryName(who)}の価格は${pct.replace('-', '−')}%動いた（1 kgあたり${from}ドルから）` : '');
const listJa = (s: string) => s.split(/, | and /).map((c) => countryName(c)).join('、');

/** Transshipment found, stockpile purchases and releases (engine/market/after.ts), or null. */
function marketNewsJa(line: string): string | null {
  let m = new RegExp(`^${C} finds about ${T} of its ${MARKET_STAGE} reaching (.+) through ${C}, round its export controls\\.$`).exec(line);
  if (m) return `${countryName(m[1]!)}が、輸出規制をかいくぐり${countryName(m[5]!)}経由で${listJa(m[4]!)}に届いた自国の${stageJa(m[3]!)}約${m[2]} tを発見。`;
  // the digest's line for several routes at once (leak-news.ts mergeLeaks): "through AUS (790 t), MYS (790 t) and ROW (790 t)"
  m = new RegExp(`^${C} finds about ${T} of its ${MARKET_STAGE} reaching (.+) through (.+ \\([\\d.,]+ t\\)), round its export controls\\.$`).exec(line);
  if (m) {
    const via = m[5]!.split(/, | and /).map((r) => r.replace(/^(\w{3}) \(([\d.,]+ t)\)$/, (_, c: string, x: string) => `${countryName(c)}（${x}）`)).join('、');
    return `${countryName(m[1]!)}が、輸出規制をかいくぐり${via}経由で${listJa(m[4]!)}に届いた自国の${stageJa(m[3]!)}計約${m[2]} tを発見。`;
  }
  m = new RegExp(`^${C} buys ${T}(?: \\(of ${T} ordered: the price passed its limit\\))? of ${MARKET_STAGE} for its stockpile at USD (\\d+)/kg \\(USD ([\\d.]+) (bn|m)\\)${MOVED}\\.$`).exec(line);
  if (m) return `${countryName(m[1]!)}が備蓄用に${stageJa(m[4]!)}を${m[2]} t購入${m[3] ? `（注文${m[3]} tのうち。価格が上限を超えた）` : ''}（1 kgあたり${m[5]}ドル、計${amountJa(m[6]!, m[7]!)}）${movedJa(m[1]!, m[8], m[9])}。`;
  m = new RegExp(`^${C}'s stockpile order for ${T} of ${MARKET_STAGE} finds no seller below its price limit\\.$`).exec(line);
  if (m) return `${countryName(m[1]!)}の${stageJa(m[3]!)}${m[2]} tの備蓄注文は、上限価格以下の売り手が見つからない。`;
  m = new RegExp(`^${C} releases ${T} of ${MARKET_STAGE} from its stockpile at USD (\\d+)/kg \\(USD ([\\d.]+) (bn|m) back to its budget\\)${MOVED}\\.$`).exec(line);
  if (m) return `${countryName(m[1]!)}が備蓄から${stageJa(m[3]!)}を${m[2]} t放出（1 kgあたり${m[4]}ドル、${amountJa(m[5]!, m[6]!)}が予算に戻る）${movedJa(m[1]!, m[7], m[8])}。`;
  return null;
}

const EVENTS = new Map((eventsJson.events as { id: string; title: string; text: string }[]).map((e) => [`${e.title}: ${e.text}`, e]));
/** An event's news line ("Title: text") in Japanese, or null if it is not an event's line. */
function eventLineOf(line: string): string | null {
  const e = EVENTS.get(line);
  return e ? `${eventTitle(e)}：${eventText(e)}` : null;
}

/** A project, deep-sea, US-China track, event, transshipment or stockpile line in Japanese, or null when the line is
 * none of these. */
export function projectNewsJa(line: string): string | null {
  const ev = eventLineOf(line) ?? marketNewsJa(line);
  if (ev) return ev;
  let m = new RegExp(`^${C} starts a ${LABEL} programme \\((\\d+) units?\\): the ${STAGE} first \\(USD ([\\d.]+) bn, (\\d+) quarters, a (\\d+)% chance of passing\\), then (.+): USD ([\\d.]+) bn more, each paid when it starts\\.$`).exec(line);
  if (m) {
    const later = m[8]!.split(', ').map(stage).join('、');
    return `${countryName(m[1]!)}が${label(m[2]!)}の事業を開始（${m[3]}件）：まず${stage(m[4]!)}（${usdJa(m[5]!)}、${m[6]}四半期、成功確率${m[7]}%）、続いて${later}：さらに${usdJa(m[9]!)}、各段階の開始時に支払う。`;
  }
  m = new RegExp(`^${C} starts ${LABEL}(?: in ${C})? \\((\\d+) units?, USD ([\\d.]+) bn, (\\d+) quarters\\)\\.$`).exec(line);
  if (m) return `${countryName(m[1]!)}が${m[3] ? `${countryName(m[3])}で` : ''}${label(m[2]!)}に着手（${m[4]}件、${usdJa(m[5]!)}、${m[6]}四半期）。`;
  m = new RegExp(`^${LABEL} (P\\d+) \\(${C}(?: in ${C})?\\) is complete(?:: (\\d+)% of its capacity now, all of it in (\\d+) quarters)?\\.$`).exec(line);
  if (m) return `${countryName(m[3]!)}の${label(m[1]!)}${m[4] ? `（${countryName(m[4])}）` : ''}が完成${m[5] ? `：当初は生産能力の${m[5]}%、${m[6]}四半期で全量に達する` : ''}。`;
  m = new RegExp(`^${LABEL} (P\\d+) \\(${C}(?: in ${C})?\\) slips a quarter \\(a (\\d+)% risk each quarter\\): (\\d+) quarters? left\\.$`).exec(line);
  if (m) return `${countryName(m[3]!)}の${label(m[1]!)}${m[4] ? `（${countryName(m[4])}）` : ''}が1四半期遅れる（遅延リスクは各四半期${m[5]}%）：残り${m[6]}四半期。`;
  m = new RegExp(`^${LABEL} (P\\d+) \\(${C}\\) has failed: the money is spent and no capacity comes of it\\.$`).exec(line);
  if (m) return `${countryName(m[3]!)}の${label(m[1]!)}は失敗：資金は使われ、生産能力は得られない。`;
  m = new RegExp(`^${C} stops its ${LABEL} programme (P\\d+) (?:before the ${STAGE} starts|during the ${STAGE}), after USD ([\\d.]+) bn: no later stage is paid and no capacity comes of it\\.$`).exec(line);
  if (m) return `${countryName(m[1]!)}が${label(m[2]!)}の事業（${m[3]}）を${m[4] ? `${stage(m[4])}の開始前に` : `${stage(m[5]!)}の途中で`}中止：${usdJa(m[6]!)}を支出済み。以後の段階は支払われず、生産能力は得られない。`;
  m = new RegExp(`^${C}'s ${LABEL} programme (P\\d+): (.+)$`).exec(line);
  if (m) return `${countryName(m[1]!)}の${label(m[2]!)}事業：${mudJa(m[4]!)}`;
  m = new RegExp(`^${C}'s deep-sea mud lifting is suspended for (\\d+) turns?: environmental monitoring finds damage beyond the permitted area after ([\\d.]+) points of cumulative seabed damage \\(the chance was (\\d+)% this turn\\)\\. Seabed work in an EEZ must meet rules no less effective than international ones \\(UNCLOS Art\\. 208\\), and calls for a moratorium on deep-sea mining keep the licence under pressure\\.$`).exec(line);
  if (m) return `${countryName(m[1]!)}のレアアース泥の揚泥が${m[2]}ターン停止：環境モニタリングで許可区域の外に損傷が見つかった（海底の累積損傷${m[3]}ポイント、このターンの確率は${m[4]}%）。EEZの海底での作業には国際的な規則と同等以上に有効な規則が求められ（国連海洋法条約第208条）、深海採掘のモラトリアムを求める声が許可に圧力をかけ続けている。`;
  m = /^US-China track: (\w+) \(was (\w+)\): (.+)\.$/.exec(line);
  if (m) return `米中関係：${PHASE[m[1]!] ?? m[1]}（以前は${PHASE[m[2]!] ?? m[2]}）。${whyJa(m[3]!)}。`;
  m = /^The US's hand with China (strengthens|weakens) \(([+-]?[\d.]+) -> ([+-]?[\d.]+)\): US rare earths from China (\d+)% -> (\d+)%(?:, from Japan (\d+)% -> (\d+)%)?, so a squeeze would cost the US (USD [\d.]+ bn) -> (USD [\d.]+ bn) a year; China's exports at stake (USD [\d.]+ bn) -> (USD [\d.]+ bn)\.$/.exec(line);
  if (m) {
    const jp = m[6] ? `、中国以外の鉱石から日本で作られたものの割合 ${m[6]}% → ${m[7]}%` : '';
    return `中国による締め付けは、中国自身が失うものと比べて、米国により${m[1] === 'strengthens' ? '小さな' : '大きな'}打撃となる：米国が買うレアアースのうち中国で採掘されたものの割合 ${m[4]}% → ${m[5]}%${jp}。締め付けを受けたときの米国の損失は年${bnJa(m[8]!)} → ${bnJa(m[9]!)}、中国が失いうる輸出は${bnJa(m[10]!)} → ${bnJa(m[11]!)}。`;
  }
  return null;
}
