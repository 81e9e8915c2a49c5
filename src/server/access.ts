// Who may get into a class, and for how long: the rule that ends tokens after the class, rejoining by name (the
// teacher's approval when the browser does not hold the seat's token), and the limits on creating classes.
import { randomBytes } from 'node:crypto';
import type { ClassRoom, Student, TokenRecord } from './classroom.ts';
import { hashToken, type Hub, type JoinAnswer } from './hub.ts';
import type { ServerCode, ServerParams, ServerSays } from '../classroom/server-says.ts';

/** An error with the HTTP status it is answered with (the socket answers carry it too), and what a page words in its
 * own language (a code and its values) beside the English message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: ServerCode,
    readonly params?: ServerParams,
  ) {
    super(message);
  }
  /** The answer's body: { error, code, params }. */
  get body(): { error: string } & ServerSays {
    return { error: this.message, code: this.code, ...(this.params ? { params: this.params } : {}) };
  }
}

/** Why a token no longer opens its class: the English message and the code a page words. */
export interface Refusal extends ServerSays { message: string }

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** How long each role's tokens keep working after the class ends (and never past their own expiry, TOKEN_LIFE): the
 * students and the projector have the end screens and the public debrief through the lesson's debrief and a little
 * after; the teacher has the dashboard, the debrief pack and the downloads for a week. */
export const AFTER_END = { seat: 2 * HOUR, projector: 2 * HOUR, teacher: 7 * 24 * HOUR } as const;

/** What a page whose token ran out (TOKEN_LIFE, hub.ts) is told: why, and what to do. */
export const EXPIRED = {
  seat: "your link to this class has expired (a student's link lasts 24 hours from joining): open the class page again and join with the class code and the same name; your teacher will be asked to let you back in",
  projector: "this projector link has expired (it lasts 24 hours): open 'Projector view' again from the teacher's dashboard, which gives a new link",
  teacher: 'this teacher link has expired (it lasts 30 days from the class\'s creation): the class can no longer be run or downloaded from it; create a new class for your next lesson',
} as const;

/** Why a token no longer opens its class, or null while it does. */
export function refusal(cls: ClassRoom, rec: TokenRecord, now: number): Refusal | null {
  if (rec.revoked) return { message: 'your teacher took you out of this seat: join again with the class code and your name, and your teacher will be asked to let you back in', code: 'revokedToken' };
  if (rec.expires <= now) return { message: EXPIRED[rec.role], code: 'expired', params: { role: rec.role } };
  if (cls.endedAt !== null && now >= cls.endedAt + AFTER_END[rec.role]) {
    const h = AFTER_END[rec.role] / HOUR;
    const ended = new Date(cls.endedAt).toISOString().slice(0, 16).replace('T', ' ');
    return { message: `this class ended ${ended} UTC, and ${rec.role === 'seat' ? 'a student\'s' : `the ${rec.role}'s`} link works for ${h >= 24 ? `${h / 24} days` : `${h} hours`} after the end`, code: 'linkOver', params: { role: rec.role, ended, hours: h } };
  }
  return null;
}

/** Run `f` at time `at` of the hub's clock; returns what cancels it. The server uses real timers; tests pass their own
 * clock's (tests/classroom/server.ts), so no test waits for real time. */
export type Schedule = (at: number, f: () => void) => () => void;

/** Real timers on the clock `now` (setTimeout fires at once past 2^31 - 1 ms, 24.8 days: a longer wait is taken in
 * steps, and what runs checks the time). */
export const realSchedule =
  (now: () => number): Schedule =>
  (at, f) => {
    const t = setTimeout(f, Math.min(2 ** 30, Math.max(0, at - now())));
    return () => clearTimeout(t);
  };

/** Run `f` at time `at` of the clock `now`, however far ahead (a schedule may fire early: realSchedule waits at most
 * 2^30 ms, 12 days, at a time, and a teacher's token lives 30 days); returns what cancels it. */
export function scheduleAt(schedule: Schedule, now: () => number, at: number, f: () => void): () => void {
  let cancel = () => {};
  const wait = () => {
    cancel = schedule(at, () => (now() < at ? wait() : f()));
  };
  wait();
  return () => cancel();
}

/** Close the sockets of an ended class when each role's time after the end runs out (AFTER_END: 2 hours for students
 * and the projector, 7 days for the teacher), not just at their next message. One timer per class, for the next of
 * those moments; when it fires, `expire(cls)` closes what no longer opens the class, and the next one is set. */
export class EndTimers {
  private timers = new Map<string, () => void>();
  constructor(
    private schedule: Schedule,
    private now: () => number,
    private expire: (cls: ClassRoom) => void,
  ) {}

  watch(cls: ClassRoom): void {
    this.forget(cls.id);
    if (cls.endedAt === null) return;
    const now = this.now();
    const next = Math.min(...Object.values(AFTER_END).map((ms) => cls.endedAt! + ms).filter((t) => t > now));
    if (!Number.isFinite(next)) return void this.expire(cls);
    this.timers.set(
      cls.id,
      this.schedule(next, () => {
        this.timers.delete(cls.id);
        this.expire(cls);
        this.watch(cls);
      }),
    );
  }

  forget(id: string): void {
    this.timers.get(id)?.();
    this.timers.delete(id);
  }

  clear(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }
}

/** A request to rejoin is forgotten this long after it was made (pending) or decided (its answer not collected). */
export const REQUEST_LIFE = { pending: 10 * MINUTE, decided: 5 * MINUTE } as const;
/** At most this many requests wait in one class, and for one student. */
export const MAX_REQUESTS = { perClass: 20, perStudent: 3 } as const;

/** Forget old requests. */
export function sweepRequests(cls: ClassRoom, now: number): void {
  for (const [id, r] of cls.requests) {
    const age = r.state === 'pending' ? now - r.at : now - (r.decidedAt ?? r.at);
    if (age > (r.state === 'pending' ? REQUEST_LIFE.pending : REQUEST_LIFE.decided)) cls.requests.delete(id);
  }
}

/** A new request to rejoin as `st`, typed as `label`, written to the class's log (its id's hash); the id goes only to
 * the asking page. Throws (status, message) when too many are waiting. */
export async function askToRejoin(hub: Hub, cls: ClassRoom, st: Student, label: string, now: number): Promise<string> {
  sweepRequests(cls, now);
  const pending = [...cls.requests.values()].filter((r) => r.state === 'pending');
  if (pending.length >= MAX_REQUESTS.perClass) throw new HttpError(429, `${MAX_REQUESTS.perClass} requests to rejoin are already waiting for the teacher: wait a minute and try again`, 'tooManyRequests', { n: MAX_REQUESTS.perClass });
  if (pending.filter((r) => r.student === st.id).length >= MAX_REQUESTS.perStudent) throw new HttpError(429, `${MAX_REQUESTS.perStudent} requests to rejoin as ${st.label} are already waiting for the teacher: wait for their answer`, 'tooManyRequestsStudent', { n: MAX_REQUESTS.perStudent, label: st.label });
  const id = randomBytes(18).toString('base64url');
  await hub.emit(cls, 'ask', { request: hashToken(id), student: st.id, label });
  return id;
}

/** The teacher allows or refuses a request (by its dashboard id, the hash), under the class's lock. */
export async function decide(hub: Hub, cls: ClassRoom, id: string, allow: boolean): Promise<void> {
  sweepRequests(cls, hub.now());
  const r = cls.requests.get(id);
  if (!r || r.state !== 'pending') throw new HttpError(404, 'this request to rejoin is no longer waiting (answered, withdrawn, or more than 10 minutes old)', 'requestGone');
  await hub.emit(cls, 'admit', { request: id, allow });
}

/** What the dashboard shows: the requests waiting, oldest first. */
export function pendingRequests(cls: ClassRoom, now: number): { id: string; label: string; student: string; world: number | null; country: string | null; seconds: number }[] {
  return [...cls.requests.values()]
    .filter((r) => r.state === 'pending' && now - r.at <= REQUEST_LIFE.pending)
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
    .map((r) => {
      const st = cls.students.get(r.student)!;
      return { id: r.id, label: st.label, student: st.id, world: st.away ? null : st.world, country: st.away ? null : st.country, seconds: Math.round((now - r.at) / 1000) };
    });
}

/** Joining under the name of a student already in the class (Hub.join, under the class's lock). */
export async function rejoin(hub: Hub, cls: ClassRoom, st: Student, name: string, opts: { token?: string; request?: string }): Promise<JoinAnswer> {
  const now = hub.now();
  const seat = (token: string) => ({ token, classId: cls.id, world: st.world, country: st.country, student: st.id });
  // the browser holds a token of this seat that still works: in at once
  const held = opts.token ? cls.tokens.get(hashToken(opts.token)) : undefined;
  if (held && held.role === 'seat' && held.student === st.id && !st.away && !refusal(cls, held, now)) return seat(opts.token!);
  sweepRequests(cls, now);
  const r = opts.request ? cls.requests.get(hashToken(opts.request)) : undefined;
  if (r && r.student === st.id) {
    if (r.state === 'pending') return { pending: true, request: opts.request!, classId: cls.id, message: `waiting for your teacher to let you back in as ${st.label}`, ...(st.away ? { revoked: true } : {}) };
    // the answer is collected once
    await hub.emit(cls, 'collect', { request: r.id });
    if (r.state === 'refused') throw new HttpError(403, `your teacher did not let you back in as ${st.label}: speak to your teacher, then ask again`, 'rejoinRefused', { label: st.label });
    // allowed: back in the seat (a revoked student in their old one if it has room), the seat's other devices signed out
    if (st.away) {
      const old = cls.seat(st.world, st.country);
      const place = old.students.length < cls.config.seatsPerCountry ? { world: st.world, country: st.country } : cls.placement();
      if (!place) throw new HttpError(409, 'this class is full: ask your teacher to add a world or seats', 'classFull');
      await hub.emit(cls, 'move', { student: st.id, world: place.world, country: place.country });
    }
    await hub.revokeTokens(cls, st.id);
    const token = await hub.issue(cls, 'seat', st.id);
    hub.listener.changed(cls);
    return seat(token);
  }
  if (st.sockets > 0) throw new HttpError(409, `someone called ${name} is in this class and connected; choose another name, or ask your teacher`, 'nameConnected', { name });
  const request = await askToRejoin(hub, cls, st, name, now);
  hub.listener.changed(cls);
  return { pending: true, request, classId: cls.id, message: `waiting for your teacher to let you back in as ${st.label}`, ...(st.away ? { revoked: true } : {}) };
}

// ---- creating classes ----

export interface CreateLimits {
  /** classes one client address may create in an hour */
  perHour: number;
  /** classes not ended (and with an event in the last day) this process runs at most */
  maxLive: number;
}

export const DEFAULT_CREATE_LIMITS: CreateLimits = { perHour: 20, maxLive: 200 };

/** Read CLASS_CREATE_PER_HOUR and MAX_LIVE_CLASSES; throws naming the variable on a bad value. */
export function parseCreateLimits(env: Record<string, string | undefined>): CreateLimits {
  const one = (name: string, dflt: number) => {
    const v = env[name];
    if (v === undefined || v.trim() === '') return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new Error(`${name} must be a whole number from 1 to 1000000, found ${JSON.stringify(v)}`);
    return n;
  };
  return { perHour: one('CLASS_CREATE_PER_HOUR', DEFAULT_CREATE_LIMITS.perHour), maxLive: one('MAX_LIVE_CLASSES', DEFAULT_CREATE_LIMITS.maxLive) };
}

/** A class counts as live until it ends, or after a day without an event (left in its lobby, say). */
export const isLive = (cls: ClassRoom, now: number) => cls.status !== 'ended' && now - cls.lastAt < 24 * HOUR;

/** Counts class creations by client address, an hour at a time. Only classes actually created count: a request
 * refused for its options (a typo in the form) or for a limit does not use up the address's allowance. */
export class CreateGate {
  private recent = new Map<string, number[]>();
  constructor(readonly limits: CreateLimits) {}

  /** Throws (status, message) when this address or this process is at its limit; else holds one of the address's
   * creations for this request and returns `release`, to be called if the class is not created after all (so two
   * requests at once cannot both take the last one). */
  take(ip: string, live: number, now: number): () => void {
    if (live >= this.limits.maxLive) throw new HttpError(503, `this server already runs ${live} live classes, its limit (MAX_LIVE_CLASSES=${this.limits.maxLive}): end a class, or try again later`, 'tooManyLive', { live, max: this.limits.maxLive });
    const times = (this.recent.get(ip) ?? []).filter((t) => now - t < HOUR);
    if (times.length >= this.limits.perHour) {
      const wait = Math.max(1, Math.ceil((times[0] + HOUR - now) / MINUTE));
      this.recent.set(ip, times);
      throw new HttpError(429, `this address created ${times.length} classes in the last hour, the limit (CLASS_CREATE_PER_HOUR=${this.limits.perHour}): try again in ${wait} minute${wait === 1 ? '' : 's'}`, 'createRate', { n: times.length, max: this.limits.perHour, minutes: wait });
    }
    times.push(now);
    this.recent.set(ip, times);
    // forget addresses whose hour is over, now and then
    if (this.recent.size > 10_000) for (const [k, v] of this.recent) if (!v.some((t) => now - t < HOUR)) this.recent.delete(k);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      const list = this.recent.get(ip);
      const i = list?.lastIndexOf(now) ?? -1;
      if (list && i >= 0) list.splice(i, 1);
    };
  }
}
