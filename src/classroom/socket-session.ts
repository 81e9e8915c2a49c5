// The browser's side of the classroom socket: a `Session` (src/session/protocol.ts) like workerSession(), answered by the
// class server for one seat, plus the class's pushes (clock, who is still to submit, a new turn) for the class screens.
// It reconnects by itself, with the same token, after a dropped connection.
import type { Session, SessionResult, SessionSnapshot } from '../session/protocol.ts';
import { ServerError } from './common.ts';

export type Push = { push: string; value: unknown };
export type Role = 'teacher' | 'projector' | 'seat';

export interface ClassSocket {
  /** a request by name (the teacher's and projector's methods too); rejects with the server's error (a ServerError) */
  call<T = unknown>(method: string, args?: unknown[]): Promise<T>;
  onPush(f: (p: Push) => void): void;
  /** `why`: the server's reason for refusing the token (a page words it with said()) */
  onState(f: (s: 'open' | 'closed' | 'refused', why?: ServerError) => void): void;
  hello: Promise<{ role: Role; classId: string; code: string; student: string | null }>;
  /** a new turn's snapshot (read after a reconnect) answers the submits still waiting: true if there were any */
  answer(snapshot: unknown): boolean;
  /** forgets the calls of `method` still waiting, never to be answered (End turn's, when the page draws another seat) */
  drop(method: string): void;
  close(): void;
}

export function classSocket(token: string): ClassSocket {
  let ws: WebSocket;
  let next = 1;
  let open = false;
  let stopped = false;
  let retry = 500;
  const pending = new Map<number, { method: string; args: unknown[]; resolve: (v: unknown) => void; reject: (e: Error) => void; sent: boolean }>();
  const pushes: ((p: Push) => void)[] = [];
  const states: ((s: 'open' | 'closed' | 'refused', why?: ServerError) => void)[] = [];
  let helloRes: (v: never) => void = () => {};
  let helloRej: (e: Error) => void = () => {};
  const hello = new Promise<never>((res, rej) => ((helloRes = res), (helloRej = rej)));

  /** a new turn's snapshot answers the submits sent before it (their answer went to a socket now gone) */
  const answer = (value: unknown) => {
    const subs = [...pending].filter(([, p]) => p.method === 'submit' && p.sent);
    for (const [id, p] of subs) {
      pending.delete(id);
      p.resolve({ ok: true, value });
    }
    return subs.length > 0;
  };

  const send = (id: number) => {
    const p = pending.get(id)!;
    p.sent = true;
    ws.send(JSON.stringify({ id, method: p.method, args: p.args }));
  };

  const connect = () => {
    ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
    ws.onopen = () => ws.send(JSON.stringify({ hello: token }));
    ws.onmessage = (e) => {
      const m = JSON.parse(String(e.data));
      if (m.hello) {
        open = true;
        retry = 500;
        helloRes(m.hello as never);
        for (const [id, p] of pending) if (!p.sent || p.method !== 'submit') send(id); // a sent submit was written: its answer comes as a push
        states.forEach((f) => f('open'));
        return;
      }
      if (m.push) {
        // a turn resolved while our submit's socket was gone: that snapshot answers the submit (and any sent again
        // with changes before the round ended, which would otherwise take the next round's snapshot)
        if (m.push === 'snapshot' && answer(m.value)) return;
        return pushes.forEach((f) => f(m as Push));
      }
      if (typeof m.id !== 'number') {
        if (m.status === 401) {
          stopped = true;
          const why = ServerError.of(m, 'the server refused this link');
          helloRej(why);
          states.forEach((f) => f('refused', why));
        }
        return;
      }
      const p = pending.get(m.id);
      if (!p || m.ack) return;
      pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(ServerError.of(m, 'the server refused'));
    };
    ws.onclose = (e) => {
      open = false;
      if (e.code === 4401) stopped = true;
      const why = e.reason ? new ServerError(e.reason) : undefined; // a close's reason has no code: said after the message that had one
      states.forEach((f) => f(stopped ? 'refused' : 'closed', why));
      for (const p of pending.values()) if (p.method !== 'submit') p.sent = false;
      if (!stopped) setTimeout(connect, (retry = Math.min(retry * 2, 8000)));
    };
  };
  connect();

  return {
    call<T>(method: string, args: unknown[] = []) {
      return new Promise<T>((resolve, reject) => {
        const id = next++;
        pending.set(id, { method, args, resolve: resolve as (v: unknown) => void, reject, sent: false });
        if (open) send(id);
      });
    },
    onPush: (f) => void pushes.push(f),
    onState: (f) => void states.push(f),
    hello,
    answer,
    drop(method) {
      for (const [id, p] of pending) if (p.method === method) pending.delete(id);
    },
    close() {
      stopped = true;
      ws.close();
    },
  };
}

/** A `Session` for one seat over the class socket: what the game's own screens talk to in a class. */
export function socketSession(sock: ClassSocket): Session & { turn: number } {
  const call =
    (m: string) =>
    (...args: unknown[]) =>
      sock.call(m, args);
  const s = {
    turn: 0,
    waitsForOthers: true,
    scenarios: call('scenarios'),
    agents: call('agents'),
    briefing: call('briefing'),
    start: call('start'),
    validate: call('validate'),
    async submit(orders: unknown) {
      const r = (await sock.call('submit', [orders, s.turn])) as SessionResult<SessionSnapshot>;
      if (r.ok) s.turn = r.value.turn;
      return r;
    },
    undo: call('undo'),
    fork: call('fork'),
    switchTimeline: call('switchTimeline'),
    compare: call('compare'),
    save: call('save'),
    load: call('load'),
    finish: call('finish'),
    replayTurn: call('replayTurn'),
    projectTypes: call('projectTypes'),
    strategyPlan: call('strategyPlan'),
    strategyRow: call('strategyRow'),
  };
  return s as unknown as Session & { turn: number };
}
