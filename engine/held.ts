// Units each owner holds of each project type (failed ones aside) and the capacity of those still building, tallied
// in one pass per projects list and kept for that list: agents and order checks ask per owner and type every turn.
import type { Content } from './content.ts';
import type { Project } from './state.ts';
import { projectType } from './own.ts';
import { rampShare } from './ramp.ts';

export interface Held {
  /** units built or building (failed ones do not count) */
  units: number;
  /** capacity of the units still building: each project's units times its type's capacity, summed in list order */
  building: number;
  anyBuilding: boolean;
}

/** A turn's projects list is a new array each turn and the engine never changes one in place (a state is not
 * mutated once made), so a tally stays true for its list; the last one made is kept, with its list and content
 * (whose types give capacities). One is enough: a turn's agents and order checks all ask about its state's list, and
 * a tally per list in a WeakMap paid for a new key's set every turn (some 0.2% of a persona game). */
let last: { projects: readonly Project[]; content: Pick<Content, 'projects'>; byOwner: Map<string, Map<string, Held>> } | undefined;

function tally(content: Pick<Content, 'projects'>, projects: readonly Project[]): Map<string, Map<string, Held>> {
  if (last !== undefined && last.projects === projects && last.content === content) return last.byOwner;
  const byOwner = new Map<string, Map<string, Held>>();
  for (const p of projects) {
    if (p.status === 'failed') continue;
    let mine = byOwner.get(p.owner);
    if (!mine) byOwner.set(p.owner, (mine = new Map()));
    let h = mine.get(p.type);
    if (!h) mine.set(p.type, (h = { units: 0, building: 0, anyBuilding: false }));
    h.units += p.units;
    if (p.status === 'building') {
      // a type the content does not know has no capacity; nobody asks for one (its tally is never read)
      const t = projectType(content, p.type);
      h.building += p.units * (t ? t.capacity : NaN);
      h.anyBuilding = true;
    }
  }
  last = { projects, content, byOwner };
  return byOwner;
}

const NONE: Held = Object.freeze({ units: 0, building: 0, anyBuilding: false });

/** What `owner` holds of project type `type` in `projects` (zeros when nothing): read it, do not change it. */
export function heldOf(content: Pick<Content, 'projects'>, projects: readonly Project[], owner: string, type: string): Readonly<Held> {
  return tally(content, projects).get(owner)?.get(type) ?? NONE;
}

/** Capacity of `owner`'s finished plants of `type` still to arrive after turn `turn` (their ramp-up's rest): an agent
 * that counted only what is in place would build again for capacity it has already paid for. */
export function rampingOf(content: Pick<Content, 'projects'>, projects: readonly Project[], owner: string, type: string, turn: number, quartersPerTurn: number): number {
  const t = projectType(content, type);
  const ramp = t?.rampUp;
  if (!t || !ramp || ramp.firstShare >= 1) return 0;
  let rest = 0;
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i];
    if (p.doneTurn === undefined || p.owner !== owner || p.type !== type) continue;
    rest += p.units * t.capacity * (1 - rampShare(ramp, quartersPerTurn, turn - p.doneTurn));
  }
  return rest;
}
