// The end screen's "Your path among the strategies" (a scenario tied to an experiment, such as Japan's gambit): the
// player's score beside each of the experiment's strategies played in the same game, with a few key figures. The
// session plays the strategies in its worker one at a time, so the page stays live and the rows fill in as they come.
import type { CountryId } from '../../engine/lite.ts';
import type { Session, StrategyPlan, StrategyRow } from '../session/protocol.ts';
import { clear, h } from './dom.ts';
import { pts } from './score.ts';
import { catalogue, lang, num, t } from './i18n.ts';
import { comma, countryName, objectiveName } from './labels.ts';

const label = (k: string) => objectiveName(k);
const ordinal = (n: number) => (lang() === 'ja' ? String(n) : `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`);
/** A strategy's name in the active language (the experiment's own English label for one the catalogue lacks). */
const pathName = (r: { id: string; label: string }) => (catalogue().endText.strategies.labels as Record<string, string>)[r.id] ?? r.label;
/** Lower-cased inside an English sentence ("the best here is all three"). */
const inSentence = (r: { id: string; label: string }) => (lang() === 'ja' ? pathName(r) : pathName(r).toLowerCase());

/** The section; it stays hidden when the scenario has no experiment. */
export function strategiesSection(session: Session, country: CountryId): HTMLElement {
  const box = h('section', { class: 'strategies', 'data-testid': 'strategies', 'aria-label': t('endText.strategies.aria') });
  box.hidden = true;
  void fill(box, session, country).catch((e: Error) => box.append(h('p', { class: 'error' }, t('endText.strategies.stopped', { error: e.message }))));
  return box;
}

async function fill(box: HTMLElement, session: Session, country: CountryId): Promise<void> {
  const plan = await session.strategyPlan();
  if (!plan) return;
  box.hidden = false;
  box.append(h('h2', {}, t('endText.strategies.title')));
  if (!plan.player) {
    box.append(h('p', {}, t('endText.strategies.otherSeat', { title: plan.title, seat: countryName(plan.seat), you: countryName(country) })));
    return;
  }
  box.append(h('p', { class: 'hint' }, t('endText.strategies.intro', { turns: plan.turns, seat: countryName(plan.seat) })));
  const status = h('p', { class: 'strategies-status', role: 'status', 'data-testid': 'strategies-status' });
  const body = h('tbody', {});
  const table = h(
    'table',
    { class: 'grid strategies-table', 'data-testid': 'strategies-table' },
    h('thead', {}, h('tr', {}, h('th', {}, t('endText.strategies.path')), h('th', { colspan: 2 }, t('endText.strategies.score')), h('th', { class: 'parts' }, t('endText.strategies.parts')), h('th', {}, t('endText.strategies.usTariff')), h('th', {}, t('endText.strategies.carsToUs')), h('th', {}, t('endText.strategies.minMagnet')), h('th', {}, t('endText.strategies.programme')))),
    body,
  );
  box.append(status, h('div', { class: 'scroll-x' }, table));
  const rows: StrategyRow[] = [plan.player];
  const failed: string[] = [];
  const show = () => render(body, rows, plan);
  show();
  for (const [k, s] of plan.strategies.entries()) {
    if (!box.isConnected) return; // the player left the end screen: stop asking the worker
    status.textContent = t('endText.strategies.comparing', { k, n: plan.strategies.length, next: inSentence(s) });
    try {
      rows.push(await session.strategyRow(s.id));
    } catch (e) {
      failed.push(`${pathName(s)} (${(e as Error).message})`);
    }
    show();
  }
  status.textContent = summary(rows, failed);
  status.classList.add('done');
}

function render(body: HTMLElement, rows: StrategyRow[], plan: StrategyPlan): void {
  clear(body);
  const top = Math.max(0.01, ...rows.map((r) => Math.abs(r.score)));
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  for (const r of sorted) {
    const parts = Object.entries(r.scoreBy).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
    const w = (Math.abs(r.score) / top) * 50;
    const bar = h('span', { class: 'sbar', 'aria-hidden': 'true' }, h('i', { class: r.score < 0 ? 'neg' : 'pos', style: `left:${r.score < 0 ? 50 - w : 50}%;width:${w}%` }));
    body.append(
      h(
        'tr',
        { class: r.id === 'you' ? 'me' : '', 'data-strategy': r.id, title: `${pathName(r)}: ${parts.map(([k, v]) => `${label(k)} ${pts(v)}`).join(comma())}` },
        h('th', {}, r.id === 'you' ? h('b', {}, pathName(r)) : pathName(r)),
        h('td', { class: 'num', 'data-testid': `strategy-score-${r.id}` }, pts(r.score)),
        h('td', { class: 'bar' }, bar),
        h('td', { class: 'parts' }, parts.slice(0, 2).filter(([, v]) => Math.abs(v) >= 0.005).map(([k, v]) => `${label(k)} ${pts(v)}`).join(comma()) || '—'),
        h('td', {}, plan.seat === 'USA' ? '—' : `${r.figures.usCarTariff.toFixed(1)}%`),
        h('td', {}, num(Math.round((r.figures.carExportsUS * 4) / 1000))),
        h('td', {}, `${(r.figures.minMagnet * 100).toFixed(0)}%`),
        h('td', {}, r.figures.programmeUsdBn.toFixed(1)),
      ),
    );
  }
  const pending = plan.strategies.filter((s) => !rows.some((r) => r.id === s.id));
  for (const s of pending) body.append(h('tr', { class: 'pending', 'data-strategy': s.id }, h('th', {}, pathName(s)), h('td', { colspan: 7 }, '…')));
}

function summary(rows: StrategyRow[], failed: string[]): string {
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  const rank = sorted.findIndex((r) => r.id === 'you') + 1;
  const best = sorted.find((r) => r.id !== 'you');
  const lead =
    rank === 1
      ? best
        ? t('endText.strategies.first', { n: rows.length, best: inSentence(best), score: pts(best.score) })
        : t('endText.strategies.firstAlone', { n: rows.length })
      : t('endText.strategies.ranked', { rank: ordinal(rank), n: rows.length, best: inSentence(sorted[0]!), score: pts(sorted[0]!.score) });
  return failed.length ? `${lead} ${t('endText.strategies.notCompared', { list: failed.join(lang() === 'ja' ? '、' : '; ') })}` : lead;
}
