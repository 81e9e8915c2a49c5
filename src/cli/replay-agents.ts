// Whether a replay's `agents` field says who played: each seat named by an engine agent (an archetype, a persona, the
// planner) is played again from the recorded states, and its orders must be the recorded ones. `fork` plays those
// agents on, so an edited field would otherwise fork a game nobody played. Seats whose orders came from elsewhere (a
// script, whose path the replay names but which is never read from an untrusted file; a class's students) are named
// as unchecked.
import { COUNTRIES, collectOrders, createGame, makeAgent, resolveTurnLean, type Agent, type Content, type CountryId, type GameState, type Replay, type Seats } from '../../engine/index.ts';

export type AgentCheck =
  | { ok: true; checked: CountryId[]; unchecked: { country: CountryId; agent: string; why: string }[] }
  | { ok: false; turn: number; country: CountryId; agent: string };

/** Why a seat's orders cannot be played again, or null if its agent can play them. */
function uncheckable(name: string): string | null {
  if (name.startsWith('scripted:')) return 'a script; its file is not read from a replay';
  if (name === 'class') return "a class's students";
  return null;
}

/** A watcher of a replay's states that plays its engine agents on each and compares their orders with the recorded
 * ones: hand `visit` to `verifyReplay` (one pass plays both checks), then ask `result`. It checks the turns played
 * from the states it is shown, up to `upTo` (all by default), and stops asking the agents at the first difference. */
export function replayAgentsWatcher(content: Content, replay: Replay, upTo = replay.turns): { visit: (state: GameState, played: number) => void; result: () => AgentCheck } {
  const seats = {} as Seats;
  const checked: CountryId[] = [];
  const unchecked: { country: CountryId; agent: string; why: string }[] = [];
  for (const c of COUNTRIES) {
    const name = replay.agents[c];
    const why = name === undefined ? 'no agent named' : uncheckable(name);
    let agent: Agent | null = null;
    let reason = why;
    if (!why) {
      try {
        agent = makeAgent(content, name === c ? 'persona' : name, c);
      } catch (e) {
        reason = `not an agent this program has (${(e as Error).message})`;
      }
    }
    if (agent) {
      seats[c] = agent;
      checked.push(c);
    } else {
      seats[c] = makeAgent(content, 'status-quo', c); // not asked: collectOrders skips the status quo
      unchecked.push({ country: c, agent: name ?? '', why: reason ?? '' });
    }
  }
  const turns = Math.min(upTo, replay.turns);
  let failed: AgentCheck | null = null;
  const visit = (state: GameState, played: number): void => {
    if (failed || played >= turns || !checked.length) return;
    const orders = collectOrders(content, state, seats);
    const recorded = replay.orders[played] ?? {};
    for (const c of checked) {
      // JSON both sides: the recorded orders went through a file (no undefined keys), in the order the agent wrote them
      if (JSON.stringify(orders[c] ?? null) !== JSON.stringify(recorded[c] ?? null)) {
        failed = { ok: false, turn: played + 1, country: c, agent: replay.agents[c] };
        return;
      }
    }
  };
  return { visit, result: () => failed ?? { ok: true, checked, unchecked } };
}

/** Play the replay's engine agents over its first `upTo` turns (all by default) and compare their orders with the
 * recorded ones, the states rebuilt from the recorded orders (call it on a replay whose hashes verified; `replay
 * verify` and `fork` watch `verifyReplay`'s pass instead of playing the replay twice). */
export function checkReplayAgents(content: Content, replay: Replay, upTo = replay.turns): AgentCheck {
  const w = replayAgentsWatcher(content, replay, upTo);
  let state = createGame(content, replay.seed);
  const turns = Math.min(upTo, replay.turns);
  for (let t = 0; t < turns; t++) {
    w.visit(state, t);
    if (!w.result().ok) break;
    state = resolveTurnLean(content, state, replay.orders[t], { ledger: false }).state;
  }
  return w.result();
}

/** The check's result in words, for `replay verify` and `fork`. */
export function agentCheckWords(r: AgentCheck): string {
  if (!r.ok) return `turn ${r.turn}: the orders recorded for ${r.country} are not what its agent "${r.agent}" plays there (the replay's agents or orders were edited)`;
  const parts: string[] = [];
  if (r.checked.length) parts.push(`the orders of ${r.checked.join(', ')} are what their agents play`);
  if (r.unchecked.length) parts.push(`not checked: ${r.unchecked.map((u) => `${u.country} (${u.agent ? `"${u.agent}", ` : ''}${u.why})`).join(', ')}`);
  return parts.join('; ');
}
