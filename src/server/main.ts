// `npm start`: one process serves the game and the classroom. PORT (default 8080), HOST (default 0.0.0.0, so the
// class can reach it over the local network), DATA_DIR (default ./data, PGlite) or DATABASE_URL (PostgreSQL).
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { buildServer } from './app.ts';
import { openStore } from './store.ts';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a whole number from 0 to 65535, found ${JSON.stringify(process.env.PORT)}`);
  process.exit(2);
}
const host = process.env.HOST ?? '0.0.0.0';
const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const staticDir = resolve(process.env.STATIC_DIR ?? 'dist');

const store = await openStore({ url: process.env.DATABASE_URL, dataDir });
const t0 = performance.now();
const { app, hub } = await buildServer({ store, staticDir });
const restored = [...hub.classes.values()];
await app.listen({ port, host });
const actual = (app.server.address() as { port: number }).port;

const lan = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a && a.family === 'IPv4' && !a.internal)
  .map((a) => a!.address);
const base = (h: string) => `http://${h}:${actual}`;
console.log(`Rare Earth Gambit is running (storage: ${store.kind === 'pglite' ? `PGlite in ${dataDir}` : 'PostgreSQL'}; ${restored.length} class${restored.length === 1 ? '' : 'es'} restored in ${Math.round(performance.now() - t0)} ms).`);
console.log(`  Play alone:      ${base('localhost')}/`);
for (const ip of lan) console.log(`  On the network:  ${base(ip)}/`);
console.log(`  Teacher's link:  ${base(lan[0] ?? 'localhost')}/class.html?teacher`);
console.log(`  Students go to ${base(lan[0] ?? 'localhost')}/class.html and type the class code.`);
for (const u of hub.unrestored) console.error(`  Class ${u.id} was not restored: ${u.error}`);
console.log('Stop with Ctrl+C.');

const stop = async () => {
  await app.close();
  await store.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
