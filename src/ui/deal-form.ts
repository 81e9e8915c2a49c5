// The Deals tab's proposal form: what you give and what you ask, one term each, from the commitments the engine knows
// (tariff caps, offtakes of your output, investment, a defence floor). Japan's supply agreement is one of these:
// a share of its separated oxide for a cap on the US tariff on its cars.
import { STAGES, TARIFF_GOODS, type CountryId, type CountryOrders } from '../../engine/lite.ts';
import { h } from './dom.ts';
import { t } from './i18n.ts';
import { countryName, goodName, stageAttr } from './labels.ts';

type Proposal = NonNullable<NonNullable<CountryOrders['deals']>['propose']>[number];
type Commitment = Proposal['give'][number];

interface Kind {
  id: string;
  /** the label on the giving side (you) and on the asking side (they) */
  give: () => string;
  ask: () => string;
  unit: '%' | 'USD bn' | '% of GDP' | '';
  max: number;
  make: (v: number) => Commitment;
}

/** Every kind of commitment the engine has (engine/schema.ts): tariff caps on each good, open exports and offtakes of each stage, investment, a defence floor. */
const KINDS: Kind[] = [
  ...TARIFF_GOODS.map((good): Kind => ({ id: `cap-${good}`, give: () => t('panel.kindCapGive', { good: goodName(good) }), ask: () => t('panel.kindCapAsk', { good: goodName(good) }), unit: '%', max: 100, make: (v) => ({ type: 'tariffCap', good, max: v }) })),
  ...STAGES.map((stage): Kind => ({ id: `open-${stage}`, give: () => t('panel.kindOpenGive', { what: stageAttr(stage) }), ask: () => t('panel.kindOpenAsk', { what: stageAttr(stage) }), unit: '', max: 0, make: () => ({ type: 'openExports', stage }) })),
  ...(['oxide.light', 'oxide.heavy', 'magnet'] as const).map((stage): Kind => ({ id: `offtake-${stage}`, give: () => t('panel.kindOfftakeGive', { what: stageAttr(stage) }), ask: () => t('panel.kindOfftakeAsk', { what: stageAttr(stage) }), unit: '%', max: 100, make: (v: number) => ({ type: 'offtake' as const, stage, share: v / 100 }) })),
  { id: 'investment', give: () => t('panel.kindInvestGive'), ask: () => t('panel.kindInvestAsk'), unit: 'USD bn', max: 500, make: (v) => ({ type: 'investment', usdBn: v }) },
  { id: 'defence', give: () => t('panel.kindDefenceGive'), ask: () => t('panel.kindDefenceAsk'), unit: '% of GDP', max: 10, make: (v) => ({ type: 'defenseFloor', minPct: v }) },
];

/** One side of the proposal: a kind of commitment and its amount. */
function side(which: 'give' | 'ask', first: string, amount: number): { el: HTMLElement; sel: HTMLSelectElement; value: () => Commitment; chosen: () => [string, number] } {
  const sel = h('select', { 'aria-label': which === 'give' ? t('panel.give') : t('panel.ask'), 'data-testid': `deal-${which}` }, ...KINDS.map((k) => h('option', { value: k.id, selected: k.id === first }, k[which === 'give' ? 'give' : 'ask']()))) as HTMLSelectElement;
  const input = h('input', { type: 'number', min: 0, step: 'any', value: amount, 'aria-label': t('panel.amountOf', { what: which === 'give' ? t('panel.give') : t('panel.ask') }), 'data-testid': `deal-${which}-amount` }) as HTMLInputElement;
  const unit = h('span', { class: 'unit' });
  const kind = () => KINDS.find((k) => k.id === sel.value) ?? KINDS[0];
  const sync = () => {
    const u = kind().unit;
    unit.textContent = u === 'USD bn' ? t('panel.unitUsdBn') : u === '% of GDP' ? t('panel.unitPctGdp') : u;
    input.max = String(kind().max);
    input.hidden = kind().max === 0; // open exports take no amount
  };
  sel.addEventListener('change', sync);
  sync();
  // the amount and its unit stay together: under a long choice in a narrow panel they wrap to the next line as one
  return { el: h('label', {}, `${which === 'give' ? t('panel.give') : t('panel.ask')} `, sel, h('span', { class: 'amount' }, input, unit)), sel, value: () => kind().make(Math.max(0, Math.min(kind().max, Number(input.value) || 0))), chosen: () => [kind().id, Number(input.value) || 0] };
}

/** What the form held when the player last added a proposal, per turn's orders (the panel is drawn anew after an add:
 * the form keeps the partner and terms the player chose, so a second proposal starts from the first). */
interface FormMemory { to: string; give: [string, number]; ask: [string, number]; term: string }
const memory = new WeakMap<object, FormMemory>();

/** The form; `add` receives the proposal when the player adds it to the turn's orders. `turn` is this turn's orders
 * object: the form remembers its choices for as long as that object lives (a new turn starts from the defaults).
 * `past`: the words for a term of n turns that runs past the game's last turn ('' for one that does not), shown under
 * the term as it is typed. `fits`: the turns from the proposal's answer to the game's last turn; the form's term starts
 * at 8 turns or at that, whichever is less (8 turns in a 4-turn game read as a mistake, and was said to run past). */
/** `made`: what a country made of a stage last turn (t), for the note under an ask of a share of output it does not make. */
export function proposeForm(me: CountryId, partners: CountryId[], add: (p: Proposal) => void, turn: object = {}, past: (n: number) => string = () => '', fits = 40, made: (c: CountryId, stage: string) => number = () => 1): HTMLElement {
  const m = memory.get(turn);
  const to = m && partners.includes(m.to as CountryId) ? m.to : me === 'JPN' ? 'USA' : null;
  const partner = h('select', { 'aria-label': t('panel.partnerAria'), 'data-testid': 'deal-partner' }, ...partners.map((c) => h('option', { value: c, selected: c === to }, countryName(c)))) as HTMLSelectElement;
  const give = side('give', m?.give[0] ?? 'cap-other', m?.give[1] ?? 5);
  const ask = side('ask', m?.ask[0] ?? 'investment', m?.ask[1] ?? 10);
  const term = h('input', { type: 'number', min: 1, max: 40, value: m?.term ?? Math.max(1, Math.min(8, fits)), 'aria-label': t('panel.termAria') }) as HTMLInputElement;
  const remember = () => memory.set(turn, { to: partner.value, give: give.chosen(), ask: ask.chosen(), term: term.value });
  const turns = () => Math.max(1, Math.min(40, Math.round(Number(term.value)) || 8));
  const note = h('p', { class: 'hint', 'data-testid': 'deal-term-past' });
  const sync = () => {
    note.textContent = past(turns());
    note.hidden = !note.textContent;
  };
  term.addEventListener('input', sync);
  sync();
  // a share of output the partner does not make (Australia makes no magnets) is a term worth nothing: said as it is
  // chosen, not found out from a deal scored at 0 at the end (a new player's review)
  const none = h('p', { class: 'hint', 'data-testid': 'deal-offtake-none' });
  const syncNone = () => {
    const [id] = ask.chosen();
    const stage = id.startsWith('offtake-') ? id.slice('offtake-'.length) : null;
    none.textContent = stage && !(made(partner.value as CountryId, stage) > 0) ? t('panel.offtakeNone', { who: countryName(partner.value as CountryId), what: stageAttr(stage) }) : '';
    none.hidden = !none.textContent;
  };
  for (const el of [partner, ask.sel]) el.addEventListener('change', syncNone);
  syncNone();
  return h(
    'div',
    { class: 'propose' },
    h('div', { class: 'row wrap' }, h('label', {}, `${t('panel.to')} `, partner), h('label', {}, `${t('panel.turns')} `, term)),
    note,
    h('div', { class: 'row wrap' }, give.el),
    h('div', { class: 'row wrap' }, ask.el),
    none,
    h('button', { type: 'button', 'data-testid': 'deal-propose', onclick: () => (remember(), add({ to: partner.value as CountryId, give: [give.value()], get: [ask.value()], termTurns: turns() })) }, t('panel.addProposal')),
  );
}
