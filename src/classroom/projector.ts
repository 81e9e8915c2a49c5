// The projector view: read only, legible from the back row. The worlds side by side with their clocks, prices, magnet
// supply, scores and events; before the start, the join code and QR code. It is sent public figures only.
import { COUNTRIES, type CountryId } from '../../engine/index.ts';
import { COUNTRY_COLOUR, clear, fmt, h } from '../ui/dom.ts';
import { onLangChange } from '../ui/i18n.ts';
import { eventTitle } from '../ui/content-text.ts';
import { classSocket } from './socket-session.ts';
import { findJoinBase, joinUrl, noJoinAddress } from './common.ts';
import { c, classLang, clockText, columnPct, countryList, num, roundText, said, usd, type RoundInfo } from './words.ts';
import type { ServerError } from './common.ts';

interface PWorld extends RoundInfo { index: number; turn: number; turns: number; clock: { deadline: number | null; remaining: number | null; paused: boolean; serverNow: number }; waitingFor: CountryId[]; bots: CountryId[]; headline: { date: string; prices: { ndpr: number; dytb: number; magnet: number } | null; magnetSupply: Record<CountryId, number> | null; scores: Record<CountryId, number> | null; events: string[]; eventIds?: string[] } }
interface PState { name: string; code: string; status: string; now: number; students: number; worlds: PWorld[] }

export async function projectorScreen(root: HTMLElement, token: string): Promise<void> {
  await classLang(); // ?lang= (the dashboard's link carries the teacher's language), else this browser's choice
  clear(root);
  const sock = classSocket(token);
  const box = h('main', { class: 'projector', 'data-testid': 'projector' });
  root.append(box);
  let st: PState | null = null;
  let offset = 0;
  let lost = false;
  // the server's reason for signing this screen out (its time after the class ran out), the first said (true: none given)
  let refused: ServerError | true | null = null;
  const render = () => {
    if (!st) return;
    const s = st;
    clear(box);
    // one or two worlds: bigger type (the back row reads it); up to four: one row; more: two or three rows of compact
    // cards (prices on one line, fewer events), so every world fits a 1024x768 projector without being cut off
    const n = s.worlds.length;
    const rows = n <= 4 ? 1 : n <= 8 ? 2 : 3;
    box.classList.toggle('few', n <= 2);
    box.classList.toggle('many', rows > 1);
    box.classList.toggle('rows-3', rows > 2);
    box.classList.toggle('lost', lost);
    if (s.status === 'lobby') {
      const url = joinUrl(s.code);
      box.append(h('div', { class: 'lobby' }, h('h1', {}, s.name), h('div', {}, h('p', {}, c('proj.joinAt')), h('p', { class: 'url', 'data-testid': 'projector-url' }, url), noJoinAddress() ? h('p', { class: 'error', 'data-testid': 'no-join-address' }, c(noJoinAddress()!)) : '', h('p', {}, c('proj.withCode')), h('div', { class: 'code', 'data-testid': 'projector-code' }, s.code), h('p', { 'data-testid': 'projector-joined' }, s.students ? c(s.students === 1 ? 'proj.joinedOne' : 'proj.joinedMany', { n: num(s.students) }) : c('proj.nobody'))), h('img', { src: `/api/qr?text=${encodeURIComponent(url)}`, alt: c('proj.qr'), width: 300, height: 300 })));
      return;
    }
    box.append(
      h('header', {}, h('h1', {}, s.name), s.status === 'ended' ? '' : h('span', { class: 'code' }, c('proj.join'), h('b', { 'data-testid': 'projector-code' }, s.code), h('small', {}, c('proj.at', { url: joinUrl(s.code).replace(/\?code=.*$/, '') }))), h('span', { class: 'p-status', 'data-testid': 'projector-status' }, refused ? c('proj.signedOut', { why: refused === true ? c('proj.signedOutWhy') : said(refused) }) : lost ? c('proj.reconnecting') : s.status === 'ended' ? c('proj.over') : s.status === 'paused' ? c('proj.paused') : '')),
      h('div', { class: 'p-worlds', style: `grid-template-columns: repeat(${Math.ceil(n / rows)}, minmax(0, 1fr))` }, ...s.worlds.map((w) => {
        const left = w.clock.remaining ?? (w.clock.deadline !== null ? w.clock.deadline - (Date.now() + offset) : null);
        const hl = w.headline;
        // one scale for every world, so bars compare across them
        const maxAbs = Math.max(0.05, ...s.worlds.flatMap((x) => COUNTRIES.map((k) => Math.abs(x.headline.scores?.[k] ?? 0))));
        return h('section', { class: 'p-world', 'data-testid': `projector-world-${w.index + 1}` },
          h('h2', {}, c('world', { n: num(w.index + 1) })),
          h('div', { class: 'p-turn', 'data-testid': `projector-round-${w.index + 1}` }, roundText(w)),
          w.over ? '' : h('div', { class: `p-clock${left !== null && left < 20_000 ? ' urgent' : ''}`, 'data-testid': `projector-clock-${w.index + 1}` }, clockText(left, w.clock.paused)),
          w.over ? '' : h('div', { class: 'p-waiting', 'data-testid': `projector-waiting-${w.index + 1}` }, w.waitingFor.length ? c('waitingFor', { who: countryList(w.waitingFor) }) : w.bots.length === COUNTRIES.length ? c('proj.botsOnly') : c(s.status === 'paused' ? 'allInPaused' : 'allIn')),
          hl.prices && rows > 1 ? h('div', { class: 'p-prices-line', 'data-testid': `projector-prices-${w.index + 1}` }, c('proj.pricesLine', { ndpr: usd(hl.prices.ndpr), dytb: usd(Math.round(hl.prices.dytb)), magnet: usd(hl.prices.magnet), ndprN: num(hl.prices.ndpr), dytbN: num(Math.round(hl.prices.dytb)), magnetN: num(hl.prices.magnet) })) : hl.prices ? h('table', { class: 'p-prices', 'data-testid': `projector-prices-${w.index + 1}` }, h('caption', {}, c('proj.pricesOutside')), h('tr', {}, h('th', {}, c('proj.ndpr')), h('td', {}, c('proj.perKg', { v: usd(hl.prices.ndpr) }))), h('tr', {}, h('th', {}, c('proj.dytb')), h('td', {}, c('proj.perKg', { v: usd(Math.round(hl.prices.dytb)) }))), h('tr', {}, h('th', {}, c('proj.magnets')), h('td', {}, c('proj.perKg', { v: usd(hl.prices.magnet) })))) : h('p', {}, c(w.over ? 'proj.noRound' : 'proj.pricesAfter')),
          // the bars' zero, drawn and said (all scores negative, the longest bar was read as the winner's)
          hl.scores ? h('div', { class: 'p-scores' }, h('h3', { class: 'p-bar p-head' }, h('span', {}, c('proj.scoresHead')), h('span', { class: 'p-axis', 'data-testid': `projector-axis-${w.index + 1}` }, c('proj.axis')), h('span', { class: 'p-m2' }, c('proj.supplyHead'))), ...COUNTRIES.map((k) => h('div', { class: 'p-bar' },
            h('span', { class: 'p-c' }, c(`short.${k}`), w.bots.includes(k) ? h('small', { class: 'badge bot' }, c('proj.bot')) : ''),
            h('span', { class: 'p-track' }, h('span', { class: 'p-fill', style: `width:${(Math.abs(hl.scores![k]) / maxAbs) * 50}%; ${hl.scores![k] >= 0 ? 'left:50%' : `right:50%`}; background:${COUNTRY_COLOUR[k]}` })),
            h('span', { class: 'p-v' }, fmt.signed(hl.scores![k], 2)),
            h('span', { class: 'p-m' }, columnPct(hl.magnetSupply?.[k] ?? 0)),
          ))) : '',
          hl.events.length ? h('ul', { class: 'p-events' }, ...hl.events.slice(0, rows > 1 ? 1 : 3).map((e, i) => h('li', {}, eventTitle({ id: hl.eventIds?.[i] ?? '', title: e })))) : '',
        );
      })),
      s.status === 'ended' ? h('p', { class: 'p-foot' }, c('proj.foot')) : '',
    );
  };
  sock.onPush((p) => {
    if (p.push !== 'state') return;
    st = p.value as PState;
    offset = st.now - Date.now();
    render();
  });
  sock.onState((x, why) => {
    lost = x === 'closed';
    if (x === 'refused' && !refused) refused = why ?? true;
    render();
  });
  setInterval(render, 1000);
  onLangChange(render);
  try {
    await findJoinBase();
    st = await sock.call<PState>('state');
    offset = st.now - Date.now();
    render();
  } catch (e) {
    box.append(h('h1', {}, c('proj.bad', { why: said(e) })));
  }
}
