// An order issue in the player's words and language: the field it names ("Tariffs: United States, cars"), then the
// engine's message, put into Japanese for the ones a player meets in play (over budget, a defence change beyond what
// approval allows, a release larger than the stockpile, a project over its limit); rarer ones keep the engine's English.
import type { OrderIssue } from '../../engine/lite.ts';
import { lang, num, t } from './i18n.ts';
import { comma as listComma, countryName, goodName, money, stageName } from './labels.ts';
import { projectLabel } from './content-text.ts';

/** "$.JPN.tariffs.USA.autos" -> "Tariff on United States cars" and so on, for the issue list. */
export function friendlyPath(path: string): string {
  const p = path.replace(/^\$\.[A-Z]{3}\.?/, '');
  // Japanese punctuation in a Japanese line ("関税：米国、自動車", not "関税: 米国, 自動車")
  const colon = lang() === 'ja' ? '：' : ': ';
  const comma = listComma();
  let m = /^tariffs\.(\w+|\["\*"\])\.(\w+)/.exec(p);
  if (m) return `${t('tab.Tariffs')}${colon}${countryName(m[1]!.replace('["*"]', '*'))}${comma}${goodName(m[2]!)}`;
  m = /^exportControls\.(\w+)\.?("?[\w.]+"?)?/.exec(p);
  if (m) return `${t('tab.Controls')}${colon}${countryName(m[1]!)}${m[2] ? `${comma}${stageName(m[2].replace(/"/g, ''))}` : ''}`;
  if (p.startsWith('defenseSpendingPct')) return t('tab.Defense');
  if (p.startsWith('investments') || p.startsWith('stopProgrammes')) return t('tab.Invest');
  if (p.startsWith('stockpileRelease')) return t('tab.Stockpile');
  if (p.startsWith('deals')) return t('tab.Deals');
  if (p.startsWith('rareEarthOutputPct')) return t('tab.Controls');
  return p || t('tab.Indicators');
}

/** The engine's message in the active language; `label` names a project type in English (the content's label). */
export function issueMessage(message: string, label: (type: string) => string = (x) => x): string {
  const ja = lang() === 'ja';
  let m = /^costs USD ([\d.]+) bn but the budget this turn is USD ([\d.]+) bn$/.exec(message);
  if (m && ja) return `費用${money(Number(m[1]))}が今ターンの予算${money(Number(m[2]))}を超えています`;
  m = /^a change of ([\d.]+) percentage points \(of GDP\) exceeds the ([\d.]+) that approval of ([\d.]+) allows this turn$/.exec(message);
  if (m && ja) return `変更幅${m[1]}%ポイント（GDP比）が、支持率${m[3]}で今ターンに動かせる${m[2]}%ポイントを超えています`;
  m = /^no deep-sea programme "(P\d+)" of (\w{3}) under way \((?:\w{3}'s under way: ([P\d, ]+)|\w{3} has none under way)\)$/.exec(message);
  if (m && ja) return `${m[1]}は${countryName(m[2]!)}の進行中の深海事業ではありません${m[3] ? `（進行中：${m[3]}）` : '（進行中のものはありません）'}`;
  m = /^releases ([\d.]+) t but the stockpile holds (\d+) t$/.exec(message);
  if (m) return ja ? `放出量${num(Number(m[1]))} tが備蓄${num(Number(m[2]))} tを超えています` : `releases ${num(Number(m[1]))} t but the stockpile holds ${num(Number(m[2]))} t`;
  m = /^(\w[\w.]*): (\d+) more units? would make (\d+), over the limit of (\d+) per country$/.exec(message);
  if (m) {
    const name = projectLabel(m[1]!, label(m[1]!));
    return ja ? `${name}：あと${m[2]}件で${m[3]}件となり、1か国の上限${m[4]}件を超えます` : `${name}: ${m[2]} more would make ${m[3]}, over the limit of ${m[4]} per country`;
  }
  // a list over its length (ORDER_LIMITS): "Proposals: at most 10 a turn"
  m = /^Too big: expected array to have <=\s*(\d+) items$/.exec(message);
  if (m) return t('panel.atMostItems', { count: Number(m[1]) });
  // a field out of its range: "Tariffs: United States, cars: must be at most 500" (it said only "≤500")
  m = /^Too (big|small): expected number to be [<>]=\s*(-?[\d.]+)$/.exec(message);
  if (m) return t(m[1] === 'big' ? 'panel.atMost' : 'panel.atLeast', { n: num(Number(m[2]), m[2]!.includes('.') ? m[2]!.split('.')[1]!.length : 0) });
  return message.replace(/^Too big: expected number to be <=/, '≤').replace(/^Too small: expected number to be >=/, '≥');
}

/** One line of the issue list: the field (none for an issue with no field, path "$": the class has not started, the
 * round has ended), then the message. */
export function issueText(i: OrderIssue, label?: (type: string) => string): string {
  return `${i.path === '$' ? '' : `${friendlyPath(i.path)}${lang() === 'ja' ? '：' : ': '}`}${issueMessage(i.message, label)}`;
}
