// The Deals tab's proposal form: what you give and what you ask, one term each, from the commitments the engine knows
// (tariff caps, offtakes of your output, investment, a defence floor). Japan's supply agreement is one of these:
// a share of its separated oxide for a cap on the US tariff on its cars.
import type { CountryId, CountryOrders } from '../../engine/index.ts';
import { STAGE_LABEL, h } from './dom.ts';

type Proposal = NonNullable<NonNullable<CountryOrders['deals']>['propose']>[number];
type Commitment = Proposal['give'][number];

interface Kind {
  id: string;
  /** the label on the giving side (you) and on the asking side (they) */
  give: string;
  ask: string;
  unit: '%' | 'USD bn' | '% of GDP';
  max: number;
  make: (v: number) => Commitment;
}

const KINDS: Kind[] = [
  { id: 'cap-other', give: 'a cap on my tariff on their other goods', ask: 'a cap on their tariff on my other goods', unit: '%', max: 100, make: (v) => ({ type: 'tariffCap', good: 'other', max: v }) },
  { id: 'cap-autos', give: 'a cap on my tariff on their cars', ask: 'a cap on their tariff on my cars', unit: '%', max: 100, make: (v) => ({ type: 'tariffCap', good: 'autos', max: v }) },
  ...(['oxide.light', 'oxide.heavy', 'magnet'] as const).map((stage) => ({ id: `offtake-${stage}`, give: `a share of my ${STAGE_LABEL[stage]} output`, ask: `a share of their ${STAGE_LABEL[stage]} output`, unit: '%' as const, max: 100, make: (v: number) => ({ type: 'offtake' as const, stage, share: v / 100 }) })),
  { id: 'investment', give: 'investment in them', ask: 'investment in me', unit: 'USD bn', max: 500, make: (v) => ({ type: 'investment', usdBn: v }) },
  { id: 'defence', give: 'my defence spending of at least', ask: 'their defence spending of at least', unit: '% of GDP', max: 10, make: (v) => ({ type: 'defenseFloor', minPct: v }) },
];

/** One side of the proposal: a kind of commitment and its amount. */
function side(which: 'give' | 'ask', first: string, amount: number): { el: HTMLElement; value: () => Commitment } {
  const sel = h('select', { 'aria-label': which === 'give' ? 'what you give' : 'what you ask', 'data-testid': `deal-${which}` }, ...KINDS.map((k) => h('option', { value: k.id, selected: k.id === first }, k[which]))) as HTMLSelectElement;
  const input = h('input', { type: 'number', min: 0, step: 'any', value: amount, 'aria-label': `${which === 'give' ? 'what you give' : 'what you ask'}: amount`, 'data-testid': `deal-${which}-amount` }) as HTMLInputElement;
  const unit = h('span', { class: 'unit' });
  const kind = () => KINDS.find((k) => k.id === sel.value) ?? KINDS[0];
  const sync = () => {
    unit.textContent = kind().unit;
    input.max = String(kind().max);
  };
  sel.addEventListener('change', sync);
  sync();
  return { el: h('label', {}, which === 'give' ? 'You give ' : 'You ask ', sel, input, unit), value: () => kind().make(Math.max(0, Math.min(kind().max, Number(input.value) || 0))) };
}

/** The form; `add` receives the proposal when the player adds it to the turn's orders. */
export function proposeForm(me: CountryId, partners: CountryId[], add: (p: Proposal) => void): HTMLElement {
  const partner = h('select', { 'aria-label': 'deal partner', 'data-testid': 'deal-partner' }, ...partners.map((c) => h('option', { value: c, selected: me === 'JPN' && c === 'USA' }, c))) as HTMLSelectElement;
  const give = side('give', 'cap-other', 5);
  const ask = side('ask', 'investment', 10);
  const term = h('input', { type: 'number', min: 1, max: 40, value: 8, 'aria-label': 'term in turns' }) as HTMLInputElement;
  return h(
    'div',
    { class: 'propose' },
    h('div', { class: 'row wrap' }, h('label', {}, 'To ', partner), h('label', {}, 'Turns ', term)),
    h('div', { class: 'row wrap' }, give.el),
    h('div', { class: 'row wrap' }, ask.el),
    h('button', { type: 'button', 'data-testid': 'deal-propose', onclick: () => add({ to: partner.value as CountryId, give: [give.value()], get: [ask.value()], termTurns: Math.max(1, Math.min(40, Math.round(Number(term.value)) || 8)) }) }, 'Add proposal'),
  );
}
