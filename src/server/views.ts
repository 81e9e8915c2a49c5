// What each kind of client is sent about a class: the teacher's dashboard (every seat), the projector's (public figures
// only: prices, magnet supply, scores, events, the clock) and a seat's status bar (clock, who is still to submit).
import { COUNTRIES, type CountryId } from '../../engine/index.ts';
import type { ClassRoom, Round } from './classroom.ts';
import { whatIfLabel } from './sandbox.ts';
import { pendingRequests } from './access.ts';
import { roundStart } from './round-report.ts';

export interface Clock {
  deadline: number | null;
  remaining: number | null;
  paused: boolean;
  serverNow: number;
}

export function clockOf(cls: ClassRoom, r: Round, now: number): Clock {
  return { deadline: r.deadline, remaining: r.remaining, paused: cls.status === 'paused', serverNow: now };
}

/** A world's round as the class screens show it: `over` once its last turn is played or the teacher has ended the class
 * (nobody is waited for then), and `played`, the rounds it played (fewer than `rounds` when the class ended early). */
function roundState(cls: ClassRoom, w: number) {
  const world = cls.worlds[w];
  const ended = cls.status === 'ended';
  return { ...cls.roundOf(w), over: world.over || ended, played: Math.floor(world.turn / cls.k), waitingFor: ended || world.over ? [] : cls.waitingFor(w) };
}

/** A world's public headline figures after its last turn: prices outside China, each country's magnet supply and score. */
export function headline(cls: ClassRoom, w: number) {
  const world = cls.worlds[w];
  const s = world.summaries[world.summaries.length - 1];
  // the reports of the last round (a round may be several quarters)
  const round = world.reports.slice(roundStart(world.turn, cls.k));
  const c = (f: (k: CountryId) => number) => Object.fromEntries(COUNTRIES.map((k) => [k, f(k)])) as Record<CountryId, number>;
  return {
    date: world.states[world.states.length - 1] && addDate(world),
    prices: s ? { ndpr: s.prices['oxide.light'].world, dytb: s.prices['oxide.heavy'].world, magnet: s.prices.magnet.world } : null,
    magnetSupply: s ? c((k) => s.countries[k].magnetSupplyRatio) : null,
    scores: s ? c((k) => s.countries[k].score) : null,
    // every event of the last round
    events: round.flatMap((r) => r.events.map((e) => e.title)),
    // their content ids, in the same order: a page in Japanese shows each event's title from the content's locale
    eventIds: round.flatMap((r) => r.events.map((e) => e.id)),
    // all of the round's news: the dashboard lists the weightiest and counts the rest (src/classroom/news.ts)
    news: round.flatMap((r) => r.news),
  };
}

function addDate(world: ClassRoom['worlds'][number]): string {
  const st = world.state;
  const [y, q] = st.start.split('Q').map(Number);
  const n = (q - 1) + st.turn * st.quartersPerTurn;
  return `${y + Math.floor(n / 4)}Q${(n % 4) + 1}`;
}

export function teacherState(cls: ClassRoom, now: number) {
  return {
    id: cls.id,
    code: cls.code,
    name: cls.config.name,
    status: cls.status,
    config: cls.config,
    sandbox: cls.sandbox,
    now,
    worlds: cls.worlds.map((world, w) => ({
      index: w,
      seed: world.seed,
      turn: world.turn,
      turns: world.turns,
      ...roundState(cls, w),
      clock: clockOf(cls, cls.rounds[w], now),
      lastReason: cls.lastReason[w],
      lastMissed: cls.lastMissed[w] ?? [],
      lastIdle: cls.lastIdle[w] ?? [],
      headline: headline(cls, w),
      seats: cls.seats[w].map((s) => ({
        country: s.country,
        bot: s.bot,
        warned: s.warned,
        submitted: !!s.submitted,
        ready: cls.ready(s),
        // End turn refused this round (orders not valid) and nothing taken since: "not yet" hid a student who had tried
        refused: s.refused === cls.worlds[w].turn && !s.submitted,
        // changes made this round and not sent, a student of it here: the seat is not idle (hub.ts watched), and the
        // dashboard says why
        drafted: cls.draftHeld(s),
        captain: s.captain,
        students: s.students.map((id) => {
          const st = cls.students.get(id)!;
          // idle since the round began at the earliest, as the bot's timer counts (hub.ts idleMs): not the lobby's wait
          return { id, label: st.label, connected: st.sockets > 0, idleSeconds: Math.max(0, Math.round((now - Math.max(st.lastSeen, cls.roundStart[w] ?? 0)) / 1000)) };
        }),
      })),
    })),
    students: [...cls.students.values()].filter((st) => !st.away).length,
    // revoked students (out of their seats) and the requests to rejoin under a student's name, waiting for the teacher
    away: [...cls.students.values()].filter((st) => st.away).map((st) => ({ id: st.id, label: st.label })),
    requests: pendingRequests(cls, now),
    recovery: cls.recovery,
  };
}

export function projectorState(cls: ClassRoom, now: number) {
  return {
    name: cls.config.name,
    code: cls.code,
    status: cls.status,
    now,
    students: [...cls.students.values()].filter((st) => !st.away).length, // the lobby says how many have joined (no names: the projector is public)
    worlds: cls.worlds.map((world, w) => ({
      index: w,
      turn: world.turn,
      turns: world.turns,
      ...roundState(cls, w), // who is still to submit is public: every student's bar says it too
      clock: clockOf(cls, cls.rounds[w], now),
      bots: cls.seats[w].filter((s) => s.bot).map((s) => s.country),
      headline: headline(cls, w),
    })),
  };
}

/** A seat's status: its clock, who is still to submit in its world, whether a bot plays it, its shared draft. */
export function seatStatus(cls: ClassRoom, student: string, now: number) {
  const st = cls.students.get(student)!;
  const seat = cls.seat(st.world, st.country);
  // the student held this seat when its last round began (a student moved in since is not told of that round's bot or
  // missed deadline: they were another student's)
  const turn = cls.worlds[st.world].turn;
  const held = st.since <= roundStart(turn, cls.k);
  return {
    className: cls.config.name,
    status: cls.status,
    world: st.world,
    worlds: cls.worlds.length,
    country: st.country,
    label: st.label,
    turn: cls.worlds[st.world].turn,
    ...roundState(cls, st.world),
    sandbox: cls.sandbox,
    whatIf: whatIfLabel(cls, student),
    clock: clockOf(cls, cls.rounds[st.world], now),
    submitted: seat.submitted ? { by: cls.students.get(seat.submitted.by)?.label ?? '', final: cls.ready(seat) } : null,
    // the orders this student sent with End turn this round (null: none, or a co-player's): a page loaded again waits
    // for the round as after its End turn, and tells changes from them
    sent: seat.submitted?.by === student ? seat.submitted.orders : null,
    bot: seat.bot,
    warned: seat.warned,
    graceSeconds: cls.config.idleGraceSeconds,
    captain: seat.captain ? (cls.students.get(seat.captain)?.label ?? null) : null,
    members: seat.students.map((id) => cls.students.get(id)!.label),
    draft: seat.draft,
    // what the rules refuse in it (a draft that parses is kept though they refuse it): the page that takes it shows them
    ...cls.worlds[st.world].draftIssues(st.country, seat.draft),
    // the draft is this student's own (an echo of what their page sent, which may arrive after a newer edit)
    draftMine: seat.draftBy === student,
    // which change of the seat's draft it is: a push that left before a newer one, arriving late, is told by it
    draftSeq: seat.draftSeq,
    // the last round ended before this seat's orders were in (the page says so: its draft did not count)
    missedLast: cls.status !== 'ended' && held && (cls.lastMissed[st.world] ?? []).includes(st.country),
    missed: cls.config.missed,
    // a bot played this seat's last round because its students were idle (the digest's moves were the bot's)
    botLast: cls.status !== 'ended' && held && (cls.lastIdle[st.world] ?? []).includes(st.country),
    // the turns a bot played this seat (idle, or a missed round under the bot rule): a returning student's earlier
    // digests, stacked under the last one, say so too (only the last round's did, and its note went on the wrong one);
    // those since this student took the seat
    botTurns: seat.students.length ? cls.resolvedAt.filter((r) => r.world === st.world && r.turn > st.since && r.bots.includes(st.country)).map((r) => r.turn) : [],
  };
}
