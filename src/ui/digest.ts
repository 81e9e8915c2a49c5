// The turn digest: news, the three biggest changes, how the turn moved your score by objective, and each headline's why
// ledger (open a cause to see the figures).
import { COUNTRIES, HEADLINES, type CountryId, type Headline } from '../../engine/index.ts';
import type { TurnReport } from '../../engine/index.ts';
import type { TurnScore } from '../session/protocol.ts';
import { h } from './dom.ts';
import { scoreThisTurn } from './score.ts';

export const HEADLINE_LABEL: Record<Headline, string> = {
  gdp: 'GDP (USD bn, annual rate)',
  autoProduction: 'Car output (vehicles this quarter)',
  autoExports: 'Car exports (vehicles this quarter)',
  magnetSupplyRatio: 'Magnet supply (share of need)',
  approval: 'Approval (0-100)',
  security: 'Security (0-100)',
};

export function formatHeadline(hd: Headline, v: number): string {
  if (hd === 'magnetSupplyRatio') return `${(v * 100).toFixed(1)}%`;
  if (hd === 'approval' || hd === 'security') return v.toFixed(1);
  return Math.round(v).toLocaleString('en-US');
}

function fmtPct(r: number): string {
  return `${r >= 0 ? '+' : '−'}${Math.abs(r * 100).toFixed(1)}%`;
}

function signed(hd: Headline, v: number): string {
  if (roundsToZero(hd, v)) return formatHeadline(hd, 0);
  const s = v >= 0 ? '+' : '−';
  return s + formatHeadline(hd, Math.abs(v)).replace(/^-/, '');
}

export function ledger(report: TurnReport, country: CountryId, hd: Headline): HTMLElement {
  const x = report.headlines[country][hd];
  const scale = Math.max(...x.causes.map((c) => Math.abs(c.amount)), 1e-12);
  return h(
    'ul',
    { class: 'ledger', 'data-testid': `ledger-${hd}` },
    ...x.causes.filter((c) => !roundsToZero(hd, c.amount)).map((c) =>
      h(
        'li',
        {},
        h('details', {}, h('summary', {}, h('span', { class: 'cause' }, c.cause), h('span', { class: `bar ${c.amount < 0 ? 'neg' : 'pos'}`, style: `width:${Math.max(2, (Math.abs(c.amount) / scale) * 120).toFixed(0)}px` }), h('span', { class: 'amt' }, signed(hd, c.amount))), h('p', { class: 'hint' }, `${c.cause}: ${signed(hd, c.amount)}; all causes together: ${signed(hd, x.change)}, from ${formatHeadline(hd, x.prev)} to ${formatHeadline(hd, x.value)}.`)),
      ),
    ),
  );
}

/** Keep Tab inside a dialog and close it with Escape. */
export function trapFocus(dlg: HTMLElement, onClose: () => void): void {
  dlg.addEventListener('keydown', (e) => {
    const k = e as KeyboardEvent;
    if (k.key === 'Escape') {
      k.stopPropagation();
      onClose();
      return;
    }
    if (k.key !== 'Tab') return;
    const items = Array.from(dlg.querySelectorAll<HTMLElement>('button, summary, input, select, [tabindex]:not([tabindex="-1"])')).filter((x) => !x.hasAttribute('disabled'));
    if (!items.length) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (k.shiftKey && document.activeElement === first) {
      k.preventDefault();
      last.focus();
    } else if (!k.shiftKey && document.activeElement === last) {
      k.preventDefault();
      first.focus();
    }
  });
}

/** Whether a change shows as zero at the precision it is printed with. */
function roundsToZero(hd: Headline, v: number): boolean {
  return formatHeadline(hd, Math.abs(v)).replace(/[^1-9]/g, '') === '';
}

/** The player's own largest relative change this turn, in words. */
function yourBiggest(report: TurnReport, country: CountryId): HTMLElement {
  let best: { hd: Headline; rel: number; change: number } | null = null;
  for (const hd of HEADLINES) {
    const x = report.headlines[country][hd];
    const rel = hd === 'approval' || hd === 'security' ? x.change / 100 : hd === 'magnetSupplyRatio' ? x.change : x.prev !== 0 ? x.change / Math.abs(x.prev) : 0;
    if (!best || Math.abs(rel) > Math.abs(best.rel)) best = { hd, rel, change: x.change };
  }
  if (!best || roundsToZero(best.hd, best.change)) return h('p', { class: 'hint' }, `${country}: nothing of yours moved much.`);
  return h('p', {}, h('b', {}, `Yours: ${HEADLINE_LABEL[best.hd].split(' (')[0].toLowerCase()} ${signed(best.hd, best.change)}`), best.hd === 'gdp' || best.hd === 'autoProduction' || best.hd === 'autoExports' ? ` (${fmtPct(best.rel)})` : '');
}

const PRICE_NAMES: [keyof NonNullable<TurnReport['priceWhy']>, string][] = [
  ['oxide.light', 'NdPr oxide'],
  ['oxide.heavy', 'Dy/Tb oxide'],
  ['magnet', 'Magnets'],
];

/** Each main price outside China and in China, against the price with its causes lifted, and the causes. */
function priceStory(report: TurnReport): HTMLElement {
  const why = report.priceWhy;
  if (!why) return h('span', {});
  const line = (name: string, where: string, w: NonNullable<TurnReport['priceWhy']>['magnet']['world']) => {
    const dp = w.value >= 100 ? 0 : 1;
    const money = (x: number) => (dp === 0 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
    const sign = (x: number) => `${x >= 0 ? '+' : '−'}${money(Math.abs(x))}`;
    const shown = w.causes.filter((c) => Math.abs(c.amount) >= 0.01 * w.value).slice(0, 4);
    const rest = w.value - w.without - shown.reduce((a, c) => a + c.amount, 0);
    const parts = shown.map((c) => `${c.cause} ${sign(c.amount)}`);
    if (shown.length && Math.abs(rest) >= 0.005 * w.value) parts.push(`smaller causes ${sign(rest)}`);
    return h(
      'li',
      {},
      h('b', {}, `${name} ${where}: USD ${money(w.value)}/kg`),
      parts.length ? ` (USD ${money(w.without)} without them: ${parts.join(', ')})` : ' (no export control, tariff, hoarding, stockpile trade or event moves it this quarter)',
    );
  };
  return h(
    'section',
    { class: 'price-story', 'data-testid': 'price-story' },
    h('h3', {}, 'Why prices are where they are'),
    h('ul', { class: 'news' }, ...PRICE_NAMES.flatMap(([st, name]) => [line(name, 'outside China', why[st].world), line(name, 'in China', why[st].CHN)])),
  );
}

export function digest(report: TurnReport, country: CountryId, onClose: () => void, score?: TurnScore | null): HTMLElement {
  const dlg = h('div', { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'digest-title', 'data-testid': 'digest', tabindex: -1 });
  const close = h('button', { type: 'button', class: 'primary', 'data-testid': 'digest-close', onclick: onClose }, 'Continue');
  trapFocus(dlg, onClose);
  const news = report.news.length ? report.news : ['A quiet quarter.'];
  dlg.append(
    h(
      'div',
      { class: 'modal-body' },
      h('h2', { id: 'digest-title' }, `Turn ${report.turn}: ${report.date}`),
      h('div', { class: 'cols' },
        h('section', {}, h('h3', {}, 'News'), h('ul', { class: 'news' }, ...news.map((n) => h('li', {}, n)))),
        h('div', {},
          h('section', {}, h('h3', {}, 'Biggest changes'), yourBiggest(report, country), h('ol', {}, ...report.biggest.map((b) => h('li', {}, `${b.country} ${HEADLINE_LABEL[b.headline].split(' (')[0].toLowerCase()}: ${b.headline === 'gdp' ? `${signed(b.headline, b.change)} bn (${fmtPct(b.relative)})` : b.headline === 'autoProduction' || b.headline === 'autoExports' ? `${signed(b.headline, b.change)} vehicles (${fmtPct(b.relative)})` : b.headline === 'magnetSupplyRatio' ? `${signed(b.headline, b.change)} of need` : `${signed(b.headline, b.change)} points`}`)))),
          score ? scoreThisTurn(score, country) : ''),
      ),
      h('h3', {}, `Why your indicators moved (${country})`),
      h('div', { class: 'ledgers' }, ...HEADLINES.map((hd) => h('section', {}, h('h4', {}, `${HEADLINE_LABEL[hd]}: ${signed(hd, report.headlines[country][hd].change)}`), roundsToZero(hd, report.headlines[country][hd].change) && report.headlines[country][hd].causes.every((c) => roundsToZero(hd, c.amount)) ? h('p', { class: 'hint' }, 'No change worth showing.') : ledger(report, country, hd)))),
      priceStory(report),
      h('details', {}, h('summary', {}, 'Other countries'), h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, h('th', {}, ''), ...HEADLINES.map((hd) => h('th', {}, HEADLINE_LABEL[hd].split(' (')[0])))), h('tbody', {}, ...COUNTRIES.filter((c) => c !== country).map((c) => h('tr', {}, h('th', {}, c), ...HEADLINES.map((hd) => h('td', {}, signed(hd, report.headlines[c][hd].change)))))))),
      h('div', { class: 'row end' }, close),
    ),
  );
  queueMicrotask(() => close.focus({ preventScroll: true }));
  return dlg;
}
