// The "why?" of supply independence (Indicators tab): the supply risk taken apart by stage (engine/risk.ts riskParts,
// sent in the snapshot): each stage's risk, import reliance and where the country bought it last quarter, the stage
// that sets the risk (the bottleneck), and the multipliers after it. A player saw the figure move with no order of
// hers and no ledger to say why (a tariff on China's magnets raised Japan's independence by keeping its own at home).
// A chunk of its own with its words in the later strings (locales/*-later.ts): the Japanese first screen is at its
// weight budget; the Indicators tab adds the table once both have loaded, a second after the map.
import type { CountryId, RegionId } from '../../engine/lite.ts';
import type { RiskParts } from '../../engine/index.ts';
import { h } from './dom.ts';
import { lang, num, t } from './i18n.ts';
import { countryName } from './labels.ts';

const LEVEL_KEY = ['risk.riskOre', 'risk.riskOxide', 'risk.riskMagnet'] as const;
const pct = (x: number) => `${num(x * 100, 0)}%`;

/** Where a stage was bought: the three largest origins of half a per cent or more ("your own" for the country's own),
 * the rest as "others" when they come to half a per cent. */
export function sourcesText(from: Partial<Record<RegionId, number>>, me: CountryId): string {
  const all = (Object.entries(from) as [RegionId, number][]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = all.filter(([, v]) => v >= 0.005).slice(0, 3);
  const top = shown.map(([r, v]) => `${r === me ? t('risk.riskYours') : countryName(r)} ${pct(v)}`);
  const rest = all.filter((x) => !shown.includes(x)).reduce((a, [, v]) => a + v, 0);
  if (rest >= 0.005) top.push(`${t('risk.riskOthers')} ${pct(rest)}`);
  return top.join(lang() === 'ja' ? '、' : ', ');
}

/** The table and the line under it; `risk`: the turn's own figure (recycling's share is read off it: the parts are
 * worked out with none, the state keeping capacities rather than the turn's take). */
export function riskWhy(p: RiskParts, me: CountryId, risk: number): HTMLElement {
  const worst = p.levels.reduce<number>((k, l, i) => (l && (k < 0 || l.risk > p.levels[k]!.risk) ? i : k), -1);
  const rows = p.levels.map((l, i) =>
    h('tr', { class: i === worst ? 'bottleneck' : '' }, h('th', {}, t(LEVEL_KEY[i])), l ? h('td', { class: 'n' }, num(l.risk, 2)) : h('td', { class: 'n' }, '–'), l ? h('td', { class: 'n' }, pct(l.importReliance)) : h('td', { class: 'n' }, '–'), h('td', {}, l ? sourcesText(l.from, me) : t('risk.riskNone'))),
  );
  const named = (x: string, key: string) => (lang() === 'ja' ? `${x}（${t(key)}）` : `${x} (${t(key)})`);
  const calc: string[] = [num(worst >= 0 ? p.levels[worst]!.risk : 0, 2), named(num(p.substitution, 2), 'risk.riskSubst')];
  if (p.thrift > 0.0005) calc.push(named(num(1 - p.thrift, 3), 'risk.riskThrift'));
  const recycling = p.risk > 0 ? 1 - risk / p.risk : 0;
  if (recycling > 0.0005) calc.push(named(num(1 - recycling, 3), 'risk.riskRecycling'));
  return h(
    'div',
    { class: 'risk-why', 'data-testid': 'risk-why' },
    h('table', { class: 'grid risk-parts' }, h('thead', {}, h('tr', {}, h('th', {}, t('risk.riskStage')), h('th', {}, t('risk.riskRisk')), h('th', { title: t('risk.riskIRTitle') }, t('risk.riskIR')), h('th', {}, t('risk.riskFrom')))), h('tbody', {}, ...rows)),
    worst >= 0 ? h('p', { class: 'hint', 'data-testid': 'risk-calc' }, t('risk.riskCalc', { stage: t(LEVEL_KEY[worst]), calc: `${calc.join(' × ')} = ${num(risk, 2)}` })) : '',
  );
}
