// A restart (or another process taking a class over) must not eat the round's clock: deadlines are absolute times in
// the log and stand while the server is down, so a round whose deadline passed during the outage, or that is left with
// less than a minute, gets time back when its class is restored (a `recover` event, shown on the dashboard). When the
// outage began is known from a heartbeat: while a class's round runs, its process writes the time to the class's row
// every HEARTBEAT_MS (and once more when it stops cleanly), so a round with no events for minutes before the outage is
// not taken to have stopped at its last event.
import type { ClassRoom } from './classroom.ts';

/** How often a running class's heartbeat is written: the outage's start is known to within this (an assumption, 5-30 s
 * make sense: one small UPDATE per process per beat). */
export const HEARTBEAT_MS = 10_000;

/** At least this much of a round is left after a recovery (or the whole round, when rounds are shorter). */
export const MIN_AFTER_OUTAGE = 60_000;

/** The new deadlines after an outage, or null when every running round still has enough time. A round that is short
 * gets what it had left at the last sign of life before the outage (the class's last event or heartbeat, `aliveAt`,
 * whichever is later), at least MIN_AFTER_OUTAGE and at most one whole round. */
export function recoveredDeadlines(cls: ClassRoom, now: number, aliveAt: number | null = null): { at: number; deadlines: (number | null)[]; downMs: number } | null {
  if (cls.status !== 'running') return null;
  const since = Math.max(cls.lastAt, aliveAt ?? 0);
  const round = cls.config.roundSeconds * 1000;
  const least = Math.min(MIN_AFTER_OUTAGE, round);
  let changed = false;
  const deadlines = cls.rounds.map((r, w) => {
    if (r.deadline === null || cls.worlds[w].over || r.deadline - now >= least) return null;
    changed = true;
    return now + Math.min(round, Math.max(least, r.deadline - since));
  });
  // `at`: the moment the new deadlines count from (the event's own time is taken later, under the class's lock)
  return changed ? { at: now, deadlines, downMs: Math.max(0, now - since) } : null;
}
