// The start screen's country facts and levers in Japanese. The session writes them in English (src/session/core.ts
// briefing()); this reads each line back and says it in Japanese, as deal-news.ts does for the engine's deal lines. A
// line it does not know stays in English.
import { num } from './i18n.ts';
import { countryName } from './labels.ts';

/** USD bn as 億ドル (1 bn = 10 億) */
export const usdJa = (bn: string) => {
  const v = Math.round(Number(bn) * 1000) / 100;
  if (v > 0 && v < 1) return `${num(Math.round(v * 10000))}万ドル`; // under 1億: 8,000万ドル, not 0.8億ドル
  return `${num(v, Number.isInteger(v) ? 0 : Number.isInteger(v * 10) ? 1 : 2)}億ドル`;
};

const n = (s: string) => Number(s.replace(/,/g, ''));

/** One fact line of the country briefing in Japanese (null if unknown). */
export function briefingLineJa(line: string, country: string): string | null {
  let m = /^.+: GDP USD ([\d,]+) bn; defence ([\d.]+)% of GDP; approval (\d+)\.$/.exec(line);
  if (m) return `${countryName(country)}：GDP ${num(n(m[1]!) / 1000, 1)}兆ドル、防衛費 GDP比${m[2]}%、支持率 ${m[3]}。`;
  m = /^Rare earths: mines ([\d,]+) t REO a year; separation ([\d,]+) t NdPr and ([\d,]+) t Dy\/Tb; magnet plants ([\d,]+) t\.(?: (China refines about nine tenths of the world's rare earths and makes most of its magnets\.)| (\d+)% of its rare-earth imports, in tonnes, come straight from China\.)$/.exec(line);
  if (m) return `レアアース：鉱山 年${m[1]} t REO、分離精製 NdPr ${m[2]} t・Dy/Tb ${m[3]} t、磁石工場 ${m[4]} t。${m[5] ? '中国は世界のレアアースの約9割を精製し、磁石の大半を作る。' : `レアアース輸入（トン数）の${m[6]}%が中国から直接。`}`;
  m = /^Cars: ([\d,]+) built a quarter \(([\d.]+) million a year\); ([\d,]+) exported a quarter \(([\d,]+) a year\)\.$/.exec(line);
  if (m) return `自動車：生産は四半期に${m[1]}台（年${num(Math.round(Number(m[2]) * 100))}万台）、輸出は四半期に${m[3]}台（年${m[4]}台）。`;
  m = /^Investment budget: ([\d.]+)% of GDP a year \(USD ([\d.]+) bn a year, USD ([\d.]+) bn a quarter, less when debt is high or approval low\); unspent money carries over, up to ([\d.]+) years' allocation in hand, so a turn's budget in the game is the quarter's share plus what carried over \(USD ([\d.]+) bn on turn 1\)\.$/.exec(line);
  if (m) return `投資予算：GDPの年${m[1]}%（年${usdJa(m[2]!)}、四半期${usdJa(m[3]!)}。債務が多いときや支持率が低いときは減る）。使わなかった分は繰り越せ、手元に置けるのは最大で年間予算の${m[4]}年分なので、各ターンの予算は四半期分と繰越分の合計（ターン1は${usdJa(m[5]!)}）。`;
  return null;
}

const LEVERS: Record<string, string> = {
  'Tariffs on each partner for cars, magnets, oxide, ore and other goods.': '関税：相手国ごとに、自動車、磁石、酸化物、鉱石、その他の財に。',
  "Export controls on each partner for ore, oxide and magnets: open, licensed (a share of the last quarter's volume that grows with the world's need for magnets, with a licensing delay) or banned.": '輸出規制：相手国ごとに、鉱石、酸化物、磁石を開放、許可制（前四半期の量の一定割合で、世界の磁石需要とともに増える。許可の遅れつき）、禁止のいずれかに。',
  'Defence spending as a share of GDP (approval limits how far it moves in one turn).': '防衛費：GDP比で（1ターンに動かせる幅は支持率で決まる）。',
  "Investment: mines, separation plants, magnet plants, recycling, thrifting research, stockpiles, stakes in other countries' projects.": '投資：鉱山、分離精製工場、磁石工場、リサイクル、使用量削減の研究、備蓄、他国の事業への出資。',
  "Investment: mines, separation plants, magnet plants, recycling, thrifting research, stockpiles, stakes in other countries' projects, and the Minamitorishima deep-sea mud.": '投資：鉱山、分離精製工場、磁石工場、リサイクル、使用量削減の研究、備蓄、他国の事業への出資、そして南鳥島のレアアース泥。',
  'Deals: offer tariff caps, open exports, investment or offtakes for the same in return; answered next turn, binding for their term.': '協定：関税の上限、輸出の開放、投資、引き取りを提供し、同様のものを見返りに求める。回答は次のターンで、期間中は拘束力を持つ。',
};

/** One lever of the country briefing in Japanese (null if unknown). */
export function leverJa(line: string): string | null {
  return Object.hasOwn(LEVERS, line) ? LEVERS[line]! : null;
}
