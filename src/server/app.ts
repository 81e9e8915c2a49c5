// The server: fastify serves the built game (dist/) and the classroom: a small HTTP API (create a class, join it,
// exports, QR codes) and the websocket every class screen talks over (sockets.ts).
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import QRCode from 'qrcode';
import { JoinSchema, zodLine } from './config.ts';
import { Hub, HttpError, type Schedule } from './hub.ts';
import { closeDecisionPool } from './decision-pool.ts';
import { Sockets } from './sockets.ts';
import { EXPORT_COLUMNS, exportRows, toCsv } from './debrief.ts';
import { scenarioList } from './content.ts';
import type { Store } from './store.ts';
import { Cluster, RELAY_HEADER, type ClusterOptions } from './cluster.ts';
import { CreateGate, DEFAULT_CREATE_LIMITS, isLive, type CreateLimits } from './access.ts';

export interface ServerOptions {
  store: Store;
  /** the built UI to serve (dist/); none: API only (tests, or Vite serving the pages in development) */
  staticDir?: string | null;
  now?: () => number;
  /** timers on the `now` clock (Hub's Schedule); real timers by default */
  schedule?: Schedule;
  /** half-second clock ticks (tests may drive hub.tick themselves) */
  clock?: boolean;
  logger?: boolean;
  /** several processes on one PostgreSQL (cluster.ts); start it once listening: `cluster.start(url)` */
  cluster?: ClusterOptions;
  /** which proxies' X-Forwarded-For to believe for a client's address (TRUST_PROXY, parseTrustProxy); none by default */
  trustProxy?: boolean | string;
  /** classes one address may create an hour, and live classes this process runs at most (CLASS_CREATE_PER_HOUR,
   * MAX_LIVE_CLASSES; access.ts) */
  createLimits?: CreateLimits;
}

/** TRUST_PROXY: unset or "false", believe no proxy (a client's address is the socket's); "true", any; else a
 * comma-separated list of addresses, CIDR ranges or loopback / linklocal / uniquelocal (Fastify's
 * trustProxy). Behind a reverse proxy without it, every client shares the proxy's address, so one address's limit (20
 * wrong join codes a minute) is the whole school's. Throws, naming the item, on anything else. */
export function parseTrustProxy(v: string | undefined): boolean | string {
  const s = (v ?? '').trim();
  if (s === '' || s === 'false') return false;
  if (s === 'true') return true;
  const items = s.split(',').map((x) => x.trim());
  for (const x of items)
    if (!/^(loopback|linklocal|uniquelocal|\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?|[0-9a-fA-F:]*:[0-9a-fA-F:.]*(\/\d{1,3})?)$/.test(x))
      throw new Error(`TRUST_PROXY: ${JSON.stringify(x)} is not true, false, an address, a CIDR range or loopback/linklocal/uniquelocal`);
  return items.join(',');
}

/** Whether a server listening on `host` listens on every interface (0.0.0.0, ::, or no host given). */
export const isWildcard = (host: string | undefined): boolean => !host || host === '0.0.0.0' || host === '::' || host === '::ffff:0.0.0.0';
/** Whether `addr` is a loopback address: only this computer reaches it, and only this computer comes from it. */
export const isLoopback = (addr: string): boolean => /^(127\.|::1$|::ffff:127\.)/.test(addr);

/** The network addresses students can reach a server listening on `host` at: every one of this machine's (lanAddresses)
 * for the wildcard (0.0.0.0, ::, or no host), the one named if it is one of them, none for a loopback address
 * (HOST=127.0.0.1: only this computer reaches the server, whatever addresses its network cards have). */
export function listenAddresses(host: string | undefined, lan = lanAddresses()): string[] {
  if (!host || isWildcard(host)) return lan;
  const h = host.replace(/^::ffff:/, '');
  return lan.includes(h) ? [h] : [];
}

/** This machine's IPv4 addresses other devices can reach (not loopback). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

export async function buildServer(opts: ServerOptions): Promise<{ app: FastifyInstance; hub: Hub; sockets: Sockets; cluster: Cluster | null }> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 256 * 1024, trustProxy: opts.trustProxy ?? false });
  const hub = new Hub(opts.store, opts.now, opts.schedule);
  const sockets = new Sockets(hub);
  // one process: every class in the store is run here; several: each runs the classes it holds the lease of
  const cluster = opts.cluster ? new Cluster(hub, opts.store, opts.cluster) : null;
  if (!cluster) await hub.restore();

  app.setErrorHandler((err: Error & { statusCode?: number }, _req, reply) => {
    const status = err instanceof HttpError ? err.status : (err.statusCode ?? 500);
    if (status >= 500 && !(err instanceof HttpError)) console.error(err);
    // a page words the code in its language; the English message is for the CLI, the API and the logs
    void reply.status(status).send(err instanceof HttpError ? err.body : status >= 500 ? { error: 'server error', code: 'serverError' } : { error: err.message });
  });

  // a teacher's download for a class another process runs: answered by that process
  if (cluster)
    app.addHook('preHandler', async (req, reply) => {
      const id = (req.params as { id?: string }).id;
      if (!req.url.startsWith('/api/classes/') || !id || hub.classes.has(id)) return;
      if (await cluster.http(req, reply, { classId: id })) return reply;
    });

  await app.register(fastifyWebsocket, { options: { maxPayload: 256 * 1024 } });
  app.register(async (f) => {
    f.get('/ws', { websocket: true }, (socket, req) => {
      if (!cluster) return sockets.attach(socket);
      cluster.socket(socket, req.headers[RELAY_HEADER] !== undefined, (early) => sockets.attach(socket, early));
    });
  });

  // for a load balancer and an operator: counts, and with several processes this process's name and its classes' ids
  // (never their join codes: anyone who can reach the server may ask, and a code lets a stranger join)
  const live = () => [...hub.classes.values()].filter((c) => isLive(c, hub.now())).length;
  app.get('/api/health', async () => ({
    ok: true,
    classes: hub.classes.size,
    live: live(),
    store: opts.store.kind,
    ...(cluster ? { server: cluster.opts.id, ids: [...hub.classes.keys()].sort() } : {}),
  }));
  // figures for the load benchmark: the process's memory (and its peak, sampled every quarter second) and how long
  // world turns took to resolve
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 250);
  sampler.unref();
  app.get('/api/stats', async () => {
    const ms = [...hub.resolveMs].sort((a, b) => a - b);
    const q = (p: number) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] : 0);
    const cpu = process.cpuUsage();
    return { cpuSeconds: (cpu.user + cpu.system) / 1e6, rss: process.memoryUsage.rss(), peakRss: Math.max(peakRss, process.memoryUsage.rss()), resolves: ms.length, resolveP50: q(0.5), resolveP99: q(0.99) };
  });
  app.get('/api/scenarios', async () => scenarioList());
  // the laptop's network addresses: a class page opened as localhost shows students one of these instead (common.ts).
  // Only a page on this machine asks (it was opened as localhost), so only it is answered: a server on a school network
  // tells nobody else its private addresses. A reverse proxy on the same machine connects from loopback too: a request
  // that carries a proxy's forwarding header is refused (a proxy that adds none is not told apart: docs/SECURITY.md).
  app.get('/api/lan', async (req, reply) => {
    const from = req.socket.remoteAddress ?? '';
    const proxied = ['x-forwarded-for', 'forwarded', 'x-real-ip'].some((h) => req.headers[h] !== undefined);
    if (proxied || !isLoopback(from)) return reply.code(403).send({ error: '/api/lan answers only a page opened on the server\'s own machine (localhost)', code: 'lanOnly' });
    // only the addresses the server listens on: a server on 127.0.0.1 is reached by no other device (localOnly)
    const bound = (app.server.address() as { address: string } | null)?.address;
    const addresses = listenAddresses(bound);
    return { addresses, localOnly: !addresses.length && !!bound && isLoopback(bound) };
  });
  const gate = new CreateGate(opts.createLimits ?? DEFAULT_CREATE_LIMITS);
  app.post('/api/classes', async (req) => {
    // a request that creates no class (bad options, say) gives its place in the hour's allowance back
    const release = gate.take(req.ip, live(), hub.now());
    try {
      return await hub.createClass(req.body);
    } catch (e) {
      release();
      throw e;
    }
  });
  app.post('/api/join', async (req, reply) => {
    const p = JoinSchema.safeParse(req.body);
    if (!p.success) {
      // the join form's own fields in the words a student reads (a name of spaces said "label: Too small: expected
      // string to have >=1 characters"); anything else (a token, a request) in the parser's words
      const field = String(p.error.issues[0]?.path[0] ?? '');
      const why = field === 'label' ? 'type your name (1 to 40 characters)' : field === 'code' ? 'type the class code your teacher gave you (4 to 12 letters and digits)' : zodLine(p.error);
      // the form's fields in the student's words alone (the page shows them: "join: type your name" read as jargon)
      throw new HttpError(400, field === 'label' || field === 'code' ? why : `join: ${why}`, 'joinInvalid', { field });
    }
    if (cluster && !hub.hasCode(p.data.code) && (await cluster.http(req, reply, { code: p.data.code.trim().toUpperCase() }))) return reply;
    const r = await hub.join(p.data.code, p.data.label, req.ip, { token: p.data.token, request: p.data.request });
    // a request to rejoin under a student's name, waiting for the teacher: 202, and the page asks again
    return 'pending' in r ? reply.code(202).send(r) : r;
  });
  app.get('/api/qr', async (req, reply) => {
    const text = String((req.query as { text?: string }).text ?? '');
    if (!text || text.length > 300) throw new HttpError(400, 'qr: text must be 1 to 300 characters', 'qrText');
    void reply.type('image/svg+xml');
    return QRCode.toString(text, { type: 'svg', margin: 1 });
  });

  /** The teacher of class `id`, from the Authorization header (Bearer TOKEN). */
  const teacherOf = (req: FastifyRequest) => {
    const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    const { cls, rec } = hub.auth(m?.[1]);
    if (rec.role !== 'teacher' || cls.id !== (req.params as { id: string }).id) throw new HttpError(403, 'only the class\'s teacher can do this', 'teacherOnly');
    return cls;
  };
  app.get('/api/classes/:id/export.csv', async (req, reply) => {
    const cls = teacherOf(req);
    void reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="class-${cls.code}.csv"`);
    return toCsv(exportRows(cls), EXPORT_COLUMNS);
  });
  app.get('/api/classes/:id/export.jsonl', async (req, reply) => {
    const cls = teacherOf(req);
    void reply.type('application/jsonl; charset=utf-8').header('content-disposition', `attachment; filename="class-${cls.code}.jsonl"`);
    return exportRows(cls).map((r) => `${JSON.stringify(r)}\n`).join(''); // no rows: empty, not one blank line
  });
  app.get('/api/classes/:id/worlds/:w/replay.json', async (req, reply) => {
    const cls = teacherOf(req);
    const w = Number((req.params as { w: string }).w) - 1;
    const world = cls.worlds[w];
    if (!Number.isInteger(w) || !world) throw new HttpError(404, `no world ${(req.params as { w: string }).w}`, 'noWorld', { world: (req.params as { w: string }).w });
    if (world.turn === 0) throw new HttpError(409, `world ${w + 1} has not played a turn yet`, 'worldNotPlayed', { world: w + 1 });
    // 'persona' only for a seat the persona played every turn (`gambit replay verify` plays it again); a seat students
    // played any turn, or hold now, is the class's
    const turns = cls.resolvedAt.filter((r) => r.world === w);
    const agents = Object.fromEntries(cls.seats[w].map((s) => [s.country, !s.students.length && turns.every((r) => r.bots.includes(s.country)) ? 'persona' : 'class']));
    void reply.type('application/json').header('content-disposition', `attachment; filename="class-${cls.code}-world-${w + 1}.json"`);
    return JSON.stringify(world.replay(agents as never), null, 1);
  });

  if (opts.staticDir && existsSync(opts.staticDir)) await app.register(fastifyStatic, { root: resolve(opts.staticDir), index: ['index.html'] });

  if (opts.clock !== false) hub.startClock();
  app.addHook('onClose', async () => {
    clearInterval(sampler);
    await hub.close();
    await cluster?.stop();
    await closeDecisionPool();
  });
  return { app, hub, sockets, cluster };
}
