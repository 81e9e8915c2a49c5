// The classroom's websocket protocol. A client's first message is {hello: token}; then requests {id, method, args},
// answered {id, ok, value} or {id, ok: false, error}; a submit is first acknowledged {id, ack: true} once the order is
// written, and answered when its world resolves the turn. Pushes are {push: kind, value}. Each role may call only its
// own methods, every message is checked (zod, then the engine's order rules), a revoked token closes its sockets, and
// each connection may send at most MESSAGE_RATE messages (the excess is answered `too many messages`, not processed).
import type { WebSocket } from 'ws';
import { validateOrders, type CountryId, type CountryOrders } from '../../engine/index.ts';
import { HelloSchema, METHOD_ARGS, PROJECTOR_METHODS, RequestSchema, STUDENT_METHODS, TEACHER_METHODS, zodLine, type Method } from './config.ts';
import { HttpError, TOKEN_LIFE, hashToken, type Hub, type HubListener } from './hub.ts';
import type { ClassRoom, TokenRecord } from './classroom.ts';
import { projectorState, seatStatus, teacherState } from './views.ts';
import { studentCall } from './student.ts';
import { debriefFor, publicDebrief } from './debrief.ts';
import { briefingsFor } from './briefings.ts';
import { decide, refusal, scheduleAt, type Refusal } from './access.ts';
import type { ServerSays } from '../classroom/server-says.ts';
import { moveStudent } from './seating.ts';
import { activeWhatIf, classSnapshot, dropSandboxes, submitWhatIf } from './sandbox.ts';

export interface Conn {
  ws: WebSocket;
  cls?: ClassRoom;
  rec?: TokenRecord;
  student?: string;
  /** the connection's message allowance (a token bucket): how many it may send now, and when that was counted */
  bucket: { left: number; at: number };
  /** cancels the timer that closes the socket when its token expires */
  unwatch?: () => void;
}

const MAX_MESSAGE = 256 * 1024;
/** Messages one connection may send: a burst of 200, refilled at 50 a second. A class screen sends a few a second at
 * most (a student editing orders: one `validate` an edit, so a held arrow key on a number field, some 30 a second,
 * stays under it; `active` at most every 5 s), so only a runaway or hostile client meets it; its extra messages are answered `too many messages` and not processed. */
export const MESSAGE_RATE = { perSecond: 50, burst: 200 } as const;

export class Sockets implements HubListener {
  readonly conns = new Set<Conn>();
  private pending = new Map<string, { conn: Conn; id: number; acked: boolean }[]>();
  private dirty = new Set<ClassRoom>();
  private flushing: NodeJS.Timeout | null = null;

  constructor(private hub: Hub) {
    hub.listener = this;
  }

  /** Serve a socket; `early`: messages it sent before it was handed here (cluster.ts reads the hello to route it). */
  attach(ws: WebSocket, early: string[] = []): void {
    const conn: Conn = { ws, bucket: { left: MESSAGE_RATE.burst, at: this.hub.now() } };
    this.conns.add(conn);
    ws.on('message', (buf: Buffer, isBinary: boolean) => void this.onMessage(conn, isBinary ? '' : buf.toString('utf8'), buf.length));
    for (const text of early) void this.onMessage(conn, text, Buffer.byteLength(text));
    ws.on('close', () => {
      this.conns.delete(conn);
      conn.unwatch?.();
      if (conn.student && conn.cls) {
        const st = conn.cls.students.get(conn.student);
        if (st) {
          st.sockets = Math.max(0, st.sockets - 1);
          st.lastSeen = this.hub.now();
        }
        this.changed(conn.cls);
      }
    });
  }

  private send(conn: Conn, msg: unknown): void {
    if (conn.ws.readyState === 1) conn.ws.send(JSON.stringify(msg));
  }

  /** Whether the connection may send one more message now (and count it). */
  private allow(conn: Conn): boolean {
    const b = conn.bucket;
    const now = this.hub.now();
    b.left = Math.min(MESSAGE_RATE.burst, b.left + (Math.max(0, now - b.at) * MESSAGE_RATE.perSecond) / 1000);
    b.at = now;
    if (b.left < 1) return false;
    b.left -= 1;
    return true;
  }

  private async onMessage(conn: Conn, text: string, size: number): Promise<void> {
    if (!this.allow(conn)) {
      // answered without parsing the message: its id read from the start, where the class client puts it
      const id = /^\s*\{\s*"id"\s*:\s*(\d{1,15})\s*,/.exec(text.slice(0, 40))?.[1];
      return this.send(conn, { ...(id ? { id: Number(id) } : {}), ok: false, status: 429, error: `too many messages: at most ${MESSAGE_RATE.perSecond} a second (${MESSAGE_RATE.burst} at once) on one connection; this one was not processed`, code: 'tooFast', params: { perSecond: MESSAGE_RATE.perSecond, burst: MESSAGE_RATE.burst } });
    }
    if (size > MAX_MESSAGE) return this.send(conn, { ok: false, error: `message too large (${size} bytes; at most ${MAX_MESSAGE})`, code: 'tooLarge', params: { size, max: MAX_MESSAGE } });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.send(conn, { ok: false, error: 'the message is not JSON', code: 'notJson' });
    }
    if (!conn.rec) return this.hello(conn, json);
    const req = RequestSchema.safeParse(json);
    if (!req.success) return this.send(conn, { ok: false, error: `bad request: ${zodLine(req.error)}`, code: 'badRequest' });
    const { id, method, args } = req.data;
    const reply = (r: { ok: true; value: unknown } | ({ ok: false; error: string; status?: number; issues?: unknown } & Partial<ServerSays>)) => this.send(conn, { id, ...r });
    const rec = conn.cls!.tokens.get(conn.rec.hash)!;
    const why = refusal(conn.cls!, rec, this.hub.now());
    if (why) {
      reply({ ok: false, status: 401, ...said(why) });
      return conn.ws.close(4401, 'token no longer valid');
    }
    const allowed = rec.role === 'teacher' ? TEACHER_METHODS : rec.role === 'projector' ? PROJECTOR_METHODS : STUDENT_METHODS;
    if (!(method in METHOD_ARGS) && method !== 'active') return reply({ ok: false, status: 400, error: `no method ${JSON.stringify(method.slice(0, 40))}`, code: 'noMethod', params: { method: method.slice(0, 40) } });
    if (method === 'active') {
      if (rec.role === 'seat') await this.hub.active(conn.cls!, conn.student!);
      return reply({ ok: true, value: null });
    }
    if (!allowed.has(method as Method)) return reply({ ok: false, status: 403, error: `a ${rec.role} token cannot call ${method}`, code: 'notAllowed', params: { role: rec.role, method } });
    const a = METHOD_ARGS[method as Method].safeParse(args);
    if (!a.success) return reply({ ok: false, status: 400, error: `${method}: ${zodLine(a.error)}`, code: 'badArgs', params: { method } });
    try {
      if (rec.role === 'seat') {
        await this.hub.active(conn.cls!, conn.student!);
        if (method === 'submit') return await this.submit(conn, id, a.data as [CountryOrders, number?]);
        return reply({ ok: true, value: await studentCall(this.hub, conn.cls!, conn.student!, method as Method, a.data as unknown[]) });
      }
      if (rec.role === 'projector') return reply({ ok: true, value: method === 'state' ? projectorState(conn.cls!, this.hub.now()) : publicDebrief(await debriefFor(conn.cls!)) });
      return reply({ ok: true, value: await this.teacherCall(conn.cls!, method as Method, a.data as unknown[]) });
    } catch (e) {
      reply({ ok: false, ...failure(e) });
    }
  }

  private hello(conn: Conn, json: unknown): void {
    const h = HelloSchema.safeParse(json);
    if (!h.success) {
      this.send(conn, { ok: false, status: 401, error: 'say hello with a token first: {"hello": TOKEN}', code: 'hello' });
      return conn.ws.close(4401, 'no token');
    }
    try {
      const { cls, rec } = this.hub.auth(h.data.hello);
      conn.cls = cls;
      conn.rec = rec;
      if (rec.role === 'seat') {
        conn.student = rec.student;
        const st = cls.students.get(rec.student!)!;
        st.sockets++;
        st.lastSeen = this.hub.now();
      }
      // closed when its token expires (24 hours for students and the projector), not left open on an expired token
      conn.unwatch = scheduleAt(this.hub.schedule, this.hub.now, rec.expires, () => this.signOut(conn));
      this.send(conn, { hello: { role: rec.role, classId: cls.id, code: cls.code, student: conn.student ?? null } });
      this.changed(cls);
    } catch (e) {
      this.send(conn, { ok: false, ...failure(e) });
      conn.ws.close(4401, 'token refused');
    }
  }

  private async submit(conn: Conn, id: number, [orders, turn]: [CountryOrders, number?]): Promise<void> {
    const cls = conn.cls!;
    const st = cls.students.get(conn.student!)!;
    const w = st.world;
    const world = cls.worlds[w];
    const fail = (error: string, says: ServerSays | null, issues?: unknown) => this.send(conn, { id, ok: true, value: { ok: false, error, ...says, ...(issues ? { issues } : {}) } });
    // on a what-if timeline (a sandbox), the round is the student's own and resolves at once
    const tl = cls.sandbox ? activeWhatIf(cls, st.id) : null;
    if (tl) return void this.send(conn, { id, ok: true, value: submitWhatIf(cls, st, tl, orders) });
    await this.hub.lock(cls, async () => {
      if (cls.status === 'lobby') return fail('the class has not started yet: wait for your teacher', { code: 'notStarted' });
      if (cls.status === 'ended' || world.over) return fail('the game is over', { code: 'gameOver' });
      if (turn !== undefined && turn !== world.turn) return fail(`this round has ended: your orders were for turn ${turn + 1}, and the world is at turn ${world.turn + 1}`, { code: 'roundOver', params: { turn: turn + 1, now: world.turn + 1 } });
      const v = validateOrders(world.content, world.state, { [st.country]: orders });
      const seat = cls.seat(w, st.country);
      if (!v.ok) {
        // in the class's log, so the dashboard's "refused" outlives a restart (the 'order' taken next clears it)
        if (seat.refused !== world.turn) void this.hub.emit(cls, 'refuse', { world: w, turn: world.turn, country: st.country }).catch(() => undefined);
        this.changed(cls);
        return fail('some orders are not valid', null, v.issues);
      }
      const written = this.hub.emit(cls, 'order', { world: w, turn: world.turn, country: st.country, orders, student: st.id });
      const entry = { conn, id, acked: false };
      const key = `${cls.id}:${w}`;
      this.pending.set(key, [...(this.pending.get(key) ?? []), entry]);
      // acknowledged once written (and before the turn's answer, which waits for its own event to be written)
      void written.then(() => {
        if (!entry.acked) this.send(conn, { id, ack: true });
        entry.acked = true;
      });
      this.changed(cls);
      await this.hub.maybeResolve(cls, w);
    });
  }

  private async teacherCall(cls: ClassRoom, method: Method, args: unknown[]): Promise<unknown> {
    const hub = this.hub;
    const locked = (f: () => Promise<void>) =>
      hub.lock(cls, async () => {
        await f();
        this.changed(cls);
        return teacherState(cls, hub.now());
      });
    switch (method) {
      case 'state':
        return teacherState(cls, hub.now());
      case 'scenarios':
        return (await import('./content.ts')).scenarioList();
      case 'begin':
        return locked(() => hub.begin(cls));
      case 'pause':
        return locked(() => hub.pause(cls));
      case 'resume':
        return locked(() => hub.resume(cls));
      case 'extend':
        return locked(async () => {
          if (cls.status !== 'running' && cls.status !== 'paused') throw new HttpError(409, 'the class is not running', 'notRunning');
          await hub.emit(cls, 'extend', { seconds: args[0], world: args[1] });
        });
      case 'endRound':
        return locked(async () => {
          if (cls.status !== 'running') throw new HttpError(409, cls.status === 'paused' ? 'the class is paused: resume it first' : 'the class is not running', cls.status === 'paused' ? 'pausedResumeFirst' : 'notRunning');
          const seen = args[1] as number[] | undefined;
          let ended = 0;
          let moved: number | null = null;
          for (let w = 0; w < cls.worlds.length; w++) {
            if (args[0] !== null && args[0] !== w) continue;
            if (seen?.[w] !== undefined && seen[w] !== cls.worlds[w].turn) moved ??= w; // moved on (or over) since
            else if (!cls.worlds[w].over) (await hub.resolve(cls, w, 'teacher'), ended++); // a world over has none to end
          }
          // every round asked about ended on its own (its last student sent while the teacher's confirm was open):
          // nothing ended now, and said, not the next round ended unseen (rounds as the class counts them: k quarters)
          if (!ended && moved !== null) {
            const [was, now] = [Math.floor(seen![moved]! / cls.k) + 1, cls.roundOf(moved).round];
            throw new HttpError(409, `round ${was} of world ${moved + 1} already ended: the world is at round ${now}, and nothing was ended`, 'roundAlreadyEnded', { round: was, world: moved + 1, now });
          }
        });
      case 'move':
        // into a seat with room, or a swap with a student of a full seat (seating.ts); a full seat is never overfilled
        return locked(async () => {
          const [student, w, c, swapWith] = args as [string, number, CountryId, string?];
          for (const m of await moveStudent(hub, cls, student, w, c, swapWith))
            for (const conn of this.conns) if (conn.student === m.student && conn.cls === cls) this.send(conn, { push: 'moved', value: { world: m.world, country: m.country } });
        });
      case 'captain':
        return locked(async () => {
          const [w, c, student] = args as [number, CountryId, string | null];
          if (w >= cls.worlds.length) throw new HttpError(400, `no world ${w + 1}`, 'noWorld', { world: w + 1 });
          if (student !== null && !cls.seat(w, c).students.includes(student)) throw new HttpError(400, `${student} does not sit at ${c} in world ${w + 1}`, 'notSitting', { student, country: c, world: w + 1 });
          await hub.emit(cls, 'captain', { world: w, country: c, student });
        });
      case 'revoke':
        return locked(async () => {
          if (!cls.students.has(args[0] as string)) throw new HttpError(404, `no student ${args[0]}`, 'noStudent', { student: String(args[0]) });
          await hub.revokeStudent(cls, args[0] as string);
        });
      case 'admit':
        // a request to rejoin under a student's name: the page asking gets its seat (or the refusal) on its next call
        return locked(() => decide(hub, cls, args[0] as string, args[1] as boolean));
      case 'sandbox':
        return locked(async () => {
          if (cls.sandbox === args[0]) return;
          await hub.emit(cls, 'sandbox', { on: args[0] });
          // off: every what-if is dropped, and the students who were on one are sent back to the class world
          if (!args[0]) for (const student of dropSandboxes(cls)) for (const conn of this.conns) if (conn.student === student && conn.cls === cls) this.send(conn, { push: 'moved', value: { world: cls.students.get(student)!.world, country: cls.students.get(student)!.country } });
        });
      case 'endClass':
        return locked(async () => {
          if (cls.status === 'ended') return;
          await hub.emit(cls, 'end', {});
        });
      case 'debrief':
        return debriefFor(cls);
      case 'briefings':
        return briefingsFor(cls);
      case 'projectorLink': {
        // the dashboard's projector token, kept while it has more than half its life left, else a new one (a class
        // created the day before, or a projector screen signed out at its token's expiry, gets a working link)
        const held = typeof args[0] === 'string' ? cls.tokens.get(hashToken(args[0])) : undefined;
        if (held?.role === 'projector' && !refusal(cls, held, hub.now()) && held.expires - hub.now() > TOKEN_LIFE.projector / 2) return args[0];
        return hub.lock(cls, () => hub.issue(cls, 'projector'));
      }
      default:
        throw new HttpError(400, `no method ${method}`, 'noMethod', { method });
    }
  }

  // ---- pushes ----

  changed(cls: ClassRoom): void {
    this.dirty.add(cls);
    this.flushing ??= setTimeout(() => this.flush(), 50);
  }

  private flush(): void {
    this.flushing = null;
    const now = this.hub.now();
    for (const cls of this.dirty) {
      let teacher: string | null = null;
      let projector: string | null = null;
      for (const conn of this.conns) {
        if (conn.cls !== cls || !conn.rec || conn.ws.readyState !== 1) continue;
        if (conn.rec.role === 'teacher') conn.ws.send((teacher ??= JSON.stringify({ push: 'state', value: teacherState(cls, now) })));
        else if (conn.rec.role === 'projector') conn.ws.send((projector ??= JSON.stringify({ push: 'state', value: projectorState(cls, now) })));
        else if (conn.student && cls.students.has(conn.student)) this.send(conn, { push: 'status', value: seatStatus(cls, conn.student, now) });
      }
    }
    this.dirty.clear();
  }

  resolved(cls: ClassRoom, w: number): void {
    const waiting = this.pending.get(`${cls.id}:${w}`) ?? [];
    this.pending.delete(`${cls.id}:${w}`);
    // one snapshot per country, serialised once for every student of that seat
    const snaps = new Map<string, string>();
    const snap = (student: string) => {
      const st = cls.students.get(student)!;
      if (cls.sandbox) return JSON.stringify(classSnapshot(cls, st)); // each student's own list of what-ifs
      const k = st.country;
      if (!snaps.has(k)) snaps.set(k, JSON.stringify(cls.worlds[w].seatSnapshot(st.country, cls.config.scenarioId, null, cls.k)));
      return snaps.get(k)!;
    };
    const raw = (conn: Conn, text: string) => conn.ws.readyState === 1 && conn.ws.send(text);
    const answered = new Set<Conn>();
    for (const p of waiting) {
      const st = p.conn.student ? cls.students.get(p.conn.student) : undefined;
      if (!st || st.world !== w) continue;
      if (!p.acked) this.send(p.conn, { id: p.id, ack: true });
      p.acked = true;
      raw(p.conn, `{"id":${p.id},"ok":true,"value":{"ok":true,"value":${snap(st.id)}}}`);
      answered.add(p.conn);
    }
    for (const conn of this.conns) {
      if (conn.cls !== cls || !conn.student || answered.has(conn)) continue;
      const st = cls.students.get(conn.student);
      // a student on a what-if stays there; the class world's new round is in the status bar and the timeline menu
      if (st?.world === w && !(cls.sandbox && activeWhatIf(cls, st.id))) raw(conn, `{"push":"snapshot","value":${snap(st.id)}}`);
    }
  }

  dropped(cls: ClassRoom): void {
    // 1012 "service restart": the clients reconnect with the same token and are routed to the class's new process
    for (const conn of this.conns) if (conn.cls === cls) conn.ws.close(1012, 'the class moved to another server process');
  }

  expired(cls: ClassRoom): void {
    for (const conn of this.conns) if (conn.cls === cls) this.signOut(conn);
  }

  /** Close a socket whose token no longer opens its class. */
  private signOut(conn: Conn): void {
    if (!conn.cls || !conn.rec || !this.conns.has(conn)) return;
    const why = refusal(conn.cls, conn.cls.tokens.get(conn.rec.hash) ?? conn.rec, this.hub.now());
    if (!why) return;
    // said as the refusal of a hello is (no id): the page shows why, and does not reconnect
    this.send(conn, { ok: false, status: 401, ...said(why) });
    conn.ws.close(4401, 'token no longer valid');
  }

  revoked(hash: string): void {
    for (const conn of this.conns)
      if (conn.rec?.hash === hash) {
        this.send(conn, { push: 'revoked', value: 'your seat was revoked by the teacher' });
        conn.ws.close(4401, 'seat revoked by the teacher');
      }
  }
}

export { hashToken };

/** A refusal as the socket says it: the English message and the code a page words. */
const said = (r: Refusal) => ({ error: r.message, code: r.code, ...(r.params ? { params: r.params } : {}) });
/** A method's error as the socket answers it (a bug's message is not for the page, but it is for the logs). */
const failure = (e: unknown) => (e instanceof HttpError ? { status: e.status, ...e.body } : { status: 500, error: (e as Error).message, code: 'serverError' as const });
