// A classroom client for tests and the load benchmark: the websocket protocol of src/server/sockets.ts, recording
// every raw message it receives (the security tests read them).
import WebSocket from 'ws';

export interface Client {
  raw: string[];
  pushes: { push: string; value: unknown }[];
  hello: { role: string; classId: string; student: string | null } | null;
  /** resolves with the reply's {ok, value|error}; onAck is called when a submit is acknowledged */
  call(method: string, args?: unknown[], onAck?: () => void): Promise<{ ok: boolean; value?: unknown; error?: string; status?: number }>;
  send(text: string): void;
  waitFor(pred: (m: { push?: string; value?: unknown; [k: string]: unknown }) => boolean, ms?: number): Promise<Record<string, unknown>>;
  close(): void;
  closed: Promise<{ code: number }>;
}

export async function connect(base: string, token: string | null): Promise<Client> {
  const ws = new WebSocket(base.replace(/^http/, 'ws') + '/ws');
  const raw: string[] = [];
  const pushes: Client['pushes'] = [];
  const pending = new Map<number, { res: (v: never) => void; ack?: () => void }>();
  const waiters: { pred: (m: never) => boolean; res: (m: never) => void }[] = [];
  let next = 1;
  let closedRes: (v: { code: number }) => void = () => {};
  const closed = new Promise<{ code: number }>((r) => (closedRes = r));
  ws.on('close', (code) => closedRes({ code }));
  let helloRes: (v: unknown) => void = () => {};
  const helloP = new Promise((r) => (helloRes = r));
  const c: Client = {
    raw,
    pushes,
    hello: null,
    call(method, args = [], onAck) {
      const id = next++;
      return new Promise((res) => {
        pending.set(id, { res: res as never, ack: onAck });
        ws.send(JSON.stringify({ id, method, args }));
      });
    },
    send: (t) => ws.send(t),
    waitFor(pred, ms = 20_000) {
      return new Promise((res, rej) => {
        const t = setTimeout(() => rej(new Error('timed out waiting for a message')), ms);
        waiters.push({ pred: pred as never, res: ((m: never) => { clearTimeout(t); res(m); }) as never });
      });
    },
    close: () => ws.close(),
    closed,
  };
  ws.on('message', (buf) => {
    const text = buf.toString();
    raw.push(text);
    const m = JSON.parse(text);
    for (const w of [...waiters]) if (w.pred(m as never)) { waiters.splice(waiters.indexOf(w), 1); w.res(m as never); }
    if (m.hello) { c.hello = m.hello; return helloRes(m); }
    if (m.push) return void pushes.push(m);
    if (typeof m.id === 'number') {
      const p = pending.get(m.id);
      if (!p) return;
      if (m.ack) return p.ack?.();
      pending.delete(m.id);
      p.res(m as never);
    } else if (!c.hello) helloRes(m);
  });
  await new Promise<void>((res, rej) => { ws.once('open', () => res()); ws.once('error', rej); });
  if (token !== null) {
    ws.send(JSON.stringify({ hello: token }));
    await Promise.race([helloP, closed]);
  }
  return c;
}

export async function post(base: string, path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const r = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
}
