// Every class this server runs: creation, joining, tokens, the round clock and idle seats, turn resolution. Each change
// to a class runs under that class's lock and is written to the store before it takes effect (ClassRoom.apply).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { CountryId } from '../../engine/index.ts';
import { ClassRoom, type Ev, type TokenRecord } from './classroom.ts';
import { ClassConfigSchema, type ClassConfig } from './config.ts';
import { contentFor } from './content.ts';
import { LeaseLost, type Store } from './store.ts';
import type { ServerCode, ServerParams } from '../classroom/server-says.ts';
import { EndTimers, HttpError, realSchedule, refusal, rejoin, type Schedule } from './access.ts';
import { resolveRound } from './rounds.ts';
import { HEARTBEAT_MS, recoveredDeadlines } from './recovery.ts';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no I, O, 0, 1
const HOUR = 3600_000;
export const TOKEN_LIFE = { teacher: 30 * 24 * HOUR, projector: 24 * HOUR, seat: 24 * HOUR } as const;

export const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');
const newToken = (role: string) => `${role[0]}_${randomBytes(24).toString('base64url')}`;

export { HttpError, type Schedule };

/** A join's answer: a seat and its token, or (rejoining by name without the seat's token) a request waiting for the
 * teacher, which the page sends again until it is answered. */
export type JoinAnswer = { token: string; classId: string; world: number; country: CountryId; student: string } | { pending: true; request: string; classId: string; message: string; revoked?: boolean };

/** What a hub tells the socket layer: a class changed (push new state), a world resolved (answer waiting submits). */
export interface HubListener {
  changed(cls: ClassRoom): void;
  resolved(cls: ClassRoom, world: number): void;
  revoked(hash: string): void;
  /** the class moved to another process: close its sockets */
  dropped?(cls: ClassRoom): void;
  /** a role's time after the class's end is over: close the sockets whose token no longer opens the class */
  expired?(cls: ClassRoom): void;
}

export class Hub {
  readonly classes = new Map<string, ClassRoom>();
  private byCode = new Map<string, string>();
  private byToken = new Map<string, string>();
  private seq = new Map<string, number>();
  private locks = new Map<string, Promise<unknown>>();
  private joins = new Map<string, number[]>();
  private timer: NodeJS.Timeout | null = null;
  listener: HubListener = { changed() {}, resolved() {}, revoked() {} };
  /** resolution times of the last turns, ms (the load benchmark reads them) */
  readonly resolveMs: number[] = [];

  constructor(
    readonly store: Store,
    readonly now: () => number = Date.now,
    schedule?: Schedule,
  ) {
    this.schedule = schedule ?? realSchedule(now);
    this.ends = new EndTimers(this.schedule, now, (cls) => this.classes.get(cls.id) === cls && this.listener.expired?.(cls));
  }

  /** the server's timers, on its clock (tests pass their own: tests/classroom/server.ts) */
  readonly schedule: Schedule;

  /** closes the sockets of ended classes when each role's time after the end runs out (access.ts) */
  private readonly ends: EndTimers;

  /** Rebuild every class from its events (turns re-resolved, hashes checked). */
  /** Classes whose log did not replay (content or engine changed, or a damaged log): left out, with the reason. */
  readonly unrestored: { id: string; error: string }[] = [];

  async restore(only?: string[]): Promise<{ classes: number; events: number; turns: number }> {
    let n = 0;
    let turns = 0;
    for (const id of only ?? (await this.store.listClasses()).map((c) => c.id)) {
      const r = await this.load(id);
      n += r.events;
      turns += r.turns;
    }
    return { classes: this.classes.size, events: n, turns };
  }

  /** Rebuild one class from its log (a restart, or taking over the class of a server process that died). */
  async load(id: string): Promise<{ events: number; turns: number }> {
    if (this.classes.has(id)) return { events: 0, turns: 0 };
    const cls = new ClassRoom(id);
    const evs = await this.store.events(id);
    if (evs.length === 0) return { events: 0, turns: 0 }; // a class being created right now (its row before its log)
    try {
      for (const e of evs) cls.apply({ type: e.type, data: e.data as Record<string, unknown>, at: e.at });
    } catch (e) {
      if (!this.unrestored.some((u) => u.id === id)) this.unrestored.push({ id, error: (e as Error).message });
      return { events: 0, turns: 0 };
    }
    if (this.classes.has(id)) return { events: 0, turns: 0 }; // loaded meanwhile by another request
    for (const e of evs) this.index(cls, e.type, e.data as Record<string, unknown>);
    // idle time starts again at the restart: a server that was down must not hand every seat to a bot
    for (const st of cls.students.values()) st.lastSeen = this.now();
    this.seq.set(id, evs.length);
    this.classes.set(id, cls);
    this.byCode.set(cls.code, id);
    if (cls.endedAt !== null) this.ends.watch(cls);
    // rounds the outage left with (nearly) no time get some back
    const rec = cls.status === 'running' ? recoveredDeadlines(cls, this.now(), await this.store.aliveAt(id)) : null;
    if (rec) await this.lock(cls, () => this.emit(cls, 'recover', rec)).catch(() => undefined);
    return { events: evs.length, turns: cls.worlds.reduce((a, w) => a + w.turn, 0) };
  }

  /** Forget a class this process no longer owns (another process took it over): its sockets are closed, and their
   * clients reconnect to the new owner. */
  drop(id: string, why: string): void {
    const cls = this.classes.get(id);
    if (!cls) return;
    this.classes.delete(id);
    this.byCode.delete(cls.code);
    for (const h of cls.tokens.keys()) this.byToken.delete(h);
    this.seq.delete(id);
    this.ends.forget(id);
    console.error(`class ${cls.code} left this process: ${why}`);
    this.listener.dropped?.(cls);
  }

  hasCode(code: string): boolean {
    return this.byCode.has(code.trim().toUpperCase());
  }

  /** Whether this process runs the class a token opens (valid or not). */
  knowsToken(token: unknown): boolean {
    return typeof token === 'string' && this.byToken.has(hashToken(token));
  }

  private index(cls: ClassRoom, type: string, d: Record<string, unknown>): void {
    if (type === 'token') this.byToken.set(d.hash as string, cls.id);
  }

  /** Run `f` alone for this class: no two changes to one class interleave. */
  lock<T>(cls: ClassRoom, f: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(cls.id) ?? Promise.resolve();
    const next = prev.then(f, f);
    this.locks.set(
      cls.id,
      next.catch(() => undefined),
    );
    return next;
  }

  /** Apply an event and queue it for the log; the promise resolves once it is written (answer no one before). Events
   * are written in the order they happen, so the log is always a prefix of what was applied; a write that fails stops
   * the server (a restart replays the log, and nobody was told of what was not written). */
  emit(cls: ClassRoom, type: string, data: Record<string, unknown>): Promise<void> {
    const seq = (this.seq.get(cls.id) ?? 0) + 1;
    const at = this.now();
    const ev: Ev = { type, data, at };
    cls.apply(ev); // throws before anything is written if the event does not fit
    this.seq.set(cls.id, seq);
    this.index(cls, type, data);
    if (type === 'end') this.ends.watch(cls);
    const written = this.store.append(cls.id, seq, type, data, at).catch((e) => {
      if (e instanceof LeaseLost) this.drop(cls.id, e.message);
      else {
        console.error(`the class log could not be written (${(e as Error).message}); stopping so that a restart replays the log`);
        this.onWriteError(e);
      }
      throw e;
    });
    this.lastWrite = written.catch(() => undefined);
    return written;
  }

  private lastWrite: Promise<void> = Promise.resolve();
  /** Resolves when everything emitted so far is written. */
  durable(): Promise<void> {
    return this.lastWrite;
  }
  onWriteError: (e: unknown) => void = () => process.exit(70);

  async issue(cls: ClassRoom, role: TokenRecord['role'], student?: string): Promise<string> {
    const token = newToken(role);
    await this.emit(cls, 'token', { hash: hashToken(token), role, ...(student ? { student } : {}), expires: this.now() + TOKEN_LIFE[role] });
    return token;
  }

  async createClass(input: unknown): Promise<{ classId: string; code: string; teacherToken: string; projectorToken: string; config: ClassConfig }> {
    const p = ClassConfigSchema.safeParse(input ?? {});
    if (!p.success) throw new HttpError(400, `class options: ${p.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}`, ...optionSays(p.error.issues[0]));
    const config = p.data;
    let content;
    try {
      content = contentFor(config.scenarioId);
    } catch (e) {
      throw new HttpError(400, `class options: scenarioId: ${(e as Error).message}`, 'option', { field: 'scenarioId' });
    }
    if (config.turns * config.quartersPerRound > content.scenario.turns)
      throw new HttpError(400, `class options: turns: ${config.turns} rounds of ${config.quartersPerRound} quarters is ${config.turns * config.quartersPerRound} turns, and the scenario has ${content.scenario.turns}; at most ${Math.floor(content.scenario.turns / config.quartersPerRound)} rounds`, 'tooManyRounds', { field: 'turns', rounds: config.turns, quarters: config.quartersPerRound, turns: config.turns * config.quartersPerRound, scenarioTurns: content.scenario.turns, max: Math.floor(content.scenario.turns / config.quartersPerRound) });
    let code = '';
    do code = Array.from(randomBytes(6), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
    while (this.byCode.has(code));
    const id = randomUUID();
    await this.store.createClass(id, code, this.now());
    const cls = new ClassRoom(id);
    this.classes.set(id, cls);
    this.byCode.set(code, id);
    return this.lock(cls, async () => {
      await this.emit(cls, 'class', { config, code, contentHash: content.hash });
      const teacherToken = await this.issue(cls, 'teacher');
      const projectorToken = await this.issue(cls, 'projector');
      this.listener.changed(cls);
      return { classId: id, code, teacherToken, projectorToken, config };
    });
  }

  /** Join by code and name. A new name gets a seat. The name of a student already in the class gets that seat back at
   * once only with the seat's own token (`token`: the browser kept it); otherwise it asks the teacher, and the page
   * sends the request's id again (`request`) until the teacher has answered (access.ts). */
  async join(code: string, label: string, ip: string, opts: { token?: string; request?: string } = {}): Promise<JoinAnswer> {
    const t = this.now();
    // wrong codes are counted by address: 20 a minute, then 429 until the minute is up
    const recent = (this.joins.get(ip) ?? []).filter((x) => t - x < 60_000);
    this.joins.set(ip, recent);
    if (recent.length >= 20) throw new HttpError(429, 'too many wrong codes from this address; wait a minute and try again', 'tooManyWrongCodes');
    const id = this.byCode.get(code.trim().toUpperCase());
    const cls = id ? this.classes.get(id) : undefined;
    if (!cls) {
      recent.push(t);
      throw new HttpError(404, 'no class has that code: check it with your teacher', 'noClass');
    }
    if (cls.status === 'ended') throw new HttpError(409, 'this class has ended', 'classEnded');
    return this.lock(cls, async () => {
      const name = label.trim();
      const same = [...cls.students.values()].find((s) => s.label.toLowerCase() === name.toLowerCase());
      if (same) return rejoin(this, cls, same, name, opts);
      const place = cls.placement();
      if (!place) throw new HttpError(409, 'this class is full: ask your teacher to add a world or seats', 'classFull');
      const student = `s${cls.students.size + 1}`;
      await this.emit(cls, 'join', { student, label: name, world: place.world, country: place.country });
      const token = await this.issue(cls, 'seat', student);
      this.listener.changed(cls);
      return { token, classId: cls.id, world: place.world, country: place.country, student };
    });
  }

  /** The class and token record a token opens, or a 401. */
  auth(token: unknown): { cls: ClassRoom; rec: TokenRecord } {
    if (typeof token !== 'string' || token.length > 200) throw new HttpError(401, 'no token', 'noToken');
    const hash = hashToken(token);
    const cls = this.classes.get(this.byToken.get(hash) ?? '');
    const rec = cls?.tokens.get(hash);
    if (!cls || !rec) throw new HttpError(401, 'this link or seat is not known here', 'unknownToken');
    const why = refusal(cls, rec, this.now());
    if (why) throw new HttpError(401, why.message, why.code, why.params);
    return { cls, rec };
  }

  /** Revoke every token a student holds (every device), and close their sockets. */
  async revokeTokens(cls: ClassRoom, student: string): Promise<number> {
    const hashes = [...cls.tokens.values()].filter((t) => t.student === student && !t.revoked).map((t) => t.hash);
    for (const hash of hashes) {
      await this.emit(cls, 'revoke', { hash });
      this.listener.revoked(hash);
    }
    return hashes.length;
  }

  /** The teacher revokes a student: every token of theirs stops working, their sockets close, and they leave their seat
   * (a bot plays it if nobody else does). Coming back under that name needs the teacher's approval (`rejoin`). */
  async revokeStudent(cls: ClassRoom, student: string): Promise<number> {
    const n = await this.revokeTokens(cls, student);
    if (!cls.students.get(student)?.away) await this.emit(cls, 'leave', { student });
    return n;
  }

  // ---- the round clock ----

  async begin(cls: ClassRoom): Promise<void> {
    if (cls.status !== 'lobby') throw new HttpError(409, `the class has already ${cls.status === 'ended' ? 'ended' : 'started'}`, cls.status === 'ended' ? 'alreadyEnded' : 'alreadyStarted');
    const t = this.now() + cls.config.roundSeconds * 1000;
    await this.emit(cls, 'start', { deadlines: cls.worlds.map((w) => (w.over ? null : t)) });
  }

  async pause(cls: ClassRoom): Promise<void> {
    if (cls.status !== 'running') throw new HttpError(409, 'the class is not running', 'notRunning');
    await this.emit(cls, 'pause', {});
  }

  async resume(cls: ClassRoom): Promise<void> {
    if (cls.status !== 'paused') throw new HttpError(409, 'the class is not paused', 'notPaused');
    const t = this.now();
    await this.emit(cls, 'resume', { deadlines: cls.rounds.map((r, w) => (cls.worlds[w].over ? null : t + (r.remaining ?? cls.config.roundSeconds * 1000))) });
    for (let w = 0; w < cls.worlds.length; w++) await this.maybeResolve(cls, w);
  }

  /** Resolve a world's round if every seat is in (not while paused). */
  async maybeResolve(cls: ClassRoom, w: number): Promise<void> {
    // a world of bots only keeps to the clock; one with students resolves as soon as every seat is in
    if (cls.status === 'running' && !cls.worlds[w].over && cls.waitingFor(w).length === 0 && cls.seats[w].some((s) => !s.bot)) await this.resolve(cls, w, 'all-submitted');
  }

  /** End a world's round (rounds.ts). */
  resolve(cls: ClassRoom, w: number, reason: string): Promise<void> {
    return resolveRound(this, cls, w, reason);
  }

  private lastBeat = -Infinity;
  /** Write the heartbeat of the classes whose round runs (recovery.ts). */
  beat(): Promise<void> {
    this.lastBeat = this.now();
    const ids = [...this.classes.values()].filter((c) => c.status === 'running').map((c) => c.id);
    return this.store.alive(ids, this.lastBeat).catch((e) => console.error('heartbeat:', (e as Error).message));
  }

  /** Deadlines and idle seats: called every half second (and the heartbeat every HEARTBEAT_MS). */
  async tick(): Promise<void> {
    const t = this.now();
    if (t - this.lastBeat >= HEARTBEAT_MS) void this.beat();
    for (const cls of this.classes.values()) {
      if (cls.status !== 'running') continue;
      const due = cls.rounds.some((r, w) => r.deadline !== null && r.deadline <= t && !cls.worlds[w].over);
      const grace = cls.config.idleGraceSeconds * 1000;
      const idle = grace > 0 && cls.seats.some((ws) => ws.some((s) => this.watched(cls, s) && this.idleMs(cls, s) > grace * 0.6));
      if (!due && !idle) continue;
      await this.lock(cls, async () => {
        const now = this.now();
        for (let w = 0; w < cls.worlds.length; w++) {
          if (cls.worlds[w].over || cls.status !== 'running') continue;
          // a round past its deadline ends on the clock (a seat still out gets the class's default, not a bot)
          const r = cls.rounds[w];
          if (r.deadline !== null && r.deadline <= now) {
            await this.resolve(cls, w, 'clock');
            continue;
          }
          for (const s of cls.seats[w]) {
            if (!this.watched(cls, s) || grace <= 0) continue;
            const ms = this.idleMs(cls, s);
            if (ms > grace) await this.emit(cls, 'bot', { world: w, country: s.country, on: true, reason: 'idle' });
            else if (ms > grace * 0.6 && !s.warned) await this.emit(cls, 'warn', { world: w, country: s.country, seconds: Math.round((grace - ms) / 1000) });
            else continue;
            this.listener.changed(cls);
          }
          await this.maybeResolve(cls, w);
        }
      });
    }
  }

  /** A seat whose idleness counts: played by students, not yet in for this round, and not held by a draft of this
   * round's with its student still here (drafts are cleared as a round resolves; ClassRoom.draftHeld). A student who
   * has made their moves and is reading, or waiting to talk them over, is not away: a bot took such seats and the
   * drafts were lost unseen, and the round ended early once bots filled the seats still out (a classroom
   * walkthrough). Such a seat waits for End turn or the clock, whose warning says the draft counts only once sent. */
  private watched(cls: ClassRoom, s: ClassRoom['seats'][number][number]): boolean {
    return !s.bot && s.students.length > 0 && !s.submitted && !cls.draftHeld(s);
  }

  /** How long a seat's students have been idle this round (waiting for the last round to end does not count). */
  private idleMs(cls: ClassRoom, s: ClassRoom['seats'][number][number]): number {
    const t = this.now();
    const from = cls.roundStart[s.world] ?? 0;
    return Math.min(...s.students.map((id) => t - Math.max(from, cls.students.get(id)?.lastSeen ?? t)));
  }

  /** A student did something: the idle clock restarts, and a seat a bot took over for idleness comes back. */
  async active(cls: ClassRoom, student: string): Promise<void> {
    const st = cls.students.get(student);
    if (!st) return;
    st.lastSeen = this.now();
    const seat = cls.seat(st.world, st.country);
    if (seat.bot || seat.warned) {
      await this.lock(cls, async () => {
        if (seat.bot) await this.emit(cls, 'bot', { world: st.world, country: st.country, on: false, reason: 'back' });
        else if (seat.warned) seat.warned = false;
        this.listener.changed(cls);
      });
    }
  }

  startClock(ms = 500): void {
    this.timer ??= setInterval(() => void this.tick().catch((e) => console.error('clock:', e)), ms);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.ends.clear();
    await Promise.all([...this.locks.values()]);
    await this.lastWrite;
    // a clean stop: the rounds stopped now, not at the last heartbeat
    await this.beat();
  }
}

/** A refused class option's code and values: the option's name (the form says it with its label) and its bound. */
function optionSays(i: { path: PropertyKey[]; code: string; minimum?: unknown; maximum?: unknown } | undefined): [ServerCode, ServerParams] {
  const field = i?.path.map(String).join('.') || 'options';
  if (i?.code === 'too_small' && typeof i.minimum === 'number') return ['optionMin', { field, min: i.minimum }];
  if (i?.code === 'too_big' && typeof i.maximum === 'number') return ['optionMax', { field, max: i.maximum }];
  return ['option', { field }];
}
