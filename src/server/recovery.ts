// A restart (or another process taking a class over) must not eat the round's clock: deadlines are absolute times in
// the log and stand while the server is down, so a round whose deadline passed during the outage, or that is left with
// less than a minute, gets time back when its class is restored (a `recover` event, shown on the dashboard).
import type { ClassRoom } from './classroom.ts';

/** At least this much of a round is left after a recovery (or the whole round, when rounds are shorter). */
export const MIN_AFTER_OUTAGE = 60_000;

/** The new deadlines after an outage, or null when every running round still has enough time. A round that is short
 * gets what it had left at the class's last event (the last sign of life before the outage), at least
 * MIN_AFTER_OUTAGE and at most one whole round. */
export function recoveredDeadlines(cls: ClassRoom, now: number): { at: number; deadlines: (number | null)[]; downMs: number } | null {
  if (cls.status !== 'running') return null;
  const round = cls.config.roundSeconds * 1000;
  const least = Math.min(MIN_AFTER_OUTAGE, round);
  let changed = false;
  const deadlines = cls.rounds.map((r, w) => {
    if (r.deadline === null || cls.worlds[w].over || r.deadline - now >= least) return null;
    changed = true;
    return now + Math.min(round, Math.max(least, r.deadline - cls.lastAt));
  });
  // `at`: the moment the new deadlines count from (the event's own time is taken later, under the class's lock)
  return changed ? { at: now, deadlines, downMs: Math.max(0, now - cls.lastAt) } : null;
}
