// Several server processes on one PostgreSQL (DATABASE_URL). Each class is run by one process, its owner, which holds
// the class's lease row (classes.owner, classes.lease_until) and renews it on a heartbeat. A process asked about a
// class it does not run (a join code, a token's first websocket message, a teacher's download) passes the request on
// to the owner's address from the `servers` table: the websocket is relayed frame by frame, so the browser keeps
// talking to whichever process the load balancer gave it. When an owner dies its leases lapse, and the next process to
// beat (or to be asked about one of its classes) takes the class over by replaying its log, as a restart does; every
// event write checks the lease in the same transaction (store.ts), so two processes never both write a class.
// Ownership changes are announced with NOTIFY gambit_owner: relays waiting for a class's new owner go on at once.
// With PGlite (one process, the default) none of this runs.
import pg from 'pg';
import WebSocket, { type RawData } from 'ws';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken, HttpError, type Hub } from './hub.ts';
import type { Store } from './store.ts';

export interface ClusterOptions {
  /** this process's name in the lease rows: unique per process; the same after a restart reclaims its leases at once */
  id: string;
  /** the lease length, ms; renewed every third of it */
  leaseMs: number;
  databaseUrl: string;
}

// Timings, all assumptions: the lease itself comes from LEASE_SECONDS (main.ts: 15 s by default, 5-60 s sensible). A
// request for a class whose owner does not answer is held for up to the lease + 10 s (long enough for the lease to
// lapse and the class to be replayed; clients retry after that anyway), re-checked every second between NOTIFYs; a
// relay's connection to the owner gives up after 5 s, a forwarded HTTP request after 10 s (a turn resolves in well
// under a second, figures in the issue-11 notes); a process that could not renew for 80% of the lease stops running
// its classes (the other 20% covers the time a renewal takes to reach the database).
const HOLD_EXTRA_MS = 10_000;

/** Marks a request one process passed on to another (it is never passed on again: no loops). */
export const RELAY_HEADER = 'x-gambit-relay';

type Where = { kind: 'local' } | { kind: 'remote'; url: string } | { kind: 'none' } | { kind: 'down' };
type By = { code: string } | { tokenHash: string } | { classId: string };

export class Cluster {
  url = '';
  private timer: NodeJS.Timeout | null = null;
  private listener: pg.Client | null = null;
  private waiters = new Set<{ classId: string; wake: () => void }>();
  private lastRenew = 0;
  private loading: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private hub: Hub,
    private store: Store,
    readonly opts: ClusterOptions,
  ) {
    if (store.kind !== 'postgres') throw new Error('several server processes need PostgreSQL (DATABASE_URL)');
  }

  /** Register this process's address, take the classes it owns or that nobody holds, and keep the leases. `id`: this
   * process's name, when only known once it listens (host:port). */
  async start(url: string, id = this.opts.id): Promise<void> {
    if (!id) throw new Error('a server process needs a name (SERVER_ID)');
    this.url = url;
    this.opts.id = id;
    this.store.fence = { id, leaseMs: this.opts.leaseMs };
    await this.listen();
    await this.beat();
    await this.loading;
    this.timer = setInterval(() => void this.beat().catch((e) => this.lost(e)), Math.max(200, Math.round(this.opts.leaseMs / 3)));
  }

  private async listen(): Promise<void> {
    const c = new pg.Client({ connectionString: this.opts.databaseUrl });
    c.on('notification', (n) => {
      let classId = '';
      try {
        classId = (JSON.parse(n.payload ?? '{}') as { classId?: string }).classId ?? '';
      } catch {
        return;
      }
      for (const w of [...this.waiters]) if (w.classId === classId) w.wake();
    });
    c.on('error', (e) => {
      console.error(`cluster: the LISTEN connection failed (${e.message}); reconnecting`);
      this.listener = null;
      if (!this.stopped) setTimeout(() => void this.listen().catch(() => undefined), 2000);
    });
    await c.connect();
    await c.query('LISTEN gambit_owner');
    this.listener = c;
  }

  private announce(classId: string): void {
    void this.listener?.query('SELECT pg_notify($1, $2)', ['gambit_owner', JSON.stringify({ classId, owner: this.opts.id, url: this.url })]).catch(() => undefined);
  }

  /** Wait until the class changes hands (NOTIFY) or `ms` pass. */
  private changed(classId: string, ms: number): Promise<void> {
    return new Promise((res) => {
      const w = { classId, wake: () => (this.waiters.delete(w), clearTimeout(t), res()) };
      const t = setTimeout(w.wake, ms);
      this.waiters.add(w);
    });
  }

  private beating = false;

  /** The heartbeat: renew this process's leases and take the lapsed ones; a class renewed by nobody here is dropped. */
  async beat(): Promise<void> {
    // the last one is still waiting for the database: past 80% of the lease, stop running the classes
    if (this.beating) return this.checkRenewed();
    this.beating = true;
    try {
      await this.renew();
    } finally {
      this.beating = false;
    }
  }

  private async renew(): Promise<void> {
    const sent = Date.now();
    const before = new Set(this.hub.classes.keys());
    await this.store.register(this.url);
    const held = new Set(await this.store.claim());
    this.lastRenew = sent;
    for (const id of before) if (!held.has(id)) this.hub.drop(id, 'another server process holds its lease');
    const fresh = [...held].filter((id) => !this.hub.classes.has(id) && !this.hub.unrestored.some((u) => u.id === id));
    if (fresh.length) this.loading = this.loading.then(() => this.take(fresh));
  }

  private async take(ids: string[]): Promise<void> {
    for (const id of ids) {
      if (this.hub.classes.has(id)) continue;
      const t0 = performance.now();
      const r = await this.hub.load(id);
      if (!this.hub.classes.has(id)) continue;
      console.log(`cluster: ${this.opts.id} runs class ${this.hub.classes.get(id)!.code} (${r.events} events, ${r.turns} turns replayed in ${Math.round(performance.now() - t0)} ms)`);
      this.announce(id);
    }
  }

  /** A heartbeat failed (the database is out of reach). */
  private lost(e: unknown): void {
    console.error(`cluster: heartbeat failed: ${(e as Error).message}`);
    this.checkRenewed();
  }

  /** No renewal for 80% of the lease (failed or still hanging): the leases may lapse, so stop running the classes. */
  private checkRenewed(): void {
    if (this.lastRenew && Date.now() - this.lastRenew > this.opts.leaseMs * 0.8) for (const id of [...this.hub.classes.keys()]) this.hub.drop(id, 'the leases could not be renewed');
  }

  /** Where a class is run; a class whose lease lapsed is taken over here and now. */
  async where(by: By): Promise<Where> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const r = await this.store.route(by);
      if (!r) return { kind: 'none' };
      if (r.live && r.owner === this.opts.id) {
        await this.hub.load(r.classId);
        return { kind: 'local' };
      }
      if (r.live) return r.url ? { kind: 'remote', url: r.url } : { kind: 'down' };
      if ((await this.store.claim(r.classId)).includes(r.classId)) {
        await (this.loading = this.loading.then(() => this.take([r.classId])));
        return { kind: 'local' };
      }
    }
    return { kind: 'down' };
  }

  /** A websocket: read its hello; a class run here is served here (`local`), another's is relayed to its owner. */
  socket(ws: WebSocket, relayed: boolean, local: (early: string[]) => void): void {
    const early: string[] = [];
    const hand = () => {
      ws.off('message', onMessage);
      local(early.splice(0));
    };
    const onMessage = (buf: RawData, isBinary: boolean) => {
      early.push(isBinary ? '' : buf.toString());
      if (early.length === 1) void route().catch(() => ws.close(1011, 'routing failed'));
    };
    ws.on('message', onMessage);
    const route = async () => {
      let token: unknown;
      try {
        token = (JSON.parse(early[0]) as { hello?: unknown }).hello;
      } catch {
        return hand();
      }
      if (typeof token !== 'string' || token.length > 200 || this.hub.knowsToken(token)) return hand();
      const tokenHash = hashToken(token);
      const until = Date.now() + this.opts.leaseMs + HOLD_EXTRA_MS;
      while (ws.readyState === WebSocket.OPEN && Date.now() < until) {
        const w = await this.where({ tokenHash });
        if (w.kind === 'local' || w.kind === 'none') return hand(); // none: the socket layer answers 401
        if (w.kind === 'remote' && relayed) return ws.close(1013, 'the class is changing server process; try again');
        if (w.kind === 'remote' && (await this.pipe(ws, w.url, early, onMessage))) return;
        const r = await this.store.route({ tokenHash });
        await this.changed(r?.classId ?? '', 1000);
      }
      ws.close(1013, "the class's server process is not answering; try again");
    };
  }

  /** Relay a client's socket to the owner's: true once connected (the frames then flow both ways until either closes). */
  private pipe(ws: WebSocket, url: string, early: string[], onMessage: (b: RawData, bin: boolean) => void): Promise<boolean> {
    return new Promise((res) => {
      const up = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`, { headers: { [RELAY_HEADER]: this.opts.id }, handshakeTimeout: 5000 });
      up.once('error', () => res(false));
      up.once('open', () => {
        if (ws.readyState !== WebSocket.OPEN) return up.close(), res(true); // the client left while we connected
        ws.off('message', onMessage);
        for (const t of early.splice(0)) up.send(t);
        ws.on('message', (d, bin) => up.readyState === WebSocket.OPEN && up.send(d, { binary: bin }));
        up.on('message', (d, bin) => ws.readyState === WebSocket.OPEN && ws.send(d, { binary: bin }));
        // the owner's own codes (4401: token refused) reach the client; a dead owner is "service restart": reconnect
        up.on('close', (code, reason) => ws.close(code === 1000 || (code >= 4000 && code < 5000) ? code : 1012, reason.toString() || 'the class moved'));
        up.on('error', () => undefined);
        ws.on('close', () => up.close());
        res(true);
      });
    });
  }

  /** An HTTP request about a class run elsewhere: answered by its owner (true), or to be served here (false). */
  async http(req: FastifyRequest, reply: FastifyReply, by: By): Promise<boolean> {
    const until = Date.now() + this.opts.leaseMs + HOLD_EXTRA_MS;
    while (Date.now() < until) {
      const w = await this.where(by);
      if (w.kind === 'local' || w.kind === 'none') return false;
      if (w.kind === 'remote' && req.headers[RELAY_HEADER]) throw new HttpError(503, 'the class is changing server process; try again', 'moving');
      if (w.kind === 'remote') {
        const r = await fetch(w.url + req.url, {
          method: req.method,
          headers: { ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), 'content-type': 'application/json', [RELAY_HEADER]: this.opts.id },
          body: req.method === 'POST' ? JSON.stringify(req.body) : undefined,
          signal: AbortSignal.timeout(10_000),
        }).catch(() => null);
        if (r) {
          for (const h of ['content-type', 'content-disposition']) if (r.headers.get(h)) void reply.header(h, r.headers.get(h));
          await reply.status(r.status).send(Buffer.from(await r.arrayBuffer()));
          return true;
        }
      }
      const route = await this.store.route(by);
      await this.changed(route?.classId ?? '', 1000);
    }
    throw new HttpError(503, "the class's server process is not answering; try again in a few seconds", 'processDown');
  }

  /** A clean stop: give the leases up so that the other processes take the classes at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.loading;
    await this.store.release().catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
  }
}
