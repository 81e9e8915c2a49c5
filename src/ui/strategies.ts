// The end screen's "Your path among the strategies" (a scenario tied to an experiment, such as Japan's gambit): the
// player's score beside each of the experiment's strategies played in the same game, with a few key figures. The
// session plays the strategies in its worker one at a time, so the page stays live and the rows fill in as they come.
import type { CountryId } from '../../engine/index.ts';
import type { Session, StrategyPlan, StrategyRow } from '../session/protocol.ts';
import { OBJECTIVE_LABEL } from '../session/score.ts';
import { clear, h } from './dom.ts';
import { pts } from './score.ts';

const label = (k: string) => OBJECTIVE_LABEL[k as keyof typeof OBJECTIVE_LABEL] ?? k;
const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/** The section; it stays hidden when the scenario has no experiment. */
export function strategiesSection(session: Session, country: CountryId): HTMLElement {
  const box = h('section', { class: 'strategies', 'data-testid': 'strategies', 'aria-label': 'your path among the strategies' });
  box.hidden = true;
  void fill(box, session, country).catch((e: Error) => box.append(h('p', { class: 'error' }, `The comparison stopped: ${e.message}`)));
  return box;
}

async function fill(box: HTMLElement, session: Session, country: CountryId): Promise<void> {
  const plan = await session.strategyPlan();
  if (!plan) return;
  box.hidden = false;
  box.append(h('h2', {}, 'Your path among the strategies'));
  if (!plan.player) {
    box.append(h('p', {}, `The strategies of the experiment “${plan.title}” are ${plan.seat}'s, and you played ${country}: play ${plan.seat} to see where your path sits among them.`));
    return;
  }
  box.append(h('p', { class: 'hint' }, `Each strategy of the experiment (gambit experiment ${plan.experiment}) played in your game: the same seed and opponents, ${plan.turns} turns, ${plan.seat}'s seat given to the strategy. Every path is scored as yours is, against the same game with ${plan.seat} at the status quo, so the status quo scores 0.`));
  const status = h('p', { class: 'strategies-status', role: 'status', 'data-testid': 'strategies-status' });
  const body = h('tbody', {});
  const table = h(
    'table',
    { class: 'grid strategies-table', 'data-testid': 'strategies-table' },
    h('thead', {}, h('tr', {}, h('th', {}, 'path'), h('th', { colspan: 2 }, 'score (points)'), h('th', { class: 'parts' }, 'largest parts'), h('th', {}, 'US tariff on Japanese cars, mean'), h('th', {}, 'cars to the US, k a year'), h('th', {}, 'lowest magnet supply'), h('th', {}, 'programme, USD bn'))),
    body,
  );
  box.append(status, h('div', { class: 'scroll-x' }, table));
  const rows: StrategyRow[] = [plan.player];
  const failed: string[] = [];
  const show = () => render(body, rows, plan);
  show();
  for (const [k, s] of plan.strategies.entries()) {
    if (!box.isConnected) return; // the player left the end screen: stop asking the worker
    status.textContent = `Comparing with the strategies... (${k} of ${plan.strategies.length} played: next, ${s.label.toLowerCase()})`;
    try {
      rows.push(await session.strategyRow(s.id));
    } catch (e) {
      failed.push(`${s.label} (${(e as Error).message})`);
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
        { class: r.id === 'you' ? 'me' : '', 'data-strategy': r.id, title: `${r.label}: ${parts.map(([k, v]) => `${label(k)} ${pts(v)}`).join(', ')}` },
        h('th', {}, r.id === 'you' ? h('b', {}, r.label) : r.label),
        h('td', { class: 'num', 'data-testid': `strategy-score-${r.id}` }, pts(r.score)),
        h('td', { class: 'bar' }, bar),
        h('td', { class: 'parts' }, parts.slice(0, 2).filter(([, v]) => Math.abs(v) >= 0.005).map(([k, v]) => `${label(k)} ${pts(v)}`).join(', ') || '—'),
        h('td', {}, plan.seat === 'USA' ? '—' : `${r.figures.usCarTariff.toFixed(1)}%`),
        h('td', {}, Math.round((r.figures.carExportsUS * 4) / 1000).toLocaleString('en-US')),
        h('td', {}, `${(r.figures.minMagnet * 100).toFixed(0)}%`),
        h('td', {}, r.figures.programmeUsdBn.toFixed(1)),
      ),
    );
  }
  const pending = plan.strategies.filter((s) => !rows.some((r) => r.id === s.id));
  for (const s of pending) body.append(h('tr', { class: 'pending', 'data-strategy': s.id }, h('th', {}, s.label), h('td', { colspan: 7 }, '…')));
}

function summary(rows: StrategyRow[], failed: string[]): string {
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  const rank = sorted.findIndex((r) => r.id === 'you') + 1;
  const best = sorted.find((r) => r.id !== 'you');
  const lead = rank === 1 ? `Your path ranks first of ${rows.length}${best ? `, ahead of ${best.label.toLowerCase()} (${pts(best.score)})` : ''}.` : `Your path ranks ${ordinal(rank)} of ${rows.length}; the best here is ${sorted[0].label.toLowerCase()} (${pts(sorted[0].score)}).`;
  return failed.length ? `${lead} Not compared: ${failed.join('; ')}.` : lead;
}
