// The teacher's screens: create a class (its options), then the dashboard: the join code, link and QR code, every world
// and seat (connected, submitted, idle, bot or human), headline figures and events, and the controls of the round clock.
import type { CountryId } from '../../engine/index.ts';
import { clear, fmt, h } from '../ui/dom.ts';
import { lang, onLangChange } from '../ui/i18n.ts';
import { scenarioName } from '../ui/content-text.ts';
import { classSocket } from './socket-session.ts';
import { dashboardNews } from './news.ts';
import { findJoinBase, joinUrl, myClasses, noJoinAddress, postJson, recall, remember } from './common.ts';
import { c, classLang, clockText, countryIn, countryList, countryName, endRoundQuestion, langSwitch, lowestSupply, num, pct, roundText, said, usd, type RoundInfo } from './words.ts';

const locale = () => (lang() === 'ja' ? 'ja-JP' : 'en-US');

export async function createClassScreen(root: HTMLElement): Promise<void> {
  await classLang();
  createForm(root);
  onLangChange(() => createForm(root));
}

/** Seconds between rounds for the turn's resolving and the digest's reading: an assumption (range 10-60 s; the form's
 * old fixed text said 27 minutes of play for its default 8 rounds of 180 s, about 22 s a round more than the clock). */
const BETWEEN_ROUNDS_S = 20;

/** Minutes of play in a lesson of `rounds` rounds of `seconds` each, the reading between them included. */
export function playMinutes(rounds: number, seconds: number): number {
  return Math.round((rounds * (seconds + BETWEEN_ROUNDS_S)) / 60);
}

function createForm(root: HTMLElement): void {
  clear(root);
  const numIn = (id: string, label: string, value: number, min: number, max: number, hint: string) =>
    h('label', { class: 'opt' }, h('span', {}, label), h('input', { type: 'number', id, 'data-testid': `opt-${id}`, value, min, max }), h('small', {}, hint));
  const err = h('p', { class: 'error', role: 'alert', 'data-testid': 'create-error' });
  const mine = myClasses();
  const form = h(
    'form',
    { class: 'create', 'data-testid': 'create-class' },
    // today's date, not an example name a teacher might leave on the students' briefings ("Year 12 economics")
    h('label', { class: 'opt' }, h('span', {}, c('create.name')), h('input', { id: 'name', 'data-testid': 'opt-name', value: c('create.nameValue', { date: new Date().toLocaleDateString(locale()) }), placeholder: c('create.namePlaceholder'), maxlength: 80 })),
    h('label', { class: 'opt' }, h('span', {}, c('create.scenario')), h('select', { id: 'scenarioId', 'data-testid': 'opt-scenario' }, h('option', { value: 'rare-earth-gambit' }, scenarioName('rare-earth-gambit', 'Rare Earth Gambit')), h('option', { value: 'japans-gambit' }, scenarioName('japans-gambit', 'Japan’s gambit')))),
    numIn('worlds', c('create.worlds'), 2, 1, 12, c('create.worldsHint')),
    h('label', { class: 'opt' }, h('span', {}, c('create.start')), h('select', { id: 'sameSeed', 'data-testid': 'opt-sameSeed' }, h('option', { value: 'true' }, c('create.same')), h('option', { value: 'false' }, c('create.different')))),
    numIn('seed', c('create.seed'), 1, 0, 1e9, c('create.seedHint')),
    numIn('seatsPerCountry', c('create.seats'), 2, 1, 6, c('create.seatsHint')),
    numIn('turns', c('create.rounds'), 8, 1, 40, c('create.roundsHint')),
    h('label', { class: 'opt' }, h('span', {}, c('create.roundPlays')), h('select', { id: 'quartersPerRound', 'data-testid': 'opt-quartersPerRound' }, h('option', { value: '1' }, c('create.quarter')), h('option', { value: '2' }, c('create.half')), h('option', { value: '4' }, c('create.year')))),
    numIn('roundSeconds', c('create.seconds'), 180, 5, 3600, c('create.secondsHint')),
    h('label', { class: 'opt' }, h('span', {}, c('create.missed')), h('select', { id: 'missed', 'data-testid': 'opt-missed' }, h('option', { value: 'keep' }, c('create.keep')), h('option', { value: 'bot' }, c('create.bot')))),
    numIn('idleGraceSeconds', c('create.idle'), 120, 0, 3600, c('create.idleHint')),
    h('label', { class: 'opt check' }, h('span', {}, c('create.sandbox')), h('span', {}, h('input', { type: 'checkbox', id: 'sandbox', 'data-testid': 'opt-sandbox' }), c('create.sandboxWhat')), h('small', {}, c('create.sandboxHint'))),
    h('button', { type: 'submit', class: 'primary', 'data-testid': 'create' }, c('create.submit')),
    err,
  );
  // the lesson's length follows the rounds and their seconds as the form holds them (its defaults first)
  const lede = h('p', { class: 'lede', 'data-testid': 'lesson-plan' });
  // a class too short for any project to be built before it ends: said before it is created (a reviewer's 4-round
  // class found every investment "not finished before it ends", and nothing had warned the teacher)
  const short = h('p', { class: 'hint warn', 'data-testid': 'lesson-short', hidden: true });
  let quickest: Record<string, number | null> = {};
  const sayLength = () => {
    const n = (id: string) => Number((form.querySelector(`#${id}`) as HTMLInputElement).value);
    if (n('turns') > 0 && n('roundSeconds') > 0) lede.textContent = c('create.lede', { play: playMinutes(n('turns'), n('roundSeconds')), between: BETWEEN_ROUNDS_S });
    const quarters = n('turns') * n('quartersPerRound');
    const q = quickest[(form.querySelector('#scenarioId') as HTMLSelectElement).value];
    const tooShort = typeof q === 'number' && quarters > 0 && quarters <= q;
    // rounds under a minute: no time to read a round's digest and decide (a teacher's 10 s, a slip for 100, went unsaid)
    const quick = n('roundSeconds') > 0 && n('roundSeconds') < 60;
    // an idle time as long as a round never comes: no bot takes an idle seat (a walkthrough's 60-s rounds beside the
    // default 120 s; the form said nothing)
    const idleNever = n('idleGraceSeconds') > 0 && n('roundSeconds') > 0 && n('idleGraceSeconds') >= n('roundSeconds');
    // under a minute: a student reading the round's report without scrolling goes idle, and a bot takes the seat (a
    // walkthrough's 40 s)
    const idleQuick = !idleNever && n('idleGraceSeconds') > 0 && n('idleGraceSeconds') < 60;
    const say = [tooShort ? c('create.tooShort', { n: quarters, q }) : '', quick ? c('create.quickRounds', { s: n('roundSeconds') }) : '', idleNever ? c('create.idleNever', { idle: n('idleGraceSeconds'), s: n('roundSeconds') }) : '', idleQuick ? c('create.idleQuick', { idle: n('idleGraceSeconds') }) : ''].filter(Boolean);
    short.textContent = say.join(' ');
    short.hidden = !say.length;
  };
  sayLength();
  form.addEventListener('input', sayLength);
  form.addEventListener('change', sayLength);
  void fetch('/api/scenarios').then((r) => (r.ok ? r.json() : [])).then((list: { id: string; quickestBuildQuarters: number | null }[]) => {
    quickest = Object.fromEntries(list.map((s) => [s.id, s.quickestBuildQuarters]));
    sayLength();
  }, () => {}); // (without the list the form says nothing of it: the class can still be made)
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
      location.search = `?dash=${r.classId}&lang=${lang()}`;
    } catch (x) {
      // the server names the option by its API name ("class options: turns: …"): say it with the form's label
      const label = (id: string) => form.querySelector(`#${CSS.escape(id)}`)?.closest('label')?.querySelector('span')?.textContent ?? undefined;
      err.textContent = lang() === 'ja' ? said(x, label) : (x as Error).message.replace(/^class options: /, '').replace(/\b(\w+): /g, (m, id: string) => (label(id) ? `${label(id)}: ` : m));
    }
  });
  root.append(
    h('main', { class: 'class-page' }, h('header', { class: 'row' }, h('h1', {}, c('create.title')), langSwitch()), lede, short, form,
      mine.length ? h('section', {}, h('h2', {}, c('create.mine')), h('ul', {}, ...mine.map((c) => h('li', {}, h('a', { href: `?dash=${c.id}` }, `${c.name} (${c.code})`))))) : ''),
  );
}

interface Seat { country: CountryId; bot: boolean; warned: boolean; submitted: boolean; ready: boolean; refused?: boolean; drafted?: boolean; captain: string | null; students: { id: string; label: string; connected: boolean; idleSeconds: number }[] }
interface WorldState extends RoundInfo { index: number; turn: number; turns: number; clock: { deadline: number | null; remaining: number | null; paused: boolean; serverNow: number }; lastReason: string; lastMissed: CountryId[]; lastIdle?: CountryId[]; waitingFor: CountryId[]; headline: { date: string; prices: { ndpr: number; dytb: number; magnet: number } | null; scores: Record<CountryId, number> | null; magnetSupply: Record<CountryId, number> | null; events: string[]; eventIds?: string[]; news: string[] }; seats: Seat[] }
export interface TeacherState { id: string; code: string; name: string; status: string; sandbox: boolean; now: number; worlds: WorldState[]; students: number; away: { id: string; label: string }[]; requests: { id: string; label: string; world: number | null; country: CountryId | null; seconds: number }[]; recovery: { at: number; downMs: number; worlds: number[] } | null; config: { worlds: number; turns: number; roundSeconds: number; missed: string; seatsPerCountry: number; idleGraceSeconds?: number; quartersPerRound?: number } }

/** The class's settings in a line, under its status: the dashboard did not show them once the class was made. */
export function settingsText(k: TeacherState['config']): string {
  const q = k.quartersPerRound ?? 1;
  const length = c('print.length', { n: num(k.turns), span: c(q === 4 ? 'print.year' : q === 2 ? 'print.half' : 'print.quarter') });
  const idle = k.idleGraceSeconds ? c('dash.idleAfter', { s: num(k.idleGraceSeconds) }) : c('dash.idleOff');
  return c('dash.settings', { length, seconds: num(k.roundSeconds), missed: c(k.missed === 'bot' ? 'create.bot' : 'create.keep'), idle, per: num(k.seatsPerCountry) });
}

export async function dashboard(root: HTMLElement, classId: string): Promise<void> {
  const token = recall(`teacher:${classId}`);
  await classLang(); // ?lang=, else the language this browser's game was last played in (its news lines too)
  clear(root);
  if (!token) return void root.append(h('main', { class: 'class-page' }, h('h1', {}, c('notYours')), h('p', {}, c('notYoursHint')), h('a', { href: '?teacher' }, c('createOne'))));
  const sock = classSocket(token);
  let st: TeacherState | null = null;
  let offset = 0;
  // the server went away (stopped, restarted, the network): said at the top until the socket is back, so the teacher
  // does not read a stale page (every dot green, the clock running) as the class's state
  let lost = false;
  let lostAt = '';
  const msg = h('p', { class: 'error', role: 'alert', 'data-testid': 'dash-error' });
  const body = h('div', { class: 'dash-body' });
  let failed: unknown = null; // a control's error, said again in another language
  const moreOpen = new Set<string>(); // the world cards' "+N more" lists opened ("world:turn"), kept open as the page redraws
  const act = (method: string, args: unknown[] = []) => () =>
    void sock.call<TeacherState>(method, args).then((s) => { failed = null; msg.textContent = ''; show(s); }, (e: Error) => { failed = e; msg.textContent = said(e); });
  // ending a round throws away the drafts of the countries not in yet, and on the last round the game: asked first
  const endRound = (worlds: WorldState[], index: number | null) => {
    const q = endRoundQuestion(worlds, index);
    // the rounds the question was about: one that ended on its own while it was open is not followed by its next
    if (q === null || confirm(q)) act('endRound', [index, worlds.map((w) => w.turn)])();
  };
  // ending the class mid-round does not play the round: the confirmation names the seats whose sent orders it drops
  const endClass = (s: TeacherState) => {
    const live = s.status === 'running' || s.status === 'paused' ? s.worlds.filter((w) => !w.over) : [];
    const sent = live.map((w) => ({ w, who: w.seats.filter((x) => !x.bot && x.ready).map((x) => x.country) })).filter((x) => x.who.length);
    const who = sent.map(({ w, who }) => (s.worlds.length > 1 ? c('dash.inWorld', { who: countryList(who), n: num(w.index + 1) }) : countryList(who))).join(c('dash.semi'));
    if (confirm(sent.length ? c('dash.endClassConfirmSent', { who }) : c('dash.endClassConfirm'))) act('endClass')();
  };
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
  // A teacher choosing in a student's move menu keeps it: a state the server pushes meanwhile (a submission, a
  // connection) would redraw the dashboard and close the menu, so it waits until the menu loses focus.
  let heldForMenu = false;
  const render = () => {
    if (!st) return;
    const menu = document.activeElement;
    if (menu instanceof HTMLSelectElement && menu.dataset.testid?.startsWith('move-') && body.contains(menu)) {
      if (!heldForMenu) {
        heldForMenu = true;
        body.dataset.held = 'menu'; // (for tests: a redraw is waiting)
        menu.addEventListener('blur', () => { heldForMenu = false; delete body.dataset.held; render(); }, { once: true });
      }
      return;
    }
    const s = st;
    // the dashboard is drawn anew at every push (a submission, a tick of a student's idle time): the control a teacher
    // on the keyboard had focus on gets it back in the new drawing, or each push sent focus to the page's start
    const had = menu instanceof HTMLElement && body.contains(menu) ? menu.dataset.testid : undefined;
    clear(body);
    const url = joinUrl(s.code);
    body.append(
      lost ? h('p', { class: 'lost-banner', role: 'alert', 'data-testid': 'dash-lost' }, c('dash.lost', { time: lostAt })) : '',
      // the server was down mid-round: the rounds it left with (nearly) no time got some back (for ten minutes)
      s.recovery && s.now - s.recovery.at < 600_000 ? h('p', { class: 'recovered', role: 'status', 'data-testid': 'recovered' }, c('dash.recovered', { time: new Date(s.recovery.at - offset).toLocaleTimeString(locale()), s: num(Math.round(s.recovery.downMs / 1000)), worlds: s.recovery.worlds.map((w) => num(w + 1)).join(c('list')) })) : '',
      h('header', { class: 'dash-head' },
        h('div', {}, h('h1', {}, s.name), h('div', { class: 'status', 'data-testid': 'class-status' }, [c(`status.${s.status}`), c(s.students === 1 ? 'dash.studentsOne' : 'dash.studentsMany', { n: num(s.students) }), c(s.worlds.length === 1 ? 'dash.worldsOne' : 'dash.worldsMany', { n: num(s.worlds.length) }), inCount(s)].filter(Boolean).join(c('dash.sep'))), h('div', { class: 'status', 'data-testid': 'class-settings' }, settingsText(s.config)), langSwitch()),
        // once the class has ended nobody can join it (the server says so): no code or QR code to invite them
        ...(s.status === 'ended' ? [h('div', { class: 'join-box', 'data-testid': 'join-closed' }, c('dash.joinClosed'))] : [
          h('div', { class: 'join-box' }, h('div', {}, c('dash.joinCode')), h('div', { class: 'code', 'data-testid': 'join-code' }, s.code), h('div', { class: 'url', 'data-testid': 'join-url' }, url), noJoinAddress() ? h('div', { class: 'error', 'data-testid': 'no-join-address' }, c(noJoinAddress()!)) : ''),
          h('img', { class: 'qr', src: `/api/qr?text=${encodeURIComponent(url)}`, alt: c('dash.qrFor', { url }), width: 110, height: 110 })]),
      ),
      h('nav', { class: 'controls' },
        s.status === 'lobby' ? h('button', { type: 'button', class: 'primary', 'data-testid': 'begin', onclick: act('begin') }, c('dash.begin')) : '',
        s.status === 'running' ? h('button', { type: 'button', 'data-testid': 'pause', onclick: act('pause') }, c('dash.pause')) : '',
        s.status === 'paused' ? h('button', { type: 'button', class: 'primary', 'data-testid': 'resume', onclick: act('resume') }, c('dash.resume')) : '',
        s.status === 'running' || s.status === 'paused' ? h('button', { type: 'button', 'data-testid': 'extend', onclick: act('extend', [60, null]) }, c('dash.extend')) : '',
        s.status === 'running' ? h('button', { type: 'button', 'data-testid': 'end-round', onclick: () => endRound(s.worlds, null) }, c('dash.endRound')) : '',
        s.status !== 'ended' ? h('button', { type: 'button', 'data-testid': 'end-class', onclick: () => endClass(s) }, c('dash.endClass')) : '',
        projector ? h('a', { class: 'button', href: `?projector&lang=${lang()}#${projector}`, target: '_blank', 'data-testid': 'projector-link' }, c('dash.projector')) : '',
        s.status !== 'ended' ? h('button', { type: 'button', 'data-testid': 'sandbox-toggle', 'aria-pressed': String(s.sandbox), title: c('dash.sandboxTitle'), onclick: act('sandbox', [!s.sandbox]) }, c(s.sandbox ? 'dash.sandboxOn' : 'dash.sandboxOff')) : '',
        h('a', { class: 'button', href: `?print=${classId}&lang=${lang()}`, target: '_blank', 'data-testid': 'print-link' }, c('dash.print')),
        h('a', { class: s.status === 'ended' ? 'button primary' : 'button', href: `?debrief=${classId}&lang=${lang()}`, 'data-testid': 'debrief-link' }, c('dash.debrief')),
      ),
      msg,
      requests(s),
      h('div', { class: 'worlds' }, ...s.worlds.map((w) => worldCard(s, w))),
    );
    // (only an id the new drawing has once: with two rejoin requests, focus on the second's Allow went to the first's)
    const same = had ? body.querySelectorAll<HTMLElement>(`[data-testid="${CSS.escape(had)}"]`) : [];
    if (same.length === 1) same[0]!.focus({ preventScroll: true });
  };
  // someone typed the name of a student already in the class, on a browser without that seat's token: the teacher says
  // whether it is that student (a new device, a cleared browser) or not; revoked students are listed under it
  const requests = (s: TeacherState) => h('div', { class: 'requests' },
    ...s.requests.map((r) => h('p', { class: 'rejoin-request', role: 'alert', 'data-testid': `rejoin-${r.label}` },
      // a revoked student's links were all revoked: "a device without their seat's link" is said only of the others
      r.country !== null ? c('dash.rejoin', { label: r.label, country: countryIn(r.country), world: num((r.world ?? 0) + 1) }) : c('dash.rejoinRevoked', { label: r.label }),
      h('button', { type: 'button', class: 'primary', 'data-testid': 'rejoin-allow', onclick: act('admit', [r.id, true]) }, c('dash.allow')), ' ',
      h('button', { type: 'button', 'data-testid': 'rejoin-refuse', onclick: act('admit', [r.id, false]) }, c('dash.refuse')))),
    s.away.length && s.status !== 'ended' ? h('p', { class: 'away', 'data-testid': 'away' }, c('dash.away', { names: s.away.map((a) => a.label).join(c('list')) })) : '');
  // the round at a glance, over every world (the cards below may need scrolling): how many students' seats are in
  const inCount = (s: TeacherState) => {
    if (s.status !== 'running' && s.status !== 'paused') return '';
    const seats = s.worlds.filter((w) => !w.over).flatMap((w) => w.seats.filter((x) => !x.bot));
    // the seats of students a bot took over for idleness are said beside it: "0 of 1 seats in" of a world of five
    // students, four of them idle, baffled a teacher
    const idle = s.worlds.filter((w) => !w.over).flatMap((w) => w.seats.filter((x) => x.bot && x.students.length > 0)).length;
    const base = seats.length ? c('dash.seatsIn', { ready: num(seats.filter((x) => x.ready).length), total: num(seats.length) }) : '';
    return idle ? `${base}${base ? c('dash.sep') : ''}${c(idle === 1 ? 'dash.idleSeatsOne' : 'dash.idleSeats', { n: num(idle) })}` : base;
  };
  // how the last round ended, and what became of the seats not in
  const lastHow = (s: TeacherState, w: WorldState) => {
    // a seat a bot played because its students were idle is said too ("all submitted" said nothing of it), and then the
    // round did not end with all submitted but with the others in ("all submitted; Australia, China and Malaysia idle"
    // read as a contradiction)
    const idle = w.lastIdle?.length ? c('dash.idleBot', { who: countryList(w.lastIdle) }) : '';
    const how = c(w.lastReason === 'clock' ? 'dash.byClock' : w.lastReason === 'teacher' ? 'dash.byTeacher' : idle ? 'dash.othersSubmitted' : 'dash.allSubmitted');
    if (!w.lastMissed.length) return idle ? c('dash.alsoIdle', { how, idle }) : how;
    const missed = c('dash.missed', { how, who: countryList(w.lastMissed), what: c(s.config.missed === 'bot' ? 'dash.botDecided' : w.lastMissed.length === 1 ? 'dash.keptOne' : 'dash.keptMany') });
    return idle ? c('dash.alsoIdle', { how: missed, idle }) : missed;
  };
  const worldCard = (s: TeacherState, w: WorldState) => {
    const left = w.clock.remaining ?? (w.clock.deadline !== null ? w.clock.deadline - (Date.now() + offset) : null);
    const hl = w.headline;
    return h('section', { class: 'world-card', 'data-testid': `world-${w.index + 1}` },
      h('h2', {}, c('world', { n: num(w.index + 1) }), h('small', { 'data-testid': `world-${w.index + 1}-round` }, ` · ${roundText(w)}`)),
      h('div', { class: 'row' },
        // a world that is over has no clock: its heading says "Finished (3 rounds)" or how early it ended (the card said
        // it twice, "finished" under "Finished (3 rounds)")
        w.over ? '' : h('span', { class: 'clock', 'data-testid': `world-${w.index + 1}-clock`, 'data-deadline': s.status !== 'lobby' && w.clock.remaining === null ? w.clock.deadline : null }, s.status === 'lobby' ? c('dash.notStarted') : clockText(left, w.clock.paused)),
        h('span', { 'data-testid': `world-${w.index + 1}-waiting` }, w.over || s.status === 'lobby' ? '' : w.waitingFor.length ? c('waitingFor', { who: countryList(w.waitingFor) }) : w.seats.every((x) => x.bot) ? c('dash.botsOnly') : c(s.status === 'paused' ? 'allInPaused' : 'allIn')),
        w.lastReason ? h('small', { 'data-testid': `world-${w.index + 1}-last` }, c('dash.lastEnded', { how: lastHow(s, w) })) : '',
        s.status === 'running' && !w.over ? h('button', { type: 'button', 'data-testid': `end-round-${w.index + 1}`, onclick: () => endRound(s.worlds, w.index) }, c('dash.endThisRound')) : '',
      ),
      h('table', { class: 'grid seats' },
        h('thead', {}, h('tr', {}, h('th', {}, c('dash.country')), h('th', {}, c('dash.playedBy')), h('th', {}, c('dash.round')), h('th', {}, c('dash.score')))),
        h('tbody', {}, ...w.seats.map((seat) => h('tr', { 'data-testid': `seat-${w.index + 1}-${seat.country}` },
          h('th', {}, countryName(seat.country)),
          h('td', {}, seat.bot ? h('span', { class: 'badge bot', 'data-testid': 'bot-badge' }, c(seat.students.length ? 'dash.botIdle' : 'dash.bot')) : '', seat.warned ? h('span', { class: 'badge warn' }, c('dash.warned')) : '',
            ...seat.students.map((p) => h('div', { class: 'student', 'data-testid': `student-${p.label}` },
              h('span', { class: `dot ${p.connected && !lost ? 'on' : 'off'}`, title: c(lost ? 'dash.unknown' : p.connected ? 'dash.connected' : 'dash.notConnected') }), ` ${seat.captain === p.id ? c('dash.captainMark', { label: p.label }) : p.label}`,
              h('small', {}, p.connected ? ((p.idleSeconds > 20 || seat.warned) && s.status === 'running' && !seat.ready ? c('dash.idle', { s: num(p.idleSeconds) }) : '') : c('dash.offline')),
              s.status === 'ended' ? '' : studentControls(s, w, seat, p),
            ))),
          h('td', { 'data-widest': c('dash.submitted') }, w.over ? '' : seat.bot ? c('dash.seatBot') : seat.ready ? c('dash.submitted') : seat.submitted ? c('dash.draft') : s.status === 'lobby' ? '' : seat.refused ? c('dash.endTurnRefused') : seat.drafted ? h('span', { title: c('dash.draftingTitle'), 'data-testid': 'drafting' }, c('dash.drafting')) : c('dash.notYet')),
          h('td', {}, hl.scores ? fmt.signed(hl.scores[seat.country], 2) : ''),
        ))),
      ),
      hl.prices ? h('p', { class: 'figures', 'data-testid': `world-${w.index + 1}-figures` }, c('dash.figures', { ndpr: usd(hl.prices.ndpr, 1), dytb: usd(Math.round(hl.prices.dytb)), magnet: usd(hl.prices.magnet, 1), jpn: pct(hl.magnetSupply?.JPN ?? 0) }), lowestSupply(hl.magnetSupply)) : '',
      // the round's events by title, then its weightiest news lines and how many more there are (news.ts)
      hl.events.length || hl.news.length ? h('ul', { class: 'news', 'data-testid': `world-${w.index + 1}-news` }, ...dashboardNews(hl, (n) => c('dash.moreNews', { n: num(n) })).map((n) => h('li', n.kind === 'news' ? {} : { class: n.kind }, n.rest ? h('details', { open: moreOpen.has(`${w.index}:${w.turn}`), ontoggle: (e: Event) => void ((e.target as HTMLDetailsElement).open ? moreOpen.add(`${w.index}:${w.turn}`) : moreOpen.delete(`${w.index}:${w.turn}`)) }, h('summary', {}, n.text), h('ul', {}, ...n.rest.map((x) => h('li', {}, x)))) : n.text))) : '', // the lines left out open on a click (a "+5 more" that could not be opened hid them until the debrief)
    );
  };
  // beside each student: move them, make them captain (only where a seat is shared), revoke their seat
  const studentControls = (s: TeacherState, w: WorldState, seat: Seat, p: Seat['students'][number]) => h('span', { class: 'student-controls' },
    h('select', { 'aria-label': c('dash.moveAria', { label: p.label }), 'data-testid': `move-${p.label}`, onchange: (e: Event) => {
      const el = e.target as HTMLSelectElement;
      const [ww, cc, other] = el.value.split(':');
      el.value = '';
      el.blur();
      // asked first, as a revoke is: a keyboard's arrow keys on a closed menu fire a change at each option, and a
      // move hands the student's seat to a bot without a word
      const seatName = c('dash.seat', { n: num(Number(ww) + 1), country: countryName(cc as CountryId) });
      const who = other ? s.worlds.flatMap((x) => x.seats.flatMap((q) => q.students)).find((q) => q.id === other)?.label ?? other : '';
      if (confirm(other ? c('dash.swapConfirm', { label: p.label, who, seat: seatName }) : c('dash.moveConfirm', { label: p.label, seat: seatName }))) act('move', [p.id, Number(ww), cc, ...(other ? [other] : [])])();
    } },
      // each seat by name, with who sits there now; a full seat is offered as a swap with each of its students, its own
      // line shown but not chosen (a move into it was asked "Move Zoe to ...?", then refused by the server)
      h('option', { value: '' }, c('dash.move')), ...s.worlds.flatMap((x) => x.seats.flatMap((st) => {
        const here = x.index === w.index && st.country === seat.country;
        const who = st.students.filter((q) => q.id !== p.id);
        const name = c('dash.seat', { n: num(x.index + 1), country: countryName(st.country) });
        const names = who.map((q) => q.label).join(c('list'));
        const full = !here && who.length >= s.config.seatsPerCountry;
        return [
          h('option', { value: `${x.index}:${st.country}`, disabled: here || full, 'data-testid': full ? `full-${p.label}-${x.index}-${st.country}` : undefined }, c(here ? 'dash.hereNow' : full ? 'dash.full' : who.length ? 'dash.with' : 'dash.botNow', { seat: name, who: names })),
          ...(full ? who.map((q) => h('option', { value: `${x.index}:${st.country}:${q.id}`, 'data-testid': `swap-${p.label}-${q.label}` }, c('dash.swap', { seat: name, who: q.label }))) : []),
        ];
      }))),
    seat.students.length > 1 || seat.captain ? h('button', { type: 'button', class: 'link', onclick: act('captain', [w.index, seat.country, seat.captain === p.id ? null : p.id]) }, c(seat.captain === p.id ? 'dash.noCaptain' : 'dash.captain')) : '',
    h('button', { type: 'button', class: 'link', onclick: () => confirm(c('dash.revokeConfirm', { label: p.label })) && act('revoke', [p.id])() }, c('dash.revoke')),
  );
  root.append(h('main', { class: 'class-page dash', 'data-testid': 'dashboard' }, body));
  onLangChange(() => { if (failed) msg.textContent = said(failed); render(); });
  sock.onPush((p) => p.push === 'state' && show(p.value as TeacherState));
  sock.onState((s, why) => {
    if (s === 'refused') msg.textContent = c('dash.refused', { why: why ? said(why) : '' });
    if ((s === 'closed') !== lost) {
      lost = s === 'closed';
      if (lost) lostAt = new Date().toLocaleTimeString(locale());
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
