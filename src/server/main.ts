// `npm start`: one process serves the game and the classroom. PORT (default 8080), HOST (default 0.0.0.0, so the
// class can reach it over the local network), DATA_DIR (default ./data, PGlite) or DATABASE_URL (PostgreSQL). With
// DATABASE_URL several processes can share the database (cluster.ts, docs/deploy/): SERVER_ID, SERVER_URL and
// LEASE_SECONDS name this process, say where the others reach it, and set how long a class's lease runs. TRUST_PROXY:
// which reverse proxy's X-Forwarded-For gives a client's address (parseTrustProxy). CLASS_CREATE_PER_HOUR and
// MAX_LIVE_CLASSES: how many classes one address may create an hour, and how many live classes this process runs.
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { buildServer, isLoopback, isWildcard, lanAddresses, listenAddresses, parseTrustProxy } from './app.ts';
import { openStore } from './store.ts';
import { parseCreateLimits, type CreateLimits } from './access.ts';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a whole number from 0 to 65535, found ${JSON.stringify(process.env.PORT)}`);
  process.exit(2);
}
const host = process.env.HOST ?? '0.0.0.0';
const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const staticDir = resolve(process.env.STATIC_DIR ?? 'dist');

// The lease: 15 s by default, an assumption (a range of 5-60 s makes sense): a class whose process died waits about
// this long (plus up to a third of it, the heartbeat) before another process takes it over; much shorter and a busy
// machine or a slow database could miss a renewal and hand a class over while its process is alive (harmless, its
// clients reconnect, but a needless replay).
const leaseSeconds = Number(process.env.LEASE_SECONDS ?? 15);
if (!(leaseSeconds >= 1 && leaseSeconds <= 600)) {
  console.error(`LEASE_SECONDS must be a number from 1 to 600, found ${JSON.stringify(process.env.LEASE_SECONDS)}`);
  process.exit(2);
}

let trustProxy: boolean | string;
try {
  trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}

let createLimits: CreateLimits;
try {
  createLimits = parseCreateLimits(process.env);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}

const store = await openStore({ url: process.env.DATABASE_URL, dataDir });
const t0 = performance.now();
// the lease name: SERVER_ID, or host:port, the same after a restart on the same port (its leases come back at once)
const id = () => process.env.SERVER_ID ?? `${hostname()}:${(app.server.address() as { port: number }).port}`;
const databaseUrl = process.env.DATABASE_URL;
const { app, hub, cluster } = await buildServer({ store, staticDir, trustProxy, createLimits, cluster: databaseUrl ? { id: '', leaseMs: leaseSeconds * 1000, databaseUrl } : undefined });
await app.listen({ port, host });
const actual = (app.server.address() as { port: number }).port;

// only the addresses the server listens on are advertised: with HOST=127.0.0.1 none (nothing listens on the others)
const lan = listenAddresses(host);
const base = (h: string) => `http://${h}:${actual}`;
if (cluster) {
  // where the other processes reach this one: SERVER_URL, or this host's first network address (or HOST) and port
  const url = process.env.SERVER_URL ?? base(isWildcard(host) ? (lanAddresses()[0] ?? '127.0.0.1') : host);
  await cluster.start(url, id());
  console.log(`Server process ${cluster.opts.id} at ${url} shares PostgreSQL with the others (lease ${leaseSeconds} s).`);
}
const restored = [...hub.classes.values()];
console.log(`Rare Earth Gambit is running (storage: ${store.kind === 'pglite' ? `PGlite in ${dataDir}` : 'PostgreSQL'}; ${restored.length} class${restored.length === 1 ? '' : 'es'} restored in ${Math.round(performance.now() - t0)} ms).`);
// this computer reaches a server on the wildcard or loopback as localhost; one on a single network address only there
const self = isWildcard(host) || isLoopback(host) || host === 'localhost' ? 'localhost' : host;
console.log(`  Play alone:      ${base(self)}/`);
for (const ip of lan) console.log(`  On the network:  ${base(ip)}/`);
console.log(`  Teacher's link:  ${base(lan[0] ?? self)}/class.html?teacher`);
console.log(`  Students go to ${base(lan[0] ?? self)}/class.html and type the class code.`);
if (!lan.length && lanAddresses().length) console.log(`  HOST=${host}: only this computer reaches the server; students on other devices cannot (start it with HOST=0.0.0.0 for a class).`);
for (const u of hub.unrestored) console.error(`  Class ${u.id} was not restored: ${u.error}`);
console.log('Stop with Ctrl+C.');

const stop = async () => {
  await app.close();
  await store.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
