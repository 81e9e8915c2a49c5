// One class as an event log: every change is an event, written before it takes effect, and the class is rebuilt after a
// restart by applying its events again (turns re-resolved by the engine, every state hash checked).
import { COUNTRIES, type CountryId, type CountryOrders, type Orders } from '../../engine/index.ts';
import type { ClassConfig } from './config.ts';
import { contentFor } from './content.ts';
import { World, type Resolved } from './world.ts';

export interface Student {
  id: string;
  label: string;
  world: number;
  country: CountryId;
  /** sockets open now, and when the student was last seen (not logged: a restart starts everyone's idle clock) */
  sockets: number;
  lastSeen: number;
  /** revoked by the teacher: out of every seat (`leave`) until the teacher lets them back in (access.ts) */
  away?: boolean;
  /** the world's turns played when the student took this seat (a join or a move): what the seat's record of bots and
   * missed rounds says to them counts from there (after a swap, the other student's idle round was told to them) */
  since: number;
}

export interface Seat {
  world: number;
  country: CountryId;
  students: string[];
  captain: string | null;
  draft: CountryOrders | null;
  /** the student whose draft (or submit) it is: their own page does not take it back as a co-player's */
  draftBy: string | null;
  /** counts the changes of `draft` (never reset): a page tells a pushed draft it has seen from a newer one by it */
  draftSeq: number;
  submitted: { orders: CountryOrders; by: string; at: number } | null;
  /** a bot plays the seat: no student in it, or it was idle past the grace period */
  bot: boolean;
  warned: boolean;
  /** the turn whose End turn the server last refused for invalid orders (the dashboard says so until one is taken);
   * in the log ('refuse', cleared by the next 'order'), so a restart keeps it */
  refused?: number | null;
}

export interface Round {
  deadline: number | null;
  /** ms left while paused */
  remaining: number | null;
}

export type Status = 'lobby' | 'running' | 'paused' | 'ended';

export interface TokenRecord {
  hash: string;
  role: 'teacher' | 'projector' | 'seat';
  student?: string;
  expires: number;
  revoked: boolean;
}

export interface RejoinRequest {
  /** the SHA-256 of the id the asking page holds (and sends again to collect the answer): the log and the dashboard
   * know the request by this, so neither holds what gets the seat */
  id: string;
  student: string;
  /** the name as typed */
  label: string;
  at: number;
  state: 'pending' | 'allowed' | 'refused';
  decidedAt?: number;
}

export type Ev = { type: string; data: Record<string, unknown>; at: number };

export class HashMismatch extends Error {}

/** Students fill the countries in this order, so a small class plays the three big ones first. */
const PLACEMENT_ORDER: CountryId[] = ['JPN', 'CHN', 'USA', 'AUS', 'MYS'];

export class ClassRoom {
  config!: ClassConfig;
  code = '';
  status: Status = 'lobby';
  worlds: World[] = [];
  rounds: Round[] = [];
  /** when each world's current round began (idle time counts from there at the earliest) */
  roundStart: number[] = [];
  seats: Seat[][] = [];
  students = new Map<string, Student>();
  tokens = new Map<string, TokenRecord>();
  /** what ended each world's last round: 'all-submitted' | 'clock' | 'teacher' */
  lastReason: string[] = [];
  /** per world: the students' seats that were not in when its last round ended (they kept their policies or a bot chose) */
  lastMissed: CountryId[][] = [];
  /** per world: the students' seats a bot played in its last round because their students had gone idle */
  lastIdle: CountryId[][] = [];
  /** when each event happened, for the teacher's log and the export */
  orderLog: { world: number; turn: number; country: CountryId; student: string; at: number; orders: CountryOrders; kind: 'order' | 'draft' }[] = [];
  resolvedAt: { world: number; turn: number; at: number; reason: string; bots: CountryId[]; ms: number }[] = [];
  /** students may fork private what-if timelines (src/server/sandbox.ts); set at creation, changed by the teacher */
  sandbox = false;
  /** when the class ended (its tokens' time after the end counts from here: access.ts), and when its last event was */
  endedAt: number | null = null;
  /** the last time rounds got time back after an outage (recovery.ts): when, how long the class was quiet, which worlds */
  recovery: { at: number; downMs: number; worlds: number[] } | null = null;
  lastAt = 0;
  /** requests to rejoin as an absent student without that student's token, waiting for the teacher (logged: `ask`,
   * `admit`, `collect`, so a restored class still shows them and the asking page still gets its answer; access.ts) */
  requests = new Map<string, RejoinRequest>();
  private live = new Map<number, Resolved>();

  constructor(readonly id: string) {}

  /** engine turns (quarters) in one round of the class */
  get k(): number {
    return this.config.quartersPerRound;
  }

  /** The round a world is playing (1-based; the last once it is over), of how many, and the quarters it covers. */
  roundOf(w: number): { round: number; rounds: number; period: string } {
    const world = this.worlds[w];
    const rounds = Math.ceil(world.turns / this.k);
    const round = Math.min(rounds, Math.floor(world.turn / this.k) + 1);
    const first = (round - 1) * this.k;
    const q = (i: number) => quarterAfter(world.state.start, i * world.state.quartersPerTurn);
    const from = q(first);
    const qpt = world.state.quartersPerTurn;
    const to = quarterAfter(world.state.start, (Math.min(world.turns, first + this.k) - 1) * qpt + qpt - 1);
    const period = from === to ? from : this.k * qpt === 4 && from.endsWith('Q1') ? from.slice(0, 4) : `${from}–${to}`;
    return { round, rounds, period };
  }

  seat(world: number, country: CountryId): Seat {
    const s = this.seats[world]?.find((x) => x.country === country);
    if (!s) throw new Error(`no seat ${country} in world ${world + 1}`);
    return s;
  }

  /** Hand a resolved turn to the next `resolve` event, so it is not computed twice. */
  stage(world: number, r: Resolved): void {
    this.live.set(world, r);
  }

  apply(ev: Ev): void {
    const d = ev.data as Record<string, never>;
    this.lastAt = ev.at;
    switch (ev.type) {
      case 'class': {
        // classes created before an option existed get its default
        this.config = { quartersPerRound: 1, sandbox: false, ...(d.config as Partial<ClassConfig>) } as ClassConfig;
        this.code = d.code as string;
        this.sandbox = this.config.sandbox;
        const content = contentFor(this.config.scenarioId);
        for (let w = 0; w < this.config.worlds; w++) {
          const seed = this.config.sameSeed ? this.config.seed : this.config.seed + w;
          const world = new World(w, content, seed, Math.min(this.config.turns * this.k, content.scenario.turns));
          if (world.content.hash !== d.contentHash) throw new HashMismatch(`class ${this.id}: the content changed since the class was created (${d.contentHash} then, ${world.content.hash} now)`);
          this.worlds.push(world);
          this.rounds.push({ deadline: null, remaining: null });
          this.lastReason.push('');
          this.lastMissed.push([]);
          this.lastIdle.push([]);
          this.seats.push(COUNTRIES.map((c) => ({ world: w, country: c, students: [], captain: null, draft: null, draftBy: null, draftSeq: 0, submitted: null, bot: true, warned: false })));
        }
        break;
      }
      case 'token':
        this.tokens.set(d.hash, { hash: d.hash, role: d.role, student: d.student, expires: d.expires, revoked: false });
        break;
      case 'revoke': {
        const t = this.tokens.get(d.hash);
        if (t) t.revoked = true;
        break;
      }
      case 'join': {
        const st: Student = { id: d.student, label: d.label, world: d.world, country: d.country, sockets: 0, lastSeen: ev.at, since: 0 };
        this.students.set(st.id, st);
        this.place(st, d.world, d.country);
        break;
      }
      case 'move': {
        const st = this.students.get(d.student)!;
        if (!st.away) this.unplace(st);
        st.away = false;
        this.place(st, d.world, d.country);
        break;
      }
      case 'leave': {
        // revoked: the student leaves their seat (a bot plays it if nobody else is there); their tokens are revoked
        // by the `revoke` events before this one
        const st = this.students.get(d.student)!;
        if (!st.away) this.unplace(st);
        st.away = true;
        break;
      }
      case 'recover': {
        const ds = d.deadlines as (number | null)[];
        ds.forEach((t, w) => t !== null && (this.rounds[w].deadline = t));
        this.recovery = { at: typeof d.at === 'number' ? d.at : ev.at, downMs: d.downMs, worlds: ds.flatMap((t, w) => (t === null ? [] : [w])) };
        break;
      }
      case 'ask':
        this.requests.set(d.request, { id: d.request, student: d.student, label: d.label, at: ev.at, state: 'pending' });
        break;
      case 'admit': {
        const r = this.requests.get(d.request);
        if (r) Object.assign(r, { state: d.allow ? 'allowed' : 'refused', decidedAt: ev.at });
        break;
      }
      case 'collect':
        this.requests.delete(d.request);
        break;
      case 'sandbox':
        this.sandbox = d.on as boolean;
        break;
      case 'captain':
        this.seat(d.world, d.country).captain = d.student;
        break;
      case 'start':
      case 'resume':
        this.status = 'running';
        this.unwarn(); // the idle count starts again (roundStart below): a warning from before the pause no longer holds
        (d.deadlines as (number | null)[]).forEach((t, w) => {
          this.rounds[w] = { deadline: t, remaining: null };
          this.roundStart[w] = ev.at;
        });
        break;
      case 'pause':
        this.status = 'paused';
        this.unwarn(); // nothing happens in a pause: "a bot will take this seat soon" would not be true
        for (const r of this.rounds) if (r.deadline !== null) r.remaining = Math.max(0, r.deadline - ev.at);
        break;
      case 'extend':
        this.rounds.forEach((r, w) => {
          if (d.world !== null && d.world !== w) return;
          if (r.deadline !== null) r.deadline += (d.seconds as number) * 1000;
          if (r.remaining !== null) r.remaining += (d.seconds as number) * 1000;
        });
        break;
      case 'draft':
      case 'order': {
        const seat = this.seat(d.world, d.country);
        if (d.turn !== this.worlds[d.world].turn) throw new HashMismatch(`event ${ev.type} for turn ${d.turn + 1} of world ${d.world + 1}, which is at turn ${this.worlds[d.world].turn + 1}`);
        seat.draft = d.orders;
        seat.draftBy = d.student;
        seat.draftSeq++;
        if (ev.type === 'order') (seat.submitted = { orders: d.orders, by: d.student, at: ev.at }), (seat.refused = null);
        this.orderLog.push({ world: d.world, turn: d.turn + 1, country: d.country, student: d.student, at: ev.at, orders: d.orders, kind: ev.type });
        break;
      }
      case 'bot': {
        const seat = this.seat(d.world, d.country);
        seat.bot = d.on;
        seat.warned = false;
        break;
      }
      case 'warn':
        this.seat(d.world, d.country).warned = true;
        break;
      case 'refuse': {
        // an End turn refused (orders not valid): the dashboard says so until an order is taken, that round only
        if (d.turn !== this.worlds[d.world].turn) throw new HashMismatch(`event refuse for turn ${d.turn + 1} of world ${d.world + 1}, which is at turn ${this.worlds[d.world].turn + 1}`);
        this.seat(d.world, d.country).refused = d.turn;
        break;
      }
      case 'resolve':
        this.applyResolve(d, ev.at);
        break;
      case 'end':
        this.status = 'ended';
        this.endedAt = ev.at;
        for (const r of this.rounds) r.deadline = r.remaining = null;
        break;
      default:
        throw new Error(`class ${this.id}: unknown event ${ev.type}`);
    }
  }

  private applyResolve(d: Record<string, never>, at: number): void {
    const w = d.world as number;
    const world = this.worlds[w];
    if (d.turn !== world.turn + 1) throw new HashMismatch(`world ${w + 1}: turn ${d.turn} resolved out of order (the world is at turn ${world.turn})`);
    let r = this.live.get(w);
    this.live.delete(w);
    if (!r || r.hash !== d.hash) r = world.compute(d.orders as Orders);
    if (r.hash !== d.hash) throw new HashMismatch(`world ${w + 1}, turn ${d.turn}: the state hash is ${r.hash}, the log says ${d.hash}`);
    world.push(r);
    // a round's first quarter: who was not in (its later quarters repeat the standing policies, nobody submits)
    if ((d.turn - 1) % this.k === 0) {
      this.lastMissed[w] = this.seats[w].filter((s) => !s.bot && s.students.length > 0 && !this.ready(s)).map((s) => s.country);
      // and whose seat a bot played for idleness (nobody was told afterwards: the digest called the bot's orders "your
      // moves", the dashboard said "all submitted")
      this.lastIdle[w] = this.seats[w].filter((s) => s.bot && s.students.length > 0).map((s) => s.country);
    }
    for (const s of this.seats[w]) {
      s.draft = null;
      s.draftBy = null;
      s.draftSeq++;
      s.submitted = null;
    }
    this.rounds[w] = { deadline: d.deadline, remaining: null };
    this.roundStart[w] = at;
    this.lastReason[w] = d.reason;
    this.resolvedAt.push({ world: w, turn: d.turn, at, reason: d.reason, bots: d.bots, ms: d.ms ?? 0 });
  }

  private unwarn(): void {
    for (const ws of this.seats) for (const s of ws) s.warned = false;
  }

  private place(st: Student, world: number, country: CountryId): void {
    st.world = world;
    st.country = country;
    st.since = this.worlds[world]!.turn;
    const seat = this.seat(world, country);
    seat.students.push(st.id);
    seat.bot = false;
    seat.warned = false;
  }

  private unplace(st: Student): void {
    const seat = this.seat(st.world, st.country);
    seat.students = seat.students.filter((x) => x !== st.id);
    if (seat.captain === st.id) seat.captain = null;
    if (!seat.students.length) seat.bot = true;
  }

  /** Where a new student goes: the world with fewest students, then its country with fewest (playable ones only). */
  placement(): { world: number; country: CountryId } | null {
    const cap = this.config.seatsPerCountry;
    let best: { world: number; country: CountryId; n: number; wn: number } | null = null;
    for (let w = 0; w < this.worlds.length; w++) {
      const wn = this.seats[w].reduce((a, s) => a + s.students.length, 0);
      for (const c of PLACEMENT_ORDER.filter((x) => this.config.countries.includes(x))) {
        const n = this.seat(w, c).students.length;
        if (n >= cap) continue;
        if (!best || n < best.n || (n === best.n && wn < best.wn)) best = { world: w, country: c, n, wn };
      }
    }
    return best && { world: best.world, country: best.country };
  }

  /** The countries of a world still to submit (bot seats count as ready). */
  waitingFor(w: number): CountryId[] {
    return this.seats[w].filter((s) => !s.bot && !this.ready(s)).map((s) => s.country);
  }

  /** Changes made this round and not sent, while one of the seat's students is here (a socket open): such a seat is not
   * idle (hub.ts watched); a student who made changes and left (closed the page) is away, and a bot may take it. */
  draftHeld(s: Seat): boolean {
    return !s.submitted && !!s.draft && holdsSomething(s.draft) && s.students.some((id) => (this.students.get(id)?.sockets ?? 0) > 0);
  }

  /** A seat's decision is in: its captain submitted, or (no captain) anyone did. */
  ready(s: Seat): boolean {
    return !!s.submitted && (s.captain === null || s.submitted.by === s.captain);
  }

  /** Orders for the next turn of a world: submitted ones, bots for bot seats, and for the rest what `missed` says. */
  ordersFor(w: number): { orders: Orders; bots: CountryId[] } {
    const seats = this.seats[w];
    const bots = seats.filter((s) => s.bot || (!s.submitted && this.config.missed === 'bot')).map((s) => s.country);
    const orders = this.worlds[w].botOrders(bots);
    for (const s of seats) {
      if (bots.includes(s.country)) continue;
      if (s.submitted && Object.keys(s.submitted.orders).length) orders[s.country] = s.submitted.orders;
    }
    return { orders, bots };
  }
}

/** Whether a draft holds any order: a value somewhere in it, not only empty lists and records (an investment added
 * and removed again leaves `{ investments: [] }`, which is no change; a review). */
function holdsSomething(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return v !== undefined;
  return Array.isArray(v) ? v.some(holdsSomething) : Object.values(v).some(holdsSomething);
}

/** The quarter `n` quarters after `start` ("2025Q3"). */
export function quarterAfter(start: string, n: number): string {
  const [y, q] = start.split('Q').map(Number);
  const i = q - 1 + n;
  return `${y + Math.floor(i / 4)}Q${(i % 4) + 1}`;
}
