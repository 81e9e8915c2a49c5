// Ending a world's round: the engine turn(s) it covers, each written as a `resolve` event (the hub runs this under the
// class's lock).
import { InvalidOrdersError, type CountryId, type Orders } from '../../engine/index.ts';
import type { ClassRoom } from './classroom.ts';
import type { Hub } from './hub.ts';
import { standingOrders } from './world.ts';

/** End a world's round: one engine turn, or `quartersPerRound` of them (the seats' standing policies repeated in the
 * round's later quarters, the bots deciding each quarter), each logged as its own `resolve` event. */
export async function resolveRound(hub: Hub, cls: ClassRoom, w: number, reason: string): Promise<void> {
  const world = cls.worlds[w];
  if (world.over) return;
  const t0 = performance.now();
  const first = cls.ordersFor(w);
  const { bots } = first;
  let written: Promise<void> = Promise.resolve();
  for (let i = 0; i < cls.k && !world.over; i++) {
    let orders: Orders = first.orders;
    if (i > 0) {
      orders = world.botOrders(bots);
      for (const [c, o] of Object.entries(first.orders)) if (!bots.includes(c as CountryId) && o) orders[c as CountryId] = standingOrders(o);
    }
    let r;
    try {
      r = world.compute(orders);
    } catch (e) {
      if (!(e instanceof InvalidOrdersError)) throw e;
      // orders valid alone can clash with the others' (a deal answered twice, say): the refused seats keep their policies
      const bad = new Set<string>(e.issues.map((x) => x.country));
      orders = Object.fromEntries(Object.entries(orders).filter(([c]) => !bad.has(c))) as Orders;
      r = world.compute(orders);
    }
    const ms = Math.round(performance.now() - t0);
    const last = world.turn + 1 >= world.turns;
    const roundEnds = last || i === cls.k - 1;
    if (roundEnds) {
      hub.resolveMs.push(ms);
      if (hub.resolveMs.length > 100_000) hub.resolveMs.splice(0, 50_000);
    }
    cls.stage(w, r);
    const deadline = last || !roundEnds || cls.status !== 'running' ? null : hub.now() + cls.config.roundSeconds * 1000;
    written = hub.emit(cls, 'resolve', { world: w, turn: world.turn + 1, orders, hash: r.hash, reason, bots, ms, deadline, ...(cls.k > 1 ? { quarter: i + 1 } : {}) });
  }
  // the class's lock is not held for the write: the answers go out once it is written
  void written.then(() => hub.listener.resolved(cls, w)).catch(() => undefined);
  if (cls.worlds.every((x) => x.over) && cls.status !== 'ended') void hub.emit(cls, 'end', {}).catch(() => undefined);
  hub.listener.changed(cls);
}
