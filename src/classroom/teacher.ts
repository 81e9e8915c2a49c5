// The teacher's screens: create a class (its options), then the dashboard: the join code, link and QR code, every world
// and seat (connected, submitted, idle, bot or human), headline figures and events, and the controls of the round clock.
import type { CountryId } from '../../engine/index.ts';
import { clear, fmt, h } from '../ui/dom.ts';
import { pageLang } from '../ui/i18n.ts';
import { classSocket } from './socket-session.ts';
import { dashboardNews } from './news.ts';
import { COUNTRY_NAME, clockText, countryIn, countryList, findJoinBase, joinUrl, joinWarning, myClasses, postJson, recall, remember, roundText, type RoundInfo } from './common.ts';

export function createClassScreen(root: HTMLElement): void {
  clear(root);
  const num = (id: string, label: string, value: number, min: number, max: number, hint: string) =>
    h('label', { class: 'opt' }, h('span', {}, label), h('input', { type: 'number', id, 'data-testid': `opt-${id}`, value, min, max }), h('small', {}, hint));
  const err = h('p', { class: 'error', role: 'alert', 'data-testid': 'create-error' });
  const mine = myClasses();
  const form = h(
    'form',
    { class: 'create', 'data-testid': 'create-class' },
    h('label', { class: 'opt' }, h('span', {}, 'Class name'), h('input', { id: 'name', 'data-testid': 'opt-name', value: 'Year 12 economics', maxlength: 80 })),
    h('label', { class: 'opt' }, h('span', {}, 'Scenario'), h('select', { id: 'scenarioId', 'data-testid': 'opt-scenario' }, h('option', { value: 'rare-earth-gambit' }, 'Rare Earth Gambit'), h('option', { value: 'japans-gambit' }, "Japan's gambit"))),
    num('worlds', 'Parallel worlds', 2, 1, 12, 'each world is one game of five countries'),
    h('label', { class: 'opt' }, h('span', {}, 'Worlds start'), h('select', { id: 'sameSeed', 'data-testid': 'opt-sameSeed' }, h('option', { value: 'true' }, 'the same (to compare them)'), h('option', { value: 'false' }, 'different (seed, seed+1, …)'))),
    num('seed', 'Seed', 1, 0, 1e9, 'the same seed gives the same world'),
    num('seatsPerCountry', 'Students per country', 2, 1, 6, 'students who share one country in one world'),
    num('turns', 'Rounds', 8, 1, 40, 'rounds × quarters per round is at most 40'),
    h('label', { class: 'opt' }, h('span', {}, 'A round plays'), h('select', { id: 'quartersPerRound', 'data-testid': 'opt-quartersPerRound' }, h('option', { value: '1' }, 'a quarter (one turn of the game)'), h('option', { value: '2' }, 'half a year (two turns)'), h('option', { value: '4' }, 'a year (four turns)'))),
    num('roundSeconds', 'Seconds per round', 180, 5, 3600, 'the server ends a round on the clock'),
    h('label', { class: 'opt' }, h('span', {}, 'A seat that misses the deadline'), h('select', { id: 'missed', 'data-testid': 'opt-missed' }, h('option', { value: 'keep' }, 'keeps its policies'), h('option', { value: 'bot' }, 'lets its bot decide'))),
    num('idleGraceSeconds', 'Bot takes an idle seat after (s)', 120, 0, 3600, '0: never; the seat is warned first'),
    h('label', { class: 'opt check' }, h('span', {}, 'Sandbox'), h('span', {}, h('input', { type: 'checkbox', id: 'sandbox', 'data-testid': 'opt-sandbox' }), ' students may fork private what-if timelines and undo there'), h('small', {}, 'off: one shared timeline; you can change it during play')),
    h('button', { type: 'submit', class: 'primary', 'data-testid': 'create' }, 'Create the class'),
    err,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value;
    const n = (id: string) => Number(v(id));
    try {
      const r = await postJson<{ classId: string; code: string; teacherToken: string; projectorToken: string }>('/api/classes', {
        name: v('name'), scenarioId: v('scenarioId'), worlds: n('worlds'), sameSeed: v('sameSeed') === 'true', seed: n('seed'), seatsPerCountry: n('seatsPerCountry'), turns: n('turns'), roundSeconds: n('roundSeconds'), missed: v('missed'), idleGraceSeconds: n('idleGraceSeconds'), quartersPerRound: n('quartersPerRound'), sandbox: (form.querySelector('#sandbox') as HTMLInputElement).checked,
      });
      remember(`teacher:${r.classId}`, r.teacherToken);
      remember(`projector:${r.classId}`, r.projectorToken);
      remember('mine', JSON.stringify([{ id: r.classId, code: r.code, name: v('name') }, ...mine].slice(0, 20)));
      location.search = `?dash=${r.classId}`;
    } catch (x) {
      // the server names the option by its API name ("class options: turns: …"): say it with the form's label
      err.textContent = (x as Error).message.replace(/^class options: /, '').replace(/\b(\w+): /g, (m, id: string) => {
        const label = form.querySelector(`#${CSS.escape(id)}`)?.closest('label')?.querySelector('span')?.textContent;
        return label ? `${label}: ` : m;
      });
    }
  });
  root.append(
    h('main', { class: 'class-page' }, h('h1', {}, 'Run a class'), h('p', { class: 'lede' }, 'Students join on this network with a code and their name. A lesson: about 8 minutes of briefing, 27 of play, 15 of debrief.'), form,
      mine.length ? h('section', {}, h('h2', {}, 'Your classes on this computer'), h('ul', {}, ...mine.map((c) => h('li', {}, h('a', { href: `?dash=${c.id}` }, `${c.name} (${c.code})`))))) : ''),
  );
}

interface Seat { country: CountryId; bot: boolean; warned: boolean; submitted: boolean; ready: boolean; captain: string | null; students: { id: string; label: string; connected: boolean; idleSeconds: number }[] }
interface WorldState extends RoundInfo { index: number; turn: number; turns: number; clock: { deadline: number | null; remaining: number | null; paused: boolean; serverNow: number }; lastReason: string; lastMissed: CountryId[]; waitingFor: CountryId[]; headline: { date: string; prices: { ndpr: number; dytb: number; magnet: number } | null; scores: Record<CountryId, number> | null; magnetSupply: Record<CountryId, number> | null; events: string[]; news: string[] }; seats: Seat[] }
export interface TeacherState { id: string; code: string; name: string; status: string; sandbox: boolean; now: number; worlds: WorldState[]; students: number; away: { id: string; label: string }[]; requests: { id: string; label: string; world: number | null; country: CountryId | null; seconds: number }[]; recovery: { at: number; downMs: number; worlds: number[] } | null; config: { worlds: number; turns: number; roundSeconds: number; missed: string; seatsPerCountry: number } }

export async function dashboard(root: HTMLElement, classId: string): Promise<void> {
  const token = recall(`teacher:${classId}`);
  await pageLang('en'); // the dashboard is in English: its news lines too, whatever this browser's game was last played in
  clear(root);
  if (!token) return void root.append(h('main', { class: 'class-page' }, h('h1', {}, 'Not your class on this computer'), h('p', {}, 'The teacher link works on the computer that created the class.'), h('a', { href: '?teacher' }, 'Create a class')));
  const sock = classSocket(token);
  let st: TeacherState | null = null;
  let offset = 0;
  // the server went away (stopped, restarted, the network): said at the top until the socket is back, so the teacher
  // does not read a stale page (every dot green, the clock running) as the class's state
  let lost = false;
  let lostAt = '';
  const msg = h('p', { class: 'error', role: 'alert', 'data-testid': 'dash-error' });
  const body = h('div', { class: 'dash-body' });
  const act = (method: string, args: unknown[] = []) => () =>
    void sock.call<TeacherState>(method, args).then((s) => { msg.textContent = ''; show(s); }, (e: Error) => (msg.textContent = e.message));
  let projector = recall(`projector:${classId}`);
  // the projector's link lasts 24 hours: the server renews it when it is past half its life (a class made the day
  // before, a projector signed out at its expiry), checked when the dashboard opens and every ten minutes
  const renewProjector = () => void sock.call<string>('projectorLink', [projector]).then((t) => {
    if (t === projector) return;
    projector = t;
    remember(`projector:${classId}`, t);
    render();
  }, () => undefined);
  const show = (s: TeacherState) => {
    st = s;
    offset = s.now - Date.now();
    render();
  };
  const render = () => {
    if (!st) return;
    const s = st;
    clear(body);
    const url = joinUrl(s.code);
    body.append(
      lost ? h('p', { class: 'lost-banner', role: 'alert', 'data-testid': 'dash-lost' }, `No connection to the server since ${lostAt}: trying again every few seconds. What you see below is from then; the class keeps its state and picks up where it was once the server is back (is its terminal still open?).`) : '',
      // the server was down mid-round: the rounds it left with (nearly) no time got some back (for ten minutes)
      s.recovery && s.now - s.recovery.at < 600_000 ? h('p', { class: 'recovered', role: 'status', 'data-testid': 'recovered' }, `The server was back at ${new Date(s.recovery.at - offset).toLocaleTimeString()}, after about ${Math.round(s.recovery.downMs / 1000)} s down (counted from its last heartbeat or news): the round's clock in world ${s.recovery.worlds.map((w) => w + 1).join(', ')} was given time back (at least a minute).`) : '',
      h('header', { class: 'dash-head' },
        h('div', {}, h('h1', {}, s.name), h('div', { class: 'status', 'data-testid': 'class-status' }, `${s.status} · ${s.students} student${s.students === 1 ? '' : 's'} · ${s.worlds.length} world${s.worlds.length === 1 ? '' : 's'}${inCount(s)}`)),
        // once the class has ended nobody can join it (the server says so): no code or QR code to invite them
        ...(s.status === 'ended' ? [h('div', { class: 'join-box', 'data-testid': 'join-closed' }, 'The class has ended: nobody can join it now.')] : [
          h('div', { class: 'join-box' }, h('div', {}, 'Join code'), h('div', { class: 'code', 'data-testid': 'join-code' }, s.code), h('div', { class: 'url', 'data-testid': 'join-url' }, url), joinWarning() ? h('div', { class: 'error' }, joinWarning()) : ''),
          h('img', { class: 'qr', src: `/api/qr?text=${encodeURIComponent(url)}`, alt: `QR code for ${url}`, width: 110, height: 110 })]),
      ),
      h('nav', { class: 'controls' },
        s.status === 'lobby' ? h('button', { type: 'button', class: 'primary', 'data-testid': 'begin', onclick: act('begin') }, 'Start the game') : '',
        s.status === 'running' ? h('button', { type: 'button', 'data-testid': 'pause', onclick: act('pause') }, 'Pause') : '',
        s.status === 'paused' ? h('button', { type: 'button', class: 'primary', 'data-testid': 'resume', onclick: act('resume') }, 'Resume') : '',
        s.status === 'running' || s.status === 'paused' ? h('button', { type: 'button', 'data-testid': 'extend', onclick: act('extend', [60, null]) }, '+1 minute') : '',
        s.status === 'running' ? h('button', { type: 'button', 'data-testid': 'end-round', onclick: act('endRound', [null]) }, 'End the round now') : '',
        s.status !== 'ended' ? h('button', { type: 'button', 'data-testid': 'end-class', onclick: () => confirm('End the class for everyone?') && act('endClass')() }, 'End the class') : '',
        projector ? h('a', { class: 'button', href: `?projector#${projector}`, target: '_blank', 'data-testid': 'projector-link' }, 'Projector view') : '',
        s.status !== 'ended' ? h('button', { type: 'button', 'data-testid': 'sandbox-toggle', 'aria-pressed': String(s.sandbox), title: 'a sandbox lets students fork private what-if timelines and undo there', onclick: act('sandbox', [!s.sandbox]) }, s.sandbox ? 'Sandbox: on (turn off)' : 'Sandbox: off (turn on)') : '',
        h('a', { class: 'button', href: `?print=${classId}`, target: '_blank', 'data-testid': 'print-link' }, 'Print briefings'),
        h('a', { class: s.status === 'ended' ? 'button primary' : 'button', href: `?debrief=${classId}`, 'data-testid': 'debrief-link' }, 'Debrief pack'),
      ),
      msg,
      requests(s),
      h('div', { class: 'worlds' }, ...s.worlds.map((w) => worldCard(s, w))),
    );
  };
  // someone typed the name of a student already in the class, on a browser without that seat's token: the teacher says
  // whether it is that student (a new device, a cleared browser) or not; revoked students are listed under it
  const requests = (s: TeacherState) => h('div', { class: 'requests' },
    ...s.requests.map((r) => h('p', { class: 'rejoin-request', role: 'alert', 'data-testid': `rejoin-${r.label}` },
      // a revoked student's links were all revoked: "a device without their seat's link" is said only of the others
      r.country !== null ? `${r.label} asks to rejoin as ${countryIn(r.country)} in world ${(r.world ?? 0) + 1} from a device without their seat's link. ` : `${r.label} asks to rejoin (revoked: back in their old seat if it has room). `,
      h('button', { type: 'button', class: 'primary', 'data-testid': 'rejoin-allow', onclick: act('admit', [r.id, true]) }, 'Allow'), ' ',
      h('button', { type: 'button', 'data-testid': 'rejoin-refuse', onclick: act('admit', [r.id, false]) }, 'Refuse'))),
    s.away.length ? h('p', { class: 'away', 'data-testid': 'away' }, `Revoked (out of their seats until you let them back in): ${s.away.map((a) => a.label).join(', ')}`) : '');
  // the round at a glance, over every world (the cards below may need scrolling): how many students' seats are in
  const inCount = (s: TeacherState) => {
    if (s.status !== 'running' && s.status !== 'paused') return '';
    const seats = s.worlds.filter((w) => !w.over).flatMap((w) => w.seats.filter((x) => !x.bot));
    return seats.length ? ` · ${seats.filter((x) => x.ready).length} of ${seats.length} seats in` : '';
  };
  const worldCard = (s: TeacherState, w: WorldState) => {
    const left = w.clock.remaining ?? (w.clock.deadline !== null ? w.clock.deadline - (Date.now() + offset) : null);
    const hl = w.headline;
    return h('section', { class: 'world-card', 'data-testid': `world-${w.index + 1}` },
      h('h2', {}, `World ${w.index + 1}`, h('small', { 'data-testid': `world-${w.index + 1}-round` }, ` · ${roundText(w)}`)),
      h('div', { class: 'row' },
        h('span', { class: 'clock', 'data-testid': `world-${w.index + 1}-clock`, 'data-deadline': !w.over && s.status !== 'lobby' && w.clock.remaining === null ? w.clock.deadline : null }, w.over ? ((w.played ?? w.rounds) < w.rounds ? 'ended' : 'finished') : s.status === 'lobby' ? 'not started' : clockText(left, w.clock.paused)),
        h('span', { 'data-testid': `world-${w.index + 1}-waiting` }, w.over || s.status === 'lobby' ? '' : w.waitingFor.length ? `waiting for ${countryList(w.waitingFor)}` : w.seats.every((x) => x.bot) ? 'bots only: the round ends on the clock' : 'all in'),
        w.lastReason ? h('small', { 'data-testid': `world-${w.index + 1}-last` }, `last round ended: ${w.lastReason === 'clock' ? 'on the clock' : w.lastReason === 'teacher' ? 'by you' : 'all submitted'}${w.lastMissed.length ? ` (${countryList(w.lastMissed)} not in: ${s.config.missed === 'bot' ? 'the bot decided' : w.lastMissed.length === 1 ? 'kept its policies' : 'kept their policies'})` : ''}`) : '',
        s.status === 'running' && !w.over ? h('button', { type: 'button', 'data-testid': `end-round-${w.index + 1}`, onclick: act('endRound', [w.index]) }, 'End this round') : '',
      ),
      h('table', { class: 'grid seats' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Country'), h('th', {}, 'Played by'), h('th', {}, 'Round'), h('th', {}, 'Score'))),
        h('tbody', {}, ...w.seats.map((seat) => h('tr', { 'data-testid': `seat-${w.index + 1}-${seat.country}` },
          h('th', {}, COUNTRY_NAME[seat.country]),
          h('td', {}, seat.bot ? h('span', { class: 'badge bot', 'data-testid': 'bot-badge' }, seat.students.length ? 'BOT (idle seat)' : 'BOT') : '', seat.warned ? h('span', { class: 'badge warn' }, 'idle: warned') : '',
            ...seat.students.map((p) => h('div', { class: 'student', 'data-testid': `student-${p.label}` },
              h('span', { class: `dot ${p.connected && !lost ? 'on' : 'off'}`, title: lost ? 'unknown: this page lost the server' : p.connected ? 'connected' : 'not connected' }), ` ${p.label}${seat.captain === p.id ? ' (captain)' : ''}`,
              h('small', {}, p.connected ? (p.idleSeconds > 20 && s.status === 'running' ? ` idle ${p.idleSeconds}s` : '') : ' offline'),
              s.status === 'ended' ? '' : studentControls(s, w, seat, p),
            ))),
          h('td', {}, w.over ? '' : seat.bot ? 'bot' : seat.ready ? '✓ submitted' : seat.submitted ? 'draft sent (captain decides)' : s.status === 'lobby' ? '' : 'not yet'),
          h('td', {}, hl.scores ? fmt.signed(hl.scores[seat.country], 2) : ''),
        ))),
      ),
      hl.prices ? h('p', { class: 'figures' }, `NdPr oxide $${hl.prices.ndpr.toFixed(1)}/kg · Dy/Tb oxide $${Math.round(hl.prices.dytb)}/kg · magnets $${hl.prices.magnet.toFixed(1)}/kg · Japan's magnet supply ${Math.round((hl.magnetSupply?.JPN ?? 0) * 100)}%`) : '',
      // the news items name their event ("Title: what happened"): an event is listed on its own only when no item does
      hl.events.length || hl.news.length ? h('ul', { class: 'news', 'data-testid': `world-${w.index + 1}-news` }, ...dashboardNews(hl).map((n) => h('li', n.event ? { class: 'event' } : {}, n.text))) : '',
    );
  };
  // beside each student: move them, make them captain (only where a seat is shared), revoke their seat
  const studentControls = (s: TeacherState, w: WorldState, seat: Seat, p: Seat['students'][number]) => h('span', { class: 'student-controls' },
    h('select', { 'aria-label': `move ${p.label}`, 'data-testid': `move-${p.label}`, onchange: (e: Event) => { const el = e.target as HTMLSelectElement; const [ww, cc, other] = el.value.split(':'); el.value = ''; act('move', [p.id, Number(ww), cc, ...(other ? [other] : [])])(); } },
      // each seat by name, with who sits there now; a full seat is offered as a swap with each of its students (moving
      // into it as such is refused by the server, which says so above the worlds)
      h('option', { value: '' }, 'move…'), ...s.worlds.flatMap((x) => x.seats.flatMap((st) => {
        const here = x.index === w.index && st.country === seat.country;
        const who = st.students.filter((q) => q.id !== p.id);
        const name = `world ${x.index + 1} ${COUNTRY_NAME[st.country]}`;
        const full = !here && who.length >= s.config.seatsPerCountry;
        return [
          h('option', { value: `${x.index}:${st.country}`, disabled: here }, `${name}${here ? ' (here now)' : full ? ` (full: ${who.map((q) => q.label).join(', ')})` : who.length ? ` (with ${who.map((q) => q.label).join(', ')})` : ' (bot now)'}`),
          ...(full ? who.map((q) => h('option', { value: `${x.index}:${st.country}:${q.id}`, 'data-testid': `swap-${p.label}-${q.label}` }, `${name}: swap with ${q.label}`)) : []),
        ];
      }))),
    seat.students.length > 1 || seat.captain ? h('button', { type: 'button', class: 'link', onclick: act('captain', [w.index, seat.country, seat.captain === p.id ? null : p.id]) }, seat.captain === p.id ? 'no captain' : 'captain') : '',
    h('button', { type: 'button', class: 'link', onclick: () => confirm(`Revoke ${p.label}'s seat? Their devices are signed out and a bot plays the seat; they can come back only if you allow it.`) && act('revoke', [p.id])() }, 'revoke'),
  );
  root.append(h('main', { class: 'class-page dash', 'data-testid': 'dashboard' }, body));
  sock.onPush((p) => p.push === 'state' && show(p.value as TeacherState));
  sock.onState((s, why) => {
    if (s === 'refused') msg.textContent = `The server refused this teacher link: ${why ?? ''}`;
    if ((s === 'closed') !== lost) {
      lost = s === 'closed';
      if (lost) lostAt = new Date().toLocaleTimeString();
      render();
    }
  });
  setInterval(() => {
    for (const el of body.querySelectorAll<HTMLElement>('[data-deadline]')) el.textContent = clockText(Number(el.dataset.deadline) - (Date.now() + offset), false);
  }, 1000);
  setInterval(renewProjector, 600_000);
  await findJoinBase();
  show(await sock.call<TeacherState>('state'));
  renewProjector();
}
