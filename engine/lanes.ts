// Keeps the shipping lanes in the state in step with which straits are closed (rot-js routing lives in map.ts).
import type { Content } from './content.ts';
import type { GameState } from './state.ts';
import { routeLanes } from './map.ts';

export function lanesFor(content: Content, closed: readonly string[], base?: GameState['lanes']): GameState['lanes'] {
  const routes = routeLanes(content.map, closed);
  const out: GameState['lanes'] = {};
  for (const id of Object.keys(routes).sort()) {
    const r = routes[id];
    out[id] = { lengthKm: Math.round(r.lengthKm), baseKm: base ? base[id].baseKm : Math.round(r.lengthKm), blocked: r.blocked };
  }
  return out;
}

type Lanes = { straits: GameState['straits']; lanes: GameState['lanes'] };

/** The straits and lanes a change of closed straits gave, per last turn's lanes record, map and closed list: the
 * planner's rollouts start several turns from one state and make the same change in each (a belief state knows the
 * straits but not the shocks that closed them). The same records then, not equal copies: the engine never changes a
 * state's records in place, and the lanes' wedges (supply.ts) are kept per lanes record. */
const changes = new WeakMap<GameState['lanes'], { map: Content['map']; byClosed: Map<string, Lanes> }>();

export function updateLanes(content: Content, state: GameState, closed: string[]): Lanes {
  if (closed.length === 0 ? !anyClosed(state.straits) : sortedClosed(state.straits).join(',') === closed.join(',')) return { straits: state.straits, lanes: state.lanes };
  let memo = changes.get(state.lanes);
  if (!memo || memo.map !== content.map) changes.set(state.lanes, (memo = { map: content.map, byClosed: new Map() }));
  const key = closed.join(',');
  const hit = memo.byClosed.get(key);
  if (hit) return { straits: hit.straits, lanes: hit.lanes };
  const straits: GameState['straits'] = {};
  for (const s of content.map.straits.map((x) => x.id).sort()) straits[s] = closed.includes(s) ? 'closed' : 'open';
  const made = { straits, lanes: lanesFor(content, closed, state.lanes) };
  if (memo.byClosed.size < 16) memo.byClosed.set(key, made);
  return { straits: made.straits, lanes: made.lanes };
}

function sortedClosed(straits: GameState['straits']): string[] {
  return Object.keys(straits)
    .filter((k) => straits[k] === 'closed')
    .sort();
}

/** Whether a strait is closed: the sorted list of closed ones joins to more than '' (the turn's usual case, none, without
 * building that list). */
function anyClosed(straits: GameState['straits']): boolean {
  for (const k in straits) if (straits[k] === 'closed' && k !== '') return true;
  return false;
}
