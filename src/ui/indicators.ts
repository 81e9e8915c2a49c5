// The Indicators tab (each headline with its change, a sparkline on an honest axis and its why ledger; the score split;
// prices) and the Compare dialog (timelines side by side).
import { HEADLINES, type Headline } from '../../engine/lite.ts';
import type { Session, SessionSnapshot } from '../session/protocol.ts';
import { h, PALETTE, trapFocus, type Child } from './dom.ts';
import { lineChart, sparkline } from './chart.ts';
import { CAR_HEADLINES, HEADLINE_LABEL, formatHeadline, ledger, makesCars, shownChange } from './ledger.ts';
import { quartersOf, splitTable } from './score.ts';
import { fmtChange } from './story.ts';
import { chunk, laterReady, num, t } from './i18n.ts';
import { stageName, timelineName } from './labels.ts';
import { termLink } from './glossary.ts';

/** The smallest range a sparkline shows, so that noise stays flat: in the headline's own units. */
export const MIN_SPAN: Record<Headline, (v: number) => number> = {
  gdp: (v) => Math.abs(v) * 0.02,
  autoProduction: (v) => Math.abs(v) * 0.05,
  autoExports: (v) => Math.abs(v) * 0.05,
  magnetSupplyRatio: () => 0.1,
  approval: () => 5,
  security: () => 5,
};

export function indicatorsPanel(s: SessionSnapshot): HTMLElement {
  const c = s.config.country;
  const hist = s.history.map((x) => x.countries[c]);
  const series: Record<Headline, number[]> = {
    gdp: hist.map((x) => x.gdp),
    autoProduction: hist.map((x) => x.autoProduction),
    autoExports: hist.map((x) => Object.values(x.autoExports).reduce((a, b) => a + (b ?? 0), 0)),
    magnetSupplyRatio: hist.map((x) => x.magnetSupplyRatio),
    approval: hist.map((x) => x.approval),
    security: s.history.map(() => 0),
  };
  const rep = s.report;
  // a country that makes no cars (Australia) has no car rows: "Car output 0" said nothing (one that makes them keeps
  // both, in a quarter its plants stand still too); the digest's car ledgers ask the same makesCars
  const cars = makesCars(c, { view: s.view, history: s.history, report: rep });
  // a class round of several quarters: its report's changes and causes are the round's (src/server/round-report.ts)
  const k = s.turnScore ? quartersOf(s.turnScore) : 1;
  const rows = HEADLINES.filter((hd) => cars || !CAR_HEADLINES.has(hd)).map((hd) => {
    const x = rep?.headlines[c][hd];
    const value = x ? x.value : hd === 'gdp' ? s.view.self.gdp : hd === 'approval' ? s.view.self.approval : hd === 'security' ? s.view.self.security : hd === 'magnetSupplyRatio' ? s.view.self.last.magnetSupplyRatio : hd === 'autoProduction' ? s.view.self.last.autoProduction : Object.entries(s.view.self.last.autoExports).reduce((a, [k, v]) => a + (k === c ? 0 : v), 0);
    // the digest's formatter: magnet supply's change in percentage points ("+0.8 pp"), never "+0.8%", which reads as a
    // relative change
    const change = x ? fmtChange(hd, shownChange(hd, x), 'pt') : ''; // as the figures shown differ, as in the ledger
    return row({
      id: hd,
      name: [HEADLINE_LABEL[hd], hd === 'magnetSupplyRatio' ? termLink('magnetSupply') : hd === 'security' ? termLink('security') : ''],
      value: formatHeadline(hd, value),
      change,
      sign: !x || change === '±0' ? 0 : x.change,
      spark: hd !== 'security' ? sparkline(series[hd], 80, 22, PALETTE.blue, MIN_SPAN[hd](value)) : h('span', {}),
      why: rep ? () => ledger(rep, c, hd) : null,
      round: k > 1,
    });
  });
  // supply independence, a tenth of most countries' scores: shown with its change and path, so a move in that part of
  // the score has a figure behind it (it had none); its why is the formula in words and the risk taken apart by stage
  // (risk-why.ts), not a ledger of causes (it is one formula of the whole sourcing)
  const indep = (risk: number) => Math.max(0, 1 - risk / s.riskScale) * 100;
  const now = indep(s.view.self.last.supplyRisk);
  // (turn 1's change is from the start: the history holds the turns played, so it showed none, the one row without;
  // a class round of k quarters: from before the round, as the other rows' changes are the round's)
  const prev = s.history.length > k ? indep(s.history.at(-1 - k)!.countries[c].supplyRisk) : s.history.length === k && s.openingRisk !== undefined ? indep(s.openingRisk) : null;
  const dInd = rep && prev !== null ? Math.round(now * 10) - Math.round(prev * 10) : 0; // in the tenths shown
  rows.push(row({
    id: 'independence',
    name: [t('ind.independence'), termLink('supplyRisk')],
    value: num(now, 1),
    change: rep && prev !== null ? (dInd === 0 ? '±0' : `${dInd > 0 ? '+' : '−'}${num(Math.abs(dInd) / 10, 1)}`) : '',
    sign: dInd,
    spark: sparkline(hist.map((x) => indep(x.supplyRisk)), 80, 22, PALETTE.blue, 5),
    // its why (under the plain title: it says how the figure is worked out, not what moved it) is the formula in words
    // and the risk taken apart by stage; their code and words come after the map (the Japanese first screen is at its
    // weight budget), added once both are here, a second after the map
    why: () => {
      const box = h('div', {});
      const parts = s.riskParts;
      void Promise.all([parts ? chunk(() => import('./risk-why.ts'), 'toast.textsFailed') : null, laterReady()])
        .then(([m]) => box.append(h('p', { class: 'hint' }, t('risk.independenceWhy', { risk: num(s.view.self.last.supplyRisk, 2), scale: num(s.riskScale) })), m && parts ? m.riskWhy(parts, c, s.view.self.last.supplyRisk) : ''))
        .catch(() => {});
      return box;
    },
  }));
  const p = s.view.prices;
  const w = s.view.worldPrice;
  return h(
    'section',
    { class: 'panel', 'aria-label': t('tab.Indicators') },
    h('ul', { class: 'indicators' }, ...rows),
    rep ? '' : h('p', { class: 'hint', 'data-testid': 'why-later' }, t('ind.whyLater')),
    h('h3', { 'data-testid': 'score-by-objective', tabindex: -1 }, t('ind.scoreBy'), termLink('yardstick')),
    splitTable(s.turnScore),
    // the quarter the prices are of, as the debrief dates them (at 'Turn 2 · 2026Q1' they are 2025Q4's, which the
    // debrief calls 2025Q4: a class compared $421 there with the $377 seen under 'Turn 1 · 2025Q4')
    h('h3', {}, rep ? t('ind.pricesIn', { date: rep.date }) : t('ind.prices')),
    h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, t('ind.outside')), h('th', {}, t('ind.china')), h('th', {}, t('ind.you')))), h('tbody', {}, ...(['oxide.light', 'oxide.heavy', 'magnet'] as const).map((k) => h('tr', {}, h('th', {}, stageName(k), termLink(k === 'oxide.light' ? 'NdPr' : k === 'oxide.heavy' ? 'DyTb' : 'NdFeB')), h('td', {}, num(w[k], 1)), h('td', {}, num(p[k].CHN, 1)), h('td', {}, num(p[k][c], 1)))))),
  );
}

export async function compareDialog(root: HTMLElement, session: Session, s: SessionSnapshot): Promise<void> {
  const { timelines, histories } = await session.compare();
  const c = s.config.country;
  const colours = [PALETTE.blue, PALETTE.vermillion, PALETTE.green, PALETTE.purple, PALETTE.orange];
  const n = Math.max(...histories.map((x) => x.length));
  const x = Array.from({ length: n }, (_, i) => `${t('endText.byTurn')} ${i + 1}`); // "turn 5", as the end screen's charts (a bare 5 said nothing)
  const mk = (title: string, f: (v: (typeof histories)[0][0]) => number, unit = '', minSpan = 0) => lineChart(title, timelines.map((tl, i) => ({ label: `${timelineName(tl.label)}${tl.forkedAt ? ` (${t('header.forkedAt', { n: tl.forkedAt })})` : ''}`, values: histories[i].map(f), colour: colours[i % colours.length], dashed: i > 0 })), 380, 170, unit, x, minSpan);
  const close = h('button', { type: 'button', class: 'primary', onclick: () => dlg.remove() }, t('action.close'));
  const dlg = h('div', { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-label': t('action.compare'), 'data-testid': 'compare-view' }, h('div', { class: 'modal-body' }, h('h2', {}, t('action.compare')), h('div', { class: 'charts' }, mk(t('header.score', { country: c, score: '' }), (v) => v.countries[c].score, '', 0.5), mk(HEADLINE_LABEL.gdp, (v) => v.countries[c].gdp, '', 0), mk(HEADLINE_LABEL.approval, (v) => v.countries[c].approval, '', 5), mk(HEADLINE_LABEL.magnetSupplyRatio, (v) => v.countries[c].magnetSupplyRatio * 100, '%', 10)), close));
  trapFocus(dlg, () => dlg.remove());
  root.append(dlg);
  close.focus({ preventScroll: true });
}

/** One indicator: its name, value, change (coloured by sign), path and a "why?" that opens what `why` builds, built
 * when first opened; no `why` (before the first turn) leaves the button disabled with the reason in its title. */
function row(r: { id: string; name: Child[]; value: string; change: string; sign: number; spark: Node; why: (() => Node) | null; round?: boolean }): HTMLElement {
  const why = h('div', { class: 'why hidden' });
  const build = r.why;
  const toggle = (e: Event): void => {
    const b = e.currentTarget as HTMLElement;
    const open = why.classList.toggle('hidden') === false;
    b.setAttribute('aria-expanded', String(open));
    if (open && build && !why.firstChild) why.append(build());
  };
  return h(
    'li',
    { 'data-testid': `indicator-${r.id}` },
    h('span', { class: 'name' }, ...r.name),
    h('span', { class: 'val' }, r.value),
    h('span', { class: `chg ${r.sign === 0 ? 'zero' : r.sign < 0 ? 'neg' : 'pos'}` }, r.change),
    r.spark,
    h('button', { type: 'button', class: 'link', 'data-testid': `why-${r.id}`, 'aria-expanded': 'false', disabled: !build, title: build ? t(r.round ? 'ind.whyTitleRound' : 'ind.whyTitle') : t('ind.afterFirst'), onclick: toggle }, t('ind.why')),
    why,
  );
}
