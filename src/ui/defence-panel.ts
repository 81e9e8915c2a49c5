// The Defence tab: the share of GDP spent on defence (a deal's floor said under it), what it builds, and what the share
// in the field would spend.
import { shownDefenseStep, type CountryView } from '../../engine/lite.ts';
import { h } from './dom.ts';
import { num, t } from './i18n.ts';
import { money } from './labels.ts';
import { termLink } from './glossary.ts';
import { bindLine, floorOf } from './deal-binds.ts';
import { closedIf, closedLine, type Changed, type Draft } from './panel-common.ts';

export function defensePanel(view: CountryView, draft: Draft, changed: Changed, maxStep: number, over = false): HTMLElement {
  const cur = view.self.policies.defensePct;
  const val = draft.defenseSpendingPct ?? cur;
  const floor = floorOf(view); // a deal's floor, said under the field
  const note = floor ? bindLine(floor, 'bind-defence', val < floor.k.minPct - 1e-9) : '';
  const input = h('input', { type: 'number', min: 0, max: 10, step: 0.05, value: val, 'data-testid': 'policy-defense', 'aria-label': t('panel.defence'), 'aria-describedby': floor ? 'bind-defence' : undefined }) as HTMLInputElement;
  input.addEventListener('change', () => {
    const v = Number(input.value);
    if (v === cur) delete draft.defenseSpendingPct;
    else draft.defenseSpendingPct = v;
    if (floor) (note as HTMLElement).classList.toggle('breaks', v < floor.k.minPct - 1e-9);
    sayLimit(v);
    changed();
  });
  const r = view.self;
  // what the share in the field would spend, said as it is typed (the panel is not drawn again for a change)
  const figures = (v: number) => [h('dt', {}, t('panel.capability')), h('dd', { 'data-testid': 'capability' }, t('panel.capabilityValue', { value: money(r.capability) })), h('dt', {}, t('panel.securityIndex'), termLink('security')), h('dd', {}, num(r.security, 1)), h('dt', {}, t('panel.spendQuarter')), h('dd', {}, money(r.last.defenseSpendUsdBn)), ...spendAt(r.last.defenseSpendUsdBn, cur, v)];
  const dl = h('dl', {}, ...figures(val));
  // this turn's limit said as the share is typed, not only by End turn's refusal (a player went by turn 1's step)
  const step = shownDefenseStep(maxStep);
  const [lo, hi] = [Math.max(0, cur - step), Math.min(10, cur + step)];
  const limit = h('p', { class: 'hint bind breaks', 'data-testid': 'defence-limit', role: 'status' });
  const sayLimit = (v: number) => {
    const beyond = Number.isFinite(v) && (v < lo - 1e-9 || v > hi + 1e-9);
    limit.textContent = beyond ? t('panel.defenceOver', { lo: num(lo, 2), hi: num(hi, 2) }) : '';
    limit.hidden = !beyond;
  };
  sayLimit(val);
  input.addEventListener('input', () => {
    const v = input.value === '' ? cur : Number(input.value);
    dl.replaceChildren(...figures(v));
    sayLimit(v);
  });
  return closedIf(over, h(
    'section',
    { class: 'panel', 'aria-label': t('tab.Defense') },
    closedLine(over),
    h('label', {}, `${t('panel.defence')} `, input),
    limit,
    note,
    h('p', { class: 'hint' }, t('panel.defenceHint', { now: num(cur, 2), approval: num(r.approval, 1), step: num(step, 2) })),
    dl,
    // capability is a stock: a play-tester raised Japan's defence from 1.8% to 2.5% of GDP and saw security "±0.00"
    r.capability > 0 && r.last.defenseSpendUsdBn > 0 ? h('p', { class: 'hint', 'data-testid': 'defence-stock' }, t('panel.defenceStock', { pct: num((100 * r.last.defenseSpendUsdBn) / r.capability, 1) })) : '',
  ));
}

/** What the drafted share of GDP would spend a quarter, scaled from last quarter's spending at the share in force (GDP
 * moves little in a quarter): the field's change said in money, where the player drafted another share. */
function spendAt(last: number, cur: number, val: number): HTMLElement[] {
  if (!(cur > 0) || Math.abs(val - cur) < 1e-9 || !Number.isFinite(val)) return [];
  return [h('dt', {}, t('panel.spendAt', { pct: num(val, 2) })), h('dd', { 'data-testid': 'defence-spend-at' }, t('panel.spendAtValue', { value: money((last * val) / cur) }))];
}
