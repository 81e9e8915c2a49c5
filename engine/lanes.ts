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

export function updateLanes(content: Content, state: GameState, closed: string[]): { straits: GameState['straits']; lanes: GameState['lanes'] } {
  if (closed.length === 0 ? !anyClosed(state.straits) : sortedClosed(state.straits).join(',') === closed.join(',')) return { straits: state.straits, lanes: state.lanes };
  const straits: GameState['straits'] = {};
  for (const s of content.map.straits.map((x) => x.id).sort()) straits[s] = closed.includes(s) ? 'closed' : 'open';
  return { straits, lanes: lanesFor(content, closed, state.lanes) };
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
