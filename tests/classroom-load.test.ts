// The load benchmark's small version (npm run load is the full one): two classes of ten students over websockets, two
// rounds; no order is lost, every acknowledged order is in its world's record, and every world played every round.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runLoad, summaryLine } from '../scripts/load-sim.ts';
import { startTestServer, type TestServer } from './classroom/server.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ clock: true });
}, 60_000);
afterAll(async () => {
  await srv?.close();
});

it('two classes of ten students, two rounds: nothing lost', async () => {
  const r = await runLoad({ base: srv.base, classes: 2, students: 10, rounds: 2, roundSeconds: 3 });
  console.log(summaryLine(r));
  expect(r.students).toBe(20);
  expect(r.worlds).toBe(4);
  expect(r.sent).toBeGreaterThanOrEqual(40);
  expect(r.lost).toBe(0);
  expect(r.acked + r.late).toBe(r.sent);
  expect(r.resolves).toBe(4 * 2);
  for (const cls of srv.hub.classes.values()) expect(cls.status).toBe('ended');
}, 120_000);
