// The projector view: read only, legible from the back row. The worlds side by side with their clocks, prices, magnet
// supply, scores and events; before the start, the join code and QR code. It is sent public figures only.
import { COUNTRIES, type CountryId } from '../../engine/index.ts';
import { COUNTRY_COLOUR, clear, fmt, h } from '../ui/dom.ts';
import { classSocket } from './socket-session.ts';
import { clockText, countryList, findJoinBase, joinUrl, joinWarning, roundText, type RoundInfo } from './common.ts';

interface PWorld extends RoundInfo { index: number; turn: number; turns: number; clock: { deadline: number | null; remaining: number | null; paused: boolean; serverNow: number }; waitingFor: CountryId[]; bots: CountryId[]; headline: { date: string; prices: { ndpr: number; dytb: number; magnet: number } | null; magnetSupply: Record<CountryId, number> | null; scores: Record<CountryId, number> | null; events: string[] } }
interface PState { name: string; code: string; status: string; now: number; students: number; worlds: PWorld[] }

export async function projectorScreen(root: HTMLElement, token: string): Promise<void> {
  clear(root);
  const sock = classSocket(token);
  const box = h('main', { class: 'projector', 'data-testid': 'projector' });
  root.append(box);
  let st: PState | null = null;
  let offset = 0;
  let lost = false;
  let refused = ''; // the server's reason for signing this screen out (its time after the class ran out), the first said
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
      box.append(h('div', { class: 'lobby' }, h('h1', {}, s.name), h('div', {}, h('p', {}, 'Join at'), h('p', { class: 'url', 'data-testid': 'projector-url' }, url), joinWarning() ? h('p', { class: 'error' }, joinWarning()) : '', h('p', {}, 'with the code'), h('div', { class: 'code', 'data-testid': 'projector-code' }, s.code), h('p', { 'data-testid': 'projector-joined' }, s.students ? `${s.students} joined so far` : 'Nobody has joined yet')), h('img', { src: `/api/qr?text=${encodeURIComponent(url)}`, alt: 'QR code to join', width: 300, height: 300 })));
      return;
    }
    box.append(
      h('header', {}, h('h1', {}, s.name), s.status === 'ended' ? '' : h('span', { class: 'code' }, 'join: ', h('b', { 'data-testid': 'projector-code' }, s.code), h('small', {}, ` at ${joinUrl(s.code).replace(/\?code=.*$/, '')}`)), h('span', { class: 'p-status', 'data-testid': 'projector-status' }, refused ? `Signed out: ${refused}` : lost ? 'Reconnecting to the server…' : s.status === 'ended' ? 'The game is over: debrief' : s.status === 'paused' ? 'Paused' : '')),
      h('div', { class: 'p-worlds', style: `grid-template-columns: repeat(${Math.ceil(n / rows)}, minmax(0, 1fr))` }, ...s.worlds.map((w) => {
        const left = w.clock.remaining ?? (w.clock.deadline !== null ? w.clock.deadline - (Date.now() + offset) : null);
        const hl = w.headline;
        // one scale for every world, so bars compare across them
        const maxAbs = Math.max(0.05, ...s.worlds.flatMap((x) => COUNTRIES.map((c) => Math.abs(x.headline.scores?.[c] ?? 0))));
        return h('section', { class: 'p-world', 'data-testid': `projector-world-${w.index + 1}` },
          h('h2', {}, `World ${w.index + 1}`),
          h('div', { class: 'p-turn', 'data-testid': `projector-round-${w.index + 1}` }, roundText(w)),
          w.over ? '' : h('div', { class: `p-clock${left !== null && left < 20_000 ? ' urgent' : ''}`, 'data-testid': `projector-clock-${w.index + 1}` }, clockText(left, w.clock.paused)),
          w.over ? '' : h('div', { class: 'p-waiting', 'data-testid': `projector-waiting-${w.index + 1}` }, w.waitingFor.length ? `waiting for ${countryList(w.waitingFor)}` : w.bots.length === COUNTRIES.length ? 'bots only: ends on the clock' : 'all in'),
          hl.prices && rows > 1 ? h('div', { class: 'p-prices-line' }, `NdPr $${hl.prices.ndpr.toFixed(0)} · Dy/Tb $${Math.round(hl.prices.dytb)} · magnets $${hl.prices.magnet.toFixed(0)} /kg`) : hl.prices ? h('table', { class: 'p-prices' }, h('tr', {}, h('th', {}, 'NdPr oxide'), h('td', {}, `$${hl.prices.ndpr.toFixed(0)}/kg`)), h('tr', {}, h('th', {}, 'Dy/Tb oxide'), h('td', {}, `$${Math.round(hl.prices.dytb)}/kg`)), h('tr', {}, h('th', {}, 'Magnets'), h('td', {}, `$${hl.prices.magnet.toFixed(0)}/kg`))) : h('p', {}, w.over ? 'No round was played' : 'Prices after the first round'),
          hl.scores ? h('div', { class: 'p-scores' }, h('h3', {}, 'Scores · magnet supply'), ...COUNTRIES.map((c) => h('div', { class: 'p-bar' },
            h('span', { class: 'p-c' }, c, w.bots.includes(c) ? h('small', { class: 'badge bot' }, 'bot') : ''),
            h('span', { class: 'p-track' }, h('span', { class: 'p-fill', style: `width:${(Math.abs(hl.scores![c]) / maxAbs) * 50}%; ${hl.scores![c] >= 0 ? 'left:50%' : `right:50%`}; background:${COUNTRY_COLOUR[c]}` })),
            h('span', { class: 'p-v' }, fmt.signed(hl.scores![c], 2)),
            h('span', { class: 'p-m' }, `${Math.round((hl.magnetSupply?.[c] ?? 0) * 100)}%`),
          ))) : '',
          hl.events.length ? h('ul', { class: 'p-events' }, ...hl.events.slice(0, rows > 1 ? 1 : 3).map((e) => h('li', {}, e))) : '',
        );
      })),
      s.status === 'ended' ? h('p', { class: 'p-foot' }, 'The debrief pack is on the teacher\'s screen.') : '',
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
    if (x === 'refused' && !refused) refused = why || 'the server no longer accepts this screen';
    render();
  });
  setInterval(render, 1000);
  try {
    await findJoinBase();
    st = await sock.call<PState>('state');
    offset = st.now - Date.now();
    render();
  } catch (e) {
    box.append(h('h1', {}, `This projector link does not work: ${(e as Error).message}`));
  }
}
