// The Invest tab's "Running" list: the country's projects under way and its finished plants still ramping up, with a
// button to stop a deep-sea programme (the order stopProgrammes: no later stage is paid, what was paid is spent).
import { rampQuartersLeft, rampShare, type CountryView } from '../../engine/lite.ts';
import type { ProjectInfo } from '../session/protocol.ts';
import { h } from './dom.ts';
import { lang, t } from './i18n.ts';
import { countryIn, countryName, money } from './labels.ts';
import { mudNow, mudStageLabel, projectLabel } from './content-text.ts';
import { draftCost } from './lots.ts';
import type { Changed, Draft } from './panel-common.ts';

type Project = CountryView['projects'][number];

/** The cost of a programme's current stage, all units, at a retry's share when it is a retry (engine/deepsea.ts
 * stageCost), USD bn; null when the type's stage costs are not known. */
function currentStageCost(p: Project, types: ProjectInfo[]): number | null {
  const m = types.find((x) => x.type === p.type)?.mud;
  return m && p.mud ? (m.stageCostUsdBn[p.mud.stage] ?? 0) * p.units * (p.mud.attempt > 1 ? m.retryCostShare : 1) : null;
}

/** A deep-sea stage paused for budget: what it needs to start and what is left of this turn's budget after the drafted
 * orders (the stage starts at the turn's end if that covers it). */
function mudWaiting(p: Project, types: ProjectInfo[], view: CountryView, draft: Draft, budget: number): string {
  const cost = currentStageCost(p, types);
  return cost === null ? t('panel.mudWaiting') : t('notes.mudNeeds', { cost: money(cost), left: money(Math.max(0, budget - draftCost(draft, types, view))) });
}

/** A deep-sea stage that ends this turn: the next stage starts at the turn's end, paid from what the orders leave of the
 * budget (engine/deepsea.ts). A new player saw orders of USD 0.10 bn and a budget that fell by 0.40: the pilot had
 * started and paid for itself, said only in the next digest. Null when no next stage starts this turn. */
function mudNext(p: Project, types: ProjectInfo[], view: CountryView, draft: Draft, budget: number): string | null {
  const m = types.find((x) => x.type === p.type)?.mud;
  if (!m || !p.mud || p.mud.waiting || p.remainingQuarters > view.quartersPerTurn || (draft.stopProgrammes ?? []).includes(p.id)) return null;
  const next = p.mud.stage + 1;
  const stage = mudStageLabel(next);
  if (next >= m.stageCostUsdBn.length || !stage) return null;
  return t('notes.mudNext', { stage, cost: money(m.stageCostUsdBn[next]! * p.units), left: money(Math.max(0, budget - draftCost(draft, types, view))) });
}

/** What a deep-sea programme's stages not yet paid would cost (the one waiting for budget, at a retry's share when it
 * is a retry, and the later ones), USD bn: what stopping it saves, retries to come aside. Null when the type's stage
 * costs are not known. */
export function mudUnpaid(p: Project, types: ProjectInfo[]): number | null {
  const m = types.find((x) => x.type === p.type)?.mud;
  const now = currentStageCost(p, types);
  if (!m || !p.mud || now === null) return null;
  return (p.mud.waiting ? now : 0) + m.stageCostUsdBn.slice(p.mud.stage + 1).reduce((a, b) => a + b, 0) * p.units;
}

const label = (p: Project, types: ProjectInfo[]) => projectLabel(p.type, types.find((x) => x.type === p.type)?.label ?? p.type);

/** The button that stops a deep-sea programme at End turn (or takes the stop back), and what stopping means. */
function stopButton(p: Project, types: ProjectInfo[], draft: Draft, changed: Changed): HTMLElement {
  const stopping = (draft.stopProgrammes ?? []).includes(p.id);
  const unpaid = mudUnpaid(p, types);
  const toggle = () => {
    const rest = (draft.stopProgrammes ?? []).filter((x) => x !== p.id);
    if (stopping) {
      if (rest.length) draft.stopProgrammes = rest;
      else delete draft.stopProgrammes;
    } else draft.stopProgrammes = [...rest, p.id];
    changed();
  };
  // an action button whose words say what it does now (not a toggle: a toggle's name must not change), named with the
  // programme's label and described by the note beside it
  const name = `${label(p, types)} ${p.id}`;
  const key = stopping ? (unpaid === 0 ? 'panel.stopsAtEndNothing' : 'panel.stopsAtEnd') : unpaid === 0 ? 'panel.stopMeansNothing' : 'panel.stopMeans';
  return h(
    'div',
    { class: 'row wrap' },
    h('button', { type: 'button', 'data-testid': `stop-${p.id}`, 'aria-label': `${t(stopping ? 'panel.keepProgramme' : 'panel.stopProgramme')}: ${name}`, 'aria-describedby': `stop-note-${p.id}`, onclick: toggle }, t(stopping ? 'panel.keepProgramme' : 'panel.stopProgramme')),
    h('span', { id: `stop-note-${p.id}`, class: stopping ? 'hint over-budget' : 'hint', 'data-testid': `stop-note-${p.id}` }, t(key, { spent: money(p.costUsdBn), unpaid: unpaid === null ? '?' : money(unpaid) })),
  );
}

/** The "Running" list (or the note that nothing runs). `over`: the game has ended, so nothing can be stopped. */
export function runningList(view: CountryView, types: ProjectInfo[], draft: Draft, changed: Changed, over: boolean, budget: number): HTMLElement {
  const me = view.country;
  const running = view.projects.filter((p) => p.owner === me && p.status === 'building');
  // finished plants still ramping up to their capacity (engine/ramp.ts): the share in place and the quarters to all of it
  const ramping = view.projects.flatMap((p) => {
    const r = p.owner === me && p.status === 'done' && p.doneTurn !== undefined ? types.find((x) => x.type === p.type)?.rampUp : undefined;
    const left = r ? rampQuartersLeft(r, view.quartersPerTurn, view.turn - p.doneTurn!) : 0;
    return r && left > 0 ? [{ p, share: rampShare(r, view.quartersPerTurn, view.turn - p.doneTurn!), left }] : [];
  });
  const colon = lang() === 'ja' ? '：' : ': ';
  const rampItems = ramping.map(({ p, share, left }) => h('li', { 'data-testid': `ramping-${p.id}` }, `${label(p, types)}${p.host !== me ? ` (${countryName(p.host)})` : ''}${colon}${t('panel.rampingUp', { pct: Math.round(share * 100), count: left })}`, h('progress', { max: 1, value: share })));
  if (!running.length && !rampItems.length) return h('p', { class: 'hint' }, t('panel.none'));
  const items = running.map((p) => {
    const next = over ? null : mudNext(p, types, view, draft, budget);
    return h(
      'li',
      { 'data-testid': `running-${p.id}` },
      `${label(p, types)}${p.host !== me ? t('panel.hostedIn', { where: countryIn(p.host) }) : ''}${mudNow(p)}${colon}${p.mud?.waiting ? (over ? t('panel.mudWaiting') : mudWaiting(p, types, view, draft, budget)) : t('panel.quartersLeft', { count: Math.max(0, p.remainingQuarters) })}`,
      h('progress', { max: 1, value: Math.max(0, 1 - p.remainingQuarters / Math.max(1, p.remainingQuarters + (view.turn - p.startedTurn))) }),
      p.mud && !over ? stopButton(p, types, draft, changed) : '',
      next ? h('p', { class: 'hint', 'data-testid': `mud-next-${p.id}` }, next) : '',
    );
  });
  return h('ul', { class: 'running' }, ...rampItems, ...items);
}
