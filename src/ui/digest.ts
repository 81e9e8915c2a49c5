// The turn digest: news, the three biggest changes, and each headline's why ledger (open a cause to see the figures).
import { COUNTRIES, HEADLINES, type CountryId, type Headline } from '../../engine/index.ts';
import type { TurnReport } from '../../engine/index.ts';
import { h } from './dom.ts';

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

function signed(hd: Headline, v: number): string {
  const s = v >= 0 ? '+' : '−';
  return s + formatHeadline(hd, Math.abs(v)).replace(/^-/, '');
}

export function ledger(report: TurnReport, country: CountryId, hd: Headline): HTMLElement {
  const x = report.headlines[country][hd];
  const scale = Math.max(...x.causes.map((c) => Math.abs(c.amount)), 1e-12);
  return h(
    'ul',
    { class: 'ledger', 'data-testid': `ledger-${hd}` },
    ...x.causes.map((c) =>
      h(
        'li',
        {},
        h('details', {}, h('summary', {}, h('span', { class: 'cause' }, c.cause), h('span', { class: `bar ${c.amount < 0 ? 'neg' : 'pos'}`, style: `width:${Math.max(2, (Math.abs(c.amount) / scale) * 120).toFixed(0)}px` }), h('span', { class: 'amt' }, signed(hd, c.amount))), h('p', { class: 'hint' }, `${c.cause}: ${signed(hd, c.amount)} of the ${signed(hd, x.change)} change (${x.change !== 0 ? Math.round((c.amount / x.change) * 100) : 0}%). From ${formatHeadline(hd, x.prev)} to ${formatHeadline(hd, x.value)}.`)),
      ),
    ),
  );
}

export function digest(report: TurnReport, country: CountryId, onClose: () => void): HTMLElement {
  const dlg = h('div', { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'digest-title', 'data-testid': 'digest', tabindex: -1 });
  const close = h('button', { type: 'button', class: 'primary', 'data-testid': 'digest-close', onclick: onClose }, 'Continue');
  dlg.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape') onClose();
  });
  const news = report.news.length ? report.news : ['A quiet quarter.'];
  dlg.append(
    h(
      'div',
      { class: 'modal-body' },
      h('h2', { id: 'digest-title' }, `Turn ${report.turn}: ${report.date}`),
      h('div', { class: 'cols' },
        h('section', {}, h('h3', {}, 'News'), h('ul', { class: 'news' }, ...news.slice(0, 12).map((n) => h('li', {}, n)))),
        h('section', {}, h('h3', {}, 'Biggest changes'), h('ol', {}, ...report.biggest.map((b) => h('li', {}, `${b.country} ${HEADLINE_LABEL[b.headline].split(' (')[0].toLowerCase()}: ${signed(b.headline, b.change)} (${(b.relative * 100).toFixed(1)}%)`)))),
      ),
      h('h3', {}, `Why your indicators moved (${country})`),
      h('div', { class: 'ledgers' }, ...HEADLINES.map((hd) => h('section', {}, h('h4', {}, `${HEADLINE_LABEL[hd]}: ${signed(hd, report.headlines[country][hd].change)}`), ledger(report, country, hd)))),
      h('details', {}, h('summary', {}, 'Other countries'), h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, h('th', {}, ''), ...HEADLINES.map((hd) => h('th', {}, HEADLINE_LABEL[hd].split(' (')[0])))), h('tbody', {}, ...COUNTRIES.filter((c) => c !== country).map((c) => h('tr', {}, h('th', {}, c), ...HEADLINES.map((hd) => h('td', {}, signed(hd, report.headlines[c][hd].change)))))))),
      h('div', { class: 'row end' }, close),
    ),
  );
  queueMicrotask(() => close.focus());
  return dlg;
}
