// Classroom servers and sockets for a vitest file, closed after each test: the set-up the access and expiry tests
// shared as near-copies (tests/classroom/server.ts stays free of vitest: scripts import it).
import { afterEach } from 'vitest';
import { connect, type Client } from './client.ts';
import { makeClass, startTestServer, type TestClass, type TestServer } from './server.ts';

/** One world, Japan and China played (the rest bots), ten-minute rounds, no bot for an idle seat. */
export const TWO_SEATS = { worlds: 1, turns: 3, roundSeconds: 600, seatsPerCountry: 1, countries: ['JPN', 'CHN'], idleGraceSeconds: 0 };

export interface UsedServers {
  /** a test server (startTestServer), closed after the test */
  start(o?: Parameters<typeof startTestServer>[0]): Promise<TestServer>;
  /** stops a server as a restart would, keeping its store (closed after the test) for the next one */
  stop(srv: TestServer): Promise<void>;
  /** a socket signed in with `token`, closed after the test */
  open(base: string, token: string): Promise<Client>;
  /** a class with students joined (makeClass), its teacher's and students' sockets closed after the test */
  makeClass(base: string, config: Record<string, unknown>, labels: string[]): Promise<TestClass>;
}

/** Call in a test file (or describe block): after each test, its sockets close, then its servers, newest first, then
 * the stores of the servers it stopped. */
export function useServers(): UsedServers {
  const servers: TestServer[] = [];
  const clients: Client[] = [];
  const stores: TestServer['store'][] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const s of servers.splice(0).reverse()) await s.close();
    for (const s of stores.splice(0)) await s.close();
  });
  return {
    async start(o = {}) {
      const s = await startTestServer(o);
      servers.push(s);
      return s;
    },
    async stop(srv) {
      servers.splice(servers.indexOf(srv), 1);
      if (!stores.includes(srv.store)) stores.push(srv.store);
      await srv.app.close();
    },
    async open(base, token) {
      const c = await connect(base, token);
      clients.push(c);
      return c;
    },
    async makeClass(base, config, labels) {
      const k = await makeClass(base, config, labels);
      clients.push(k.teacher, ...k.students.map((s) => s.client));
      return k;
    },
  };
}
