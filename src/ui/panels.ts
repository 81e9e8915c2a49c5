// The policy panels: tariffs, export controls, defense, investments, stockpile, deals. They edit a draft of orders.
import { COUNTRIES, REGIONS, STAGES, TARIFF_GOODS, TARIFF_GOOD_NAMES, type CountryId, type RegionId, type StageKey } from '../../engine/index.ts';
import type { CountryOrders, CountryView } from '../../engine/index.ts';
import type { ProjectInfo } from '../session/protocol.ts';
import { STAGE_LABEL, fmt, h } from './dom.ts';
import { proposeForm } from './deal-form.ts';

export type Draft = CountryOrders;
type Changed = () => void;

const partnersOf = (me: CountryId): RegionId[] => REGIONS.filter((r) => r !== me);

export function tariffPanel(view: CountryView, draft: Draft, changed: Changed): HTMLElement {
  const me = view.country;
  const rows = partnersOf(me).map((p) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, p),
      ...TARIFF_GOODS.map((g) => {
        const cur = view.self.policies.tariffs[p][g];
        const val = draft.tariffs?.[p]?.[g] ?? cur;
        return h(
          'td',
          {},
          h('input', {
            type: 'number',
            min: 0,
            max: 500,
            step: 0.5,
            value: val,
            class: val !== cur ? 'changed' : '',
            'aria-label': `tariff on ${TARIFF_GOOD_NAMES[g]} from ${p}, percent`,
            'data-testid': `policy-tariff-${p}-${g}`,
            onchange: (e: Event) => {
              const v = Number((e.target as HTMLInputElement).value);
              draft.tariffs ??= {};
              draft.tariffs[p] ??= {};
              if (v === cur) delete draft.tariffs[p]![g]; // back to the standing policy: no order
              else draft.tariffs[p]![g] = v;
              if (!Object.keys(draft.tariffs[p]!).length) delete draft.tariffs[p];
              if (!Object.keys(draft.tariffs).length) delete draft.tariffs;
              (e.target as HTMLElement).classList.toggle('changed', v !== cur);
              changed();
            },
          }),
        );
      }),
    ),
  );
  return h(
    'section',
    { class: 'panel', 'aria-label': 'tariffs' },
    h('p', { class: 'hint' }, 'Percent on imports from each partner. Higher tariffs shift buyers to home goods, raise prices at home and raise tension.'),
    h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, h('th', {}, 'partner'), ...TARIFF_GOODS.map((g) => h('th', { scope: 'col' }, TARIFF_GOOD_NAMES[g])))), h('tbody', {}, ...rows)),
  );
}

export function controlsPanel(view: CountryView, draft: Draft, changed: Changed): HTMLElement {
  const me = view.country;
  const cell = (p: RegionId, s: StageKey) => {
    const cur = view.self.policies.controls[p][s];
    const d = draft.exportControls?.[p]?.[s];
    const level = d === undefined ? cur.level : typeof d === 'object' ? 'licensed' : d;
    const share = typeof d === 'object' ? d.licensed : cur.share;
    const shareInput = h('input', { type: 'number', min: 0, max: 1, step: 0.05, value: share, class: `share${level === 'licensed' ? '' : ' hidden'}`, 'aria-label': `licensed share of ${STAGE_LABEL[s]} to ${p}`, 'data-testid': `policy-control-share-${p}-${s}` }) as HTMLInputElement;
    const sel = h('select', { 'aria-label': `exports of ${STAGE_LABEL[s]} to ${p}`, 'data-testid': `policy-control-${p}-${s}` }, ...['open', 'licensed', 'banned'].map((l) => h('option', { value: l, selected: l === level }, l))) as HTMLSelectElement;
    const apply = () => {
      draft.exportControls ??= {};
      draft.exportControls[p] ??= {};
      draft.exportControls[p]![s] = sel.value === 'licensed' ? { licensed: Number(shareInput.value) } : (sel.value as 'open' | 'banned');
      shareInput.classList.toggle('hidden', sel.value !== 'licensed');
      changed();
    };
    sel.addEventListener('change', apply);
    shareInput.addEventListener('change', apply);
    return h('td', { class: level !== 'open' ? 'restricted' : '' }, h('div', { class: 'ctl' }, sel, shareInput));
  };
  const curOut = view.self.policies.outputPct ?? 100;
  const out = h('input', { type: 'number', min: 50, max: 150, step: 5, value: draft.rareEarthOutputPct ?? curOut, 'data-testid': 'policy-output', 'aria-label': 'production quotas on your mines and separators, percent of normal capacity' }) as HTMLInputElement;
  out.addEventListener('change', () => {
    const v = Math.min(150, Math.max(50, Math.round(Number(out.value))));
    if (v === curOut) delete draft.rareEarthOutputPct;
    else draft.rareEarthOutputPct = v;
    changed();
  });
  return h(
    'section',
    { class: 'panel', 'aria-label': 'export controls' },
    h('p', { class: 'hint' }, 'On your exports to each partner. Licensed: a share of the last quarter\'s volume may go, after a licensing delay in the first quarter. Banned: nothing goes, except what is transshipped through third countries you leave open (you find some of it).'),
    h('label', {}, 'Production quotas on your mines and separators, % of normal capacity ', out),
    h('p', { class: 'hint' }, 'Above 100 floods the market: prices fall, and so do newcomers\' margins. Below 100 withholds supply.'),
    h(
      'div',
      { class: 'scroll-x' },
      h('table', { class: 'grid controls' }, h('thead', {}, h('tr', {}, h('th', {}, 'partner'), ...STAGES.map((s) => h('th', { scope: 'col' }, STAGE_LABEL[s])))), h('tbody', {}, ...partnersOf(me).map((p) => h('tr', {}, h('th', { scope: 'row' }, p), ...STAGES.map((s) => cell(p, s)))))),
    ),
  );
}

export function defensePanel(view: CountryView, draft: Draft, changed: Changed, maxStep: number): HTMLElement {
  const cur = view.self.policies.defensePct;
  const val = draft.defenseSpendingPct ?? cur;
  const input = h('input', { type: 'number', min: 0, max: 10, step: 0.05, value: val, 'data-testid': 'policy-defense', 'aria-label': 'defense spending, percent of GDP' }) as HTMLInputElement;
  input.addEventListener('change', () => {
    const v = Number(input.value);
    if (v === cur) delete draft.defenseSpendingPct;
    else draft.defenseSpendingPct = v;
    changed();
  });
  const r = view.self;
  return h(
    'section',
    { class: 'panel', 'aria-label': 'defense' },
    h('label', {}, 'Defense spending, % of GDP ', input),
    h('p', { class: 'hint' }, `Now ${cur.toFixed(2)}%. With approval at ${r.approval.toFixed(0)}, it can move at most ${maxStep.toFixed(2)} points this turn. Spending builds capability (new capability needs heavy rare-earth magnets); rivals notice build-ups.`),
    h('dl', {}, h('dt', {}, 'Capability'), h('dd', {}, fmt.int(r.capability)), h('dt', {}, 'Security index'), h('dd', {}, r.security.toFixed(1)), h('dt', {}, 'Spending this quarter'), h('dd', {}, fmt.money(r.last.defenseSpendUsdBn))),
  );
}

/** One unit's cost, USD bn: a stockpile lot at the country's price last quarter (it is paid at the market price). */
export function lotCost(t: ProjectInfo, view: CountryView): number {
  if (t.type.startsWith('stockpile') && t.stage) return (t.capacity * view.prices[t.stage as keyof CountryView['prices']][view.country]) / 1e6;
  return t.costUsdBn;
}

/** What the draft's investments would cost this turn, USD bn. */
export function draftCost(draft: Draft, types: ProjectInfo[], view: CountryView): number {
  return (draft.investments ?? []).reduce((a, i) => {
    const t = types.find((x) => x.type === i.type);
    return a + (t ? lotCost(t, view) : 0) * (i.units ?? 1);
  }, 0);
}

export function investmentPanel(view: CountryView, draft: Draft, changed: Changed, types: ProjectInfo[]): HTMLElement {
  const me = view.country;
  const list = h('ul', { class: 'projects' });
  for (const t of types) {
    if (t.type === 'deepSeaMud' && me !== 'JPN') continue;
    const hosts = t.hosts && !t.hosts.includes(me) ? t.hosts : (t.hosts ?? (t.type.startsWith('stockpile') || t.type === 'thrifting' ? [me] : COUNTRIES));
    const hostSel = h('select', { 'aria-label': `where to build ${t.label}`, 'data-testid': `invest-host-${t.type}` }, ...hosts.map((c) => h('option', { value: c, selected: c === me }, c === me ? `${c} (home)` : `${c} (stake)`))) as HTMLSelectElement;
    const held = view.projects.filter((p) => p.owner === me && p.type === t.type && p.status !== 'failed').reduce((a, p) => a + p.units, 0);
    list.append(
      h(
        'li',
        {},
        h('div', { class: 'proj-head' }, h('b', {}, t.label), h('span', {}, t.type.startsWith('stockpile') ? `about ${fmt.money(lotCost(t, view))} at last quarter's price · paid at the market price` : `${fmt.money(t.costUsdBn)} · ${t.leadQuarters} qtrs · ${Math.round(t.successChance * 100)}% succeed`)),
        h('div', { class: 'hint' }, `${t.description} Adds ${t.type === 'thrifting' ? `${Math.round(t.capacity * 100)}% less magnet per car` : `${fmt.int(t.capacity)} t${t.type.startsWith('stockpile') ? '' : '/yr'}`}. ${t.type.startsWith('stockpile') ? `Up to ${t.maxUnits} purchases a turn.` : `You have ${held} built or building, of at most ${t.maxUnits}.`}`),
        h(
          'div',
          { class: 'row' },
          hostSel,
          h(
            'button',
            {
              type: 'button',
              'data-testid': `invest-${t.type}`,
              onclick: () => {
                draft.investments ??= [];
                const host = hostSel.value as CountryId;
                const hit = draft.investments.find((i) => i.type === t.type && (i.host ?? me) === host);
                if (hit) hit.units = (hit.units ?? 1) + 1;
                else draft.investments.push(host === me ? { type: t.type, units: 1 } : { type: t.type, units: 1, host });
                changed();
              },
            },
            'Add',
          ),
        ),
      ),
    );
  }
  const running = view.projects.filter((p) => p.owner === me && p.status === 'building');
  return h(
    'section',
    { class: 'panel', 'aria-label': 'investments' },
    h('h3', {}, 'This turn'),
    (draft.investments ?? []).length
      ? h('ul', { class: 'cart' }, ...(draft.investments ?? []).map((i, k) => h('li', {}, `${i.units ?? 1} x ${types.find((t) => t.type === i.type)?.label ?? i.type}${i.host ? ` in ${i.host}` : ''} `, h('button', { type: 'button', 'aria-label': `remove ${i.type}`, onclick: () => { draft.investments!.splice(k, 1); changed(); } }, 'remove'))))
      : h('p', { class: 'hint' }, 'Nothing ordered yet.'),
    h('h3', {}, 'Running'),
    running.length ? h('ul', { class: 'running' }, ...running.map((p) => h('li', {}, `${types.find((t) => t.type === p.type)?.label ?? p.type}${p.host !== me ? ` in ${p.host}` : ''}: ${Math.max(0, p.remainingQuarters)} quarters left`, h('progress', { max: 1, value: Math.max(0, 1 - p.remainingQuarters / Math.max(1, p.remainingQuarters + (view.turn - p.startedTurn))) })))) : h('p', { class: 'hint' }, 'None.'),
    h('h3', {}, 'Options'),
    list,
  );
}

export function stockpilePanel(view: CountryView, draft: Draft, changed: Changed): HTMLElement {
  const s = view.self.stockpile;
  const mk = (g: 'light' | 'heavy') => {
    const input = h('input', { type: 'number', min: 0, max: Math.floor(s[g]), step: 1, value: draft.stockpileRelease?.[g] ?? 0, 'data-testid': `stockpile-release-${g}`, 'aria-label': `release ${g} oxide, tonnes` }) as HTMLInputElement;
    input.addEventListener('change', () => {
      draft.stockpileRelease ??= {};
      draft.stockpileRelease[g] = Number(input.value);
      changed();
    });
    return h('label', {}, `Release ${g === 'light' ? 'NdPr' : 'Dy/Tb'} oxide (t) `, input);
  };
  return h(
    'section',
    { class: 'panel', 'aria-label': 'stockpile' },
    h('dl', {}, h('dt', {}, 'NdPr oxide held'), h('dd', {}, `${fmt.int(s.light)} t`), h('dt', {}, 'Dy/Tb oxide held'), h('dd', {}, `${fmt.int(s.heavy)} t`)),
    h('p', { class: 'hint' }, 'Buy into the stockpile from the Investments tab. Released oxide is sold on the market this quarter.'),
    mk('light'),
    mk('heavy'),
  );
}

export function dealsPanel(view: CountryView, draft: Draft, changed: Changed): HTMLElement {
  const me = view.country;
  const received = view.deals.filter((d) => d.status === 'proposed' && d.to === me);
  const mine = view.deals.filter((d) => (d.from === me || d.to === me) && d.status !== 'proposed');
  const answer = (id: string, key: 'accept' | 'reject') => () => {
    draft.deals ??= {};
    for (const k of ['accept', 'reject'] as const) draft.deals[k] = (draft.deals[k] ?? []).filter((x) => x !== id);
    draft.deals[key] = [...(draft.deals[key] ?? []), id];
    changed();
  };
  const describe = (list: { type: string; [k: string]: unknown }[]) =>
    list
      .map((k) => (k.type === 'tariffCap' ? `a tariff cap of ${k.max}% on ${k.good}` : k.type === 'openExports' ? `open exports of ${STAGE_LABEL[k.stage as string] ?? k.stage}` : k.type === 'investment' ? `USD ${k.usdBn} bn of investment` : k.type === 'defenseFloor' ? `defence of at least ${k.minPct}% of GDP` : `${Math.round(Number(k.share) * 100)}% of its ${STAGE_LABEL[k.stage as string] ?? k.stage}`))
      .join(', ') || 'nothing';
  return h(
    'section',
    { class: 'panel', 'aria-label': 'deals' },
    h('h3', {}, 'Offers to you'),
    received.length
      ? h('ul', {}, ...received.map((d) => h('li', {}, h('b', {}, `${d.id} from ${d.from}: `), `they give ${describe(d.give)}; they ask ${describe(d.get)}; ${d.termTurns} turns `, h('button', { type: 'button', 'data-testid': `deal-accept-${d.id}`, onclick: answer(d.id, 'accept') }, 'Accept'), h('button', { type: 'button', onclick: answer(d.id, 'reject') }, 'Reject'))))
      : h('p', { class: 'hint' }, 'None this turn.'),
    h('h3', {}, 'Propose'),
    proposeForm(me, COUNTRIES.filter((c) => c !== me), (p) => {
      draft.deals ??= {};
      draft.deals.propose = [...(draft.deals.propose ?? []), p];
      changed();
    }),
    (draft.deals?.propose ?? []).length
      ? h('ul', { class: 'cart' }, ...(draft.deals?.propose ?? []).map((p, k) => h('li', {}, `To ${p.to}: you give ${describe(p.give)}; you ask ${describe(p.get)}; ${p.termTurns} turns `, h('button', { type: 'button', 'aria-label': `withdraw the proposal to ${p.to}`, onclick: () => { draft.deals!.propose!.splice(k, 1); changed(); } }, 'withdraw'))))
      : h('p', { class: 'hint' }, 'No proposal queued for this turn.'),
    h('h3', {}, 'Your deals'),
    mine.length ? h('ul', {}, ...mine.map((d) => h('li', {}, `${d.id} ${d.from} → ${d.to}: ${d.status}${d.status === 'active' ? ` until turn ${d.endTurn}` : ''}. ${d.from} gives ${describe(d.give)}; ${d.to} gives ${describe(d.get)}.`))) : h('p', { class: 'hint' }, 'None.'),
  );
}
